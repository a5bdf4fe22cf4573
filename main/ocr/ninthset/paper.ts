// A sheet to draw a document on, in millimetres: it keeps the printed text line by line (the
// page's truth text), every string drawn with the face it was drawn in (for the glyph checks),
// and where the field values sit (for the highlighter capture).
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';
import { type FaceId, faceFor, familyOf, registerFaces } from './fonts';

export interface TextOpts {
  readonly face?: FaceId;
  /** Em size in millimetres (10.5 pt ≈ 3.7 mm). */
  readonly size?: number;
  readonly weight?: number;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Whether the string is part of the page's text (seals and red stamps are not). */
  readonly record?: boolean;
  /** A field value: its box may get a highlighter stroke. */
  readonly field?: boolean;
  /** Extra space between characters, mm. */
  readonly spacing?: number;
  /** Handwriting: each character a little off line, turned and sized. */
  readonly hand?: boolean;
  /** Squeeze the string to this width (mm) when longer. */
  readonly fit?: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Item {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

const ADVANCES = new Map<string, Map<string, number>>();

/** The longest side of any drawn page, pixels. */
export const MAX_SIDE = 2480;

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  readonly dpi: number;
  /** Pixels per millimetre. */
  readonly k: number;
  /** Every string drawn, with the face that drew it. */
  readonly drawn: { face: FaceId; text: string }[] = [];
  /** Field value boxes, pixels. */
  readonly boxes: Box[] = [];
  private readonly items: Item[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    dpi: number,
    private readonly rng: Rng,
    background = '#ffffff',
  ) {
    registerFaces();
    this.dpi = Math.min(dpi, Math.floor((MAX_SIDE * 25.4) / Math.max(width, height)));
    this.k = this.dpi / 25.4;
    this.canvas = createCanvas(Math.round(width * this.k), Math.round(height * this.k));
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  private current: { face: FaceId; size: number; weight: number } = { face: 'serif', size: 3.7, weight: 400 };

  private font(face: FaceId, size: number, weight: number): void {
    this.current = { face, size, weight };
    this.ctx.font = `${weight} ${(size * this.k).toFixed(2)}px "${familyOf(face)}"`;
  }

  /**
   * Advance of `text` in pixels in the current font: a sum of per-character advances cached at a
   * reference size (measuring in faces cut into hundreds of subset files is slow).
   */
  private advance(text: string): number {
    const { face, size, weight } = this.current;
    const key = `${weight} ${face}`;
    let widths = ADVANCES.get(key);
    if (!widths) ADVANCES.set(key, (widths = new Map()));
    let sum = 0;
    let missing = false;
    for (const ch of text) {
      let w = widths.get(ch);
      if (w === undefined) {
        if (!missing) this.ctx.font = `${weight} 100px "${familyOf(face)}"`;
        missing = true;
        widths.set(ch, (w = this.ctx.measureText(ch).width / 100));
      }
      sum += w;
    }
    if (missing) this.font(face, size, weight);
    return sum * size * this.k;
  }

  /** Width of `text` in mm as `put` would draw it. */
  measure(text: string, o: TextOpts = {}): number {
    const face = faceFor(text, o.face ?? 'serif');
    const size = o.size ?? 3.7;
    this.font(face, size, o.weight ?? 400);
    const natural = this.advance(text) / this.k + (o.spacing ?? 0) * Math.max(0, [...text].length - 1);
    return o.fit !== undefined ? Math.min(natural, o.fit) : natural;
  }

  /** Draws `text` with its baseline at (x, y) mm; returns the drawn width in mm. */
  put(x: number, y: number, text: string, o: TextOpts = {}): number {
    if (text === '') return 0;
    const face = faceFor(text, o.face ?? 'serif');
    const size = o.size ?? 3.7;
    const width = this.measure(text, o);
    const natural = this.measure(text, { ...o, fit: undefined });
    const squeeze = width / natural;
    const left = o.align === 'center' ? x - width / 2 : o.align === 'right' ? x - width : x;
    const { ctx, k } = this;
    this.font(face, size, o.weight ?? 400);
    ctx.fillStyle = o.color ?? '#161616';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    if (!o.hand && !o.spacing) {
      ctx.save();
      ctx.translate(left * k, y * k);
      ctx.scale(squeeze, 1);
      ctx.fillText(text, 0, 0);
      ctx.restore();
    } else {
      let cx = left;
      for (const ch of text) {
        const w = (this.advance(ch) / k) * squeeze;
        ctx.save();
        const dy = o.hand ? this.rng.normal(0, size * 0.05) : 0;
        ctx.translate((cx + w / 2) * k, (y + dy) * k);
        if (o.hand) {
          ctx.rotate(this.rng.normal(0, 0.05));
          const s = 0.94 + this.rng.next() * 0.14;
          ctx.scale(s * squeeze, s);
        } else ctx.scale(squeeze, 1);
        ctx.fillText(ch, -this.advance(ch) / 2, 0);
        ctx.restore();
        cx += w * (o.hand ? 0.96 + this.rng.next() * 0.1 : 1) + (o.spacing ?? 0) * squeeze;
      }
    }
    this.drawn.push({ face, text });
    if (o.record !== false) this.items.push({ x: left, y, size, text });
    if (o.field) this.boxes.push({ x: left * k, y: (y - size * 0.9) * k, width: width * k, height: size * 1.15 * k });
    return width;
  }

  /**
   * Flows `text` from (x, y) within `width` mm, `lead` mm apart, breaking anywhere but inside a run of
   * Latin letters, digits and number punctuation; `indent` shifts the first line. Values in `marks`
   * get boxes for the highlighter. Returns the next baseline.
   */
  wrap(x: number, y: number, width: number, text: string, o: TextOpts, lead: number, indent = 0, marks: readonly string[] = []): number {
    const tokens = text.match(/[A-Za-z0-9.,:*\-/·]+|./gu) ?? [];
    let line = '';
    let first = true;
    const flush = () => {
      const left = x + (first ? indent : 0);
      this.put(left, y, line, o);
      for (const m of marks) {
        const at = line.indexOf(m);
        if (at < 0) continue;
        const from = left + this.measure(line.slice(0, at), o);
        const size = o.size ?? 3.7;
        this.boxes.push({ x: from * this.k, y: (y - size * 0.9) * this.k, width: this.measure(m, o) * this.k, height: size * 1.15 * this.k });
      }
    };
    for (const token of tokens) {
      const closing = /^[，。、；：）》」”！？%]/.test(token);
      if (line !== '' && !closing && this.measure(line + token, o) > width - (first ? indent : 0)) {
        flush();
        y += lead;
        line = '';
        first = false;
      }
      line += token;
    }
    if (line !== '') flush();
    return y + lead;
  }

  line(x1: number, y1: number, x2: number, y2: number, weight = 0.2, color = '#222'): void {
    const { ctx, k } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1, weight * k);
    ctx.beginPath();
    ctx.moveTo(x1 * k, y1 * k);
    ctx.lineTo(x2 * k, y2 * k);
    ctx.stroke();
  }

  rect(x: number, y: number, w: number, h: number, weight = 0.2, color = '#222'): void {
    const { ctx, k } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1, weight * k);
    ctx.strokeRect(x * k, y * k, w * k, h * k);
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x * this.k, y * this.k, w * this.k, h * this.k);
  }

  /** A ruled grid: column widths and row heights from (x, y); returns the cell edges. */
  grid(x: number, y: number, widths: readonly number[], heights: readonly number[], weight = 0.2, color = '#222'): { xs: number[]; ys: number[] } {
    const xs = [x];
    for (const w of widths) xs.push(xs[xs.length - 1]! + w);
    const ys = [y];
    for (const h of heights) ys.push(ys[ys.length - 1]! + h);
    for (const yy of ys) this.line(x, yy, xs[xs.length - 1]!, yy, weight, color);
    for (const xx of xs) this.line(xx, y, xx, ys[ys.length - 1]!, weight, color);
    return { xs, ys };
  }

  /** Text in the cell between x0..x1 and top..bottom, centred vertically. */
  cell(x0: number, x1: number, top: number, bottom: number, text: string, o: TextOpts = {}): void {
    const size = o.size ?? 3.7;
    const base = (top + bottom) / 2 + size * 0.36;
    const pad = 1.2;
    const fit = x1 - x0 - 2 * pad;
    if (o.align === 'left') this.put(x0 + pad, base, text, { fit, ...o });
    else if (o.align === 'right') this.put(x1 - pad, base, text, { fit, ...o });
    else this.put((x0 + x1) / 2, base, text, { fit, ...o, align: 'center' });
  }

  /** Adds `text` to the page's text as if drawn at (x, y) (for strings drawn piece by piece). */
  record(x: number, y: number, size: number, text: string): void {
    this.items.push({ x, y, size, text });
  }

  /** The page's text: items sharing a baseline make a line, read left to right. */
  text(): string {
    const sorted = [...this.items].sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: Item[][] = [];
    let tallest = 0;
    for (const item of sorted) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(item.y - last[0]!.y) <= 0.4 * Math.max(item.size, tallest)) {
        last.push(item);
        tallest = Math.max(tallest, item.size);
      } else {
        lines.push([item]);
        tallest = item.size;
      }
    }
    return lines.map((l) => l.sort((a, b) => a.x - b.x).map((i) => i.text).join(' ')).join('\n');
  }
}
