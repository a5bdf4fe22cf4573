// Drawing helpers shared by the eleventh set's designs: text centred in a table cell (wrapping a long
// value onto a second line, smaller if need be), ruled grids, label-and-value lines.
import type { Face } from './fonts';
import type { Paper, TextOptions } from './paper';

/** Draws `s` in the cell (x, y, w, h mm), vertically centred; wraps onto more lines when too wide. */
export function inCell(p: Paper, s: string, x: number, y: number, w: number, h: number, size: number, face: Face, o: TextOptions & { pad?: number } = {}): void {
  const pad = o.pad ?? 1.5;
  const room = w - 2 * pad;
  let sz = size;
  if (p.measure(s, sz, face) <= room) {
    const base = y + h / 2 + sz * 0.36;
    const ax = o.align === 'center' ? x + w / 2 : o.align === 'right' ? x + w - pad : x + pad;
    p.text(s, ax, base, sz, face, o);
    return;
  }
  let lines = p.lines(s, room, sz, face);
  while ((lines.length * sz * 1.3 > h - 1 || lines.length > 3) && sz > size * 0.6) {
    sz *= 0.92;
    lines = p.lines(s, room, sz, face);
  }
  const lead = 1.28;
  const top = y + h / 2 - ((lines.length - 1) * sz * lead) / 2 + sz * 0.36;
  p.wrap(s, x + pad, top, room, sz, face, lead, o);
}

/** A ruled grid: column widths and row heights in mm, outer frame heavier; `merged[r]` lists how many columns each cell of row r spans. */
export function grid(p: Paper, x: number, y: number, cols: readonly number[], rows: readonly number[], lw = 0.25, merged: readonly (readonly number[] | undefined)[] = []): void {
  const W = cols.reduce((a, b) => a + b, 0);
  const H = rows.reduce((a, b) => a + b, 0);
  let yy = y;
  rows.forEach((r, i) => {
    if (i > 0) p.line(x, yy, x + W, yy, lw);
    const cells = merged[i] ?? cols.map(() => 1);
    let col = 0;
    for (const span of cells.slice(0, -1)) {
      col += span;
      const xx = x + cols.slice(0, col).reduce((a, b) => a + b, 0);
      p.line(xx, yy, xx, yy + r, lw);
    }
    yy += r;
  });
  p.rect(x, y, W, H, lw * 2);
}

/** "label：value" at baseline y; a value too long for `width` wraps under itself. Returns the next baseline. */
export function labelLine(p: Paper, label: string, value: string, x: number, y: number, size: number, face: Face, width: number, o: { valueFace?: Face; gap?: number; lead?: number; block?: number; colon?: string } = {}): number {
  const lw = p.text(`${label}${o.colon ?? '：'}`, x, y, size, face, { block: o.block });
  const vx = x + lw + (o.gap ?? 0.5);
  const vf = o.valueFace ?? face;
  const lead = o.lead ?? 1.7;
  if (p.measure(value, size, vf) <= width - (vx - x)) {
    p.text(value, vx, y, size, vf, { block: o.block });
    return y + size * lead;
  }
  const n = p.wrap(value, vx, y, width - (vx - x), size, vf, 1.35, { block: o.block });
  return y + size * 1.35 * (n - 1) + size * lead;
}

/** Space-separated letters of a title: 户 籍 证 明. */
export const spaced = (s: string) => [...s].join(' ');
