// The sheet the twelfth and thirteenth sets draw on: a canvas measured in millimetres at a chosen
// resolution. Every piece of readable text goes through `text`, which draws each character with a
// file of a face that has its glyph (falling back along the face's chain character by character,
// face-book.ts), records the face used for each run (`drawn`) and the text's box (`boxes`), and
// builds the page's text from the boxes, block by block and line by line. Seals, rules and marks
// are drawn by each set's own Paper and are no part of the page's text.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FaceBook } from './face-book';

export interface Box {
  /** Reading block: the page text reads block by block (the left page of a spread before the right). */
  readonly block: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

export interface Drawn<F extends string> {
  readonly text: string;
  readonly face: F;
}

export interface TextStyle<F extends string> {
  /** Em size in mm. */
  readonly size: number;
  readonly face?: F;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Extra space between characters, in mm. */
  readonly spacing?: number;
}

/** How a set's pages look where the caller says nothing. */
export interface PaperLook<F extends string> {
  readonly faces: FaceBook<F>;
  /** Face of text without one. */
  readonly face: F;
  /** Colour of text without one. */
  readonly ink: string;
  /** Runs a line is never broken inside (digits, latin, …), each matched whole; anything else is one character. */
  readonly unbroken: RegExp;
}

const ASCENT = 0.86;

export class FacePaper<F extends string> {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  /** Pixels per millimetre. */
  readonly k: number;
  readonly width: number;
  readonly height: number;
  readonly drawn: Drawn<F>[] = [];
  private readonly list: Box[] = [];
  /** The block new text goes in. */
  block = 0;

  constructor(
    readonly wMm: number,
    readonly hMm: number,
    dpi: number,
    background: string,
    protected readonly look: PaperLook<F>,
  ) {
    this.k = dpi / 25.4;
    this.width = Math.round(wMm * this.k);
    this.height = Math.round(hMm * this.k);
    this.canvas = createCanvas(this.width, this.height);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, this.width, this.height);
  }

  /** Text split into pieces, each in the first face of the chain that has all its characters. */
  private pieces(str: string, face: F): { text: string; face: F }[] {
    const { printable, faceFor } = this.look.faces;
    if (printable(str, face)) return [{ text: str, face }];
    const out: { text: string; face: F }[] = [];
    for (const ch of str) {
      const f = /\s/.test(ch) ? (out[out.length - 1]?.face ?? face) : faceFor(ch, face);
      const last = out[out.length - 1];
      if (last && last.face === f) last.text += ch;
      else out.push({ text: ch, face: f });
    }
    return out;
  }

  /** Width of `str` in mm. */
  measure(str: string, style: TextStyle<F>): number {
    const { ctx, k } = this;
    let w = 0;
    for (const p of this.pieces(str, style.face ?? this.look.face))
      for (const r of this.look.faces.runs(p.text, p.face)) {
        ctx.font = `${style.size * k}px "${r.family}"`;
        w += ctx.measureText(r.text).width / k;
      }
    return w + (style.spacing ?? 0) * Math.max(0, [...str].length - 1);
  }

  /** The style shrunk (never below 60 %) so `str` fits in `maxW` mm. */
  fit(str: string, maxW: number, style: TextStyle<F>): TextStyle<F> {
    const w = this.measure(str, style);
    return w <= maxW ? style : { ...style, size: style.size * Math.max(0.6, maxW / w), spacing: 0 };
  }

