// Drawing surface for the independent OCR development set: a white sheet, text in the allowed
// Noto weights, ruled lines and red round stamps, with every printed line recorded for the truth text.
import { join } from 'node:path';
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';

const MODULES = join(import.meta.dirname, '../../../node_modules/@expo-google-fonts');

/** Only these weights: the corpus and the held-out set use the others. */
const FONT_FILES = {
  sans200: 'noto-sans-sc/200ExtraLight/NotoSansSC_200ExtraLight.ttf',
  sans600: 'noto-sans-sc/600SemiBold/NotoSansSC_600SemiBold.ttf',
  sans700: 'noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  sans800: 'noto-sans-sc/800ExtraBold/NotoSansSC_800ExtraBold.ttf',
  serif300: 'noto-serif-sc/300Light/NotoSerifSC_300Light.ttf',
  serif500: 'noto-serif-sc/500Medium/NotoSerifSC_500Medium.ttf',
  serif700: 'noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  serif800: 'noto-serif-sc/800ExtraBold/NotoSerifSC_800ExtraBold.ttf',
} as const;
export type FontKey = keyof typeof FONT_FILES;
export const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

let registered = false;
function registerFonts(): void {
  if (registered) return;
  for (const [key, file] of Object.entries(FONT_FILES)) GlobalFonts.registerFromPath(join(MODULES, file), `Dev_${key}`);
  registered = true;
}

interface Item {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly s: string;
}

export interface TextOptions {
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** Letter spacing in px (titles are often spaced out: 收 入 证 明). */
  readonly spacing?: number;
  /** False for print that is not part of the page's text (stamp legends, watermarks). */
  readonly record?: boolean;
}

export class Sheet {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  private readonly items: Item[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    /** The body text's size in px, so captures can aim at a glyph height. */
    readonly bodySize: number,
    paper = '#ffffff',
  ) {
    registerFonts();
    this.canvas = createCanvas(width, height);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = paper;
    this.ctx.fillRect(0, 0, width, height);
  }

  measure(s: string, size: number, font: FontKey, spacing = 0): number {
    this.ctx.font = `${size}px Dev_${font}`;
    return this.ctx.measureText(s).width + spacing * Math.max(0, [...s].length - 1);
  }

  /** Draws `s` with its baseline at y; returns the width. */
  text(s: string, x: number, y: number, size: number, font: FontKey, o: TextOptions = {}): number {
    if (s === '') return 0;
    const ctx = this.ctx;
    const spacing = o.spacing ?? 0;
    const w = this.measure(s, size, font, spacing);
    let left = o.align === 'center' ? x - w / 2 : o.align === 'right' ? x - w : x;
    ctx.font = `${size}px Dev_${font}`;
    ctx.fillStyle = o.color ?? '#111111';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    if (spacing === 0) ctx.fillText(s, left, y);
    else
      for (const ch of s) {
        ctx.fillText(ch, left, y);
        left += ctx.measureText(ch).width + spacing;
      }
    if (o.record !== false) this.items.push({ x: o.align === 'center' ? x - w / 2 : o.align === 'right' ? x - w : x, y, size, s });
    return w;
  }

  /** Wraps a paragraph at `width` (first line indented by `indent`); returns the baseline after it. */
  paragraph(s: string, x: number, y: number, width: number, size: number, font: FontKey, lineHeight: number, indent = 0): number {
    let line = '';
    let first = true;
    // numbers, Latin words and ID numbers are never split across lines
    for (const ch of s.match(/[0-9A-Za-z¥.,\-*/]+|./gu) ?? []) {
      const avail = width - (first ? indent : 0);
      if (line !== '' && this.measure(line + ch, size, font) > avail && !'，。、；：）'.includes(ch)) {
        this.text(line, x + (first ? indent : 0), y, size, font);
        y += lineHeight;
        line = '';
        first = false;
      }
      line += ch;
    }
    if (line) this.text(line, x + (first ? indent : 0), y, size, font);
    return y + lineHeight;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 2, color = '#222222'): void {
    const ctx = this.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }

  rect(x: number, y: number, w: number, h: number, width = 2, color = '#222222'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = width;
    this.ctx.strokeRect(x, y, w, h);
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x, y, w, h);
  }

  /** A red round seal: the organisation's name round the top, a star, an optional line below. */
  stamp(rng: Rng, cx: number, cy: number, r: number, org: string, bottom = ''): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    const alpha = 0.65 + rng.next() * 0.3;
    const red = `rgba(${rng.int(200, 230)},${rng.int(20, 50)},${rng.int(30, 60)},${alpha.toFixed(2)})`;
    ctx.translate(cx, cy);
    ctx.rotate((rng.next() - 0.5) * 0.6);
    ctx.strokeStyle = red;
    ctx.fillStyle = red;
    ctx.lineWidth = r * 0.06;
    ctx.beginPath();
    ctx.arc(0, 0, r, 0, Math.PI * 2);
    ctx.stroke();
    // star
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 === 0 ? r * 0.24 : r * 0.1;
      if (i === 0) ctx.moveTo(Math.cos(a) * rr, Math.sin(a) * rr);
      else ctx.lineTo(Math.cos(a) * rr, Math.sin(a) * rr);
    }
    ctx.closePath();
    ctx.fill();
    const chars = [...org];
    const size = Math.min(r * 0.3, (Math.PI * 1.3 * r * 0.75) / chars.length);
    ctx.font = `${size}px Dev_sans700`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const span = Math.min(Math.PI * 1.35, (chars.length * size * 1.05) / (r * 0.75));
    chars.forEach((ch, i) => {
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      ctx.save();
      ctx.rotate(a + Math.PI / 2);
      ctx.fillText(ch, 0, -r * 0.75);
      ctx.restore();
    });
    if (bottom) {
      ctx.font = `${r * 0.2}px Dev_sans600`;
      ctx.fillText(bottom, 0, r * 0.5);
    }
    ctx.restore();
  }

  /** The recorded print, line by line: items whose baselines lie close together form one line. */
  textLines(): string {
    const sorted = [...this.items].sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: Item[][] = [];
    for (const it of sorted) {
      const last = lines.at(-1);
      if (last && Math.abs(it.y - last[0]!.y) < Math.min(it.size, last[0]!.size) * 0.45) last.push(it);
      else lines.push([it]);
    }
    return lines.map((l) => l.sort((a, b) => a.x - b.x).map((i) => i.s).join(' ')).join('\n');
  }
}
