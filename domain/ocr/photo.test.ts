import { describe, expect, it } from 'vitest';
import type { GreyImage } from './image';
import { findPage, isBilevel, rectangleInView, smooth } from './photo';

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

  it('takes a sheet seen at a slant for a page, but not a region a threshold cut across the form', () => {
    const quad = (...xy: number[]) => [0, 2, 4, 6].map((i) => ({ x: xy[i]!, y: xy[i + 1]! }));
    // Camera tilted towards the top: the far edge narrower (22° between left and right), top and bottom level.
    expect(rectangleInView(quad(300, 200, 900, 200, 1000, 1400, 200, 1400))).toBe(true);
    // Turned and tilted a little both ways.
    expect(rectangleInView(quad(180, 150, 1100, 240, 1080, 1500, 120, 1420))).toBe(true);
    // Found on a photographed household card whose upper paper was as bright as the desk: the top
    // side runs 20° down across the form, the left 12° off the right (rectified, the page was shredded).
    expect(rectangleInView(quad(282, 1022, 1182, 690, 1226, 1610, 158, 1582))).toBe(false);
  });

  it('finds nothing on a scan, where the paper fills the frame', () => {
    const scan = photo(245, () => 1);
    expect(findPage(scan)).toBeUndefined();
  });
});

describe('a fax or a bilevel scan', () => {
  /** A 300 × 200 page of white paper with a block of "ink" drawn by `ink(x, y)` (a grey level or undefined for paper). */
  const page = (ink: (x: number, y: number) => number | undefined): GreyImage => {
    const data = new Uint8Array(300 * 200).fill(255);
    for (let y = 40; y < 160; y++) for (let x = 40; x < 260; x++) data[y * 300 + x] = ink(x, y) ?? 255;
    return { width: 300, height: 200, data };
  };
  const dithered = page((x, y) => ((x + y) % 2 === 0 ? 0 : 255));
  // Clean print: black strokes with grey edges, as a scanner or a renderer gives them.
  const clean = page((x) => (x % 6 === 0 ? 0 : x % 6 === 1 || x % 6 === 5 ? 128 : undefined));

  it('is told from a clean scan by its ink: black only, no grey edges', () => {
    expect(isBilevel(dithered)).toBe(true);
    expect(isBilevel(clean)).toBe(false);
    expect(isBilevel(page(() => undefined))).toBe(false);
  });

  it('has its dots smoothed back into grey, the paper around them left white', () => {
    const smoothed = smooth(dithered);
    const at = (x: number, y: number) => smoothed.data[y * 300 + x]!;
    // Half the dots black: mid grey inside the block, paper still white outside it.
    expect(Math.abs(at(150, 100) - 128)).toBeLessThan(12);
    expect(at(10, 10)).toBe(255);
    expect(isBilevel(smoothed)).toBe(false);
  });
});
