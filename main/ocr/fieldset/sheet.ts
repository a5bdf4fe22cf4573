// A sheet being printed: a canvas plus the record of every line of text put on it, so the truth
// text is exactly what was drawn. Pieces on one baseline (a label and its value, table cells) make
// one line; lines read top to bottom within a region (a two-page spread reads its left page first).
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { draws, HAND, KAI, registerFonts, SANS } from './fonts';

export interface Piece {
  readonly region: number;
  readonly y: number;
  readonly x: number;
  readonly text: string;
  /** A filled-in value (where a seal likes to land). */
  readonly fill: boolean;
  readonly width: number;
  readonly family: string;
}

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  readonly size: number;
  readonly family?: string;
  readonly color?: string;
  readonly align?: Align;
  readonly bold?: boolean;
  /** Extra space between characters (titles like 收 入 证 明 are printed spaced; the truth keeps the spaces). */
  readonly spacing?: number;
}

export class Sheet {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  readonly pieces: Piece[] = [];
  region = 0;
  /** Fonts the page used for its fills (kai, hand, …), for the report. */
  readonly fonts = new Set<string>();

  constructor(
    readonly width: number,
    readonly height: number,
    paper = '#ffffff',
  ) {
    registerFonts();
    this.canvas = createCanvas(width, height);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = paper;
    this.ctx.fillRect(0, 0, width, height);
  }

  /** Draws one run of text with its top at `y`; returns its width. */
  text(x: number, y: number, text: string, style: TextStyle, fill = false): number {
    const { ctx } = this;
    const family = style.family ?? SANS;
    this.fonts.add(family);
    ctx.font = `${style.bold ? 'bold ' : ''}${style.size}px "${family}"`;
    ctx.fillStyle = style.color ?? '#1a1a1a';
    ctx.textBaseline = 'top';
    const spacing = style.spacing ?? 0;
    const chars = [...text];
    const width = spacing ? chars.reduce((w, c) => w + ctx.measureText(c).width, 0) + spacing * (chars.length - 1) : ctx.measureText(text).width;
    const align = style.align ?? 'left';
    let left = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    if (spacing) {
      for (const c of chars) {
        ctx.fillText(c, left, y);
        left += ctx.measureText(c).width + spacing;
      }
    } else {
      ctx.fillText(text, left, y);
    }
    if (text.trim()) this.pieces.push({ region: this.region, y: y + style.size / 2, x: align === 'center' ? x - width / 2 : align === 'right' ? x - width : x, text, fill, width, family });
    return width;
  }

  /** A filled-in value: 楷体, or handwriting when asked and the hand font draws every character. */
  fill(x: number, y: number, text: string, style: TextStyle & { hand?: boolean }): number {
    const family = style.hand && draws(HAND, text) ? HAND : style.family ?? (draws(KAI, text) ? KAI : SANS);
    return this.text(x, y, text, { ...style, family, color: style.color ?? (family === HAND ? '#1c2a5c' : '#111') }, true);
  }

  measure(text: string, size: number, family = SANS): number {
    this.ctx.font = `${size}px "${family}"`;
    return this.ctx.measureText(text).width;
  }

  /** Prose wrapped to `width`, one recorded line per printed line; returns the y below it. */
  paragraph(x: number, y: number, width: number, text: string, style: TextStyle & { indent?: number; leading?: number }): number {
    const size = style.size;
    const lead = style.leading ?? 1.75;
    let line = '';
    let first = true;
    const flush = () => {
      const ind = first ? (style.indent ?? 0) * size : 0;
      this.text(x + ind, y, line, style);
      y += size * lead;
      line = '';
      first = false;
    };
    // never break inside a run of digits, letters or an ID number
    // and keep an opening bracket with what follows it, closing punctuation with what precedes it
    const tokens = text.match(/[（“《]?(?:[0-9A-Za-z.,:\-¥]+|.)[，。、；：）”》]*/gu) ?? [];
    for (const t of tokens) {
      const ind = first ? (style.indent ?? 0) * size : 0;
      if (line && this.measure(line + t, size, style.family) + ind > width) flush();
      line += t;
    }
    if (line) flush();
    return y;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 1.5, color = '#222'): void {
    const { ctx } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }

  rect(x: number, y: number, w: number, h: number, width = 1.5, color = '#222'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = width;
    this.ctx.strokeRect(x, y, w, h);
  }

  /** Every printed line, top to bottom (region by region), pieces on one line left to right. */
  textLines(): string {
    const sorted = [...this.pieces].sort((a, b) => a.region - b.region || a.y - b.y || a.x - b.x);
    const lines: Piece[][] = [];
    for (const p of sorted) {
      const last = lines[lines.length - 1];
      if (last && last[0]!.region === p.region && Math.abs(last[0]!.y - p.y) < 9) last.push(p);
      else lines.push([p]);
    }
    return lines.map((l) => l.sort((a, b) => a.x - b.x).map((p) => p.text).join(' ')).join('\n');
  }
}
