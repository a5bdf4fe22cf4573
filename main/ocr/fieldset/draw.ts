// Shared drawing pieces: ruled grids of label and value cells, titles, red headers, signature blocks.
import type { Rng } from '../../../domain/seed/prng';
import { BLACK, KAI, SANS } from './fonts';
import { type Sheet } from './sheet';

export interface Drawn {
  readonly sheet: Sheet;
  readonly fields: Record<string, string | number>;
  readonly layout: string;
  /** Who would stamp this page (the seal's rim text). */
  readonly issuer: string;
}

export interface Cell {
  readonly text: string;
  /** A printed label (sans) or a filled value (楷体 / handwriting). */
  readonly value?: boolean;
  readonly span?: number;
  readonly hand?: boolean;
  readonly align?: 'left' | 'center';
}

/** A ruled grid; each row's cells cover `cols` (a cell spans `span` columns); returns the y below it. */
export function grid(sheet: Sheet, x: number, y: number, cols: readonly number[], rowHeight: number, rows: readonly (readonly Cell[])[], size: number, rule = '#333'): number {
  const total = cols.reduce((a, b) => a + b, 0);
  for (const row of rows) {
    let c = 0;
    let cx = x;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
      sheet.rect(cx, y, w, rowHeight, 1.4, rule);
      if (cell.text) {
        const family = cell.value ? KAI : SANS;
        let s = cell.value ? size + 2 : size;
        while (s > 12 && sheet.measure(cell.text, s, family) > w - 14) s--;
        const ty = y + (rowHeight - s) / 2 - 1;
        const center = (cell.align ?? (cell.value ? 'left' : 'center')) === 'center';
        if (cell.value) sheet.fill(center ? cx + w / 2 : cx + 8, ty, cell.text, { size: s, hand: cell.hand, align: center ? 'center' : 'left' });
        else sheet.text(center ? cx + w / 2 : cx + 8, ty, cell.text, { size: s, align: center ? 'center' : 'left' });
      }
      cx += w;
      c += span;
    }
    if (c !== cols.length) throw new Error(`grid row covers ${c} of ${cols.length} columns`);
    y += rowHeight;
  }
  sheet.rect(x, y - rowHeight * rows.length, total, rowHeight * rows.length, 2.2, rule);
  return y;
}

/** A label followed by its value on one line ("姓名：" then 楷体); returns the x after the value. */
export function labelled(sheet: Sheet, x: number, y: number, label: string, value: string, size: number, opts: { hand?: boolean; underline?: number } = {}): number {
  const lw = sheet.text(x, y, label, { size });
  const vx = x + lw + size * 0.3;
  const vw = sheet.fill(vx, y - 2, value, { size: size + 2, hand: opts.hand });
  if (opts.underline) sheet.line(vx - 4, y + size + 6, vx + Math.max(vw, opts.underline) + 4, y + size + 6, 1, '#555');
  return vx + vw;
}

export function title(sheet: Sheet, y: number, text: string, size: number, rng: Rng, color = '#111'): void {
  const spaced = rng.chance(0.4);
  sheet.text(sheet.width / 2, y, spaced ? [...text].join(' ') : text, { size, family: rng.chance(0.5) ? BLACK : SANS, align: 'center', color });
}

/** A 红头 header: the issuer in red heavy type, an optional document number, and the red rule. */
export function redHead(sheet: Sheet, y: number, issuer: string, docNo: string | undefined, margin: number): number {
  let size = 56;
  while (sheet.measure(`${issuer}文件`, size, BLACK) > sheet.width - 2 * margin && size > 30) size -= 2;
  sheet.text(sheet.width / 2, y, issuer, { size, family: BLACK, align: 'center', color: '#d0141c' });
  y += size + 30;
  if (docNo) {
    sheet.text(sheet.width / 2, y, docNo, { size: 24, align: 'center' });
    y += 40;
  }
  sheet.line(margin, y, sheet.width - margin, y, 3, '#d0141c');
  sheet.line(margin, y + 6, sheet.width - margin, y + 6, 1.2, '#d0141c');
  return y + 30;
}

export interface Stacked {
  readonly label: string;
  readonly value: string;
  readonly span?: number;
  readonly hand?: boolean;
}

/** A ruled grid whose cells hold a small label on top and the value under it; returns the y below it. */
export function stackedGrid(sheet: Sheet, x: number, y: number, cols: readonly number[], rowHeight: number, rows: readonly (readonly Stacked[])[], labelSize: number, valueSize: number): number {
  for (const row of rows) {
    let c = 0;
    let cx = x;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
      sheet.rect(cx, y, w, rowHeight, 1.2, '#444');
      sheet.text(cx + 8, y + 6, cell.label, { size: labelSize, color: '#444' });
      let s = valueSize;
      while (s > 14 && sheet.measure(cell.value, s, KAI) > w - 20) s--;
      if (cell.value) sheet.fill(cx + 12, y + labelSize + 14 + (valueSize - s) / 2, cell.value, { size: s, hand: cell.hand });
      cx += w;
      c += span;
    }
    if (c !== cols.length) throw new Error(`grid row covers ${c} of ${cols.length} columns`);
    y += rowHeight;
  }
  return y;
}
