// Where a batch file may be written: inside the allowed roots only (a typed path, `..` or a link
// that leads out is refused in Chinese), never over an existing file, nothing left half-written.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchRoots, listTargets, writeBatchFile } from './batch-folders';

let dir: string;
let usb: string;
let outside: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bf-'));
  usb = path.join(dir, 'usb');
  outside = path.join(dir, 'outside');
  await mkdir(path.join(usb, 'sub'), { recursive: true });
  await mkdir(outside);
  await symlink(outside, path.join(usb, 'escape'));
});
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

const roots = () => batchRoots(path.join(dir, 'data'), { HWS_BATCH_ROOTS: usb });
const bytes = new TextEncoder().encode('HWSBATCH1\n{}');

describe('batch folders', () => {
  it('offers the host\'s own folder and the configured drive, and writes there whole', async () => {
    const targets = await listTargets(path.join(dir, 'data'), { HWS_BATCH_ROOTS: usb });
    expect(targets.map((t) => t.path)).toEqual(expect.arrayContaining([path.join(dir, 'data', 'batches'), usb]));
    const written = await writeBatchFile(roots(), path.join(usb, 'sub'), 'a.hwsbatch', bytes);
    expect(written).toBe(path.join(usb, 'sub', 'a.hwsbatch'));
    expect(new Uint8Array(await readFile(written))).toEqual(bytes);
    expect(await readdir(path.join(usb, 'sub'))).toEqual(['a.hwsbatch']);
  });

  it.each([
    ['a folder outside the roots', () => outside, '只能保存到'],
    ['a way out with ..', () => path.join(usb, '..', 'outside'), '只能保存到'],
    ['a link that leads out', () => path.join(usb, 'escape'), '只能保存到'],
    ['a relative path', () => 'usb', '完整的文件夹路径'],
    ['a folder that is not there', () => path.join(usb, 'gone'), '不存在'],
  ])('refuses %s in Chinese and writes nothing', async (_n, folder, message) => {
    await expect(writeBatchFile(roots(), folder(), 'b.hwsbatch', bytes)).rejects.toThrow(message);
    expect(await readdir(outside)).toEqual([]);
  });

  it('never overwrites a file and refuses a name that is a path', async () => {
    await writeFile(path.join(usb, 'c.hwsbatch'), 'earlier');
    await expect(writeBatchFile(roots(), usb, 'c.hwsbatch', bytes)).rejects.toThrow('已存在');
    expect(await readFile(path.join(usb, 'c.hwsbatch'), 'utf8')).toBe('earlier');
    expect((await readdir(usb)).filter((f) => f.endsWith('.part'))).toEqual([]);
    await expect(writeBatchFile(roots(), usb, '../x.hwsbatch', bytes)).rejects.toThrow('文件名不正确');
  });
});
