// The sheet the sixth set draws on: an A4 canvas at 150 dpi (1240×1754) that remembers every string
// it prints (in reading order) for the truth text, plus the office furniture: rules, tables, red
// seals (ink only, never text) and QR blocks. Dates and money are written by wording.ts.
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FieldValues } from '../../../domain/ocr/fields';
import type { Rng } from '../../../domain/seed/prng';

const require = createRequire(import.meta.url);
let fontsReady = false;

function registerFonts(): void {
  if (fontsReady) return;
  fontsReady = true;
  const sans = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const serif = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  GlobalFonts.registerFromPath(join(sans, '400Regular/NotoSansSC_400Regular.ttf'), 'S6Sans');
  GlobalFonts.registerFromPath(join(sans, '700Bold/NotoSansSC_700Bold.ttf'), 'S6SansBold');
  GlobalFonts.registerFromPath(join(sans, '300Light/NotoSansSC_300Light.ttf'), 'S6SansLight');
  GlobalFonts.registerFromPath(join(serif, '400Regular/NotoSerifSC_400Regular.ttf'), 'S6Serif');
  GlobalFonts.registerFromPath(join(serif, '700Bold/NotoSerifSC_700Bold.ttf'), 'S6SerifBold');
  // Fontsource ships these two as unicode-range chunks: every chunk under one family covers the CJK set.
  for (const [pkg, family] of [['@fontsource/ma-shan-zheng', 'S6Hand'], ['@fontsource/zcool-xiaowei', 'S6Display']] as const) {
    const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
    for (const f of readdirSync(dir)) if (f.endsWith('.woff2')) GlobalFonts.registerFromPath(join(dir, f), family);
  }
}

export type Face = 'sans' | 'bold' | 'light' | 'serif' | 'serifBold' | 'hand' | 'display';
const FAMILY: Record<Face, string> = { sans: 'S6Sans', bold: 'S6SansBold', light: 'S6SansLight', serif: 'S6Serif', serifBold: 'S6SerifBold', hand: 'S6Hand', display: 'S6Display' };

export interface PutOpts {
  readonly size?: number;
  readonly face?: Face;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** Letter spacing in px (titles). */
  readonly spacing?: number;
  /** Not part of the page text (e.g. a faint background word). */
  readonly silent?: boolean;
}

interface Printed {
  readonly x: number;
  readonly y: number;
  readonly s: string;
}

export class Paper {
  readonly canvas: Canvas;
  readonly g: SKRSContext2D;
  private readonly printed: Printed[] = [];

  constructor(
    readonly width = 1240,
    readonly height = 1754,
    background = '#ffffff',
  ) {
    registerFonts();
    this.canvas = createCanvas(width, height);
    this.g = this.canvas.getContext('2d');
    this.g.fillStyle = background;
    this.g.fillRect(0, 0, width, height);
  }

  /** Prints `s` with its baseline at y; returns its width. */
  put(s: string, x: number, y: number, o: PutOpts = {}): number {
    const g = this.g;
    const size = o.size ?? 26;
    g.font = `${size}px ${FAMILY[o.face ?? 'sans']}`;
    g.fillStyle = o.color ?? '#111111';
    g.textBaseline = 'alphabetic';
    const sp = o.spacing ?? 0;
    const chars = [...s];
    const width = sp ? chars.reduce((w, c) => w + g.measureText(c).width + sp, -sp) : g.measureText(s).width;
    let left = o.align === 'center' ? x - width / 2 : o.align === 'right' ? x - width : x;
    if (sp) {
      g.textAlign = 'left';
      for (const c of chars) {
        g.fillText(c, left, y);
        left += g.measureText(c).width + sp;
      }
    } else {
      g.textAlign = 'left';
      g.fillText(s, left, y);
    }
    if (!o.silent && s.trim()) this.printed.push({ x: o.align === 'center' ? x - width / 2 : o.align === 'right' ? x - width : x, y, s });
    return width;
  }

  /** Width `s` would take. */
  measure(s: string, size = 26, face: Face = 'sans'): number {
    this.g.font = `${size}px ${FAMILY[face]}`;
    return this.g.measureText(s).width;
  }

  /** Prints `s` shrunk if needed to fit `max` px. */
  fit(s: string, x: number, y: number, max: number, o: PutOpts = {}): void {
    let size = o.size ?? 26;
    while (size > 14 && this.measure(s, size, o.face) > max) size -= 1;
    this.put(s, x, y, { ...o, size });
  }

  line(x1: number, y1: number, x2: number, y2: number, w = 2, color = '#222222'): void {
    const g = this.g;
    g.strokeStyle = color;
    g.lineWidth = w;
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  }

  box(x: number, y: number, w: number, h: number, lw = 2, color = '#222222'): void {
    this.g.strokeStyle = color;
    this.g.lineWidth = lw;
    this.g.strokeRect(x, y, w, h);
  }

