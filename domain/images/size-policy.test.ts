import { describe, expect, it } from 'vitest';
import { assessScan, checkImageSize, readImageHeader, SCAN_KEEP_PIXELS } from './size-policy';

const png = (width: number, height: number, colour = 2): Uint8Array => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b[24] = 8;
  b[25] = colour;
  return b;
};
/** SOI, an APP0 block, then SOF2 (progressive) with the size. */
const jpeg = (width: number, height: number): Uint8Array =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc2, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 0, 0, 0]);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('image headers', () => {
  it('reads the declared size of PNG, JPEG (past other blocks), PGM, BMP and WebP', () => {
    expect(readImageHeader(png(2480, 3508))).toMatchObject({ format: 'png', width: 2480, height: 3508, components: 3 });
    expect(readImageHeader(jpeg(4960, 7016))).toMatchObject({ format: 'jpeg', width: 4960, height: 7016, components: 3 });
    expect(readImageHeader(text('P5\n# scanner\n640 480\n255\n'))).toMatchObject({ format: 'pnm', width: 640, height: 480, components: 1 });
    const bmp = new Uint8Array(54);
    bmp.set(text('BM'));
    new DataView(bmp.buffer).setInt32(18, 800, true);
    new DataView(bmp.buffer).setInt32(22, -600, true);
    expect(readImageHeader(bmp)).toMatchObject({ format: 'bmp', width: 800, height: 600 });
    const webp = new Uint8Array(30);
    webp.set(text('RIFF'));
    webp.set(text('WEBPVP8X'), 8);
    webp.set([0x3f, 0x1f, 0, 0x1f, 0x4e, 0], 24); // 8000 × 20000
    expect(readImageHeader(webp)).toMatchObject({ format: 'webp', width: 8000, height: 20000 });
  });

  it('says why when it cannot: unknown format, a JPEG with no frame header', () => {
    expect(readImageHeader(text('GIF89a'))).toMatch(/JPEG 或 PNG/);
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toMatch(/缺少图像尺寸/);
  });
});

describe('checkImageSize', () => {
  it('passes an A4 page at 600 dpi and refuses 20000 × 20000, an empty file and a zero width', () => {
    expect(checkImageSize(jpeg(4960, 7016), 6_000_000).ok).toBe(true);
    expect(checkImageSize(png(20_000, 20_000), 1_000_000)).toMatchObject({ ok: false, code: 'IMAGE_TOO_LARGE', message: expect.stringContaining('20000×20000') });
    expect(checkImageSize(new Uint8Array(0))).toMatchObject({ ok: false, code: 'IMAGE_EMPTY' });
    expect(checkImageSize(png(0, 10))).toMatchObject({ ok: false, code: 'IMAGE_CORRUPT' });
  });

  it('refuses a file too large in bytes, or too costly to decode, before reading its pixels', () => {
    expect(checkImageSize(png(100, 100), 50 * 1024 * 1024)).toMatchObject({ ok: false, message: expect.stringContaining('50 MB') });
    expect(checkImageSize(png(6000, 6000, 6), 1000, { maxMemoryBytes: 100 * 1024 * 1024 })).toMatchObject({ ok: false, message: expect.stringContaining('内存') });
  });
});

describe('assessScan (the policy for a scan entering the workstation)', () => {
  it('keeps an A4 page at 300 dpi of a few megabytes', () => {
    expect(assessScan(jpeg(2480, 3508), 2_000_000)).toMatchObject({ action: 'keep' });
  });

  it('shrinks a 600-dpi page, or a 300-dpi one of 20 MB, to at most A4 at 300 dpi, saying so', () => {
    const big = assessScan(jpeg(4960, 7016), 9_000_000);
    expect(big).toMatchObject({ action: 'shrink', message: expect.stringContaining('已缩小为') });
    if (big.action !== 'shrink') throw new Error('unreachable');
    expect(big.width * big.height).toBeLessThanOrEqual(SCAN_KEEP_PIXELS);
    expect(big.width / big.height).toBeCloseTo(4960 / 7016, 2);
    expect(assessScan(png(2480, 3508), 20 * 1024 * 1024)).toMatchObject({ action: 'shrink', message: expect.stringContaining('20 MB') });
  });

  it('refuses what cannot be decoded safely', () => {
    expect(assessScan(png(20_000, 20_000), 1_000_000)).toMatchObject({ action: 'refuse', code: 'IMAGE_TOO_LARGE' });
    expect(assessScan(new Uint8Array(0))).toMatchObject({ action: 'refuse', code: 'IMAGE_EMPTY' });
  });
});
