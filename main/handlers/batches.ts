// IT batches on the workstation host: a batch file arrives in chunks (staged in memory under the
// page's transfer id), then is either written to a folder the user chose (batch-folders.ts) or,
// on the centre's host, imported through the checks of domain/sync/batch-import.ts. The centre's
// host is the one started with HWS_CENTRE_ADMIN_URL (the central CouchDB's admin URL): admin rights
// are used only to write what those checks let through. The importing user confirms with their
// password; the server must know them as IT (and, with HWS_CENTRE_OFFICES, of a centre office).
import { AppError } from '../../domain/errors';
import { BATCH_CHUNK_BYTES, MAX_BATCH_BYTES, type BatchHandlers } from '../../domain/ipc/batches';
import { readAccount } from '../../domain/sync/account';
import { BatchError } from '../../domain/sync/batch-file';
import { importBatchOver } from '../../domain/sync/batch-import';
import type { MainContext } from '../context';
import { batchRoots, listTargets, writeBatchFile } from './batch-folders';
import { Staging } from './staging';

export interface BatchOptions {
  readonly env?: NodeJS.ProcessEnv;
}

export function batchHandlers(ctx: MainContext, options: BatchOptions = {}): { [K in keyof BatchHandlers]: BatchHandlers[K] } {
  const env = options.env ?? process.env;
  const centreUrl = env.HWS_CENTRE_ADMIN_URL?.trim() || undefined;
  const centreOffices = (env.HWS_CENTRE_OFFICES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const staged = new Staging({
    chunkBytes: BATCH_CHUNK_BYTES,
    maxBytes: MAX_BATCH_BYTES,
    maxStaged: 4,
    // An abandoned transfer is dropped after half an hour.
    ttlMs: 30 * 60_000,
    refusals: {
      chunk: ['BATCH_CHUNK', '数据块过大'],
      busy: ['BATCH_BUSY', '本机正在处理其他批量文件,请稍后再试'],
      order: ['BATCH_CHUNK_ORDER', '批量文件传输中断,请重新开始'],
      tooLarge: ['BATCH_TOO_LARGE', `批量文件超过 ${MAX_BATCH_BYTES / 1024 / 1024} MB,请分批导出`],
      notStaged: ['BATCH_NOT_STAGED', '批量文件尚未完整传到本机,请重新选择文件'],
    },
  });

  return {
    async 'batches/targets'() {
      return { targets: await listTargets(ctx.dataDir, env), roots: batchRoots(ctx.dataDir, env), centre: centreUrl !== undefined };
    },
    async 'batches/stage'({ transferId, offset, dataBase64 }) {
      return staged.add(transferId, offset, dataBase64);
    },
    async 'batches/save'({ transferId, folder, fileName }) {
      const bytes = staged.take(transferId);
      return { path: await writeBatchFile(batchRoots(ctx.dataDir, env), folder, fileName, bytes), bytes: bytes.length };
    },
    async 'batches/discard'({ transferId }) {
      staged.drop(transferId);
    },
    async 'batches/import'({ transferId, username, password }) {
      if (!centreUrl) {
        staged.drop(transferId);
        throw new AppError('NOT_CENTRE', '本工作站不是中心工作站(未配置中心服务器的管理凭据),不能导入批量文件');
      }
      const account = await readAccount(fetch, ctx.couchUrl, username, password);
      if (!account) throw new AppError('SERVER_UNREACHABLE', '无法连接中心服务器,导入需要联网');
      if (!account.user.roles.includes('it')) throw new AppError('NOT_IT', `${account.user.displayName}不是IT运维人员,不能导入批量文件`);
      if (centreOffices.length > 0 && !centreOffices.includes(account.user.officeId)) {
        throw new AppError('NOT_CENTRE_STAFF', `${account.user.displayName}不属于中心(${centreOffices.join('、')}),不能在此导入批量文件`);
      }
      const file = staged.take(transferId);
      const progress = (done: number, total: number) => ctx.events.emit('batches/progress', { transferId, done, total });
      try {
        const report = await importBatchOver(fetch, centreUrl, new Uint8Array(file.buffer, file.byteOffset, file.length), { progress });
        return { ...report, importedBy: account.user.name, importedAt: new Date().toISOString() };
      } catch (e) {
        if (e instanceof BatchError) throw new AppError(`BATCH_${e.code}`, e.message);
        if (e instanceof SyntaxError) throw new AppError('BATCH_CORRUPT', '批量文件内容无法解读(文件已损坏),未导入任何数据');
        throw e;
      }
    },
  };
}
