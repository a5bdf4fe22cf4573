// Reading many small regions in one recogniser call: regions are stacked one per row on a white
// sheet, the sheet is read as a uniform block, and recognised words go back to their region by
// position. One call per page instead of one per cell keeps a ruled page under the time budget.
import type { GreyImage } from './image';

export interface Slot {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** Where the image itself sits in the sheet (rows are as tall as their tallest image). */
  readonly top: number;
}

export interface StackedSheet {
  readonly image: GreyImage;
  /** One slot per input image, in input order (rows flattened). */
  readonly slots: readonly Slot[];
}

export interface PlacedWord {
  readonly text: string;
  /** 0..100 */
  readonly confidence: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /**
   * Per character of `text` (as the recogniser gave it), the other characters it gave some
   * probability at that place, likeliest first (PaddleOCR's runners-up; absent from other recognisers).
   */
  readonly alternatives?: readonly (readonly string[])[];
}

/**
 * Places each row of images on its own line of the sheet, the images of one row side by side
 * `colGap` apart (so a one-character cell keeps its neighbours as context), rows `gap` apart.
 */
export function stackRegions(rows: readonly (readonly GreyImage[])[], gap = 20, colGap = 64, margin = 16): StackedSheet {
  const rowWidth = (row: readonly GreyImage[]) => row.reduce((w, i) => w + i.width, 0) + colGap * Math.max(0, row.length - 1);
  const rowHeight = (row: readonly GreyImage[]) => Math.max(1, ...row.map((i) => i.height));
  const width = Math.max(1, ...rows.map(rowWidth)) + 2 * margin;
  const height = Math.max(1, rows.reduce((h, r) => h + rowHeight(r) + gap, margin * 2 - gap));
  const data = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let y = margin;
  for (const row of rows) {
    const h = rowHeight(row);
    let x = margin;
    for (const img of row) {
      const top = y + Math.floor((h - img.height) / 2);
      for (let r = 0; r < img.height; r++) data.set(img.data.subarray(r * img.width, (r + 1) * img.width), (top + r) * width + x);
      slots.push({ x0: x, x1: x + img.width, y0: y, y1: y + h, top });
      x += img.width + colGap;
    }
    y += h + gap;
  }
  return { image: { width, height, data }, slots };
}

/** Words grouped by the slot nearest their centre, each group in reading order (see readingOrder). */
export function wordsBySlot(words: readonly PlacedWord[], slots: readonly Slot[]): PlacedWord[][] {
  const out: PlacedWord[][] = slots.map(() => []);
  const dist = (v: number, a: number, b: number) => (v < a ? a - v : v > b ? v - b : 0);
  for (const w of words) {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    let best = -1;
    let bestDist = Infinity;
    slots.forEach((s, i) => {
      const d = dist(cy, s.y0, s.y1) * 4 + dist(cx, s.x0, s.x1);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    });
    if (best >= 0) out[best]!.push(w);
  }
  return out.map(readingOrder);
}

/**
 * Words in reading order: line by line from the top (a word joins the line whose middle is within
 * half a line height of its own), left to right in a line — a cell whose text wraps (深圳市创维达人力资源
 * / 服务有限公司龙华分公 / 司) keeps its lines in order.
 */
export function readingOrder(words: readonly PlacedWord[]): PlacedWord[] {
  const lines: { mid: number; height: number; words: PlacedWord[] }[] = [];
  for (const w of [...words].sort((a, b) => a.y0 + a.y1 - b.y0 - b.y1)) {
    const mid = (w.y0 + w.y1) / 2;
    const height = w.y1 - w.y0;
    const line = lines.find((l) => Math.abs(l.mid - mid) < Math.max(l.height, height) / 2);
    if (line) line.words.push(w);
    else lines.push({ mid, height, words: [w] });
  }
  return lines.sort((a, b) => a.mid - b.mid).flatMap((l) => l.words.sort((a, b) => a.x0 - b.x0));
}

/** Parses tesseract's TSV output into words (level 5 rows with text). */
export function parseTsvWords(tsv: string): PlacedWord[] {
  const words: PlacedWord[] = [];
  for (const line of tsv.split('\n')) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    const [left, top, width, height, conf] = f.slice(6, 11).map(Number) as [number, number, number, number, number];
    words.push({ text, confidence: Math.max(0, conf), x0: left, y0: top, x1: left + width, y1: top + height });
  }
  return words;
}
