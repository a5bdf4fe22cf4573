// The sheet the twelfth set draws on: a canvas measured in millimetres at a chosen resolution.
// Every piece of readable text goes through `text`, which draws each character with a file of a face
// that has its glyph (falling back along the face's chain character by character), records the face
// used for each run (`drawn`) and the text's box (`boxes`), and builds the page's text from the
// boxes line by line. Seals and marks are drawn too but are no part of the page's text.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { type Face, faceFor, printable, runs } from './fonts';

export interface Box {
  /** Reading block: the page text reads block by block (the left page of a spread before the right). */
  readonly block: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

export interface Drawn {
  readonly text: string;
  readonly face: Face;
}

export interface TextStyle {
  /** Em size in mm. */
  readonly size: number;
  readonly face?: Face;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Extra space between characters, in mm. */
  readonly spacing?: number;
}

const ASCENT = 0.86;

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  /** Pixels per millimetre. */
  readonly k: number;
  readonly width: number;
  readonly height: number;
  readonly drawn: Drawn[] = [];
  private readonly list: Box[] = [];
  /** The block new text goes in. */
  block = 0;

  constructor(
    readonly wMm: number,
    readonly hMm: number,
    dpi: number,
    background = '#fdfdfb',
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
  private pieces(str: string, face: Face): { text: string; face: Face }[] {
    if (printable(str, face)) return [{ text: str, face }];
    const out: { text: string; face: Face }[] = [];
    for (const ch of str) {
      const f = /\s/.test(ch) ? (out[out.length - 1]?.face ?? face) : faceFor(ch, face);
      const last = out[out.length - 1];
      if (last && last.face === f) last.text += ch;
      else out.push({ text: ch, face: f });
    }
    return out;
  }

  /** Width of `str` in mm. */
  measure(str: string, style: TextStyle): number {
    const { ctx, k } = this;
    let w = 0;
    for (const p of this.pieces(str, style.face ?? 'sans'))
      for (const r of runs(p.text, p.face)) {
        ctx.font = `${style.size * k}px "${r.family}"`;
        w += ctx.measureText(r.text).width / k;
      }
    return w + (style.spacing ?? 0) * Math.max(0, [...str].length - 1);
  }

  /** Draws `str` with its box's top at y (x is the left, centre or right edge); returns its width in mm. */
  text(str: string, x: number, y: number, style: TextStyle, record = true): number {
    if (str.length === 0) return 0;
    const { ctx, k } = this;
    const face = style.face ?? 'sans';
    const w = this.measure(str, style);
    const left = style.align === 'center' ? x - w / 2 : style.align === 'right' ? x - w : x;
    ctx.fillStyle = style.color ?? '#1a1a1a';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    let at = left * k;
    const base = (y + style.size * ASCENT) * k;
    const gap = (style.spacing ?? 0) * k;
    for (const p of this.pieces(str, face)) {
      this.drawn.push({ text: p.text, face: p.face });
      for (const r of runs(p.text, p.face)) {
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

  /** Lines of `str` no wider than `maxW` mm (breaking anywhere, keeping runs of digits and latin whole). */
  lines(str: string, maxW: number, style: TextStyle): string[] {
    const tokens = str.match(/[A-Za-z0-9.,\-*()（）:]+|./gu) ?? [];
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

  /** Draws `str` wrapped to `maxW` mm from (x, y); returns the y below the last line. */
  para(str: string, x: number, y: number, maxW: number, style: TextStyle, lead = 1.6, indent = 0): number {
    let at = y;
    let first = true;
    const rest = this.lines(str, maxW - indent, style);
    const head = rest.shift();
    if (head !== undefined) {
      const again = this.lines(rest.join(''), maxW, style);
      for (const l of [head, ...again]) {
        this.text(l, x + (first ? indent : 0), at, style);
        first = false;
        at += style.size * lead;
      }
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

  /** A round red seal: the text round the upper rim, a star, a line across the middle. Not page text. */
  seal(cx: number, cy: number, r: number, rim: string, middle = '', color = 'rgba(214,30,36,0.72)'): void {
    const { ctx, k } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = r * 0.07 * k;
    ctx.beginPath();
    ctx.arc(cx * k, cy * k, r * 0.95 * k, 0, Math.PI * 2);
    ctx.stroke();
    star(ctx, cx * k, cy * k, r * 0.28 * k);
    const chars = [...rim];
    const span = Math.min(Math.PI * 1.4, chars.length * 0.36);
    const size = Math.min(r * 0.28, ((r * 0.7 * span) / chars.length) * 0.9);
    chars.forEach((ch, i) => {
      const face = faceFor(ch, 'serif-x');
      this.drawn.push({ text: ch, face });
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      ctx.save();
      ctx.translate((cx + Math.cos(a) * r * 0.7) * k, (cy + Math.sin(a) * r * 0.7) * k);
      ctx.rotate(a + Math.PI / 2);
      ctx.font = `${size * k}px "${runs(ch, face)[0]!.family}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(ch, 0, 0);
      ctx.restore();
    });
    if (middle) {
      const face = faceFor(middle, 'serif-x');
      this.drawn.push({ text: middle, face });
      const size = Math.min(r * 0.24, (r * 1.3) / [...middle].length);
      ctx.font = `${size * k}px "${runs(middle, face)[0]!.family}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(middle, cx * k, (cy + r * 0.52) * k);
    }
    ctx.restore();
  }

  /** Text boxes in pixels. */
  boxes(): Box[] {
    return [...this.list];
  }

  /** The page's text: boxes grouped into lines (by their middles), read left to right. */
  pageText(): string {
    const rows: Box[][] = [];
    for (const block of [...new Set(this.list.map((b) => b.block))].sort((a, b) => a - b)) rows.push(...this.rowsOf(this.list.filter((b) => b.block === block)));
    return rows.map((r) => r.sort((a, b) => a.x - b.x).map((b) => b.text.trim()).join(' ')).join('\n');
  }

  private rowsOf(list: Box[]): Box[][] {
    const sorted = [...list].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
    const rows: Box[][] = [];
    for (const b of sorted) {
      const row = rows[rows.length - 1];
      const mid = b.y + b.h / 2;
      if (row && Math.abs(mid - (row[0]!.y + row[0]!.h / 2)) < Math.min(b.h, row[0]!.h) * 0.45) row.push(b);
      else rows.push([b]);
    }
    return rows;
  }

  rgba(): Uint8ClampedArray {
    return this.ctx.getImageData(0, 0, this.width, this.height).data;
  }
}

function star(ctx: SKRSContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    if (i === 0) ctx.moveTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
    else ctx.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
}

/** A drawn page, its truth and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Readonly<Record<string, string | number>>;
  readonly layout: string;
}

/** The resolution a page of the given longest side (mm) is drawn at, set by the capture. */
export type DpiFor = (longMm: number) => number;
