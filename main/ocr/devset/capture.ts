// How a rendered sheet reaches the workstation: a flatbed scan, a low-resolution scan, a fax, or a
// phone photo (projective warp, uneven light, a soft shadow, the table round the sheet, slight blur).
import { createCanvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import type { Sheet } from './sheet';

export const CAPTURES = ['scan', 'lowres', 'fax', 'photo'] as const;
export type Capture = (typeof CAPTURES)[number];

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/** The sheet scaled by `scale` and rotated by `degrees` on a `fill` background, via the canvas (affine). */
function affine(sheet: Sheet, scale: number, degrees: number, fill: string, sy = 1): RgbaImage {
  const w = Math.round(sheet.width * scale);
  const h = Math.round(sheet.height * scale);
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = fill;
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.translate(w / 2, h / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.scale(scale, scale * sy);
  ctx.drawImage(sheet.canvas, -sheet.width / 2, -sheet.height / 2);
  const img = ctx.getImageData(0, 0, w, h);
  return { width: w, height: h, data: new Uint8ClampedArray(img.data) };
}

function addNoise(img: RgbaImage, rng: Rng, amount: number): void {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() - 1) * amount;
    d[i] = clamp(d[i]! + n);
    d[i + 1] = clamp(d[i + 1]! + n);
    d[i + 2] = clamp(d[i + 2]! + n);
  }
}

function scan(sheet: Sheet, rng: Rng): RgbaImage {
  const img = affine(sheet, 1, (rng.next() - 0.5) * 2.4, '#fbfbf8');
  // faint paper tone and scanner noise
  const tone = rng.int(0, 10);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) d[i + 2] = clamp(d[i + 2]! - tone);
  // sometimes the lid's grey edge or a dark margin along one side of the glass
  if (rng.chance(0.3)) {
    const side = rng.int(0, 3);
    const band = rng.int(8, 40);
    const shade = rng.int(60, 170);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const inBand = side === 0 ? x < band : side === 1 ? x >= img.width - band : side === 2 ? y < band : y >= img.height - band;
        if (!inBand) continue;
        const i = (y * img.width + x) * 4;
        d[i] = d[i + 1] = d[i + 2] = shade;
      }
  }
  addNoise(img, rng, 10);
  return img;
}

function lowres(sheet: Sheet, rng: Rng): RgbaImage {
  const glyph = 10 + rng.next() * 4;
  const img = affine(sheet, glyph / sheet.bodySize, (rng.next() - 0.5) * 1.6, '#ffffff');
  addNoise(img, rng, 8);
  return img;
}

/** Fax: standard resolution (half the lines), binarised at a threshold, speckles and a dropped line or two. */
function fax(sheet: Sheet, rng: Rng): RgbaImage {
  const glyph = 17 + rng.next() * 6;
  const img = affine(sheet, glyph / sheet.bodySize, (rng.next() - 0.5) * 2, '#ffffff');
  const { width, height, data } = img;
  // a fax darkens: thin grey strokes still come through as black
  const threshold = rng.int(185, 215);
  const dropped = new Set(Array.from({ length: rng.int(0, 3) }, () => rng.int(0, height - 1)));
  for (let y = 0; y < height; y++) {
    // standard mode: each scanned line is printed twice (odd rows read the row above, already binarised)
    const src = Math.min(height - 1, y - (y % 2));
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const j = (src * width + x) * 4;
      const lum = 0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!;
      let black = lum + (rng.next() - 0.5) * 28 < threshold;
      if (rng.next() < 0.0008) black = !black;
      if (dropped.has(y)) black = false;
      const v = black ? 0 : 255;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
    }
  }
  return img;
}

/** Solves the 8 unknowns of the homography taking the 4 points `from` onto `to`. */
function homography(from: readonly (readonly [number, number])[], to: readonly (readonly [number, number])[]): number[] {
  const A: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = from[k]!;
    const [u, v] = to[k]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < 9; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => A[i]![8]! / A[i]![i]!), 1];
}

