// Where the host may write a batch file: its own `batches` folder, mounted removable drives, and any
// folder named in HWS_BATCH_ROOTS (path-list). A folder the user types is resolved (links
// followed) and must lie inside one of these roots; the file is written whole under a temporary
// name, then renamed, and never over an existing file.
import { mkdir, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { BATCH_FILE_PATTERN, type BatchTarget } from '../../domain/ipc/batches';

/** Where removable drives are mounted, per platform. */
const MEDIA_ROOTS = process.platform === 'darwin' ? ['/Volumes'] : process.platform === 'win32' ? [] : ['/media', '/run/media', '/mnt'];

export function batchRoots(dataDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.HWS_BATCH_ROOTS ?? '').split(path.delimiter).filter(Boolean).map((p) => path.resolve(p));
  return [path.join(dataDir, 'batches'), ...MEDIA_ROOTS, ...extra];
}

const isDir = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);

/** The folders to offer: the host's own, the extra roots, and each drive mounted under a media root (two levels: /media/<user>/<drive>). */
export async function listTargets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<BatchTarget[]> {
  const [own, ...rest] = batchRoots(dataDir, env);
  await mkdir(own!, { recursive: true });
  const out: BatchTarget[] = [{ path: own!, removable: false }];
  for (const root of rest) {
    if (!(await isDir(root))) continue;
    if (!MEDIA_ROOTS.includes(root)) {
      out.push({ path: root, removable: false });
      continue;
    }
    const level = async (dir: string, depth: number): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!e.isDirectory() || e.name.startsWith('.')) continue;
        const p = path.join(dir, e.name);
        if (depth === 0 && root !== '/mnt' && e.name === os.userInfo().username) await level(p, 1);
        else out.push({ path: p, removable: true });
      }
    };
    await level(root, 0);
  }
  return out;
}

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** Writes `bytes` as `folder/fileName`, checked against the roots; answers the full path. */
export async function writeBatchFile(roots: readonly string[], folder: string, fileName: string, bytes: Uint8Array): Promise<string> {
  if (!BATCH_FILE_PATTERN.test(fileName)) throw new AppError('BATCH_BAD_NAME', '批量文件名不正确');
  if (!path.isAbsolute(folder)) throw new AppError('BATCH_BAD_FOLDER', `请填写完整的文件夹路径(例如 ${roots[0]})`);
  const real = await realpath(folder).catch(() => undefined);
  if (!real || !(await isDir(real))) throw new AppError('BATCH_NO_FOLDER', `文件夹 ${folder} 不存在,请插入移动存储设备或选择其他文件夹`);
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  if (!realRoots.some((r) => inside(r, real))) throw new AppError('BATCH_FOLDER_REFUSED', `不能写入 ${folder}:批量文件只能保存到移动存储设备或以下文件夹:${roots.join('、')}`);
  const target = path.join(real, fileName);
  const part = `${target}.part`;
  try {
    const handle = await open(part, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await stat(target).then(() => true, () => false)) throw new AppError('BATCH_EXISTS', `${target} 已存在,未覆盖`);
    await rename(part, target);
    return target;
  } catch (e) {
    await unlink(part).catch(() => {});
    if (e instanceof AppError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOSPC' ? '存储空间不足' : err.code === 'EACCES' || err.code === 'EROFS' ? '没有写入权限(设备可能处于写保护状态)' : err.code === 'EEXIST' ? '同名文件正在写入' : (err.code ?? err.message);
    throw new AppError('BATCH_WRITE_FAILED', `无法写入 ${target}:${why}。未保存任何内容`);
  }
}
