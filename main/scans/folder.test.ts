import { mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanFolder } from './folder';

let dir: string;
let folder: ScanFolder;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-scans-'));
  folder = new ScanFolder(path.join(dir, 'inbox'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const put = async (name: string, bytes: string | Buffer, minutesAgo = 0) => {
  const file = path.join(folder.folder, name);
  await writeFile(file, bytes);
  const t = new Date(Date.now() - minutesAgo * 60_000);
  await utimes(file, t, t);
};

describe('the scanner folder', () => {
  it('lists the scanned pages newest first and leaves other files out', async () => {
    expect((await folder.list()).files).toEqual([]); // created on first look
    await put('page-001.jpg', 'a', 5);
    await put('page-002.PNG', 'bb', 1);
    await put('notes.txt', 'x');
    await put('.~lock.jpg', 'x');
    const listing = await folder.list();
    expect(listing.folder).toBe(folder.folder);
    expect(listing.files.map((f) => [f.name, f.size])).toEqual([['page-002.PNG', 2], ['page-001.jpg', 1]]);
  });

  it('reads a page with its type, then removes the clear copy', async () => {
    await folder.list();
    await put('p.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const content = await folder.read('p.png');
    expect(content).toEqual({ name: 'p.png', mimeType: 'image/png', dataBase64: 'iVBORw==' });
    await folder.remove('p.png');
    expect(existsSync(path.join(folder.folder, 'p.png'))).toBe(false);
    await expect(folder.read('p.png')).rejects.toThrow(/已不在扫描文件夹中/);
    await expect(folder.remove('p.png')).resolves.toBeUndefined(); // already gone: nothing to do
  });

  it('refuses names that reach outside the folder or are not page images', async () => {
    await folder.list();
    await writeFile(path.join(dir, 'secret.png'), 'x');
    for (const name of ['../secret.png', `${dir}/secret.png`, '..\\secret.png', 'notes.txt', '', '.hidden.png']) {
      await expect(folder.read(name)).rejects.toMatchObject({ code: 'SCAN_BAD_NAME' });
      await expect(folder.remove(name)).rejects.toMatchObject({ code: 'SCAN_BAD_NAME' });
    }
    expect(existsSync(path.join(dir, 'secret.png'))).toBe(true);
  });

  it('says when the scanner is still writing (empty file) instead of handing over nothing', async () => {
    await folder.list();
    await put('half.jpg', '');
    await expect(folder.read('half.jpg')).rejects.toThrow(/空文件/);
  });

  it('does not follow links planted in the folder', async () => {
    await folder.list();
    await writeFile(path.join(dir, 'secret.png'), 'x');
    await symlink(dir, path.join(folder.folder, 'link.jpg'));
    await symlink(path.join(dir, 'secret.png'), path.join(folder.folder, 'file-link.png'));
    expect((await folder.list()).files).toEqual([]);
    await expect(folder.read('link.jpg')).rejects.toThrow(/已不在扫描文件夹中/);
    await expect(folder.read('file-link.png')).rejects.toThrow(/已不在扫描文件夹中/);
  });
});