  fill(x: number, y: number, w: number, h: number, color: string): void {
    this.g.fillStyle = color;
    this.g.fillRect(x, y, w, h);
  }

  /** A round red office seal: ring, star, the office name on the arc, a word across the bottom. */
  seal(cx: number, cy: number, r: number, arc: string, bottom: string, rng: Rng, color = 'rgba(214,30,36,0.78)'): void {
    const g = this.g;
    g.save();
    g.globalCompositeOperation = 'multiply';
    g.translate(cx, cy);
    g.rotate((rng.next() - 0.5) * 0.5);
    g.strokeStyle = color;
    g.fillStyle = color;
    g.lineWidth = r * 0.06;
    g.beginPath();
    g.arc(0, 0, r, 0, Math.PI * 2);
    g.stroke();
    star(g, 0, 0, r * 0.28);
    const chars = [...arc];
    const span = Math.min(Math.PI * 1.45, chars.length * 0.3);
    g.font = `${Math.round(r * 0.22)}px S6SansBold`;
    g.textAlign = 'center';
    chars.forEach((c, i) => {
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      g.save();
      g.rotate(a + Math.PI / 2);
      g.fillText(c, 0, -r * 0.7);
      g.restore();
    });
    g.font = `${Math.round(r * 0.17)}px S6SansBold`;
    g.fillText(bottom, 0, r * 0.62);
    g.restore();
  }

  /** A QR-looking block (three finder squares, random modules). */
  qr(x: number, y: number, size: number, rng: Rng): void {
    const n = 29;
    const m = size / n;
    const g = this.g;
    g.fillStyle = '#ffffff';
    g.fillRect(x - m * 2, y - m * 2, size + m * 4, size + m * 4);
    g.fillStyle = '#000000';
    const finder = (fx: number, fy: number) => {
      g.fillRect(x + fx * m, y + fy * m, 7 * m, 7 * m);
      g.fillStyle = '#ffffff';
      g.fillRect(x + (fx + 1) * m, y + (fy + 1) * m, 5 * m, 5 * m);
      g.fillStyle = '#000000';
      g.fillRect(x + (fx + 2) * m, y + (fy + 2) * m, 3 * m, 3 * m);
    };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const inFinder = (i < 8 && j < 8) || (i < 8 && j > n - 9) || (i > n - 9 && j < 8);
        if (!inFinder && rng.chance(0.48)) g.fillRect(x + i * m, y + j * m, Math.ceil(m), Math.ceil(m));
      }
    }
    finder(0, 0);
    finder(n - 7, 0);
    finder(0, n - 7);
  }

  /** Everything printed, one line per visual row, left to right. */
  text(): string {
    const items = [...this.printed].sort((a, b) => a.y - b.y || a.x - b.x);
    const rows: Printed[][] = [];
    for (const it of items) {
      const last = rows[rows.length - 1];
      if (last && Math.abs(it.y - last[0]!.y) <= 8) last.push(it);
      else rows.push([it]);
    }
    return rows.map((r) => r.sort((a, b) => a.x - b.x).map((p) => p.s).join(' ')).join('\n');
  }
}

function star(g: SKRSContext2D, cx: number, cy: number, r: number): void {
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    g.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  g.closePath();
  g.fill();
}

/** A drawn page and what it prints. */
export interface Made {
  readonly paper: Paper;
  readonly fields: FieldValues;
  readonly layout: string;
}

/** A table: column x positions (left edges plus the right end), drawn rows, returns the next y. */
export function table(p: Paper, x: number[], y: number, rowH: number, rows: readonly (readonly string[])[], o: { size?: number; face?: Face; header?: boolean; rules?: 'grid' | 'rows' | 'none'; align?: ('left' | 'right' | 'center')[] } = {}): number {
  const size = o.size ?? 22;
  const rules = o.rules ?? 'grid';
  const left = x[0]!;
  const right = x[x.length - 1]!;
  rows.forEach((row, r) => {
    const top = y + r * rowH;
    if (o.header && r === 0) p.fill(left, top, right - left, rowH, '#eeeeee');
    row.forEach((cell, c) => {
      const a = o.align?.[c] ?? 'left';
      const cx = a === 'right' ? x[c + 1]! - 8 : a === 'center' ? (x[c]! + x[c + 1]!) / 2 : x[c]! + 8;
      const face = o.header && r === 0 ? 'bold' : (o.face ?? 'sans');
      let s = size;
      while (s > 13 && p.measure(cell, s, face) > x[c + 1]! - x[c]! - 10) s -= 1;
      p.put(cell, cx, top + rowH / 2 + s * 0.36, { size: s, face, align: a });
    });
    if (rules === 'grid' || rules === 'rows') p.line(left, top + rowH, right, top + rowH, 1.5);
  });
  const bottom = y + rows.length * rowH;
  if (rules === 'grid') {
    p.line(left, y, right, y, 1.5);
    for (const cx of x) p.line(cx, y, cx, bottom, 1.5);
  }
  return bottom;
}
