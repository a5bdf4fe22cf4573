// The sheet the thirteenth set draws on: a canvas measured in millimetres at the capture's resolution.
// Readable text goes through `text`, which draws each character with a file of a face that holds
// its glyph (along the face's fallback chain), records the face used (`drawn`) and the text's box
// (`boxes`); the page's text is built from the boxes, block by block and line by line. Seals, rules
// and guilloche are drawn too but are no part of the page's text.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { type Face, faceFor, printable, runs } from './fonts';

export interface Box {
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
  block = 0;

  constructor(
    readonly wMm: number,
    readonly hMm: number,
    dpi: number,
    background = '#fcfcfa',
  ) {
    this.k = dpi / 25.4;
    this.width = Math.round(wMm * this.k);
    this.height = Math.round(hMm * this.k);
    this.canvas = createCanvas(this.width, this.height);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, this.width, this.height);
  }

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
    for (const p of this.pieces(str, style.face ?? 'hei'))
      for (const r of runs(p.text, p.face)) {
        ctx.font = `${style.size * k}px "${r.family}"`;
        w += ctx.measureText(r.text).width / k;
      }
    return w + (style.spacing ?? 0) * Math.max(0, [...str].length - 1);
  }

  /** The style shrunk (never below 60 %) so `str` fits in `maxW` mm. */
  fit(str: string, maxW: number, style: TextStyle): TextStyle {
    const w = this.measure(str, style);
    return w <= maxW ? style : { ...style, size: style.size * Math.max(0.6, maxW / w), spacing: 0 };
  }

  /** Draws `str` with its box's top at y (x is the left, centre or right edge); returns its width in mm. */
  text(str: string, x: number, y: number, style: TextStyle, record = true): number {
    if (str.length === 0) return 0;
    const { ctx, k } = this;
    const w = this.measure(str, style);
    const left = style.align === 'center' ? x - w / 2 : style.align === 'right' ? x - w : x;
    ctx.fillStyle = style.color ?? '#161616';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    let at = left * k;
    const base = (y + style.size * ASCENT) * k;
    const gap = (style.spacing ?? 0) * k;
    for (const p of this.pieces(str, style.face ?? 'hei')) {
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

  /** Lines of `str` no wider than `maxW` mm (breaking anywhere but inside runs of digits and latin). */
  lines(str: string, maxW: number, style: TextStyle): string[] {
    const tokens = str.match(/[A-Za-z0-9.,\-*:/]+|./gu) ?? [];
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
  para(str: string, x: number, y: number, maxW: number, style: TextStyle, lead = 1.7, indent = 0): number {
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

  rect(x: number, y: number, w: number, h: number, opts: { stroke?: string; fill?: string; width?: number } = {}): void {
    const { ctx, k } = this;
    ctx.beginPath();
    ctx.rect(x * k, y * k, w * k, h * k);
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

  /** A grid: column edges `xs` and row edges `ys`, in mm. */
  grid(xs: readonly number[], ys: readonly number[], width = 0.25): void {
    for (const y of ys) this.line(xs[0]!, y, xs[xs.length - 1]!, y, width);
    for (const x of xs) this.line(x, ys[0]!, x, ys[ys.length - 1]!, width);
  }

  /** `str` in the cell [x1, x2] × [y1, y2], shrunk to fit, vertically centred. */
  cell(str: string, x1: number, x2: number, y1: number, y2: number, style: TextStyle): void {
    const s = this.fit(str, x2 - x1 - 2, style);
    const y = (y1 + y2) / 2 - s.size * 0.5;
    const x = s.align === 'center' ? (x1 + x2) / 2 : s.align === 'right' ? x2 - 1 : x1 + 1;
    this.text(str, x, y, s);
  }

  /** A round red seal (rim text, a star, a line across): no part of the page's text; drawn over whatever is there. */
  seal(cx: number, cy: number, r: number, rim: string, middle = '', color = 'rgba(210,28,34,0.7)'): void {
    const { ctx, k } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = r * 0.07 * k;
    ctx.beginPath();
    ctx.arc(cx * k, cy * k, r * 0.95 * k, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = (i % 2 === 0 ? 0.28 : 0.11) * r * k;
      ctx.lineTo(cx * k + Math.cos(a) * rr, cy * k + Math.sin(a) * rr);
    }
    ctx.closePath();
    ctx.fill();
    const chars = [...rim];
    const span = Math.min(Math.PI * 1.45, chars.length * 0.36);
    const size = Math.min(r * 0.27, ((r * 0.7 * span) / chars.length) * 0.9);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chars.forEach((ch, i) => {
      const face = faceFor(ch, 'serif');
      this.drawn.push({ text: ch, face });
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      ctx.save();
      ctx.translate((cx + Math.cos(a) * r * 0.7) * k, (cy + Math.sin(a) * r * 0.7) * k);
      ctx.rotate(a + Math.PI / 2);
      ctx.font = `${size * k}px "${runs(ch, face)[0]!.family}"`;
      ctx.fillText(ch, 0, 0);
      ctx.restore();
    });
    if (middle) {
      const face = faceFor(middle, 'serif');
      this.drawn.push({ text: middle, face });
      // run by run: the characters of a split face sit in different files
      const size = Math.min(r * 0.24, (r * 1.3) / [...middle].length) * k;
      const parts = runs(middle, face).map((run) => {
        ctx.font = `${size}px "${run.family}"`;
        return { ...run, w: ctx.measureText(run.text).width };
      });
      let at = cx * k - parts.reduce((a, q) => a + q.w, 0) / 2;
      ctx.textAlign = 'left';
      for (const q of parts) {
        ctx.font = `${size}px "${q.family}"`;
        ctx.fillText(q.text, at, (cy + r * 0.52) * k);
        at += q.w;
      }
    }
    ctx.restore();
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

/** A drawn page, its truth and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Readonly<Record<string, string | number>>;
  readonly layout: string;
}

/** The resolution a page of the given longest side (mm) is drawn at, set by the capture. */
export type DpiFor = (longMm: number) => number;
