// Long horizontal and vertical rules (table lines, frames): found as long ink runs, then erased
// so that the recogniser only sees the text.
import type { BinaryImage } from './binarise';
import type { GreyImage } from './image';

/** A horizontal rule spans x0..x1 at rows y0..y1; a vertical one spans y0..y1 at columns x0..x1. */
export interface Rule {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

export interface RuleOptions {
  /** Shortest horizontal run that counts as a rule (default: max(80, width / 12)). */
  readonly minHorizontal?: number;
  /** Shortest vertical run that counts as a rule (default: 48 px, taller than a 150 dpi character). */
  readonly minVertical?: number;
  /** Gaps up to this many pixels inside a run are bridged (default 2). */
  readonly maxGap?: number;
}

export interface RuleScan {
  readonly horizontal: readonly Rule[];
  readonly vertical: readonly Rule[];
  /** 1 where a rule pixel was found (slightly widened). */
  readonly mask: Uint8Array;
}

interface Run {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Ink runs along rows (horizontal) or columns (vertical) at least `min` long. */
function runs(bin: BinaryImage, horizontal: boolean, min: number, maxGap: number): Run[] {
  const { width: w, height: h, data } = bin;
  const lines = horizontal ? h : w;
  const len = horizontal ? w : h;
  const out: Run[] = [];
  for (let a = 0; a < lines; a++) {
    let start = -1;
    let last = -1;
    for (let b = 0; b <= len; b++) {
      const ink = b < len && data[horizontal ? a * w + b : b * w + a] === 1;
      if (ink) {
        if (start < 0) start = b;
        last = b;
      } else if (start >= 0 && b - last > maxGap) {
        if (last - start + 1 >= min) out.push({ at: a, from: start, to: last });
        start = -1;
      }
    }
  }
  return out;
}

interface Group {
  at0: number;
  at1: number;
  from: number;
  to: number;
  readonly runs: Run[];
}

/** Merges runs on adjacent lines that overlap into one group (a rule candidate). */
function groupRuns(rs: readonly Run[]): Group[] {
  const open: Group[] = [];
  const done: Group[] = [];
  for (const r of rs) {
    const hit = open.find((g) => g.at1 >= r.at - 1 && r.from <= g.to && r.to >= g.from);
    if (hit) {
      hit.at1 = r.at;
      hit.from = Math.min(hit.from, r.from);
      hit.to = Math.max(hit.to, r.to);
      hit.runs.push(r);
    } else open.push({ at0: r.at, at1: r.at, from: r.from, to: r.to, runs: [r] });
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.at1 < r.at - 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done;
}

const toRule = (g: Group, horizontal: boolean): Rule => (horizontal ? { x0: g.from, x1: g.to, y0: g.at0, y1: g.at1 } : { x0: g.at0, x1: g.at1, y0: g.from, y1: g.to });

/** Share of ink pixels on row y between columns x0..x1 (0 outside the image). */
function rowInk(bin: BinaryImage, y: number, x0: number, x1: number): number {
  if (y < 0 || y >= bin.height) return 0;
  let n = 0;
  for (let x = x0, row = y * bin.width; x <= x1; x++) n += bin.data[row + x]!;
  return n / (x1 - x0 + 1);
}

/**
 * Whether a group of long horizontal runs is a printed rule rather than a line of text whose
 * strokes a blur or a low resolution ran together: a rule is thin and solid, with paper (or cell
 * text well apart from it) on both sides; a text line's runs have the rest of its glyphs just above
 * or below them, or make a thick band that is not solid.
 */
export function isHorizontalRule(bin: BinaryImage, g: { at0: number; at1: number; from: number; to: number }): boolean {
  const thick = g.at1 - g.at0 + 1;
  if (thick >= 12) return false;
  const side = Math.max(rowInk(bin, g.at0 - 3, g.from, g.to), rowInk(bin, g.at1 + 3, g.from, g.to));
  if (side > 0.5) return false;
  if (thick <= 4) return true;
  let fill = 0;
  for (let y = g.at0; y <= g.at1; y++) fill += rowInk(bin, y, g.from, g.to);
  return fill / thick >= 0.93;
}

export function findRules(bin: BinaryImage, options: RuleOptions = {}): RuleScan {
  const minH = options.minHorizontal ?? Math.max(80, Math.round(bin.width / 12));
  const minV = options.minVertical ?? 48;
  const gap = options.maxGap ?? 2;
  const hRuns = runs(bin, true, minH, gap);
  const vRuns = runs(bin, false, minV, gap);
  const mask = new Uint8Array(bin.data.length);
  const w = bin.width;
  const hGroups = groupRuns(hRuns).filter((g) => isHorizontalRule(bin, g));
  for (const r of hGroups.flatMap((g) => g.runs)) {
    for (let d = -1; d <= 1; d++) {
      const y = r.at + d;
      if (y < 0 || y >= bin.height) continue;
      mask.fill(1, y * w + r.from, y * w + r.to + 1);
    }
  }
  for (const r of vRuns) {
    for (let y = r.from; y <= r.to; y++) {
      for (let d = -1; d <= 1; d++) {
        const x = r.at + d;
        if (x >= 0 && x < w) mask[y * w + x] = 1;
      }
    }
  }
  // Thick blocks (photos, filled boxes) are not rules: a "rule" 12 px or thicker is dropped.
  const horizontal = hGroups.map((g) => toRule(g, true));
  const vertical = groupRuns(vRuns)
    .map((g) => toRule(g, false))
    .filter((r) => r.x1 - r.x0 < 12);
  return { horizontal, vertical, mask };
}

/** Paints masked pixels white in a grey image and clears them in a binary one. */
export function eraseMask(grey: GreyImage, bin: BinaryImage, mask: Uint8Array): { grey: GreyImage; bin: BinaryImage } {
  const g = new Uint8Array(grey.data);
  const b = new Uint8Array(bin.data);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) {
      g[i] = 255;
      b[i] = 0;
    }
  }
  return { grey: { ...grey, data: g }, bin: { ...bin, data: b } };
}
