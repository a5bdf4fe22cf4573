// Pieces the twelfth set's designs share: label/value pairs in their variations, ruled tables whose
// cells wrap, seals, letterheads, phone status bars, and the little random choices of wording.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import type { Paper, TextStyle } from './paper';

/** The colon after a label: full-width, half-width, a space, or none. */
export const colon = (rng: Rng): string => rng.pick(['：', '：', ':', ' ']);

/** Largest size ≤ style.size at which `str` fits `maxW` mm. */
export function fit(p: Paper, str: string, maxW: number, style: TextStyle): TextStyle {
  const w = p.measure(str, style);
  return w <= maxW ? style : { ...style, size: (style.size * maxW) / w };
}

/** Label then value on one line; returns the x after the value. */
export function pair(p: Paper, label: string, value: string, x: number, y: number, ls: TextStyle, vs: TextStyle, gap = 1.5): number {
  const lw = p.text(label, x, y, ls);
  const vy = y + (ls.size - vs.size) * 0.8;
  const vw = p.text(value, x + lw + gap, vy, vs);
  return x + lw + gap + vw;
}

export interface Cell {
  readonly text: string;
  readonly style?: TextStyle;
  /** How many columns the cell spans. */
  readonly span?: number;
  readonly align?: 'left' | 'center';
  /** A small label printed at the top left of the cell, the value below it. */
  readonly above?: string;
  readonly fill?: string;
}

/** A ruled table; rows of cells over `cols` widths (mm). Long text wraps in its cell. Returns the bottom y. */
export function table(p: Paper, x: number, y: number, cols: readonly number[], rows: readonly (readonly Cell[])[], base: TextStyle, opts: { pad?: number; minH?: number; line?: string; lineW?: number; labelStyle?: TextStyle } = {}): number {
  const pad = opts.pad ?? 1.6;
  const total = cols.reduce((a, b) => a + b, 0);
  let at = y;
  const color = opts.line ?? '#333';
  p.line(x, y, x + total, y, opts.lineW ?? 0.3, color);
  for (const row of rows) {
    let cx = x;
    let ci = 0;
    const laid = row.map((c) => {
      const span = c.span ?? 1;
      const w = cols.slice(ci, ci + span).reduce((a, b) => a + b, 0);
      const left = cx;
      cx += w;
      ci += span;
      let style = c.style ?? base;
      let lines = c.text ? p.lines(c.text, w - 2 * pad, style) : [];
      // short values (dates, numbers, names) shrink to one line rather than wrap
      if (lines.length > 1 && !/\s/.test(c.text) && [...c.text].length <= 20) {
        style = fit(p, c.text, w - 2 * pad, style);
        lines = [c.text];
      }
      const label = c.above ? (opts.labelStyle ?? { ...base, size: base.size * 0.72 }) : undefined;
      const h = (label ? label.size * 1.5 : 0) + Math.max(1, lines.length) * style.size * 1.4 + pad * 1.2;
      return { c, left, w, style, lines, label, h };
    });
    const h = Math.max(opts.minH ?? 0, ...laid.map((l) => l.h));
    const tallest = Math.max(...laid.filter((l) => !l.label).map((l) => l.lines.length * l.style.size * 1.4), 0);
    for (const l of laid) {
      if (l.c.fill) p.rect(l.left, at, l.w, h, { fill: l.c.fill });
      let ty = at + pad * 0.6;
      if (l.label) {
        p.text(l.c.above!, l.left + pad, ty, l.label);
        ty += l.label.size * 1.5;
      } else if (laid.every((o) => o.lines.length <= 1)) ty = at + (h - l.style.size) / 2;
      else ty = at + (h - tallest) / 2 + l.style.size * 0.2;
      for (const line of l.lines) {
        if (l.c.align === 'center') p.text(line, l.left + l.w / 2, ty, { ...l.style, align: 'center' });
        else p.text(line, l.left + pad, ty, l.style);
        ty += l.style.size * 1.4;
      }
      p.line(l.left, at, l.left, at + h, opts.lineW ?? 0.3, color);
    }
    p.line(x + total, at, x + total, at + h, opts.lineW ?? 0.3, color);
    at += h;
    p.line(x, at, x + total, at, opts.lineW ?? 0.3, color);
  }
  return at;
}

/** A head-and-shoulders photo placeholder (a coloured backdrop with grey figures). */
export function photo(p: Paper, x: number, y: number, w: number, h: number, backdrop: string, people = 1): void {
  p.rect(x, y, w, h, { fill: backdrop });
  const { ctx, k } = p;
  for (let i = 0; i < people; i++) {
    const cx = x + (w * (i + 0.5)) / people;
    ctx.fillStyle = i % 2 ? '#3a3634' : '#2a2a30';
    ctx.beginPath();
    ctx.ellipse(cx * k, (y + h * 0.4) * k, (w / people) * 0.2 * k, h * 0.2 * k, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = i % 2 ? '#e8e4e0' : '#22324a';
    ctx.beginPath();
    ctx.ellipse(cx * k, (y + h * 0.98) * k, (w / people) * 0.42 * k, h * 0.32 * k, 0, Math.PI, Math.PI * 2);
    ctx.fill();
  }
}

/** A phone status bar across the top of a screenshot; returns its height. */
export function statusBar(p: Paper, rng: Rng, dark: boolean, w: number): number {
  const h = 7;
  const color = dark ? '#ffffff' : '#111111';
  const time = `${rng.int(8, 22)}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  p.text(time, 5, 2, { size: 3, face: 'sans', color }, false);
  p.text(`${rng.pick(['5G', '4G', 'WiFi'])}  ${rng.int(12, 99)}%`, w - 12, 2.2, { size: 2.6, face: 'sans', color, align: 'right' }, false);
  p.rect(w - 10.5, 2.6, 6, 2.6, { stroke: color, width: 0.2, radius: 0.5 });
  p.rect(w - 10, 3.1, 3.5, 1.6, { fill: color });
  return h;
}

/** Faint background lines (anti-copy guilloche) in a colour. */
export function guilloche(p: Paper, rng: Rng, color: string, x: number, y: number, w: number, h: number): void {
  const { ctx, k } = p;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(1, 0.12 * k);
  const phase = rng.next() * 6;
  for (let i = 0; i < 26; i++) {
    ctx.beginPath();
    for (let s = 0; s <= 80; s++) {
      const px = x + (w * s) / 80;
      const py = y + (h * (i + 0.5)) / 26 + Math.sin(s / 6 + i * 0.7 + phase) * 2.2;
      if (s === 0) ctx.moveTo(px * k, py * k);
      else ctx.lineTo(px * k, py * k);
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** Ink colours for hand fill-ins. */
export const INKS = ['#1d2a5a', '#222222', '#1a3f8a', '#2b2b45'];

export const handFace = (rng: Rng): Face => (rng.chance(0.6) ? 'cang' : 'xing');
