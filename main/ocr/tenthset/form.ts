// Shared drawing for the tenth set's forms: a labelled row of boxes, a paragraph that wraps, a QR
// code, and a date line with a seal beside it.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { PT, type Paper } from './paper';

export interface Ink {
  readonly label: Face;
  readonly value: Face;
  readonly pt: number;
  readonly labelPt?: number;
  readonly valueColor?: string;
  /** Values written by hand. */
  readonly hand?: Rng;
}

/** One row of label | value boxes across `w` mm; values share what the labels leave, by weight. */
export function formRow(p: Paper, x: number, y: number, w: number, h: number, pairs: readonly (readonly [string, string, number?])[], ink: Ink): void {
  const lpt = ink.labelPt ?? ink.pt;
  const labelW = pairs.map(([l]) => Math.min(w * 0.45, p.measure(l, ink.label, lpt) + 3));
  const weights = pairs.map(([, , k]) => k ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = w - labelW.reduce((a, b) => a + b, 0);
  let at = x;
  pairs.forEach(([label, value], i) => {
    const lw = labelW[i]!;
    const vw = (rest * weights[i]!) / sum;
    p.box(at, y, lw, h, 0.2);
    p.cell(at, y, lw, h, label, { face: ink.label, pt: lpt });
    p.box(at + lw, y, vw, h, 0.2);
    if (value) p.cell(at + lw, y, vw, h, value, { face: ink.value, pt: ink.pt, align: 'left', color: ink.valueColor ?? '#151515', ...(ink.hand ? { hand: ink.hand } : {}) });
    at += lw + vw;
  });
}

/** Writes `text` wrapped to `w` mm from (x, y); returns the y below the last line. */
export function paragraph(p: Paper, x: number, y: number, w: number, text: string, face: Face, pt: number, lead = 1.75, indent = true): number {
  const step = pt * PT * lead;
  let line = indent ? '\u3000\u3000' : '';
  let at = y;
  const flush = () => {
    p.write(x, at, line, { face, pt });
    at += step;
    line = '';
  };
  // Keep digit and Latin runs whole so a number never breaks across lines.
  for (const token of text.match(/[0-9A-Za-z.,:\-*/()（）]+|./gu) ?? []) {
    if (p.measure(line + token, face, pt) > w && line.trim() !== '') flush();
    line += token;
  }
  if (line) flush();
  return at;
}

/** A QR-like block of modules (verification code of a printed certificate). */
export function qr(p: Paper, x: number, y: number, size: number, rng: Rng): void {
  const n = 25;
  const m = size / n;
  p.fill(x, y, size, size, '#ffffff');
  const ring = (a: number, b: number) => a === 0 || a === 6 || b === 0 || b === 6 || (a >= 2 && a <= 4 && b >= 2 && b <= 4);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const far = n - 7;
      let on: boolean;
      if (i < 7 && j < 7) on = ring(i, j);
      else if (i < 7 && j >= far) on = ring(i, j - far);
      else if (i >= far && j < 7) on = ring(i - far, j);
      else if ((i < 8 && (j < 8 || j >= far - 1)) || (i >= far - 1 && j < 8)) on = false;
      else on = rng.chance(0.5);
      if (on) p.fill(x + j * m, y + i * m, m + 0.02, m + 0.02, '#111');
    }
}

/** A table's header or body row of plain centred cells. */
export function tableRow(p: Paper, edges: readonly number[], y: number, h: number, cells: readonly string[], face: Face, pt: number, aligns?: readonly ('left' | 'center' | 'right')[]): void {
  cells.forEach((c, i) => {
    const x = edges[i]!;
    const w = edges[i + 1]! - x;
    if (c) p.cell(x, y, w, h, c, { face, pt, align: aligns?.[i] ?? 'center' });
  });
}
