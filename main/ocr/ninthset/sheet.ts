// Shared pieces of the ninth set's designs: what a drawn design returns, ruled label/value forms,
// and the tail of an official letter (issuer, date, seal).
import type { FieldValues } from '../../../domain/ocr/fields';
import type { Rng } from '../../../domain/seed/prng';
import { seal } from './marks';
import type { Paper, TextOpts } from './paper';

export interface Made {
  readonly paper: Paper;
  readonly fields: FieldValues;
  readonly layout: string;
}

/** Draws one design of a kind at `dpi`. */
export type Draw = (rng: Rng, dpi: number) => Made;

/** A cell of a ruled form: a label, or a value (`key` names it for later amendments). */
export interface FormCell {
  /** Width as a share of the row (the shares of a row need not add to 1: they are scaled). */
  readonly w: number;
  readonly text: string;
  readonly label?: boolean;
  readonly key?: string;
  readonly field?: boolean;
  readonly opts?: TextOpts;
}

export interface FormRow {
  readonly h: number;
  readonly cells: readonly FormCell[];
}

export interface CellBox {
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * A ruled form from (x, y), `width` mm wide: labels in `label` style, values in `value` style.
 * Returns the boxes of keyed cells and the bottom edge.
 */
export function formTable(paper: Paper, x: number, y: number, width: number, rows: readonly FormRow[], label: TextOpts, value: TextOpts, rule = 0.25, ruleColor = '#333'): { cells: Record<string, CellBox>; bottom: number } {
  const cells: Record<string, CellBox> = {};
  let top = y;
  paper.line(x, top, x + width, top, rule * 1.6, ruleColor);
  for (const row of rows) {
    const total = row.cells.reduce((s, c) => s + c.w, 0);
    let left = x;
    const bottom = top + row.h;
    for (const c of row.cells) {
      const right = left + (c.w / total) * width;
      if (c.label) paper.cell(left, right, top, bottom, c.text, { ...label, ...c.opts });
      else if (c.text !== '') paper.cell(left, right, top, bottom, c.text, { align: 'left', ...value, ...c.opts, ...(c.field ? { field: true } : {}) });
      if (c.key) cells[c.key] = { x0: left, x1: right, top, bottom };
      if (right < x + width - 0.01) paper.line(right, top, right, bottom, rule, ruleColor);
      left = right;
    }
    paper.line(x, bottom, x + width, bottom, rule, ruleColor);
    top = bottom;
  }
  paper.line(x, y, x, top, rule * 1.6, ruleColor);
  paper.line(x + width, y, x + width, top, rule * 1.6, ruleColor);
  paper.line(x, top, x + width, top, rule * 1.6, ruleColor);
  return { cells, bottom: top };
}

/** Label cell shorthand. */
export const L = (w: number, text: string, opts?: TextOpts): FormCell => ({ w, text, label: true, ...(opts ? { opts } : {}) });
/** Value cell shorthand (a truth field when `field`). */
export const V = (w: number, text: string, field = false, key?: string, opts?: TextOpts): FormCell => ({ w, text, field, ...(key ? { key } : {}), ...(opts ? { opts } : {}) });

/** The issuer's name and date at the right of a letter, with the issuer's seal over them. */
export function issuerBlock(paper: Paper, rng: Rng, right: number, y: number, issuer: string, date: string, o: TextOpts, ring = issuer, base = ''): void {
  const size = o.size ?? 4;
  const wIssuer = paper.measure(issuer, o);
  const wDate = paper.measure(date, o);
  const centre = right - Math.max(wIssuer, wDate) / 2;
  paper.put(centre, y, issuer, { ...o, align: 'center' });
  paper.put(centre, y + size * 2, date, { ...o, align: 'center', field: true });
  seal(paper, rng, centre + rng.normal(0, 3), y - size * 0.2 + rng.normal(0, 2), 19 + rng.next() * 3, ring, base);
}
