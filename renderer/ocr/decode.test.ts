// The page's decoder refuses a hostile image from its header, before the browser's codec runs.
import { describe, expect, it } from 'vitest';
import { decodeInBrowser } from './engine';

/** The start of a PNG: signature and IHDR (enough for the header check; the codec is stubbed). */
function pngHead(width: number, height: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b[24] = 8;
  return b;
}

describe('decodeInBrowser', () => {
  it('refuses a 20000 × 20000 PNG and an empty file with the reason, never reaching the codec', async () => {
    let decoded = 0;
    globalThis.createImageBitmap = (() => {
      decoded++;
      throw new Error('codec reached');
    }) as unknown as typeof createImageBitmap;
    const giant = pngHead(20_000, 20_000);
    await expect(decodeInBrowser(new Blob([giant]))).rejects.toThrow(/20000×20000.*超过上限/);
    await expect(decodeInBrowser(new Blob([]))).rejects.toThrow(/空的/);
    expect(decoded).toBe(0);
    // An honest page still goes to the codec.
    await expect(decodeInBrowser(new Blob([pngHead(100, 100)]))).rejects.toThrow(/codec reached/);
    expect(decoded).toBe(1);
  });
});
