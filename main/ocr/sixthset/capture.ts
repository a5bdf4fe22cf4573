// How a sixth-set page reaches the counter: a phone screenshot of an e-licence app (screen), a fax
// (fax), a photocopy of a photocopy (copy), or a phone photo of a folded page (phone). Each keeps
// the print legible to a person; each returns RGBA pixels no longer than ~2400 px on the long side.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { dateBetween } from './people';
import { phone } from './photo';
import { screen } from './screen';

export const SIXTH_CAPTURES = ['screen', 'fax', 'copy', 'phone'] as const;
export type SixthCapture = (typeof SIXTH_CAPTURES)[number];

/** screen 25 %, fax 20 %, copy 30 %, phone 25 %. */
export function chooseCapture(u: number): SixthCapture {
  return u < 0.25 ? 'screen' : u < 0.45 ? 'fax' : u < 0.75 ? 'copy' : 'phone';
}

/** Fax: 200×100 dpi (half vertical resolution, stretched back), 1-bit, header line, speckle, dropped lines. */
function fax(page: Canvas, rng: Rng): RgbaImage {
  const W = 1600;
  const half = Math.round((W * page.height) / page.width / 2);
  const head = 26;
  // Drawn at full height first; the scanner then reads two rows as one, biased to the darker.
  const c = createCanvas(W, (half + head) * 2);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, (half + head) * 2);
  g.imageSmoothingQuality = 'high';
  g.drawImage(page, 0, head * 2, W, half * 2);
  g.fillStyle = '#000';
  g.font = '30px S6Sans';
  const sent = dateBetween(rng, '2026-10-01', '2026-11-28');
  g.fillText(`FROM: 0755-8${rng.int(1000000, 9999999)}    ${sent} ${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}    P.01`, 40, 40);
  const full = g.getImageData(0, 0, W, (half + head) * 2).data;
  const src = new Uint8ClampedArray(W * (half + head) * 4);
  for (let y = 0; y < half + head; y++) {
    for (let x = 0; x < W * 4; x++) {
      const a = full[2 * y * W * 4 + x]!;
      const b = full[(2 * y + 1) * W * 4 + x]!;
      src[y * W * 4 + x] = 0.75 * Math.min(a, b) + 0.25 * Math.max(a, b);
    }
  }
  const H = (half + head) * 2;
  const out = new Uint8ClampedArray(W * H * 4);
  const dropped = new Set([rng.int(head + 50, half - 50), ...(rng.chance(0.6) ? [rng.int(head + 50, half - 50)] : [])]);
  const cut = 196 + rng.int(0, 14);
  for (let y = 0; y < half + head; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const lum = 0.3 * src[i]! + 0.59 * src[i + 1]! + 0.11 * src[i + 2]!;
      // Red seal ink comes out as a sparse dot pattern, black print under it stays black.
      const red = src[i]! - src[i + 1]! > 60 && src[i]! - src[i + 2]! > 50;
      let v = red ? (x % 3 === 0 && y % 2 === 0 ? 0 : 255) : lum < cut ? 0 : 255;
      if (dropped.has(y)) v = 255;
      else if (rng.next() < 0.0012) v = 0;
      for (const yy of [2 * y, 2 * y + 1]) {
        const o = (yy * W + x) * 4;
        out[o] = out[o + 1] = out[o + 2] = v;
        out[o + 3] = 255;
      }
    }
  }
  return { width: W, height: H, data: out };
}

const blur = (d: Float32Array, w: number, h: number): Float32Array => {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          s += d[yy * w + xx]! * (dx === 0 && dy === 0 ? 4 : 1);
          n += dx === 0 && dy === 0 ? 4 : 1;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return out;
};

/** Photocopy of a photocopy: grey ground, lost contrast, blur, toner specks, dark edges and the spine band. */
function copy(page: Canvas, rng: Rng): RgbaImage {
  const k = 1.25;
  const W = Math.round(page.width * k);
  const H = Math.round(page.height * k);
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  g.translate(W / 2, H / 2);
  g.rotate((rng.next() - 0.5) * 0.018);
  const s = 0.95;
  g.drawImage(page, (-W / 2) * s + rng.int(-12, 12), (-H / 2) * s + rng.int(-12, 12), W * s, H * s);
  const d = g.getImageData(0, 0, W, H).data;
  let grey: Float32Array = new Float32Array(W * H);
  for (let j = 0; j < W * H; j++) grey[j] = 0.3 * d[j * 4]! + 0.59 * d[j * 4 + 1]! + 0.11 * d[j * 4 + 2]!;
  for (let gen = 0; gen < 2; gen++) {
    grey = blur(grey, W, H);
    for (let j = 0; j < W * H; j++) grey[j] = 40 + grey[j]! * 0.78;
  }
  const spineLeft = rng.chance(0.5);
  const spineW = rng.int(45, 75);
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const j = y * W + x;
      const edge = Math.min(x, y, W - 1 - x, H - 1 - y);
      let v = grey[j]! - (edge < 60 ? (60 - edge) * 1.3 : 0) + (rng.next() - 0.5) * 14;
      const sx = spineLeft ? x : W - 1 - x;
      if (sx < spineW) v = Math.min(v, 25 + (sx / spineW) ** 1.3 * 200);
      out[j * 4] = out[j * 4 + 1] = out[j * 4 + 2] = v;
      out[j * 4 + 3] = 255;
    }
  }
  const speck = (x: number, y: number, r: number, v: number) => {
    for (let yy = Math.max(0, y - r); yy <= Math.min(H - 1, y + r); yy++)
      for (let xx = Math.max(0, x - r); xx <= Math.min(W - 1, x + r); xx++)
        if ((xx - x) ** 2 + (yy - y) ** 2 <= r * r) out[(yy * W + xx) * 4] = out[(yy * W + xx) * 4 + 1] = out[(yy * W + xx) * 4 + 2] = v;
  };
  for (let n = rng.int(300, 700); n > 0; n--) speck(rng.int(0, W - 1), rng.int(0, H - 1), rng.chance(0.8) ? 0 : 1, rng.int(60, 130));
  const streak = rng.int(spineW + 40, W - 60);
  for (let y = 0; y < H; y++) for (const x of [streak, streak + 1]) out[(y * W + x) * 4] = out[(y * W + x) * 4 + 1] = out[(y * W + x) * 4 + 2] = Math.min(out[(y * W + x) * 4]!, 150);
  return { width: W, height: H, data: out };
}

export async function capture(page: Canvas, mode: SixthCapture, rng: Rng): Promise<RgbaImage> {
  switch (mode) {
    case 'screen':
      return screen(page, rng);
    case 'fax':
      return fax(page, rng);
    case 'copy':
      return copy(page, rng);
    case 'phone':
      return phone(page, rng);
  }
}
