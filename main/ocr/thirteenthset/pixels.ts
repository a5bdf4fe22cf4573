// Pixel work for the thirteenth set's captures, on RGBA buffers: area-average resizing (what a
// scanner's optics and a chat app's downscaler do), small blurs, a skew, a perspective warp, noise,
// grey conversion, and a JPEG round trip through @napi-rs/canvas.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';

export interface Img {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export const blank = (width: number, height: number, v = 255): Img => ({ width, height, data: new Uint8ClampedArray(width * height * 4).fill(v) });

/** Bilinear sample of `src` at (x, y) into out[o..o+3]; false (nothing written) outside. */
export function sample(src: Img, x: number, y: number, out: Uint8ClampedArray, o: number): boolean {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= src.width || y0 + 1 >= src.height) return false;
  const fx = x - x0;
  const fy = y - y0;
  const i = (y0 * src.width + x0) * 4;
  const j = i + src.width * 4;
  const d = src.data;
  for (let c = 0; c < 3; c++) {
    const top = d[i + c]! + (d[i + 4 + c]! - d[i + c]!) * fx;
    out[o + c] = top + (d[j + c]! + (d[j + 4 + c]! - d[j + c]!) * fx - top) * fy;
  }
  out[o + 3] = 255;
  return true;
}

/** Resized to W × H: area average when shrinking, bilinear when growing. */
export function resize(src: Img, W: number, H: number): Img {
  const out = blank(W, H);
  const sx = src.width / W;
  const sy = src.height / H;
  if (sx < 1 || sy < 1) {
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) sample(src, Math.min(src.width - 1.001, (x + 0.5) * sx - 0.5), Math.min(src.height - 1.001, (y + 0.5) * sy - 0.5), out.data, (y * W + x) * 4);
    return out;
  }
  const acc = new Float64Array(W * H * 3);
  const cnt = new Float64Array(W * H);
  for (let y = 0; y < src.height; y++) {
    const ty = Math.min(H - 1, Math.floor(y / sy));
    for (let x = 0; x < src.width; x++) {
      const t = ty * W + Math.min(W - 1, Math.floor(x / sx));
      const i = (y * src.width + x) * 4;
      acc[t * 3]! += src.data[i]!;
      acc[t * 3 + 1]! += src.data[i + 1]!;
      acc[t * 3 + 2]! += src.data[i + 2]!;
      cnt[t]! += 1;
    }
  }
  for (let t = 0; t < W * H; t++) for (let c = 0; c < 3; c++) out.data[t * 4 + c] = acc[t * 3 + c]! / cnt[t]!;
  return out;
}

/** A [1 2 1] blur in both directions, `times` over. */
export function soften(img: Img, times = 1): void {
  const { width: w, height: h, data } = img;
  for (let n = 0; n < times; n++)
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const copy = new Uint8ClampedArray(data);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const a = (Math.max(0, y - dy) * w + Math.max(0, x - dx)) * 4;
          const b = (y * w + x) * 4;
          const c = (Math.min(h - 1, y + dy) * w + Math.min(w - 1, x + dx)) * 4;
          for (let k = 0; k < 3; k++) data[b + k] = (copy[a + k]! + 2 * copy[b + k]! + copy[c + k]!) / 4;
        }
    }
}

/** Turned by `degrees` about the centre onto a canvas of the same size, the uncovered corners `fill`. */
export function skew(src: Img, degrees: number, fill: number): Img {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out = blank(src.width, src.height);
  const cx = src.width / 2;
  const cy = src.height / 2;
  for (let y = 0; y < src.height; y++)
    for (let x = 0; x < src.width; x++) {
      const o = (y * src.width + x) * 4;
      if (!sample(src, cos * (x - cx) + sin * (y - cy) + cx, -sin * (x - cx) + cos * (y - cy) + cy, out.data, o)) out.data[o] = out.data[o + 1] = out.data[o + 2] = fill;
    }
  return out;
}

/** Luma grey, kept in RGBA. */
export function grey(img: Img): void {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) d[i] = d[i + 1] = d[i + 2] = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
}

/** Each channel through `f`. */
export function tone(img: Img, f: (v: number) => number): void {
  const lut = Array.from({ length: 256 }, (_, v) => f(v));
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) d[i + c] = lut[d[i + c]!]!;
}

export function noise(img: Img, rng: Rng, amp: number): void {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() - 1) * amp;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
}

/** The homography taking the four `from` points to the four `to` points (3×3 row-major, h33 = 1). */
export function homography(from: readonly (readonly [number, number])[], to: readonly (readonly [number, number])[]): number[] {
  const m: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    m.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u], [0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < 8; r++)
      if (r !== c) {
        const f = m[r]![c]! / m[c]![c]!;
        for (let k = c; k < 9; k++) m[r]![k]! -= f * m[c]![k]!;
      }
  }
  return [...m.map((row, i) => row[8]! / row[i]!), 1];
}

export const project = (h: readonly number[], x: number, y: number): [number, number] => {
  const w = h[6]! * x + h[7]! * y + 1;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
};

/** Through a JPEG encoder at `quality` (0–100) and back. */
export async function jpeg(img: Img, quality: number): Promise<Img> {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(img.width, img.height);
  data.data.set(img.data);
  ctx.putImageData(data, 0, 0);
  const decoded = await loadImage(await canvas.encode('jpeg', Math.round(quality)));
  const back = createCanvas(img.width, img.height);
  const bctx = back.getContext('2d');
  bctx.drawImage(decoded, 0, 0);
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(bctx.getImageData(0, 0, img.width, img.height).data) };
}
