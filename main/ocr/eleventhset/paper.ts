// A sheet of the eleventh set: a canvas sized in millimetres and drawn at the capture's resolution.
// Every string drawn is recorded with its face (for the glyph check) and, unless it is part of a seal,
// as a text item with its box, from which the page's reading-order text is built.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FieldValues } from '../../../domain/ocr/fields';
import type { Rng } from '../../../domain/seed/prng';
import { inFace, runsOf, segments, type Face } from './fonts';

export interface Drawn {
  readonly text: string;
  readonly face: Face;
}

/** A piece of page text and its box in pixels (y is the top). */
export interface Item {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly block: number;
}

export interface TextOptions {
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** Extra space after each character, in mm. */
  readonly spacing?: number;
  /** Reading-order block (columns): items are read block by block. */
  readonly block?: number;
  /** Part of a seal: drawn and glyph-checked, but not page text. */
  readonly seal?: boolean;
}

const widths = new Map<string, number>();

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  readonly width: number;
  readonly height: number;
  /** Pixels per millimetre. */
  readonly k: number;
  readonly drawn: Drawn[] = [];
  readonly items: Item[] = [];
  block = 0;

  constructor(
    readonly wMm: number,
    readonly hMm: number,
    readonly dpi: number,
    paper = '#ffffff',
  ) {
    this.k = dpi / 25.4;
    this.width = Math.round(wMm * this.k);
    this.height = Math.round(hMm * this.k);
    this.canvas = createCanvas(this.width, this.height);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = paper;
    this.ctx.fillRect(0, 0, this.width, this.height);
  }

  private advance(ch: string, family: string): number {
    const key = `${family}\u0000${ch}`;
    let w = widths.get(key);
    if (w === undefined) {
      this.ctx.font = `100px "${family}"`;
      w = this.ctx.measureText(ch).width / 100;
      widths.set(key, w);
    }
    return w;
  }

  /** Width in mm of `s` at `size` mm in `face` (or its fallback). */
  measure(s: string, size: number, face: Face, spacing = 0): number {
    let w = 0;
    for (const seg of segments(s, face)) for (const run of runsOf(seg.text, seg.face)) for (const ch of run.text) w += (run.family ? this.advance(ch, run.family) : 0.33) * size + spacing;
    return w;
  }

  /** Draws `s` with its baseline at y (mm); returns its width in mm. */
  text(s: string, x: number, y: number, size: number, face: Face, o: TextOptions = {}): number {
    const spacing = o.spacing ?? 0;
    const w = this.measure(s, size, face, spacing) - (s.length > 0 ? spacing : 0);
    const left = o.align === 'center' ? x - w / 2 : o.align === 'right' ? x - w : x;
    this.paint(s, left, y, size, face, spacing, o.color ?? '#1a1a1a');
    if (!o.seal && s.trim() !== '') this.items.push({ text: s, x: left * this.k, y: (y - size * 0.88) * this.k, w: w * this.k, h: size * 1.05 * this.k, block: o.block ?? this.block });
    return w;
  }

  private paint(s: string, x: number, y: number, size: number, face: Face, spacing: number, color: string): void {
    const ctx = this.ctx;
    ctx.fillStyle = color;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    let cx = x * this.k;
    const px = size * this.k;
    const segs = segments(s, face);
    for (const seg of segs) this.drawn.push(seg);
    for (const run of segs.flatMap((seg) => runsOf(seg.text, seg.face))) {
      if (!run.family) {
        cx += (0.33 * size + spacing) * this.k * run.text.length;
        continue;
      }
      ctx.font = `${px.toFixed(2)}px "${run.family}"`;
      for (const ch of run.text) {
        ctx.fillText(ch, cx, y * this.k);
        cx += (this.advance(ch, run.family) * size + spacing) * this.k;
      }
    }
  }

  /** `s` cut into lines no wider than `width` mm (digit and letter runs kept whole). */
  lines(s: string, width: number, size: number, face: Face): string[] {
    const tokens = s.match(/[A-Za-z0-9\-.,:]+|./gu) ?? [];
    const out: string[] = [];
    let line = '';
    for (const t of tokens) {
      if (line !== '' && this.measure(line + t, size, face) > width) {
        out.push(line);
        line = t.trimStart();
      } else line += t;
    }
    if (line !== '') out.push(line);
    return out;
  }

  /** Draws `s` wrapped in a `width` mm column from baseline y; one text item; returns the lines used. */
  wrap(s: string, x: number, y: number, width: number, size: number, face: Face, lead = 1.45, o: TextOptions = {}): number {
    const f = face;
    const lines = this.lines(s, width, size, f);
    let wMax = 0;
    lines.forEach((line, i) => {
      const w = this.measure(line, size, f);
      wMax = Math.max(wMax, w);
      this.paint(line, x, y + i * size * lead, size, f, 0, o.color ?? '#1a1a1a');
    });
    const h = ((lines.length - 1) * lead + 1.05) * size;
    this.items.push({ text: s, x: x * this.k, y: (y - size * 0.88) * this.k, w: wMax * this.k, h: h * this.k, block: o.block ?? this.block });
    return lines.length;
  }

  line(x1: number, y1: number, x2: number, y2: number, w = 0.25, color = '#222'): void {
    const ctx = this.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1, w * this.k);
    ctx.beginPath();
    ctx.moveTo(x1 * this.k, y1 * this.k);
    ctx.lineTo(x2 * this.k, y2 * this.k);
    ctx.stroke();
  }

  rect(x: number, y: number, w: number, h: number, lw = 0.25, color = '#222'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = Math.max(1, lw * this.k);
    this.ctx.strokeRect(x * this.k, y * this.k, w * this.k, h * this.k);
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x * this.k, y * this.k, w * this.k, h * this.k);
  }

  /** A red round seal: ring, star and the issuer's name along the upper arc. */
  seal(cx: number, cy: number, r: number, name: string, rng: Rng, below = ''): void {
    const ctx = this.ctx;
    const k = this.k;
    const red = `rgba(${200 + rng.int(0, 30)}, ${20 + rng.int(0, 30)}, ${25 + rng.int(0, 25)}, ${0.78 + rng.next() * 0.15})`;
    ctx.save();
    ctx.translate(cx * k, cy * k);
    ctx.rotate((rng.next() - 0.5) * 0.5);
    ctx.strokeStyle = red;
    ctx.fillStyle = red;
    ctx.lineWidth = r * 0.07 * k;
    ctx.beginPath();
    ctx.arc(0, 0, r * 0.95 * k, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = (i % 2 === 0 ? 0.26 : 0.1) * r * k;
      if (i === 0) ctx.moveTo(Math.cos(a) * rr, Math.sin(a) * rr);
      else ctx.lineTo(Math.cos(a) * rr, Math.sin(a) * rr);
    }
    ctx.closePath();
    ctx.fill();
    const chars = [...name];
    const size = Math.min(r * 0.3, (r * 2.45) / Math.max(chars.length, 1));
    const face = inFace(name + below, 'xiaowei');
    const span = Math.min(Math.PI * 1.35, chars.length * (size / (r * 0.6)));
    chars.forEach((ch, i) => {
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      const run = runsOf(ch, face)[0]!;
      if (!run.family) return;
      ctx.save();
      ctx.rotate(a + Math.PI / 2);
      ctx.font = `${(size * k).toFixed(2)}px "${run.family}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(ch, 0, -r * 0.62 * k);
      ctx.restore();
    });
    if (below) {
      const bs = Math.min(size * 0.8, (r * 1.15) / [...below].length);
      let bx = (-this.measure(below, bs, face) / 2) * k;
      for (const run of runsOf(below, face)) {
        if (!run.family) continue;
        ctx.font = `${(bs * k).toFixed(2)}px "${run.family}"`;
        for (const ch of run.text) {
          ctx.textAlign = 'left';
          ctx.fillText(ch, bx, r * 0.58 * k);
          bx += this.measure(ch, bs, face) * k;
        }
      }
    }
    ctx.restore();
    this.drawn.push({ text: name + below, face });
  }

  /** The page's text in reading order: block by block, line by line, left to right. */
  content(): string {
    return pageText(this.items);
  }
}

export function pageText(items: readonly Item[]): string {
  const blocks = [...new Set(items.map((i) => i.block))].sort((a, b) => a - b);
  const out: string[] = [];
  for (const b of blocks) {
    const mid = (i: Item) => i.y + i.h / 2;
    const sorted = items.filter((i) => i.block === b).sort((p, q) => mid(p) - mid(q) || p.x - q.x);
    let line: Item[] = [];
    const flush = () => {
      if (line.length) out.push(line.sort((p, q) => p.x - q.x).map((i) => i.text).join(' '));
      line = [];
    };
    for (const it of sorted) {
      const first = line[0];
      if (first && mid(it) - mid(first) > Math.min(first.h, it.h) * 0.5) flush();
      line.push(it);
    }
    flush();
  }
  return out.join('\n');
}

/** A drawn page: the sheet, its truth fields and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: FieldValues;
  readonly layout: string;
}
