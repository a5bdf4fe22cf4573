// A sheet of paper for the fresh set: a canvas, the typefaces a Chinese office prints with (宋体,
// 仿宋 stand-in, 黑体, 楷体, a heavy 标宋 for red headers), and a log of every printed run so the truth
// text is what was put on the page. Seals are ink, not print: they stay out of the text.
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { join } from 'node:path';
import type { Rng } from '../../../domain/seed/prng';

const MODULES = join(import.meta.dirname, '../../../node_modules');

/** song 宋体, fang 仿宋 (a light serif stands in), hei 黑体, heiBold, kai 楷体, biao 标宋 (heavy serif). */
export type Face = 'song' | 'fang' | 'hei' | 'heiBold' | 'kai' | 'biao';

const FAMILY: Record<Face, string> = { song: 'FreshSong', fang: 'FreshFang', hei: 'FreshHei', heiBold: 'FreshHeiBold', kai: 'FreshKai', biao: 'FreshBiao' };

let ready = false;
function registerFaces(): void {
  if (ready) return;
  ready = true;
  const serif = (w: string) => join(MODULES, `@expo-google-fonts/noto-serif-sc/${w}/NotoSerifSC_${w}.ttf`);
  const sans = (w: string) => join(MODULES, `@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`);
  GlobalFonts.registerFromPath(serif('400Regular'), FAMILY.song);
  GlobalFonts.registerFromPath(serif('300Light'), FAMILY.fang);
  GlobalFonts.registerFromPath(serif('900Black'), FAMILY.biao);
  GlobalFonts.registerFromPath(sans('400Regular'), FAMILY.hei);
  GlobalFonts.registerFromPath(sans('700Bold'), FAMILY.heiBold);
  GlobalFonts.registerFromPath(join(MODULES, '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2'), FAMILY.kai);
}

export interface Ink {
  readonly size: number;
  readonly face?: Face;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Extra px between characters (spaced titles). */
  readonly track?: number;
}

interface Run {
  readonly region: number;
  readonly x: number;
  readonly mid: number;
  readonly size: number;
  readonly text: string;
}

export class Paper {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;
  private readonly runs: Run[] = [];
  /** Runs read region by region (the left page of a spread before the right). */
  region = 0;

  constructor(
    readonly w: number,
    readonly h: number,
    tint = '#ffffff',
  ) {
    registerFaces();
    this.canvas = createCanvas(w, h);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = tint;
    this.ctx.fillRect(0, 0, w, h);
  }

  width(text: string, size: number, face: Face = 'song', track = 0): number {
    this.ctx.font = `${size}px "${FAMILY[face]}"`;
    return this.ctx.measureText(text).width + track * Math.max(0, [...text].length - 1);
  }

  /** Prints `text` with its top at `y`; returns the width printed. */
  put(x: number, y: number, text: string, ink: Ink): number {
    const face = ink.face ?? 'song';
    const track = ink.track ?? 0;
    const w = this.width(text, ink.size, face, track);
    const left = ink.align === 'center' ? x - w / 2 : ink.align === 'right' ? x - w : x;
    const { ctx } = this;
    ctx.font = `${ink.size}px "${FAMILY[face]}"`;
    ctx.fillStyle = ink.color ?? '#141414';
    ctx.textBaseline = 'top';
    if (track) {
      let cx = left;
      for (const c of text) {
        ctx.fillText(c, cx, y);
        cx += ctx.measureText(c).width + track;
      }
    } else ctx.fillText(text, left, y);
    if (text.trim()) this.runs.push({ region: this.region, x: left, mid: y + ink.size / 2, size: ink.size, text });
    return w;
  }

  /** Like `put`, but shrinks the type until the text fits `max` px. */
  fit(x: number, y: number, text: string, max: number, ink: Ink): number {
    let size = ink.size;
    while (size > 12 && this.width(text, size, ink.face, ink.track) > max) size--;
    return this.put(x, y + (ink.size - size) / 2, text, { ...ink, size });
  }

  /** Prose wrapped to `max` px, first line indented by `indent` characters; returns the y below. */
  prose(x: number, y: number, max: number, text: string, ink: Ink & { indent?: number; lead?: number }): number {
    const step = ink.size * (ink.lead ?? 1.8);
    const pieces = text.match(/(?:[0-9A-Za-z.,*\-¥%]+|.)[，。、；：）》”]*/gu) ?? [];
    let line = '';
    let first = true;
    const out = () => {
      this.put(x + (first ? (ink.indent ?? 0) * ink.size : 0), y, line, ink);
      y += step;
      line = '';
      first = false;
    };
    for (const p of pieces) {
      const room = max - (first ? (ink.indent ?? 0) * ink.size : 0);
      if (line && this.width(line + p, ink.size, ink.face) > room) out();
      line += p;
    }
    if (line) out();
    return y;
  }

