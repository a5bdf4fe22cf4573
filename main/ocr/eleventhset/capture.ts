// How an eleventh-set page reaches the OCR, one capture per page: a clean scan at up to 300 dpi, a
// 200 dpi scan skewed 1–3°, a phone photo (the page a trapezoid on a darker desk, uneven light, a
// little blur), a 100–130 dpi scan, a greyscale JPEG at quality 40–60 (jpeg-js), a photocopy with
// toner speckle. Pages are drawn at the capture's resolution; the longest side stays 700–3000 px.
import { createCanvas } from '@napi-rs/canvas';
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import type { Paper } from './paper';

export const ELEVENTH_CAPTURES = ['scan300', 'skew200', 'phone', 'scan-low', 'jpeg-grey', 'photocopy'] as const;
export type EleventhCapture = (typeof ELEVENTH_CAPTURES)[number];

/** Shares of the captures (cumulative thresholds follow the order above). */
const SHARES: Record<EleventhCapture, number> = { scan300: 0.2, skew200: 0.16, phone: 0.18, 'scan-low': 0.16, 'jpeg-grey': 0.15, photocopy: 0.15 };

export function chooseCapture(u: number): EleventhCapture {
  let acc = 0;
  for (const m of ELEVENTH_CAPTURES) {
    acc += SHARES[m];
    if (u < acc) return m;
  }
  return 'photocopy';
}

/** The resolution a design of longest side `longMm` is drawn at. */
export type DpiFor = (longMm: number) => number;

export function dpiFor(mode: EleventhCapture, rng: Rng): DpiFor {
  const wanted = { scan300: 300, skew200: 200, phone: 150 + rng.int(0, 40), 'scan-low': rng.int(100, 130), 'jpeg-grey': rng.int(150, 200), photocopy: 200 }[mode];
  const room = mode === 'phone' ? 2700 : mode === 'skew200' ? 2900 : 3000;
  return (longMm) => Math.max(Math.ceil((720 * 25.4) / longMm), Math.min(wanted, Math.floor((room * 25.4) / longMm)));
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

function rgbaOf(paper: Paper): RgbaImage {
  const img = paper.ctx.getImageData(0, 0, paper.width, paper.height);
  return { width: paper.width, height: paper.height, data: new Uint8ClampedArray(img.data) };
}

/** [1 2 1] ⊗ [1 2 1] blur, `passes` times (RGB; alpha opaque). */
function blur(img: RgbaImage, passes = 1): RgbaImage {
  const { width: w, height: h } = img;
  const src = new Uint8ClampedArray(img.data);
  const tmp = new Float32Array(w * h);
  const acc = new Float32Array(w * h);
  for (let p = 0; p < passes; p++) {
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < h; y++) {
        const row = y * w;
        for (let x = 0; x < w; x++) {
          const l = x > 0 ? x - 1 : x;
          const r = x < w - 1 ? x + 1 : x;
          tmp[row + x] = src[(row + l) * 4 + c]! + 2 * src[(row + x) * 4 + c]! + src[(row + r) * 4 + c]!;
        }
      }
      for (let y = 0; y < h; y++) {
        const u = (y > 0 ? y - 1 : y) * w;
        const d = (y < h - 1 ? y + 1 : y) * w;
        const row = y * w;
        for (let x = 0; x < w; x++) acc[row + x] = (tmp[u + x]! + 2 * tmp[row + x]! + tmp[d + x]!) / 16;
      }
      for (let i = 0; i < w * h; i++) src[i * 4 + c] = acc[i]!;
    }
    for (let i = 3; i < src.length; i += 4) src[i] = 255;
  }
  return { width: w, height: h, data: src };
}

function scan(paper: Paper, rng: Rng, noise: number): RgbaImage {
  const img = rgbaOf(paper);
  const d = img.data;
  const tone = rng.int(0, 6);
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() - 0.5) * noise;
    d[i] = clamp(d[i]! - tone + n);
    d[i + 1] = clamp(d[i + 1]! - tone + n);
    d[i + 2] = clamp(d[i + 2]! - tone * 1.5 + n);
    d[i + 3] = 255;
  }
  return img;
}

function skew(paper: Paper, rng: Rng): RgbaImage {
  const deg = (rng.chance(0.5) ? 1 : -1) * (1 + rng.next() * 2);
  const m = Math.round(paper.width * 0.02);
  const c = createCanvas(paper.width + 2 * m, paper.height + 2 * m);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#f2f2f0';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.translate(c.width / 2, c.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(paper.canvas, -paper.width / 2, -paper.height / 2);
  const img = ctx.getImageData(0, 0, c.width, c.height);
  const d = new Uint8ClampedArray(img.data);
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() - 0.5) * 8;
    d[i] = clamp(d[i]! + n);
    d[i + 1] = clamp(d[i + 1]! + n);
    d[i + 2] = clamp(d[i + 2]! + n);
    d[i + 3] = 255;
  }
  return { width: c.width, height: c.height, data: d };
}

