// How a corpus page reaches the workstation: a flatbed scan (slight rotation, noise), a
// low-resolution scan, or a phone photo on a desk (perspective, uneven light, a shadow, blur).
import { homography, type Point } from '../../../domain/ocr/geometry';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';

export interface Capture {
  readonly mode: 'scan' | 'lowres' | 'photo';
  readonly angleDeg: number;
  /** Where the page's corners landed (photo only). */
  readonly quad?: readonly Point[];
}

/** Samples an RGBA image at (x, y), bilinear; undefined outside. */
function sample(img: RgbaImage, x: number, y: number, out: number[]): boolean {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= img.width || y0 + 1 >= img.height) return false;
  const fx = x - x0;
  const fy = y - y0;
  const i = (y0 * img.width + x0) * 4;
  const j = i + img.width * 4;
  for (let c = 0; c < 3; c++) {
    const top = img.data[i + c]! + (img.data[i + 4 + c]! - img.data[i + c]!) * fx;
    const bottom = img.data[j + c]! + (img.data[j + 4 + c]! - img.data[j + c]!) * fx;
    out[c] = top + (bottom - top) * fy;
  }
  return true;
}

/** Renders `page` through the inverse map `toPage` onto a width × height frame with `background`. */
function remap(page: RgbaImage, width: number, height: number, toPage: (x: number, y: number) => Point, background: (x: number, y: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const px = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = toPage(x, y);
      const o = (y * width + x) * 4;
      if (sample(page, p.x, p.y, px)) {
        data[o] = px[0]!;
        data[o + 1] = px[1]!;
        data[o + 2] = px[2]!;
      } else {
        const v = background(x, y);
        data[o] = v * 0.95;
        data[o + 1] = v * 0.85;
        data[o + 2] = v * 0.7;
      }
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

function noise(img: RgbaImage, rng: Rng, sd: number): void {
  const d = img.data as Uint8ClampedArray;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * sd * 2;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
}

function boxBlur(img: RgbaImage): RgbaImage {
  const { width: w, height: h, data: s } = img;
  const d = new Uint8ClampedArray(s.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
            sum += s[(yy * w + xx) * 4 + c]!;
            n++;
          }
        }
        d[(y * w + x) * 4 + c] = sum / n;
      }
    }
  }
  return { width: w, height: h, data: d };
}

export function capture(page: RgbaImage, mode: Capture['mode'], rng: Rng): { capture: Capture; image: RgbaImage } {
  const { width: w, height: h } = page;
  if (mode === 'scan' || mode === 'lowres') {
    const angleDeg = Math.round((rng.next() * 4 - 2) * 100) / 100;
    const scale = mode === 'lowres' ? 0.42 + rng.next() * 0.12 : 1;
    const a = (angleDeg * Math.PI) / 180;
    const [cos, sin] = [Math.cos(a), Math.sin(a)];
    const W = Math.round(w * scale);
    const H = Math.round(h * scale);
    const img = remap(page, W, H, (x, y) => {
      const dx = x / scale - w / 2;
      const dy = y / scale - h / 2;
      return { x: cos * dx + sin * dy + w / 2, y: -sin * dx + cos * dy + h / 2 };
    }, () => 255);
    const out = mode === 'lowres' ? boxBlur(img) : img;
    noise(out, rng, mode === 'lowres' ? 6 : 8 + rng.next() * 10);
    return { capture: { mode, angleDeg }, image: out };
  }
  // A photo: the page somewhere on a desk, seen from a slant, lit from one side, a hand's shadow.
  const W = 1500;
  const H = Math.round((W * h) / w * 1.08);
  const s = (W * (0.72 + rng.next() * 0.14)) / w;
  const cx = W / 2 + (rng.next() - 0.5) * W * 0.06;
  const cy = H / 2 + (rng.next() - 0.5) * H * 0.05;
  const j = () => (rng.next() - 0.5) * W * 0.09;
  const quad = [
    { x: cx - (w * s) / 2 + j(), y: cy - (h * s) / 2 + j() },
    { x: cx + (w * s) / 2 + j(), y: cy - (h * s) / 2 + j() },
    { x: cx + (w * s) / 2 + j(), y: cy + (h * s) / 2 + j() },
    { x: cx - (w * s) / 2 + j(), y: cy + (h * s) / 2 + j() },
  ];
  const corners = [{ x: 0, y: 0 }, { x: w - 1, y: 0 }, { x: w - 1, y: h - 1 }, { x: 0, y: h - 1 }];
  const inv = homography(quad, corners)!;
  const toPage = (x: number, y: number): Point => {
    const d = inv[6]! * x + inv[7]! * y + inv[8]!;
    return { x: (inv[0]! * x + inv[1]! * y + inv[2]!) / d, y: (inv[3]! * x + inv[4]! * y + inv[5]!) / d };
  };
  const deskTone = 70 + rng.next() * 80;
  const img = remap(page, W, H, toPage, (x, y) => deskTone + 12 * Math.sin(x / 37 + y / 91));
  // Light: a linear falloff across the frame and a soft shadow blob.
  const gx = rng.next() - 0.5;
  const gy = rng.next() - 0.5;
  const floor = 0.55 + rng.next() * 0.25;
  const sx = rng.next() * W;
  const sy = rng.next() * H;
  const sr = W * (0.15 + rng.next() * 0.2);
  const depth = 0.25 + rng.next() * 0.3;
  const d = img.data as Uint8ClampedArray;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const t = 0.5 + (gx * (x / W - 0.5) + gy * (y / H - 0.5));
      let f = floor + (1 - floor) * Math.min(1, Math.max(0, t));
      const r = Math.hypot(x - sx, y - sy) / sr;
      if (r < 1.6) f *= 1 - depth * Math.max(0, Math.min(1, 1.6 - r));
      const o = (y * W + x) * 4;
      d[o] = d[o]! * f;
      d[o + 1] = d[o + 1]! * f;
      d[o + 2] = d[o + 2]! * f * 0.97;
    }
  }
  const out = rng.chance(0.6) ? boxBlur(img) : img;
  noise(out, rng, 5 + rng.next() * 6);
  return { capture: { mode, angleDeg: 0, quad }, image: out };
}
