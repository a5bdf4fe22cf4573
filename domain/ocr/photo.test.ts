import { describe, expect, it } from 'vitest';
import type { GreyImage } from './image';
import { findPage } from './photo';

/** A 1200 × 900 frame: a sheet (paper 245) with corners `quad` on a desk of `desk`, times the light. */
function photo(desk: number, light: (x: number, y: number) => number, block = false): GreyImage {
  const width = 1200;
  const height = 900;
  const data = new Uint8Array(width * height);
  // An axis-aligned sheet from (200, 150) to (1000, 750), a few lines of "text" on it.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onSheet = x >= 200 && x < 1000 && y >= 150 && y < 750;
      // `block`: a dense dark table filling a third of the sheet (shrunk, it reads as one dark patch).
      const ink = onSheet && ((y % 60 < 14 && x > 260 && x < 940 && x % 18 < 9) || (block && x > 260 && x < 940 && y > 300 && y < 560));
      data[y * width + x] = Math.round((onSheet ? (ink ? 40 : 245) : desk) * light(x, y));
    }
  }
  return { width, height, data };
}

const near = (quad: readonly { x: number; y: number }[] | undefined) => {
  expect(quad).toBeDefined();
  const want = [{ x: 200, y: 150 }, { x: 1000, y: 150 }, { x: 1000, y: 750 }, { x: 200, y: 750 }];
  quad!.forEach((p, i) => {
    expect(Math.abs(p.x - want[i]!.x)).toBeLessThan(20);
    expect(Math.abs(p.y - want[i]!.y)).toBeLessThan(20);
  });
};

describe('finding the sheet on a desk', () => {
  it('finds a sheet whose printing leaves a large dark hole in the paper', () => {
    near(findPage(photo(90, () => 1, true)));
  });

  it('finds a sheet whose edge lies in a shadow that bites a fifth out of the bright paper', () => {
    // The shadowed paper (≈ 110) is darker than every threshold that keeps the desk (90) out, but
    // along the sheet's sides the paper is still brighter than the desk beside it.
    near(findPage(photo(90, (x, y) => (Math.hypot(x - 200, y - 450) < 270 ? 0.45 : 1))));
  });

  it('finds an evenly lit sheet', () => {
    near(findPage(photo(110, () => 1)));
  });

  it('finds the sheet when the light falls off across the frame and part of the paper is darker than the far desk', () => {
    // From 1.0 at the left to 0.5 at the right: the right of the sheet (≈ 140) is darker than the
    // desk on the left (≈ 150), and Otsu's threshold alone does not cut the sheet out whole.
    const falloff = (x: number) => 1 - 0.5 * (x / 1200);
    near(findPage(photo(150, falloff)));
    // A shadow over the sheet's lower right on a darker desk.
    near(findPage(photo(90, (x, y) => (1 - 0.4 * (x / 1200)) * (Math.hypot(x - 900, y - 600) < 200 ? 0.6 : 1))));
  });

  it('finds nothing on a scan, where the paper fills the frame', () => {
    const scan = photo(245, () => 1);
    expect(findPage(scan)).toBeUndefined();
  });
});
