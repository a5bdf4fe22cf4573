// Form pieces: a ruled card grid of label and value cells, an inline "label：value" pair, a data
// table (ruled fully, by rows only, or not at all) and a seal placed over a printed run.
import type { Face, Ink, Paper } from './paper';

export interface Cell {
  readonly t: string;
  /** A typed-in value (value face) rather than a printed label. */
  readonly v?: boolean;
  readonly span?: number;
}

export interface GridInk {
  readonly label: Ink;
  readonly value: Ink;
  /** Labels centred in their cells (card forms) or left. */
  readonly centre?: boolean;
  readonly lw?: number;
  readonly color?: string;
}

/** A ruled grid; each row must cover every column. Returns the y below it. */
export function grid(p: Paper, x: number, y: number, cols: readonly number[], rowH: number, rows: readonly (readonly Cell[])[], ink: GridInk): number {
  const total = cols.reduce((a, b) => a + b, 0);
  const top = y;
  for (const row of rows) {
    let c = 0;
    let cx = x;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
      if (c > 0) p.rule(cx, y, cx, y + rowH, ink.lw ?? 1.1, ink.color);
      if (cell.t) {
        const style = cell.v ? ink.value : ink.label;
        const ty = y + (rowH - style.size) / 2;
        if (!cell.v && ink.centre) {
          let size = style.size;
          while (size > 12 && p.width(cell.t, size, style.face) > w - 10) size--;
          p.put(cx + w / 2, y + (rowH - size) / 2, cell.t, { ...style, size, align: 'center' });
        } else p.fit(cx + 10, ty, cell.t, w - 18, style);
      }
      cx += w;
      c += span;
    }
    if (c !== cols.length) throw new Error(`row covers ${c} of ${cols.length} columns`);
    y += rowH;
    if (y < top + rowH * rows.length) p.rule(x, y, x + total, y, ink.lw ?? 1.1, ink.color);
  }
  p.box(x, top, total, y - top, (ink.lw ?? 1.1) * 1.8, ink.color);
  return y;
}

/** "label：value" on one line (or `sep` between); returns the x after the value. */
export function pair(p: Paper, x: number, y: number, label: string, value: string, labelInk: Ink, valueInk: Ink, sep = '：', gap = 6): number {
  const lw = p.put(x, y, label + sep, labelInk);
  const vx = x + lw + gap;
  return vx + p.put(vx, y + (labelInk.size - valueInk.size) / 2, value, valueInk);
}

export type Ruling = 'all' | 'rows' | 'none';

export interface TableSpec {
  readonly heads: readonly string[];
  readonly widths: readonly number[];
  /** Per column: 'l' left, 'r' right (amounts), 'c' centre. */
  readonly align: string;
  readonly rows: readonly (readonly string[])[];
  readonly size: number;
  readonly rowH: number;
  readonly ruling: Ruling;
  readonly face?: Face;
  readonly headFace?: Face;
  readonly headShade?: string;
}

/** A data table; returns the y below it. */
export function table(p: Paper, x: number, y: number, spec: TableSpec): number {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const top = y;
  const line = (yy: number, lw: number) => p.rule(x, yy, x + total, yy, lw, '#333');
  const row = (cells: readonly string[], face: Face | undefined, yy: number) => {
    let cx = x;
    cells.forEach((t, i) => {
      const w = spec.widths[i]!;
      const a = spec.align[i] ?? 'l';
      const ty = yy + (spec.rowH - spec.size) / 2;
      let size = spec.size;
      while (size > 12 && p.width(t, size, face) > w - 10) size--;
      const ink = { size, face, align: a === 'r' ? 'right' : a === 'c' ? 'center' : 'left' } as const;
      const ax = a === 'r' ? cx + w - 12 : a === 'c' ? cx + w / 2 : cx + 6;
      if (t) p.put(ax, ty + (spec.size - size) / 2, t, ink);
      cx += w;
    });
  };
  if (spec.headShade) p.shade(x, y, total, spec.rowH, spec.headShade);
  if (spec.ruling !== 'none') line(y, 1.6);
  row(spec.heads, spec.headFace ?? spec.face, y);
  y += spec.rowH;
  line(y, spec.ruling === 'none' ? 1.2 : 1.4);
  for (const r of spec.rows) {
    row(r, spec.face, y);
    y += spec.rowH;
    if (spec.ruling !== 'none') line(y, 1);
  }
  if (spec.ruling === 'all') {
    let cx = x;
    for (const w of [0, ...spec.widths]) {
      cx += w;
      p.rule(cx, top, cx, y, 1, '#333');
    }
  } else if (spec.ruling === 'none') line(y, 1.2);
  return y;
}