function photo(sheet: Sheet, rng: Rng): RgbaImage {
  // the sheet rendered at a resolution a phone would give it
  // a phone frame is at most about 2000 px on its long side
  const scale = Math.min((20 + rng.next() * 10) / sheet.bodySize, 1700 / Math.max(sheet.width, sheet.height));
  const src = affine(sheet, scale, 0, '#ffffff');
  const pw = src.width;
  const ph = src.height;
  const W = Math.round(pw * (1.15 + rng.next() * 0.2));
  const H = Math.round(ph * (1.12 + rng.next() * 0.2));
  const mx = (W - pw) / 2;
  const my = (H - ph) / 2;
  const j = (s: number): number => (rng.next() - 0.5) * 2 * s;
  const jx = pw * 0.05;
  const jy = ph * 0.04;
  // one side of the sheet nearer the lens: a keystone plus jitter per corner
  const key = j(0.05) * pw;
  const corners: [number, number][] = [
    [mx + j(jx) + key, my + j(jy)],
    [mx + pw + j(jx) - key, my + j(jy)],
    [mx + pw + j(jx) + key * 0.3, my + ph + j(jy)],
    [mx + j(jx) - key * 0.3, my + ph + j(jy)],
  ];
  const H8 = homography(corners, [
    [0, 0],
    [pw, 0],
    [pw, ph],
    [0, ph],
  ]);
  const out = new Uint8ClampedArray(W * H * 4);
  const table = rng.pick([
    [120, 86, 60],
    [70, 72, 78],
    [190, 184, 172],
    [35, 38, 44],
    [150, 118, 90],
  ]);
  // light falls off across the frame; a soft shadow (a hand, the phone) crosses one part
  const gx = j(0.35);
  const gy = j(0.35);
  const sa = rng.next() * Math.PI * 2;
  const snx = Math.cos(sa);
  const sny = Math.sin(sa);
  const soff = (rng.next() * 0.5 + 0.15) * Math.min(W, H) * (rng.chance(0.5) ? 1 : -1);
  const sdark = rng.chance(0.7) ? 0.25 + rng.next() * 0.2 : 0;
  const ssoft = Math.min(W, H) * (0.05 + rng.next() * 0.1);
  const base = 0.8 + rng.next() * 0.15;
  const sd = src.data;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const den = H8[6]! * x + H8[7]! * y + 1;
      const sx = (H8[0]! * x + H8[1]! * y + H8[2]!) / den;
      const sy = (H8[3]! * x + H8[4]! * y + H8[5]!) / den;
      let r: number;
      let g: number;
      let b: number;
      if (sx >= 0 && sy >= 0 && sx < pw - 1 && sy < ph - 1) {
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        const i00 = (y0 * pw + x0) * 4;
        const i10 = i00 + 4;
        const i01 = i00 + pw * 4;
        const i11 = i01 + 4;
        const bl = (c: number) => (sd[i00 + c]! * (1 - fx) + sd[i10 + c]! * fx) * (1 - fy) + (sd[i01 + c]! * (1 - fx) + sd[i11 + c]! * fx) * fy;
        r = bl(0);
        g = bl(1);
        b = bl(2) - 6;
      } else {
        const t = ((x * 7 + y * 13) % 17) - 8;
        r = table[0]! + t;
        g = table[1]! + t;
        b = table[2]! + t;
      }
      const light = base * (1 + gx * (x / W - 0.5) + gy * (y / H - 0.5));
      const dist = (x - W / 2) * snx + (y - H / 2) * sny - soff;
      const shadow = 1 - sdark / (1 + Math.exp(-dist / ssoft));
      const f = light * shadow;
      out[o] = clamp(r * f);
      out[o + 1] = clamp(g * f);
      out[o + 2] = clamp(b * f * 0.97);
      out[o + 3] = 255;
    }
  // slight focus blur: one or two passes of a 3x3 box
  const img: RgbaImage = { width: W, height: H, data: out };
  const passes = rng.int(1, 2);
  let cur = out;
  for (let p = 0; p < passes; p++) {
    const next = new Uint8ClampedArray(cur.length);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const o = (y * W + x) * 4;
        for (let c = 0; c < 3; c++) {
          let s = 0;
          let n = 0;
          for (let dy = -1; dy <= 1; dy++) {
            const yy = y + dy;
            if (yy < 0 || yy >= H) continue;
            for (let dx = -1; dx <= 1; dx++) {
              const xx = x + dx;
              if (xx < 0 || xx >= W) continue;
              s += cur[(yy * W + xx) * 4 + c]!;
              n++;
            }
          }
          next[o + c] = s / n;
        }
        next[o + 3] = 255;
      }
    cur = next;
  }
  const result: RgbaImage = { width: img.width, height: img.height, data: cur };
  addNoise(result, rng, 12);
  return result;
}

export function capture(sheet: Sheet, mode: Capture, rng: Rng): RgbaImage {
  switch (mode) {
    case 'scan':
      return scan(sheet, rng);
    case 'lowres':
      return lowres(sheet, rng);
    case 'fax':
      return fax(sheet, rng);
    case 'photo':
      return photo(sheet, rng);
  }
}