  rule(x1: number, y1: number, x2: number, y2: number, lw = 1.2, color = '#2a2a2a', dash?: number[]): void {
    const { ctx } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = lw;
    if (dash) ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
    ctx.restore();
  }

  box(x: number, y: number, w: number, h: number, lw = 1.2, color = '#2a2a2a'): void {
    this.ctx.strokeStyle = color;
    this.ctx.lineWidth = lw;
    this.ctx.strokeRect(x, y, w, h);
  }

  shade(x: number, y: number, w: number, h: number, color: string): void {
    this.ctx.fillStyle = color;
    this.ctx.fillRect(x, y, w, h);
  }

  /** A red round seal (rim text, star, a line under the star), multiplied over whatever is below it. */
  seal(cx: number, cy: number, r: number, rim: string, under: string, rng: Rng, oval = false): void {
    const { ctx } = this;
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    const red = `rgba(${rng.int(196, 230)},${rng.int(22, 60)},${rng.int(28, 62)},${(0.72 + rng.next() * 0.2).toFixed(2)})`;
    ctx.translate(cx, cy);
    ctx.rotate((rng.next() - 0.5) * 0.7);
    if (oval) ctx.scale(1.3, 0.92);
    ctx.strokeStyle = red;
    ctx.fillStyle = red;
    ctx.lineWidth = r * 0.055;
    ctx.beginPath();
    ctx.arc(0, 0, r, 0, Math.PI * 2);
    ctx.stroke();
    const chars = [...rim];
    const size = Math.min(r * 0.24, (r * 2.9) / Math.max(1, chars.length));
    ctx.font = `${size}px "${FAMILY.heiBold}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const sweep = Math.min(Math.PI * 1.4, (chars.length * size * 1.08) / (r * 0.76));
    chars.forEach((c, i) => {
      ctx.save();
      ctx.rotate(-sweep / 2 + (sweep * (i + 0.5)) / chars.length);
      ctx.fillText(c, 0, -r * 0.74);
      ctx.restore();
    });
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const rr = k % 2 ? r * 0.11 : r * 0.27;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      ctx.lineTo(rr * Math.cos(a), rr * Math.sin(a));
    }
    ctx.closePath();
    ctx.fill();
    if (under) {
      ctx.font = `${r * 0.17}px "${FAMILY.heiBold}"`;
      ctx.fillText(under, 0, r * 0.52);
    }
    ctx.restore();
    // ink that did not take: pale flecks
    ctx.save();
    ctx.fillStyle = 'rgba(255,255,255,0.5)';
    for (let i = 0; i < 70; i++) {
      const a = rng.next() * Math.PI * 2;
      const d = Math.sqrt(rng.next()) * r;
      ctx.fillRect(cx + d * Math.cos(a), cy + d * Math.sin(a), rng.int(2, 6), rng.int(1, 3));
    }
    ctx.restore();
  }

  /** The printed lines top to bottom, runs on one line left to right, separated by a space. */
  text(): string {
    const sorted = [...this.runs].sort((a, b) => a.region - b.region || a.mid - b.mid || a.x - b.x);
    const lines: Run[][] = [];
    for (const r of sorted) {
      const last = lines[lines.length - 1];
      const ref = last?.[0];
      if (last && ref && ref.region === r.region && Math.abs(ref.mid - r.mid) < Math.min(ref.size, r.size) * 0.45) last.push(r);
      else lines.push([r]);
    }
    return lines.map((l) => l.sort((a, b) => a.x - b.x).map((r) => r.text).join(' ')).join('\n');
  }
}

/** A label spread to `n` character cells with full-width spaces (姓　　名), as the card forms print them. */
export function spread(label: string, n: number): string {
  const chars = [...label];
  if (chars.length >= n || chars.length < 2) return label;
  const gaps = chars.length - 1;
  const total = Math.ceil((n - chars.length) / gaps) * gaps; // even gaps: 曾　用　名, not 曾　用名
  return chars.map((c, i) => (i < gaps ? c + '\u3000'.repeat(Math.floor(total / gaps) + (i < total % gaps ? 1 : 0)) : c)).join('');
}

/** A page drawn, with its truth and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Record<string, string | number>;
  readonly layout: string;
}

/** Pixels per millimetre and the pixel size of a point of type at `dpi`. */
export const mm = (dpi: number) => dpi / 25.4;
export const pt = (dpi: number, points: number) => Math.round((points * dpi) / 72);
