// `hws batch import FILE --url URL [--centre-key PUB]` and
// `hws batch export --url URL --office ID [--since SEQ] --key CENTRE_KEY --out FILE`:
// moving an office's records by removable media where a site has no network. The import checks
// the exporter's signature and every document as a live write would be checked, and reports per
// document what it wrote, skipped (already there) and refused.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importSigner, type SigningKeyPair } from '../domain/crypto/signing';
import { BatchError } from '../domain/sync/batch-file';
import { exportBatch, importBatch } from '../sync-server/batch';

const USAGE = [
  '用法:hws batch import 文件 --url http://admin:密码@主机:5984 [--centre-key 中心批量公钥文件]',
  '      hws batch export --url URL --office 办事处编号 [--since 序号] --key 中心批量私钥文件 --out 文件',
].join('\n');

/** A progress bar on the terminal (stderr), redrawn in place. */
function bar(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

const readKey = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as SigningKeyPair;

export async function batchCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { url: { type: 'string' }, office: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' }, 'centre-key': { type: 'string' } },
  });
  if (!values.url || (sub !== 'import' && sub !== 'export')) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (sub === 'import') {
      if (!positionals[0]) throw new Error(USAGE);
      const centreKey = values['centre-key'] ? (await readKey(values['centre-key'])).publicKey : undefined;
      const report = await importBatch(values.url, new Uint8Array(await readFile(positionals[0])), { progress: bar('导入'), centreKey });
      for (const id of report.writtenIds) console.log(`写入 ${id}`);
      for (const r of report.refused) console.log(`拒绝 ${r.id}:${r.reason}`);
      console.log(
        `导入完成(办事处 ${report.officeId},导出人 ${report.exporter}):共 ${report.total} 条,新写入 ${report.written} 条,已存在 ${report.skipped} 条,拒绝 ${report.refused.length} 条`,
      );
      return report.refused.length === 0 ? 0 : 1;
    }
    if (!values.office || !values.out || !values.key) throw new Error(USAGE);
    const result = await exportBatch(values.url, values.office, values.since ?? null, await importSigner(await readKey(values.key)), bar('导出'));
    await writeFile(values.out, result.file);
    console.log(`导出完成:${result.docCount} 条记录写入 ${values.out};下次可用 --since ${result.lastSeq} 只导出之后的变化`);
    return 0;
  } catch (e) {
    console.error(e instanceof BatchError ? `批量文件被拒绝:${e.message}` : e instanceof Error ? e.message : String(e));
    return e instanceof BatchError ? 3 : 1;
  }
}
