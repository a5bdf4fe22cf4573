import { describe, expect, it } from 'vitest';
import { flattenPaper, inkHeight, medianHeight, resize, scaleGlyphs, upscaleBicubic } from './enhance';

const image = (width: number, height: number, f: (x: number, y: number) => number) => {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
};

describe('flattenPaper', () => {
  it('turns noisy paper white and keeps the grey of strokes', () => {
    const noisy = image(40, 20, (x, y) => (x >= 10 && x < 14 ? 20 : 215 + ((x * 7 + y * 13) % 30)));
    const flat = flattenPaper(noisy);
    expect(flat.data[0]).toBe(255);
    expect([...flat.data].filter((v) => v !== 255 && v !== 20)).toEqual([]);
    expect(flat.data[10]).toBe(20);
  });
});

describe('resize and glyph height', () => {
  it('scales a line so its ink height follows the factor', () => {
    const line = image(60, 40, (_x, y) => (y >= 10 && y < 30 ? 0 : 255));
    expect(inkHeight(line)).toBe(20);
    const half = resize(line, 0.5);
    expect([half.width, half.height]).toEqual([30, 20]);
    expect(inkHeight(half)).toBeGreaterThanOrEqual(10);
    expect(inkHeight(half)).toBeLessThanOrEqual(11);
  });
  it('takes the median of region heights, ignoring empty ones', () => {
    expect(medianHeight([26, 0, 40, 25, 27])).toBe(27);
    expect(medianHeight([])).toBeUndefined();
  });
});

describe('enlarging a low-resolution scan', () => {
  it('keeps two strokes one pixel apart darker and their gap lighter than bilinear enlargement', () => {
    // Strokes at x = 5 and x = 7 of a low-resolution line, enlarged 3 times.
    const strokes = image(12, 4, (x) => (x === 5 || x === 7 ? 0 : 255));
    const cubic = upscaleBicubic(strokes, 3);
    const linear = resize(strokes, 3);
    expect([cubic.width, cubic.height]).toEqual([36, 12]);
    const row = (img: { width: number; data: Uint8Array }) => [...img.data.subarray(img.width * 6, img.width * 7)];
    const ink = (r: number[]) => r.reduce((s, v) => s + (255 - v), 0);
    // The gap between the strokes (centres at columns 16 and 22): its edge columns 18 and 20.
    const gap = (r: number[]) => r[18]! + r[20]!;
    expect(ink(row(cubic))).toBeGreaterThan(ink(row(linear)));
    expect(gap(row(cubic))).toBeGreaterThan(gap(row(linear)));
    expect(row(cubic)[0]).toBe(255);
  });
  it('enlarges bicubic and shrinks bilinear', () => {
    const flat = image(10, 10, () => 200);
    expect(scaleGlyphs(flat, 2).width).toBe(20);
    expect([...scaleGlyphs(flat, 2).data].every((v) => v === 200)).toBe(true);
    expect(scaleGlyphs(flat, 0.5).width).toBe(5);
  });
});
