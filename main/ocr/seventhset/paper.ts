// A sheet drawn in millimetres: text (recorded for the page's reading-order transcript), rules,
// boxes, vertical labels. Drawn at up to 300 dpi, less for sheets whose long side would pass 2400 px.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FieldValue } from '../../../domain/ocr/fields';
import { drawRuns, measure, registerFaces, type Face } from './fonts';

export interface TextStyle {
  /** Height of the type in millimetres (10.5 pt ≈ 3.7 mm). */
  readonly size?: number;
  readonly face?: Face;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** Extra space between characters, millimetres. */
  readonly spacing?: number;
}

interface Written {
  readonly x: number;
  readonly y: number;
  readonly s: string;
}

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  /** Pixels per millimetre. */
  readonly k: number;
  readonly dpi: number;
  face: Face;
  private readonly written: Written[] = [];

  constructor(
    readonly widthMm: number,
    readonly heightMm: number,
    face: Face,
    background = '#ffffff',
    maxDpi = 300,
  ) {
    registerFaces();
    this.dpi = Math.min(maxDpi, Math.floor((2400 / Math.max(widthMm, heightMm)) * 25.4));
    this.k = this.dpi / 25.4;
    this.face = face;
    this.canvas = createCanvas(Math.round(widthMm * this.k), Math.round(heightMm * this.k));
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Writes `s` with its baseline at y (mm); returns its width in mm. */
  text(x: number, y: number, s: string, style: TextStyle = {}): number {
    if (s === '') return 0;
    const { size = 3.7, face = this.face, bold = false, align = 'left', color = '#161616', spacing = 0 } = style;
    const px = size * this.k;
    const sp = spacing * this.k;
    const w = measure(this.ctx, s, face, px, bold, sp);
    const left = align === 'left' ? x * this.k : align === 'center' ? x * this.k - w / 2 : x * this.k - w;
    this.ctx.fillStyle = color;
    drawRuns(this.ctx, s, left, y * this.k, face, px, bold, sp);
    this.written.push({ x: left / this.k, y, s });
    return w / this.k;
  }

  /** Width of `s` in mm, as `text` would draw it. */
  width(s: string, style: TextStyle = {}): number {
    const { size = 3.7, face = this.face, bold = false, spacing = 0 } = style;
    return measure(this.ctx, s, face, size * this.k, bold, spacing * this.k) / this.k;
  }

  /** Writes `s` one character under another, centred on x, from the top y (mm). */
  vertical(x: number, top: number, s: string, style: TextStyle = {}): void {
    const size = style.size ?? 3.7;
    const step = size * 1.25;
    [...s].forEach((ch, i) => {
      this.ctx.fillStyle = style.color ?? '#161616';
      const px = size * this.k;
      const w = measure(this.ctx, ch, style.face ?? this.face, px, style.bold);
      drawRuns(this.ctx, ch, x * this.k - w / 2, (top + size + i * step) * this.k, style.face ?? this.face, px, style.bold);
    });
    this.written.push({ x, y: top + size, s });
  }

  /** Writes `s` wrapped to `width` mm; returns the baseline after the last line. */
  paragraph(x: number, y: number, width: number, s: string, style: TextStyle = {}, leading = 1.7): number {
    const size = style.size ?? 3.7;
    let line = '';
    let by = y;
    for (const ch of s) {
      // A closing mark stays on its line (no line starts with ，。、；：）), as in typeset Chinese.
      if (line !== '' && this.width(line + ch, style) > width && !'，。、；：）」'.includes(ch)) {
        this.text(x, by, line, style);
        by += size * leading;
        line = ch;
      } else line += ch;
    }
    this.text(x, by, line, style);
    return by + size * leading;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.25, color = '#222'): void {
    const c = this.ctx;
    c.strokeStyle = color;
    c.lineWidth = Math.max(1, width * this.k);
    c.beginPath();
    c.moveTo(x1 * this.k, y1 * this.k);
    c.lineTo(x2 * this.k, y2 * this.k);
    c.stroke();
  }

  box(x: number, y: number, w: number, h: number, width = 0.25, color = '#222'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = Math.max(1, width * this.k);
    this.ctx.strokeRect(x * this.k, y * this.k, w * this.k, h * this.k);
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x * this.k, y * this.k, w * this.k, h * this.k);
  }

  /** The transcript: what was written, in rows top to bottom, left to right within a row. */
  transcript(): string {
    const sorted = [...this.written].sort((a, b) => a.y - b.y || a.x - b.x);
    const rows: Written[][] = [];
    for (const w of sorted) {
      const row = rows[rows.length - 1];
      if (row && Math.abs(w.y - row[0]!.y) < 1.2) row.push(w);
      else rows.push([w]);
    }
    return rows.map((r) => r.sort((a, b) => a.x - b.x).map((w) => w.s).join(' ')).join('\n');
  }
}

/** What a design returns: the drawn sheet, its truth fields and the design's name. */
export interface Made {
  readonly paper: { readonly canvas: Canvas; readonly dpi: number; text(): string };
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly layout: string;
}

export const made = (paper: Paper, fields: Record<string, FieldValue>, layout: string): Made => ({
  paper: { canvas: paper.canvas, dpi: paper.dpi, text: () => paper.transcript() },
  fields,
  layout,
});