  /** Draws `str` with its box's top at y (x is the left, centre or right edge); returns its width in mm. */
  text(str: string, x: number, y: number, style: TextStyle<F>, record = true): number {
    if (str.length === 0) return 0;
    const { ctx, k } = this;
    const w = this.measure(str, style);
    const left = style.align === 'center' ? x - w / 2 : style.align === 'right' ? x - w : x;
    ctx.fillStyle = style.color ?? this.look.ink;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    let at = left * k;
    const base = (y + style.size * ASCENT) * k;
    const gap = (style.spacing ?? 0) * k;
    for (const p of this.pieces(str, style.face ?? this.look.face)) {
      this.drawn.push({ text: p.text, face: p.face });
      for (const r of this.look.faces.runs(p.text, p.face)) {
        ctx.font = `${style.size * k}px "${r.family}"`;
        if (gap === 0) {
          ctx.fillText(r.text, at, base);
          at += ctx.measureText(r.text).width;
        } else
          for (const ch of r.text) {
            ctx.fillText(ch, at, base);
            at += ctx.measureText(ch).width + gap;
          }
      }
    }
    if (record && str.trim()) this.list.push({ block: this.block, x: left * k, y: y * k, w: w * k, h: style.size * k, text: str });
    return w;
  }

  /** Lines of `str` no wider than `maxW` mm (breaking anywhere but inside the look's unbroken runs). */
  lines(str: string, maxW: number, style: TextStyle<F>): string[] {
    const tokens = str.match(this.look.unbroken) ?? [];
    const out: string[] = [];
    let line = '';
    for (const t of tokens) {
      if (line && this.measure(line + t, style) > maxW) {
        out.push(line);
        line = t.trimStart();
      } else line += t;
    }
    if (line) out.push(line);
    return out;
  }

  /** Draws `str` wrapped to `maxW` mm from (x, y), the first line indented; returns the y below the last line. */
  para(str: string, x: number, y: number, maxW: number, style: TextStyle<F>, lead = 1.7, indent = 0): number {
    let at = y;
    const first = this.lines(str, maxW - indent, style);
    const head = first.shift();
    if (head === undefined) return y;
    this.text(head, x + indent, at, style);
    at += style.size * lead;
    for (const l of this.lines(first.join(''), maxW, style)) {
      this.text(l, x, at, style);
      at += style.size * lead;
    }
    return at;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.25, color = '#222'): void {
    const { ctx, k } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1, width * k);
    ctx.beginPath();
    ctx.moveTo(x1 * k, y1 * k);
    ctx.lineTo(x2 * k, y2 * k);
    ctx.stroke();
  }

  rect(x: number, y: number, w: number, h: number, opts: { stroke?: string; fill?: string; width?: number; radius?: number } = {}): void {
    const { ctx, k } = this;
    ctx.beginPath();
    if (opts.radius) ctx.roundRect(x * k, y * k, w * k, h * k, opts.radius * k);
    else ctx.rect(x * k, y * k, w * k, h * k);
    if (opts.fill) {
      ctx.fillStyle = opts.fill;
      ctx.fill();
    }
    if (opts.stroke) {
      ctx.strokeStyle = opts.stroke;
      ctx.lineWidth = Math.max(1, (opts.width ?? 0.25) * k);
      ctx.stroke();
    }
  }

  /** Text boxes in pixels. */
  boxes(): Box[] {
    return [...this.list];
  }

  /** The page's text: per block, boxes grouped into lines by their middles, read left to right. */
  pageText(): string {
    const rows: Box[][] = [];
    for (const block of [...new Set(this.list.map((b) => b.block))].sort((a, b) => a - b)) {
      const sorted = this.list.filter((b) => b.block === block).sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
      const mine: Box[][] = [];
      for (const b of sorted) {
        const row = mine[mine.length - 1];
        if (row && Math.abs(b.y + b.h / 2 - (row[0]!.y + row[0]!.h / 2)) < Math.min(b.h, row[0]!.h) * 0.45) row.push(b);
        else mine.push([b]);
      }
      rows.push(...mine);
    }
    return rows.map((r) => r.sort((a, b) => a.x - b.x).map((b) => b.text.trim()).join(' ')).join('\n');
  }

  rgba(): Uint8ClampedArray {
    return this.ctx.getImageData(0, 0, this.width, this.height).data;
  }
}

/** The resolution a page of the given longest side (mm) is drawn at, set by the capture. */
export type DpiFor = (longMm: number) => number;
