import { describe, expect, it } from 'vitest';
import type { BinaryImage } from './binarise';
import { findRules } from './rules';

/** A blank 300 × 80 binary page with ink where `ink(x, y)` says. */
function page(ink: (x: number, y: number) => boolean): BinaryImage {
  const width = 300;
  const height = 80;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = ink(x, y) ? 1 : 0;
  return { width, height, data };
}

const rule = (x: number, y: number) => y >= 10 && y <= 11 && x >= 10 && x <= 290;

describe('rules told from text a blur ran together', () => {
  it('keeps a thin solid rule and erases only it', () => {
    const scan = findRules(page(rule));
    expect(scan.horizontal).toHaveLength(1);
    expect(scan.mask[10 * 300 + 100]).toBe(1);
  });

  it('does not take a blurred text line (a band of touching strokes) for a rule', () => {
    // Strokes 4 px wide every 6 px, rows 30..40, and one row where the strokes' bars run together.
    const band = (x: number, y: number) => y >= 30 && y <= 40 && x >= 10 && x <= 290 && (x % 6 < 4 || y === 35);
    const scan = findRules(page((x, y) => rule(x, y) || band(x, y)));
    expect(scan.horizontal.map((r) => r.y0)).toEqual([10]);
    expect(scan.mask[35 * 300 + 100]).toBe(0);
  });

  it('does not take the bars of a text line with its glyphs just above for a rule', () => {
    // Vertical strokes 5 px wide with 3 px gaps (not bridged) above one long bar.
    const glyphs = (x: number, y: number) => x >= 10 && x <= 290 && ((y >= 28 && y <= 34 && x % 8 < 5) || y === 35);
    const scan = findRules(page((x, y) => rule(x, y) || glyphs(x, y)));
    expect(scan.horizontal.map((r) => r.y0)).toEqual([10]);
    expect(scan.mask[35 * 300 + 100]).toBe(0);
  });
});
