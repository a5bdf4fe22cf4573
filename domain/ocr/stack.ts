// Reading many small regions in one recogniser call: regions are stacked one per row on a white
// sheet, the sheet is read as a uniform block, and recognised words go back to their region by
// position. One call per page instead of one per cell keeps a ruled page under the time budget.
import type { GreyImage } from './image';

export interface Slot {
  readonly y0: number;
  readonly y1: number;
}

export interface StackedSheet {
  readonly image: GreyImage;
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
}

/** Places each image on its own row, left-aligned, separated by `gap` white pixels. */
export function stackRegions(images: readonly GreyImage[], gap = 24, margin = 16): StackedSheet {
  const width = Math.max(1, ...images.map((i) => i.width)) + 2 * margin;
  const height = images.reduce((h, i) => h + i.height + gap, margin * 2 - gap);
  const data = new Uint8Array(width * Math.max(1, height)).fill(255);
  const slots: Slot[] = [];
  let y = margin;
  for (const img of images) {
    for (let row = 0; row < img.height; row++) {
      data.set(img.data.subarray(row * img.width, (row + 1) * img.width), (y + row) * width + margin);
    }
    slots.push({ y0: y, y1: y + img.height });
    y += img.height + gap;
  }
  return { image: { width, height: Math.max(1, height), data }, slots };
}

/** Words grouped by the slot holding their vertical centre, each group in left-to-right order. */
export function wordsBySlot(words: readonly PlacedWord[], slots: readonly Slot[]): PlacedWord[][] {
  const out: PlacedWord[][] = slots.map(() => []);
  for (const w of words) {
    const cy = (w.y0 + w.y1) / 2;
    let best = -1;
    let bestDist = Infinity;
    slots.forEach((s, i) => {
      const d = cy < s.y0 ? s.y0 - cy : cy > s.y1 ? cy - s.y1 : 0;
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    });
    if (best >= 0) out[best]!.push(w);
  }
  for (const list of out) list.sort((a, b) => a.x0 - b.x0);
  return out;
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
