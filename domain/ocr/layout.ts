// Page layout from rules and ink: table cells between ruled lines, and text lines elsewhere.
import type { BinaryImage } from './binarise';
import type { Rect } from './image';
import type { Rule } from './rules';

export interface TableCell extends Rect {
  readonly row: number;
  readonly col: number;
}

export interface Table {
  readonly bounds: Rect;
  readonly cells: readonly TableCell[];
}

/** Positions within `tol` of each other collapse to their mean. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/**
 * Finds one ruled table: horizontal rules at least 30 % of the page wide bound its rows; within
 * each row the vertical rules that cross it split it into cells (so merged cells come out whole).
 */
export function findTable(horizontal: readonly Rule[], vertical: readonly Rule[], pageWidth: number): Table | undefined {
  const wide = horizontal.filter((r) => r.x1 - r.x0 >= pageWidth * 0.3);
  if (wide.length < 2) return undefined;
  const ys = cluster(wide.map((r) => (r.y0 + r.y1) / 2), 6);
  const left = Math.min(...wide.map((r) => r.x0));
  const right = Math.max(...wide.map((r) => r.x1));
  const cells: TableCell[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    if (bottom - top < 16) continue;
    const margin = Math.min(10, (bottom - top) / 4);
    const crossing = vertical.filter((v) => v.y0 <= top + margin && v.y1 >= bottom - margin && v.x1 >= left - 8 && v.x0 <= right + 8);
    const xs = cluster([left, right, ...crossing.map((v) => (v.x0 + v.x1) / 2)], 8);
    for (let c = 0; c + 1 < xs.length; c++) {
      const x0 = xs[c]!;
      const x1 = xs[c + 1]!;
      if (x1 - x0 < 16) continue;
      cells.push({ row: i, col: c, x: x0, y: top, width: x1 - x0, height: bottom - top });
    }
  }
  if (cells.length < 2) return undefined;
  return { bounds: { x: left, y: ys[0]!, width: right - left, height: ys[ys.length - 1]! - ys[0]! }, cells };
}

/** The bounding box of ink inside `rect` (shrunk by `inset` to skip rule remains), or undefined if blank. */
export function inkBox(bin: BinaryImage, rect: Rect, inset = 3, minInk = 12): Rect | undefined {
  const x0 = Math.max(0, Math.round(rect.x + inset));
  const y0 = Math.max(0, Math.round(rect.y + inset));
  const x1 = Math.min(bin.width, Math.round(rect.x + rect.width - inset));
  const y1 = Math.min(bin.height, Math.round(rect.y + rect.height - inset));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (!bin.data[y * bin.width + x]) continue;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (count < minInk) return undefined;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Text lines by horizontal projection: bands of rows holding ink, outside `exclude` areas.
 * Bands thinner than `minHeight` (dust, rule remains) are dropped; each band is trimmed to its ink.
 */
export function findTextLines(bin: BinaryImage, exclude: readonly Rect[] = [], minHeight = 10): Rect[] {
  const { width: w, height: h, data } = bin;
  const rows = new Uint32Array(h);
  for (let y = 0; y < h; y++) {
    // Columns hidden on this row by an excluded area (a table) are not counted.
    const hidden = exclude.filter((r) => y >= r.y - 4 && y <= r.y + r.height + 4);
    let n = 0;
    for (let x = 0, row = y * w; x < w; x++) {
      if (data[row + x] && !hidden.some((r) => x >= r.x - 4 && x <= r.x + r.width + 4)) n++;
    }
    rows[y] = n;
  }
  const bands: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= h; y++) {
    const ink = y < h && rows[y]! >= 2;
    if (ink && start < 0) start = y;
    else if (!ink && start >= 0) {
      const prev = bands[bands.length - 1];
      // Join bands split by a gap of a few rows (the gap inside 二, 三 or a colon).
      if (prev && start - prev[1] <= 3) prev[1] = y;
      else bands.push([start, y]);
      start = -1;
    }
  }
  const lines: Rect[] = [];
  for (const [y0, y1] of bands) {
    if (y1 - y0 < minHeight) continue;
    const box = inkBox(bin, { x: 0, y: y0, width: w, height: y1 - y0 }, 0, 8);
    if (box && !exclude.some((r) => box.y >= r.y - 4 && box.y + box.height <= r.y + r.height + 4)) lines.push(box);
  }
  return lines;
}
