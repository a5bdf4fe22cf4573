// The scanner folder on disk. Only plain image files directly inside the folder are offered; a
// name is checked to be one of them before it is read or removed, so no call reaches elsewhere.
import { lstat, mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { MAX_IMAGE_BYTES } from '../../domain/images/size-policy';
import type { ScanFileContent, ScanFileInfo, ScanFolderListing } from '../../domain/ipc/scans';
import { admitScan } from './admit';

export const SCAN_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.bmp': 'image/bmp',
  '.webp': 'image/webp',
};
/** No page scan is larger (domain/images/size-policy): such a file is refused before it is read. */
export const MAX_SCAN_BYTES = MAX_IMAGE_BYTES;
export const MAX_LISTED = 100;

export class ScanFolder {
  constructor(readonly folder: string) {}

  async list(): Promise<ScanFolderListing> {
    await mkdir(this.folder, { recursive: true });
    const entries = await readdir(this.folder, { withFileTypes: true });
    const files: ScanFileInfo[] = [];
    for (const e of entries) {
      if (!e.isFile() || e.name.startsWith('.') || !SCAN_TYPES[path.extname(e.name).toLowerCase()]) continue;
      // A file can vanish between listing and stat (the clerk took it on another screen).
      const s = await stat(path.join(this.folder, e.name)).catch(() => undefined);
      if (s) files.push({ name: e.name, size: s.size, modifiedAt: s.mtime.toISOString() });
    }
    files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
    return { folder: this.folder, files: files.slice(0, MAX_LISTED) };
  }

  async read(name: string): Promise<ScanFileContent> {
    const file = this.resolve(name);
    // lstat: a link planted in the folder is not a scan, wherever it points.
    const s = await lstat(file).catch(() => undefined);
    if (!s?.isFile()) throw new AppError('SCAN_GONE', `扫描文件 ${name} 已不在扫描文件夹中`);
    if (s.size === 0) throw new AppError('SCAN_EMPTY', `扫描文件 ${name} 是空文件,扫描仪可能还在写入,请稍后再试`);
    if (s.size > MAX_SCAN_BYTES) throw new AppError('SCAN_TOO_LARGE', `扫描文件 ${name} 超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB,请降低扫描分辨率`);
    const bytes = await readFile(file);
    return admitScan(name, SCAN_TYPES[path.extname(name).toLowerCase()]!, bytes);
  }

  async remove(name: string): Promise<void> {
    await unlink(this.resolve(name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new AppError('SCAN_REMOVE_FAILED', `无法从扫描文件夹删除 ${name}:${e.code ?? e.message}`);
    });
  }

  private resolve(name: string): string {
    const ok = typeof name === 'string' && name.length > 0 && name.length <= 255 && name === path.basename(name) && !name.startsWith('.') &&
      !name.includes('\\') && Boolean(SCAN_TYPES[path.extname(name).toLowerCase()]);
    if (!ok) throw new AppError('SCAN_BAD_NAME', '扫描文件名不正确');
    return path.join(this.folder, name);
  }
}