/** The homography taking the unit square's corners (0,0),(1,0),(1,1),(0,1) to `q`. */
function squareTo(q: readonly (readonly [number, number])[]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [[number, number], [number, number], [number, number], [number, number]];
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

function phone(paper: Paper, rng: Rng): RgbaImage {
  const pw = paper.width;
  const ph = paper.height;
  const W = Math.round(pw * (1.12 + rng.next() * 0.08));
  const H = Math.round(ph * (1.1 + rng.next() * 0.08));
  const mx = (W - pw) / 2;
  const my = (H - ph) / 2;
  const narrow = pw * (0.03 + rng.next() * 0.05);
  const j = () => (rng.next() - 0.5) * pw * 0.025;
  const quad: [number, number][] = [
    [mx + narrow + j(), my + j()],
    [mx + pw - narrow + j(), my + j()],
    [mx + pw + j() * 0.5, my + ph + j() * 0.5],
    [mx + j() * 0.5, my + ph + j() * 0.5],
  ];
  const toSquare = invert3(squareTo(quad));
  const src = rgbaOf(paper).data;
  const out = new Uint8ClampedArray(W * H * 4);
  const desk = [70 + rng.int(0, 40), 55 + rng.int(0, 30), 40 + rng.int(0, 30)];
  const lx = rng.next() * W;
  const ly = rng.next() * H * 0.5;
  const diag = Math.hypot(W, H);
  const [a, b, c, d, e, f, g, h, i] = toSquare as [number, number, number, number, number, number, number, number, number];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const light = 1.04 - (0.3 * Math.hypot(x - lx, y - ly)) / diag;
      const z = g * x + h * y + i;
      const u = ((a * x + b * y + c) / z) * (pw - 1);
      const v = ((d * x + e * y + f) / z) * (ph - 1);
      const n = (rng.next() - 0.5) * 10;
      if (u < 0 || v < 0 || u >= pw - 1 || v >= ph - 1) {
        const grain = ((x * 7 + Math.floor(y / 3) * 13) % 17) - 8;
        out[o] = clamp(desk[0]! * light + grain + n);
        out[o + 1] = clamp(desk[1]! * light + grain + n);
        out[o + 2] = clamp(desk[2]! * light + grain + n);
        out[o + 3] = 255;
        continue;
      }
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      const p = (y0 * pw + x0) * 4;
      const q = p + pw * 4;
      for (let ch = 0; ch < 3; ch++) {
        const top = src[p + ch]! + (src[p + 4 + ch]! - src[p + ch]!) * fx;
        const bot = src[q + ch]! + (src[q + 4 + ch]! - src[q + ch]!) * fx;
        const cast = ch === 2 ? 0.93 : ch === 1 ? 0.97 : 1;
        out[o + ch] = clamp((top + (bot - top) * fy) * light * cast + n);
      }
      out[o + 3] = 255;
    }
  }
  return blur({ width: W, height: H, data: out }, rng.chance(0.5) ? 1 : 2);
}

function jpegGrey(paper: Paper, rng: Rng): RgbaImage {
  const img = rgbaOf(paper);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const v = clamp(0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]! + (rng.next() - 0.5) * 6);
    d[i] = v;
    d[i + 1] = v;
    d[i + 2] = v;
    d[i + 3] = 255;
  }
  const coded = jpeg.encode({ width: img.width, height: img.height, data: d }, rng.int(40, 60));
  const back = jpeg.decode(coded.data, { useTArray: true, formatAsRGBA: true });
  return { width: back.width, height: back.height, data: new Uint8ClampedArray(back.data) };
}

function photocopy(paper: Paper, rng: Rng): RgbaImage {
  const img = blur(rgbaOf(paper), 1);
  const { width: w, height: h } = img;
  const d = img.data;
  const base = 226 + rng.int(0, 14);
  const edge = Math.round(w * (0.01 + rng.next() * 0.02));
  const left = rng.chance(0.5);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      let v = 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;
      v = v > 200 ? base + (v - 200) * ((255 - base) / 55) * 0.2 : v < 120 ? v * 0.55 : (v - 120) * ((base - 66) / 80) + 66;
      v += (rng.next() - 0.5) * 14;
      if (rng.next() < 0.0015) v = 40 + rng.next() * 60;
      if ((left ? x : w - 1 - x) < edge) v = Math.min(v, 60 + ((left ? x : w - 1 - x) / edge) * 120);
      const c = clamp(v);
      d[o] = c;
      d[o + 1] = c;
      d[o + 2] = c;
      d[o + 3] = 255;
    }
  }
  // toner specks a few pixels across
  const specks = Math.round((w * h) / 14000);
  for (let s = 0; s < specks; s++) {
    const cx = rng.int(0, w - 1);
    const cy = rng.int(0, h - 1);
    const r = 1 + rng.int(0, 2);
    for (let y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++)
      for (let x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const o = (y * w + x) * 4;
        const c = Math.min(d[o]!, 50 + rng.int(0, 60));
        d[o] = c;
        d[o + 1] = c;
        d[o + 2] = c;
      }
  }
  return img;
}

/** The page as the capture delivers it (RGBA). */
export async function capture(paper: Paper, mode: EleventhCapture, rng: Rng): Promise<RgbaImage> {
  switch (mode) {
    case 'scan300':
      return scan(paper, rng, 4);
    case 'skew200':
      return skew(paper, rng);
    case 'phone':
      return phone(paper, rng);
    case 'scan-low':
      return blur(scan(paper, rng, 6), 1);
    case 'jpeg-grey':
      return jpegGrey(paper, rng);
    case 'photocopy':
      return photocopy(paper, rng);
  }
}
