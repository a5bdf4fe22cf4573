// How a thirteenth-set page reaches the OCR, low resolution in its common real forms: a greyscale
// flatbed scan at 72–110 dpi; a 100 dpi fax (bilevel, some pages dithered, with streaks and
// dropouts); a picture forwarded through a chat app (downscaled to a long side of 800–1100 px, JPEG
// at quality 35–55, sometimes twice); a phone photo taken from a distance and cropped to the page at
// about 1000 px, mildly blurred; a photocopy of a photocopy at 85–100 dpi (grey ground, toner
// specks, lost contrast, a dark copier edge). One sharper capture, a 150–200 dpi colour scan, is kept
// for contrast. Seeded pixel work: the same page gives the same image.
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor, Paper } from './paper';
import { blank, grey, homography, type Img, jpeg, noise, project, resize, sample, skew, soften, tone } from './pixels';

export const THIRTEENTH_CAPTURES = ['scan-grey-lo', 'fax-100', 'chat-jpeg', 'photo-far', 'copy-of-copy', 'scan-sharp'] as const;
export type ThirteenthCapture = (typeof THIRTEENTH_CAPTURES)[number];

const SHARE: Record<ThirteenthCapture, number> = { 'scan-grey-lo': 0.24, 'fax-100': 0.16, 'chat-jpeg': 0.2, 'photo-far': 0.14, 'copy-of-copy': 0.14, 'scan-sharp': 0.12 };

export function chooseCapture(u: number): ThirteenthCapture {
  let acc = 0;
  for (const m of THIRTEENTH_CAPTURES) {
    acc += SHARE[m];
    if (u < acc) return m;
  }
  return 'scan-sharp';
}

export const MIN_SIDE = 700;
export const MAX_SIDE = 3000;

/** The resolution a page is drawn at for a capture; never so low that its long side falls under 760 px. */
export function dpiFor(mode: ThirteenthCapture, rng: Rng): DpiFor {
  const base = { 'scan-grey-lo': rng.int(72, 110), 'fax-100': 100, 'chat-jpeg': rng.int(150, 200), 'photo-far': rng.int(140, 170), 'copy-of-copy': rng.int(85, 100), 'scan-sharp': rng.int(150, 200) }[mode];
  return (longMm) => Math.min(((MAX_SIDE - 40) / longMm) * 25.4, Math.max(base, (760 / longMm) * 25.4));
}

/** A scanner-lid shadow along one edge. */
function edge(img: Img, rng: Rng, v: number): void {
  const side = rng.int(0, 3);
  const n = rng.int(3, 12);
  const { width: w, height: h, data } = img;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const d = side === 0 ? x : side === 1 ? w - 1 - x : side === 2 ? y : h - 1 - y;
      if (d < n) {
        const o = (y * w + x) * 4;
        data[o] = data[o + 1] = data[o + 2] = v + rng.int(0, 10);
      }
    }
}

function scanGreyLow(src: Img, rng: Rng): Img {
  grey(src);
  if (rng.chance(0.4)) soften(src);
  const out = skew(src, (rng.next() - 0.5) * 2.4, 250);
  // the scanner's levels: everything under `black` is ink, the rest stretched up to the paper
  const paper = rng.int(228, 248);
  const ink = rng.int(10, 40);
  const black = rng.int(60, 110);
  const gamma = 0.8 + rng.next() * 0.5;
  tone(out, (v) => ink + Math.max(0, (v - black) / (255 - black)) ** gamma * (paper - ink));
  noise(out, rng, 5);
  if (rng.chance(0.5)) edge(out, rng, rng.int(40, 90));
  return out;
}

const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

function fax(src: Img, rng: Rng): Img {
  grey(src);
  const out = skew(src, (rng.next() - 0.5) * 1.6, 255);
  if (rng.chance(0.5)) soften(out);
  const dither = rng.chance(0.35);
  const t = rng.int(115, 150);
  const { width: w, height: h, data } = out;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const v = data[o]! + (rng.next() - 0.5) * 30;
      const cut = dither && v < 230 && v > 60 ? 60 + (BAYER[(y % 4) * 4 + (x % 4)]! / 16) * 170 : t;
      data[o] = data[o + 1] = data[o + 2] = v < cut ? 0 : 255;
    }
  // streaks: dark lines across (a dirty sensor pixel row), and white dropouts where a line was lost
  for (let s = rng.int(2, 6); s > 0; s--) {
    const y0 = rng.int(0, h - 3);
    const black = rng.chance(0.45);
    const x0 = black ? rng.int(0, w >> 1) : 0;
    const x1 = black ? rng.int(x0 + (w >> 3), w) : w;
    for (let y = y0; y < y0 + rng.int(1, 2); y++) for (let x = x0; x < x1; x++) if (!black || rng.chance(0.85)) data.fill(black ? 0 : 255, (y * w + x) * 4, (y * w + x) * 4 + 3);
  }
  for (let n = Math.round(w * h * 0.0004); n > 0; n--) {
    const o = (rng.int(0, h - 1) * w + rng.int(0, w - 1)) * 4;
    data[o] = data[o + 1] = data[o + 2] = 0;
  }
  return out;
}

