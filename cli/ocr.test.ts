import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import jpeg from 'jpeg-js';
import { decodeImage } from '../main/images/decode';
import { renderFixture } from '../main/ocr/fixtures/render';
import { main } from './index';

const ocrCommand = (args: string[]) => main(['ocr', ...args]);

const dir = mkdtempSync(join(tmpdir(), 'hws-ocr-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  // Commander writes its usage errors to the stream itself.
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err, restore: () => (log.mockRestore(), error.mockRestore(), stderr.mockRestore()) };
}

/** The income proof fixture as a scanner would save it: JPEG, quality 90. */
async function incomeJpeg() {
  const f = renderFixture('income', 2);
  const pixels = decodeImage(await f.png());
  return { f, bytes: jpeg.encode({ ...pixels, data: Buffer.from(pixels.data) }, 90).data };
}

describe('hws ocr', () => {
  it('prints text, fields and confidence as JSON for a marriage certificate', { timeout: 60_000 }, async () => {
    const f = renderFixture('marriage', 4);
    const file = join(dir, 'marriage.png');
    writeFileSync(file, await f.png());
    const io = capture();
    const code = await ocrCommand([file, '--doc', 'marriage', '--json']).finally(io.restore);
    expect(code).toBe(0);
    const json = JSON.parse(io.out.join('\n'));
    expect(json.fields.party1IdNumber).toBe(f.content.fields.party1IdNumber);
    expect(json.fields.registrationDate).toBe(f.content.fields.registrationDate);
    expect(json.confidence.party1IdNumber).toBeGreaterThan(0.5);
    expect(json.text).toContain('结婚证');
  });

  it('reads several pages with one engine: a JPEG scan (as scanners save them) and a PNG', { timeout: 90_000 }, async () => {
    const { f, bytes } = await incomeJpeg();
    const file = join(dir, 'income.jpg');
    writeFileSync(file, bytes);
    const other = renderFixture('income', 5);
    const png = join(dir, 'income5.png');
    writeFileSync(png, await other.png());
    const io = capture();
    const code = await ocrCommand([file, png, '--doc', 'income', '--json']).finally(io.restore);
    expect(code).toBe(0);
    const pages = JSON.parse(io.out.join('\n')) as { file: string; fields: Record<string, string> }[];
    expect(pages.map((p) => p.file)).toEqual([file, png]);
    expect(pages[0]!.fields.idNumber).toBe(f.content.fields.idNumber);
    expect(pages[0]!.fields.monthlyIncome).toBe(f.content.fields.monthlyIncome);
    expect(pages[1]!.fields.idNumber).toBe(other.content.fields.idNumber);
  });

  it('refuses a JPEG cut off in copying with exit 4 and says so', async () => {
    const { bytes: whole } = await incomeJpeg();
    writeFileSync(join(dir, 'cut.jpg'), whole.subarray(0, whole.length >> 1));
    const io = capture();
    const code = await ocrCommand([join(dir, 'cut.jpg'), '--doc', 'income']).finally(io.restore);
    expect(code).toBe(4);
    expect(io.err.join('\n')).toMatch(/JPEG 文件不完整/);
  });

  it('says in Chinese when the image is missing (2) or corrupt (4), without a stack trace', async () => {
    const io = capture();
    const missing = await ocrCommand([join(dir, 'nope.png')]);
    writeFileSync(join(dir, 'bad.png'), Buffer.from('\x89PNG\r\n\x1a\n garbage'));
    const corrupt = await ocrCommand([join(dir, 'bad.png'), '--doc', 'income']);
    const usage = await ocrCommand([join(dir, 'bad.png'), '--doc', 'passport']);
    io.restore();
    expect([missing, corrupt, usage]).toEqual([2, 4, 2]);
    expect(io.err.join('\n')).toMatch(/找不到图像文件[\s\S]*PNG[\s\S]*参数 --doc <kind> 的值 passport 无效/);
    expect(io.err.join('\n')).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
