// A ruled form: rows of label/value cells, labels in one face, filled-in values in another.
import type { Paper, Style } from './paper';

/** A cell: label, value, and how many value-widths it spans (a row's spans are scaled to fill the width). */
export type Cell = readonly [label: string, value: string, span?: number];

/**
 * Draws `rows` of label|value cells from (x, y), `w` wide, each row `h` high; a label cell is as wide
 * as its label plus padding. `crowd` pulls values left against their labels (crowded booklet pages).
 * Returns the y below the form.
 */
export function form(p: Paper, x: number, y: number, w: number, h: number, rows: readonly (readonly Cell[])[], label: Style, value: Style, crowd = false): number {
  let top = y;
  for (const row of rows) {
    const labelW = row.map(([l]) => p.width(l, label) + 3);
    const spans = row.map(([, , s]) => s ?? 1);
    const free = w - labelW.reduce((a, b) => a + b, 0);
    const unit = free / spans.reduce((a, b) => a + b, 0);
    let cx = x;
    row.forEach(([l, v], i) => {
      p.text(l, cx + 1.5, top + h * 0.66, label);
      cx += labelW[i]!;
      p.line(cx, top, cx, top + h, 0.2);
      const vw = unit * spans[i]!;
      const fits = p.width(v, value) < vw - 4;
      const st: Style = fits ? value : { ...value, pt: ((value.pt ?? 10.5) * (vw - 4)) / p.width(v, value) };
      p.text(v, crowd ? cx + 0.6 : cx + 2, top + h * 0.68, st);
      cx += vw;
      if (i < row.length - 1) p.line(cx, top, cx, top + h, 0.2);
    });
    p.line(x, top, x + w, top, 0.2);
    top += h;
  }
  p.rect(x, y, w, top - y, 0.4);
  return top;
}
