// A sheet of paper for the tenth set: drawn in millimetres at the capture's resolution, it keeps
// what it printed (for the page's text, grouped into lines by baseline) and which face drew each
// string (for the glyph check). Stamps and seals are drawn but kept out of the text.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';
import { inFace, runsOf, type Face } from './fonts';

export interface Drawn {
  readonly text: string;
  readonly face: Face;
}

export interface Write {
  readonly face: Face;
  /** Size in points. */
  readonly pt: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** Extra space between characters, mm. */
  readonly spacing?: number;
  /** Narrow the text to fit this width, mm. */
  readonly fit?: number;
  /** Handwriting: each character a little off its line, size and angle. */
  readonly hand?: Rng;
  /** Leave out of the page's text (stamps, watermarks). */
  readonly silent?: boolean;
}

interface Item {
  readonly block: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly width: number;
  readonly text: string;
}

export const PT = 0.3528;

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  readonly drawn: Drawn[] = [];
  private readonly items: Item[] = [];
  /** Text of a higher block reads after all of a lower one (the right page of a spread). */
  block = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly dpi: number,
    background = '#ffffff',
  ) {
    this.canvas = createCanvas(Math.round(this.px(width)), Math.round(this.px(height)));
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  px(mm: number): number {
    return (mm * this.dpi) / 25.4;
  }

  /** Width of `text` in mm. */
  measure(text: string, face: Face, pt: number, spacing = 0): number {
    const f = inFace(text, face);
    const size = this.px(pt * PT);
    let w = 0;
    for (const run of runsOf(text, f)) {
      if (!run.family) w += size * (run.text.includes('\u3000') ? 1 : 0.3) * run.text.length;
      else {
        this.ctx.font = `${size}px "${run.family}"`;
        w += this.ctx.measureText(run.text).width;
      }
    }
    return w / this.px(1) + spacing * Math.max(0, [...text].length - 1);
  }

  /** Prints `text` with its baseline at y (mm); returns its width in mm. */
  write(x: number, y: number, text: string, o: Write): number {
    if (text === '') return 0;
    const face = inFace(text, o.face);
    this.drawn.push({ text, face });
    const spacing = o.spacing ?? 0;
    const natural = this.measure(text, face, o.pt, spacing);
    const squeeze = o.fit !== undefined && natural > o.fit ? o.fit / natural : 1;
    const width = natural * squeeze;
    const left = o.align === 'center' ? x - width / 2 : o.align === 'right' ? x - width : x;
    if (!o.silent) this.items.push({ block: this.block, x: left, y, size: o.pt * PT, width, text });
    const ctx = this.ctx;
    const size = this.px(o.pt * PT);
    ctx.save();
    ctx.translate(this.px(left), this.px(y));
    ctx.scale(squeeze, 1);
    ctx.fillStyle = o.color ?? '#151515';
    let at = 0;
    for (const run of runsOf(text, face)) {
      if (!run.family) {
        at += size * (run.text.includes('\u3000') ? 1 : 0.3) * run.text.length + this.px(spacing) * run.text.length;
        continue;
      }
      ctx.font = `${size}px "${run.family}"`;
      if (!o.hand && spacing === 0) {
        ctx.fillText(run.text, at, 0);
        at += ctx.measureText(run.text).width;
        continue;
      }
      for (const ch of run.text) {
        const w = ctx.measureText(ch).width;
        if (o.hand) {
          const s = 1 + (o.hand.next() - 0.5) * 0.12;
          ctx.save();
          ctx.translate(at + w / 2, (o.hand.next() - 0.5) * size * 0.12);
          ctx.rotate((o.hand.next() - 0.5) * 0.1);
          ctx.font = `${size * s}px "${run.family}"`;
          ctx.fillText(ch, -w / 2, 0);
          ctx.restore();
        } else ctx.fillText(ch, at, 0);
        at += w + this.px(spacing);
      }
    }
    ctx.restore();
    return width;
  }

  /** Prints `text` centred in a box (mm), narrowing it to fit. */
  cell(x: number, y: number, w: number, h: number, text: string, o: Write): void {
    const base = y + h / 2 + o.pt * PT * 0.36;
    const pad = Math.min(1.2, w * 0.08);
    const at = o.align === 'left' ? x + pad : o.align === 'right' ? x + w - pad : x + w / 2;
    this.write(at, base, text, { align: 'center', ...o, fit: w - 2 * pad });
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.25, color = '#222'): void {
    const ctx = this.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(0.6, this.px(width));
    ctx.beginPath();
    ctx.moveTo(this.px(x1), this.px(y1));
    ctx.lineTo(this.px(x2), this.px(y2));
    ctx.stroke();
  }

  box(x: number, y: number, w: number, h: number, width = 0.25, color = '#222'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = Math.max(0.6, this.px(width));
    this.ctx.strokeRect(this.px(x), this.px(y), this.px(w), this.px(h));
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(this.px(x), this.px(y), this.px(w), this.px(h));
  }

  /** A grid: column widths and row heights in mm, from (x, y). Returns the column edges. */
  grid(x: number, y: number, cols: readonly number[], rows: readonly number[], width = 0.25, color = '#222'): number[] {
    const edges = [x];
    for (const c of cols) edges.push(edges[edges.length - 1]! + c);
    const w = edges[edges.length - 1]! - x;
    let at = y;
    this.line(x, at, x + w, at, width, color);
    for (const r of rows) {
      at += r;
      this.line(x, at, x + w, at, width, color);
    }
    for (const e of edges) this.line(e, y, e, at, width, color);
    return edges;
  }

  /** Each printed string's box (mm), for the tests: on the sheet and clear of one another. */
  boxes(): { text: string; x: number; y: number; w: number; h: number }[] {
    return this.items.map((it) => ({ text: it.text, x: it.x, y: it.y - it.size * 0.85, w: it.width, h: it.size }));
  }

  /** The printed text: items grouped into lines by baseline, left to right, lines top to bottom. */
  text(): string {
    const sorted = [...this.items].sort((a, b) => a.block - b.block || a.y - b.y || a.x - b.x);
    const lines: Item[][] = [];
    for (const it of sorted) {
      const row = lines[lines.length - 1];
      if (row && row[0]!.block === it.block && Math.abs(it.y - row[0]!.y) < 0.45 * Math.max(it.size, row[0]!.size)) row.push(it);
      else lines.push([it]);
    }
    return lines.map((row) => row.sort((a, b) => a.x - b.x).map((i) => i.text).join(' ')).join('\n');
  }
}


/** Body text size for a page drawn at `dpi`: small print (9–10 pt), a little larger below 95 dpi. */
export const bodyPt = (rng: Rng, dpi: number): number => (dpi < 95 ? 10.5 + rng.int(0, 2) * 0.5 : 9 + rng.int(0, 2) * 0.5);

/** What a design hands back: the drawn sheet, its truth and its name. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Record<string, string | number>;
  readonly layout: string;
}
