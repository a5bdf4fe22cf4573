// How a fresh page reaches the reader. scan: a flatbed at the sheet's own resolution, turned up to
// 1.5°, the lid's grey round the edge, saved as JPEG. photo: a phone over a desk — the sheet in
// perspective, light falling off across it, a soft focus, JPEG. lowres: sent through a chat app —
// shrunk to about 100 dpi, heavy JPEG, then blown back up to the original size.
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { jpeg, rotated } from '../fieldset/capture';

export const FRESH_CAPTURES = ['scan', 'photo', 'lowres'] as const;
export type FreshCapture = (typeof FRESH_CAPTURES)[number];

/** 50 % scan, 30 % photo, 20 % lowres. */
export const chooseCapture = (r: number): FreshCapture => (r < 0.5 ? 'scan' : r < 0.8 ? 'photo' : 'lowres');

function scan(src: Canvas, rng: Rng): Canvas {
  const out = rotated(src, (rng.next() * 2 - 1) * 1.5, rng.int(10, 30), rng.pick(['#ececea', '#f3f3f1', '#dcdcda']));
  return jpeg(out, rng.int(70, 92));
}

/** Solves for the projective map sending the unit square's corners to `q` (clockwise from top left). */
function projective(q: readonly (readonly [number, number])[]): number[] {
  const [a, b, c, d] = q as [[number, number], [number, number], [number, number], [number, number]];
  const sx = a[0] - b[0] + c[0] - d[0];
  const sy = a[1] - b[1] + c[1] - d[1];
  const bx = b[0] - c[0];
  const dx = d[0] - c[0];
  const by = b[1] - c[1];
  const dy = d[1] - c[1];
  const det = bx * dy - dx * by;
  const g = (sx * dy - dx * sy) / det;
  const h = (bx * sy - sx * by) / det;
  return [b[0] - a[0] + g * b[0], d[0] - a[0] + h * d[0], a[0], b[1] - a[1] + g * b[1], d[1] - a[1] + h * d[1], a[1], g, h, 1];
}

function inverse(m: readonly number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = f * g - d * i;
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, (c * h - b * i) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, (c * d - a * f) / det, C / det, (b * g - a * h) / det, (a * e - b * d) / det];
}

function photo(src: Canvas, rng: Rng): Canvas {
  const k = Math.min(1, 1700 / src.width);
  const W = Math.round(src.width * k * 1.22);
  const H = Math.round(src.height * k * 1.22);
  const sw = src.width;
  const sh = src.height;
  const s = src.getContext('2d').getImageData(0, 0, sw, sh).data;
  const out = createCanvas(W, H);
  const ctx = out.getContext('2d');
  const img = ctx.createImageData(W, H);
  const o = img.data;
  const wob = () => (rng.next() - 0.5) * 0.08;
  const tilt = (rng.next() - 0.5) * 0.05; // the far edge narrower: the phone held at an angle
  const m = inverse(
    projective([
      [W * (0.09 + tilt + wob()), H * (0.08 + wob())],
      [W * (0.91 - tilt + wob()), H * (0.08 + wob())],
      [W * (0.92 + wob()), H * (0.92 + wob())],
      [W * (0.08 + wob()), H * (0.92 + wob())],
    ]),
  );
  const desk = rng.pick([
    [92, 70, 52],
    [150, 128, 100],
    [58, 62, 70],
    [205, 200, 192],
    [120, 126, 118],
  ] as const);
  const lx = rng.next() * W;
  const ly = rng.next() * H;
  const fall = 0.25 + rng.next() * 0.25;
  const warm = rng.next() * 0.06;
  const diag = Math.hypot(W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const q = m[6]! * x + m[7]! * y + m[8]!;
      const u = (m[0]! * x + m[1]! * y + m[2]!) / q;
      const v = (m[3]! * x + m[4]! * y + m[5]!) / q;
      const at = (y * W + x) * 4;
      let r: number;
      let g: number;
      let b: number;
      if (u >= 0 && u < 1 && v >= 0 && v < 1) {
        const fx = u * (sw - 1);
        const fy = v * (sh - 1);
        const x0 = fx | 0;
        const y0 = fy | 0;
        const tx = fx - x0;
        const ty = fy - y0;
        const x1 = Math.min(x0 + 1, sw - 1);
        const y1 = Math.min(y0 + 1, sh - 1);
        const p00 = (y0 * sw + x0) * 4;
        const p10 = (y0 * sw + x1) * 4;
        const p01 = (y1 * sw + x0) * 4;
        const p11 = (y1 * sw + x1) * 4;
        const mix = (ch: number) => (s[p00 + ch]! * (1 - tx) + s[p10 + ch]! * tx) * (1 - ty) + (s[p01 + ch]! * (1 - tx) + s[p11 + ch]! * tx) * ty;
        r = mix(0);
        g = mix(1);
        b = mix(2);
      } else {
        const n = ((x * 73856093) ^ (y * 19349663)) & 7;
        r = desk[0] + n;
        g = desk[1] + n;
        b = desk[2] + n;
      }
      const light = 1.06 - fall * (Math.hypot(x - lx, y - ly) / diag);
      o[at] = Math.min(255, r * light * (1 + warm));
      o[at + 1] = Math.min(255, g * light);
      o[at + 2] = Math.min(255, b * light * (1 - warm));
      o[at + 3] = 255;
    }
  }
  soften(o, W, H);
  if (rng.chance(0.5)) soften(o, W, H); // focus a little off
  ctx.putImageData(img, 0, 0);
  return jpeg(out, rng.int(62, 85));
}

/** A light blur: each pixel half itself, half the mean of its four neighbours. */
function soften(d: Uint8ClampedArray, w: number, h: number): void {
  const src = new Uint8ClampedArray(d);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) d[i + c] = src[i + c]! * 0.5 + (src[i + c - 4]! + src[i + c + 4]! + src[i + c - 4 * w]! + src[i + c + 4 * w]!) * 0.125;
    }
  }
}

function lowres(src: Canvas, rng: Rng): Canvas {
  const tilted = rotated(src, (rng.next() * 2 - 1) * 0.8, rng.int(4, 12), '#ffffff');
  const f = 0.45 + rng.next() * 0.17;
  const small = createCanvas(Math.round(tilted.width * f), Math.round(tilted.height * f));
  small.getContext('2d').drawImage(tilted, 0, 0, small.width, small.height);
  const crushed = jpeg(small, rng.int(28, 55));
  const back = createCanvas(tilted.width, tilted.height);
  const ctx = back.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(crushed, 0, 0, back.width, back.height);
  return jpeg(back, rng.int(55, 75));
}

export function capture(src: Canvas, mode: FreshCapture, rng: Rng): RgbaImage {
  const c = mode === 'scan' ? scan(src, rng) : mode === 'photo' ? photo(src, rng) : lowres(src, rng);
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  return { width: c.width, height: c.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
