import { mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeImage } from '../images/decode';
import { giantPng, ihdr, lyingPng, png, smallPng } from '../images/testing/hostile';
import { ScanFolder } from './folder';

let dir: string;
let folder: ScanFolder;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-scans-'));
  folder = new ScanFolder(path.join(dir, 'inbox'));
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

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
    const page = await smallPng(40, 30);
    await put('p.png', page);
    const content = await folder.read('p.png');
    expect(content).toEqual({ name: 'p.png', mimeType: 'image/png', dataBase64: page.toString('base64') });
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

  it('refuses a page whose header claims 20000 × 20000, or whose data unpacks to more than it claims, with the reason', async () => {
    await folder.list();
    await put('giant.png', await giantPng());
    await put('bomb.png', await lyingPng());
    await put('broken.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]));
    await expect(folder.read('giant.png')).rejects.toMatchObject({ code: 'SCAN_TOO_LARGE', message: expect.stringMatching(/giant\.png.*20000×20000.*超过上限/) });
    await expect(folder.read('bomb.png')).rejects.toMatchObject({ code: 'SCAN_BAD_IMAGE', message: expect.stringContaining('比文件头标明的尺寸更多') });
    await expect(folder.read('broken.jpg')).rejects.toMatchObject({ code: 'SCAN_BAD_IMAGE' });
  });

  it('shrinks a page larger than A4 at 300 dpi to that size as JPEG, and says so', { timeout: 60_000 }, async () => {
    await folder.list();
    // 3000 × 4000 grey, white with a black band across the middle third.
    const [w, h] = [3000, 4000];
    const rows = Buffer.alloc((w + 1) * h, 0xff);
    for (let y = 0; y < h; y++) {
      rows[y * (w + 1)] = 0;
      if (y > h / 3 && y < (2 * h) / 3) rows.fill(0, y * (w + 1) + 1, (y + 1) * (w + 1));
    }
    const { deflateSync } = await import('node:zlib');
    await put('big.png', png(ihdr(w, h), deflateSync(rows)));
    const content = await folder.read('big.png');
    expect(content.mimeType).toBe('image/jpeg');
    expect(content.notice).toMatch(/已缩小为 \d+×\d+/);
    const image = decodeImage(Buffer.from(content.dataBase64, 'base64'));
    expect(image.width * image.height).toBeLessThanOrEqual(8_700_000);
    expect(image.width / image.height).toBeCloseTo(0.75, 2);
    const at = (fy: number) => image.data[(Math.floor(image.height * fy) * image.width + 100) * 4]!;
    expect([at(0.1) > 240, at(0.5) < 15, at(0.9) > 240]).toEqual([true, true, true]);
  });
});
