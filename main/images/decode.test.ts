import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage, ImageDecodeError } from './decode';
import { giantPgm, giantPng, ihdr, lyingPng, png, shortPng, smallPng, whiteRows } from './testing/hostile';

/** A 64×48 image: left half dark grey, right half white, encoded as a baseline JPEG. */
function sampleJpeg(quality = 90): Uint8Array {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data.fill(i % width < 32 ? 40 : 255, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data, width, height }, quality).data);
}

/** The frame header (SOF0) of a JPEG with its height and width patched. */
function withSize(bytes: Uint8Array, width: number, height: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out[i + 5] = height >> 8;
      out[i + 6] = height & 0xff;
      out[i + 7] = width >> 8;
      out[i + 8] = width & 0xff;
      return out;
    }
  }
  throw new Error('no SOF0');
}

describe('image decoding', () => {
  it('decodes a JPEG to RGBA pixels with its size and content', () => {
    const image = decodeImage(sampleJpeg());
    expect([image.width, image.height, image.data.length]).toEqual([64, 48, 64 * 48 * 4]);
    const at = (x: number, y: number) => image.data[(y * 64 + x) * 4]!;
    expect(at(8, 24)).toBeLessThan(70);
    expect(at(56, 24)).toBeGreaterThan(225);
    expect(image.data[3]).toBe(255);
  });

  it('refuses a cut-off JPEG, JPEG-looking garbage and an oversized scan with a clear message', () => {
    const whole = sampleJpeg();
    expect(() => decodeImage(whole.subarray(0, whole.length >> 1))).toThrow(/JPEG 文件不完整/);
    const garbage = new Uint8Array(200).fill(0x55);
    garbage.set([0xff, 0xd8, 0xff, 0xe0]);
    garbage.set([0xff, 0xd9], 198);
    expect(() => decodeImage(garbage)).toThrow(ImageDecodeError);
    expect(() => decodeImage(garbage)).toThrow(/JPEG 文件已损坏/);
    expect(() => decodeImage(withSize(whole, 20_000, 20_000))).toThrow(/百万像素/);
  });

  it('names the formats it takes when given something else', () => {
    expect(() => decodeImage(new TextEncoder().encode('GIF89a....'))).toThrow(/JPEG 或 PNG/);
  });

  it('still reads an honest PNG, grey and RGBA', async () => {
    const image = decodeImage(await smallPng(120, 80));
    expect([image.width, image.height, image.data[0], image.data.length]).toEqual([120, 80, 255, 120 * 80 * 4]);
  });
});

describe('hostile images are refused from the header, before decoding', () => {
  const heapGrowth = (f: () => void): number => {
    const before = process.memoryUsage().arrayBuffers;
    try {
      f();
    } catch {
      // the refusal is what the test wants; memory is what it measures
    }
    return process.memoryUsage().arrayBuffers - before;
  };

  it('a 20000 × 20000 PNG of under 2 MB: refused with its size, nothing decoded', async () => {
    const bytes = await giantPng();
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(() => decodeImage(bytes)).toThrow(/20000×20000(.*)百万像素/);
    expect(heapGrowth(() => decodeImage(bytes))).toBeLessThan(16 * 1024 * 1024);
  });

  it('a PNG whose header says 100 × 100 but whose data unpacks to 400 million pixels', async () => {
    const bytes = await lyingPng();
    expect(() => decodeImage(bytes)).toThrow(/比文件头标明的尺寸更多/);
    expect(heapGrowth(() => decodeImage(bytes))).toBeLessThan(16 * 1024 * 1024);
  });

  it('a PNG whose header says more than its data holds, a second header, and a zero width', async () => {
    const short = await shortPng();
    expect(() => decodeImage(short)).toThrow(/PNG 图像数据不完整/);
    const twoHeaders = png(Buffer.concat([ihdr(10, 10), ihdr(20_000, 20_000)]), await whiteRows(10, 10));
    expect(() => decodeImage(twoHeaders)).toThrow(/多个文件头/);
    const zeroWidth = png(ihdr(0, 100), await whiteRows(1, 1));
    expect(() => decodeImage(zeroWidth)).toThrow(/图像尺寸为 0×100/);
  });

  it('a PGM whose header claims 100000 × 100000, and an empty file', () => {
    expect(() => decodeImage(giantPgm())).toThrow(/100000×100000(.*)超过上限/);
    expect(() => decodeImage(new Uint8Array(0))).toThrow(/空的/);
  });

  it('a photo limit tighter than the scan limit is honoured', async () => {
    const photo = await smallPng(200, 200);
    expect(() => decodeImage(photo, { maxPixels: 100 * 100 })).toThrow(ImageDecodeError);
  });
});