async function chat(src: Img, rng: Rng): Promise<Img> {
  const long = rng.int(800, 1100);
  const f = long / Math.max(src.width, src.height);
  let out = resize(src, Math.round(src.width * f), Math.round(src.height * f));
  out = await jpeg(out, rng.int(35, 55));
  if (rng.chance(0.3)) {
    // forwarded again: a little smaller, compressed again
    const g = rng.int(88, 97) / 100;
    out = await jpeg(resize(out, Math.max(MIN_SIDE, Math.round(out.width * g)), Math.round(out.height * g)), rng.int(40, 60));
  }
  return out;
}

/** From a distance: a mild perspective, uneven light, cropped to the page's bounds, about 1000 px, blurred. */
async function photoFar(src: Img, rng: Rng): Promise<Img> {
  const { width: w, height: h } = src;
  const j = () => (rng.next() - 0.5) * 0.05;
  const dst: [number, number][] = [
    [w * (0.03 + j()), h * (0.03 + j())],
    [w * (0.97 + j()), h * (0.03 + j())],
    [w * (0.97 + j()), h * (0.97 + j())],
    [w * (0.03 + j()), h * (0.97 + j())],
  ];
  const minX = Math.min(...dst.map((p) => p[0]));
  const minY = Math.min(...dst.map((p) => p[1]));
  const W = Math.round(Math.max(...dst.map((p) => p[0])) - minX);
  const H = Math.round(Math.max(...dst.map((p) => p[1])) - minY);
  const back = homography(
    dst.map(([x, y]) => [x - minX, y - minY]),
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ],
  );
  const table = [rng.int(60, 150), rng.int(50, 130), rng.int(40, 110)];
  const out = blank(W, H);
  const gx = rng.next() - 0.5;
  const gy = rng.next() - 0.5;
  const warm = rng.int(0, 14);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const [u, v] = project(back, x, y);
      if (!sample(src, u, v, out.data, o)) [out.data[o], out.data[o + 1], out.data[o + 2]] = table as [number, number, number];
      const light = 0.86 + 0.3 * (gx * (x / W - 0.5) + gy * (y / H - 0.5)) - 0.1 * ((x / W - 0.5) ** 2 + (y / H - 0.5) ** 2);
      out.data[o] = out.data[o]! * light + warm;
      out.data[o + 1] = out.data[o + 1]! * light + warm / 2;
      out.data[o + 2] = out.data[o + 2]! * light - warm / 2;
    }
  const long = rng.int(960, 1080);
  const f = long / Math.max(W, H);
  const small = resize(out, Math.round(W * f), Math.round(H * f));
  soften(small, rng.int(1, 2));
  // the phone's own processing: levels stretched, so the blurred strokes come back darker
  const lo = rng.int(55, 85);
  const hi = rng.int(225, 245);
  tone(small, (v) => Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * 255);
  noise(small, rng, 7);
  return jpeg(small, rng.int(72, 88));
}

/** Two generations of copying: each lifts the ink, greys the ground, blurs, specks and turns a little. */
function copyOfCopy(src: Img, rng: Rng): Img {
  grey(src);
  let out = src;
  for (let gen = 0; gen < 2; gen++) {
    const ground = rng.int(205, 228);
    const ink = rng.int(28, 55);
    tone(out, (v) => ink + (v / 255) ** 1.25 * (ground - ink));
    soften(out);
    out = skew(out, (rng.next() - 0.5) * 1.4, rng.int(30, 70));
    const { width: w, height: h, data } = out;
    for (let n = Math.round(w * h * 0.0008); n > 0; n--) {
      const cx = rng.int(0, w - 1);
      const cy = rng.int(0, h - 1);
      const r = rng.chance(0.9) ? 0 : 1;
      for (let y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++)
        for (let x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
          const o = (y * w + x) * 4;
          data[o] = data[o + 1] = data[o + 2] = rng.int(20, 80);
        }
    }
    if (rng.chance(0.6)) edge(out, rng, rng.int(15, 50));
  }
  noise(out, rng, 6);
  return out;
}

function scanSharp(src: Img, rng: Rng): Img {
  const out = skew(src, (rng.next() - 0.5) * 0.8, 252);
  tone(out, (v) => v * 0.97 + 4);
  noise(out, rng, 3);
  return out;
}

export async function capture(paper: Paper, mode: ThirteenthCapture, rng: Rng): Promise<RgbaImage> {
  const src: Img = { width: paper.width, height: paper.height, data: new Uint8ClampedArray(paper.rgba()) };
  const out =
    mode === 'scan-grey-lo' ? scanGreyLow(src, rng) : mode === 'fax-100' ? fax(src, rng) : mode === 'chat-jpeg' ? await chat(src, rng) : mode === 'photo-far' ? await photoFar(src, rng) : mode === 'copy-of-copy' ? copyOfCopy(src, rng) : scanSharp(src, rng);
  for (let i = 3; i < out.data.length; i += 4) out.data[i] = 255;
  return { width: out.width, height: out.height, data: out.data };
}
