// A sheet being drawn: a white canvas at a known dpi, drawing helpers in millimetres, and a record of
// every string drawn (grouped into lines by baseline) that becomes the page's text truth. When the
// sheet goes to a dot-matrix printer (`mono`) every face is drawn as Maple Mono CN.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FieldValues } from '../../../domain/ocr/fields';
import { drawRuns, measure, printable, type Face } from './fonts';

export interface Style {
  readonly face?: Face;
  /** Size in points. */
  readonly pt?: number;
  readonly spacing?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
}

interface Drawn {
  readonly x: number;
  readonly y: number;
  readonly s: string;
}

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  readonly dpi: number;
  private readonly drawn: Drawn[] = [];

  /** A sheet `wMm` × `hMm` millimetres at `dpi`. */
  constructor(
    readonly wMm: number,
    readonly hMm: number,
    readonly mono = false,
    dpi = 200,
    paper = '#fff',
  ) {
    this.dpi = Math.min(dpi, Math.floor((2400 / Math.max(wMm, hMm)) * 25.4));
    this.canvas = createCanvas(Math.round(this.px(wMm)), Math.round(this.px(hMm)));
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = paper;
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  px(mm: number): number {
    return (mm * this.dpi) / 25.4;
  }

  private size(style: Style) {
    const face: Face = this.mono ? 'maple' : (style.face ?? 'serif');
    return { face, px: ((style.pt ?? 10.5) * this.dpi) / 72, sp: this.px(style.spacing ?? 0) };
  }

  /** Width of `s` in millimetres. */
  width(s: string, style: Style = {}): number {
    const { face, px, sp } = this.size(style);
    return (measure(this.ctx, s, face, px, sp) * 25.4) / this.dpi;
  }

  /** Draws `s` with its baseline at y (mm); x is its left, centre or right by `align`. Returns the width in mm. */
  text(s: string, x: number, y: number, style: Style = {}): number {
    if (s === '') return 0;
    const w = this.width(s, style);
    const left = style.align === 'center' ? x - w / 2 : style.align === 'right' ? x - w : x;
    const { face, px, sp } = this.size(style);
    this.ctx.fillStyle = style.color ?? '#111';
    drawRuns(this.ctx, s, this.px(left), this.px(y), face, px, sp);
    this.drawn.push({ x: left, y, s });
    return w;
  }

  /** Draws a label and its value after it; returns the x (mm) where the value ends. */
  pair(label: string, value: string, x: number, y: number, label_: Style = {}, value_: Style = label_, gap = 2): number {
    const w = this.text(label, x, y, label_);
    return x + w + gap + this.text(value, x + w + gap, y, value_);
  }

  /**
   * A paragraph from (x, y) wrapped at width `w`: plain strings break anywhere, a value given as
   * `[text, style?]` is kept whole on one line (in its own style). Returns the y of the next line.
   */
  para(parts: readonly (string | readonly [string, Style?])[], x: number, y: number, w: number, style: Style, lineH: number, indent = 0): number {
    const tokens = parts.flatMap((part) => (typeof part === 'string' ? [...part].map((ch) => [ch, style] as const) : [[part[0], part[1] ?? style] as const]));
    let cx = x + indent;
    let cy = y;
    let run = '';
    let runX = cx;
    const flush = () => {
      if (run) this.text(run, runX, cy, style);
      run = '';
    };
    for (const [t, st] of tokens) {
      const tw = this.width(t, st);
      if (cx + tw > x + w + 0.5 && !'，。、）：；”'.includes(t)) {
        flush();
        cx = x;
        cy += lineH;
      }
      if (st === style) {
        if (!run) runX = cx;
        run += t;
      } else {
        flush();
        this.text(t, cx, cy, st);
      }
      cx += tw;
    }
    flush();
    return cy + lineH;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.25, color = '#222'): void {
    const c = this.ctx;
    c.strokeStyle = color;
    c.lineWidth = Math.max(1, this.px(width));
    c.beginPath();
    c.moveTo(this.px(x1), this.px(y1));
    c.lineTo(this.px(x2), this.px(y2));
    c.stroke();
  }

  rect(x: number, y: number, w: number, h: number, width = 0.25, color = '#222', fill?: string): void {
    const c = this.ctx;
    if (fill) {
      c.fillStyle = fill;
      c.fillRect(this.px(x), this.px(y), this.px(w), this.px(h));
    }
    c.strokeStyle = color;
    c.lineWidth = Math.max(1, this.px(width));
    c.strokeRect(this.px(x), this.px(y), this.px(w), this.px(h));
  }

  /**
   * A ruled table from (x, y): `widths` in mm, each row `rowH` high, cells centred or left-aligned,
   * text at `pt`. Returns the y below it.
   */
  table(x: number, y: number, widths: readonly number[], rows: readonly (readonly string[])[], rowH: number, style: Style = {}, head?: Style): number {
    const total = widths.reduce((a, b) => a + b, 0);
    rows.forEach((row, r) => {
      let cx = x;
      const top = y + r * rowH;
      this.line(x, top, x + total, top);
      row.forEach((cell, i) => {
        const base = r === 0 && head ? head : style;
        const need = this.width(cell, base);
        const st: Style = need > widths[i]! - 2.5 ? { ...base, pt: ((base.pt ?? 10.5) * (widths[i]! - 2.5)) / need } : base;
        if (st.align === 'left') this.text(cell, cx + 1.5, top + rowH * 0.68, st);
        else this.text(cell, cx + widths[i]! / 2, top + rowH * 0.68, { ...st, align: 'center' });
        cx += widths[i]!;
      });
    });
    const bottom = y + rows.length * rowH;
    this.line(x, bottom, x + total, bottom);
    let cx = x;
    for (const w of [0, ...widths]) {
      cx += w;
      this.line(cx, y, cx, bottom);
    }
    return bottom;
  }

  /** A round red seal with text on its rim and a star, drawn over the page (not part of the text). */
  seal(cx: number, cy: number, r: number, rim: string, color = 'rgba(205,30,30,0.72)'): void {
    printable(rim, 'sans');
    const c = this.ctx;
    c.save();
    c.strokeStyle = color;
    c.fillStyle = color;
    c.lineWidth = this.px(r * 0.06);
    c.beginPath();
    c.arc(this.px(cx), this.px(cy), this.px(r), 0, Math.PI * 2);
    c.stroke();
    const chars = [...rim];
    const span = Math.PI * 1.3;
    c.font = `${Math.round(this.px(Math.min(r * 0.26, (r * 3.2) / Math.max(chars.length, 1))))}px Eighth-sans`;
    c.textAlign = 'center';
    chars.forEach((ch, i) => {
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      c.save();
      c.translate(this.px(cx + Math.cos(a) * r * 0.75), this.px(cy + Math.sin(a) * r * 0.75));
      c.rotate(a + Math.PI / 2);
      c.fillText(ch, 0, this.px(r * 0.1));
      c.restore();
    });
    c.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 === 0 ? r * 0.3 : r * 0.12;
      c.lineTo(this.px(cx + Math.cos(a) * rr), this.px(cy + Math.sin(a) * rr));
    }
    c.fill();
    c.restore();
  }

  /** What is printed, line by line (strings on one baseline joined by spaces, left to right). */
  text_(): string {
    const rows: Drawn[][] = [];
    for (const d of [...this.drawn].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const row = rows.find((r) => Math.abs(r[0]!.y - d.y) < 1.2);
      if (row) row.push(d);
      else rows.push([d]);
    }
    return rows.map((r) => r.sort((a, b) => a.x - b.x).map((d) => d.s).join(' ')).join('\n');
  }

  readonly textOf = () => this.text_();
}

/** A drawn sheet with the fields legibly printed on it and the name of its design. */
export interface Made {
  readonly paper: { readonly canvas: Canvas; readonly dpi: number; text(): string };
  readonly fields: FieldValues;
  readonly layout: string;
}

export const made = (p: Paper, fields: FieldValues, layout: string): Made => ({ paper: { canvas: p.canvas, dpi: p.dpi, text: p.textOf }, fields, layout });
