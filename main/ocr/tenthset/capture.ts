// How a tenth-set page reaches the OCR, mostly at low resolution: a clean 200–300 dpi scan for
// contrast; 150 dpi and 100–120 dpi office scans; 75–90 dpi scans; greyscale JPEG at quality 50–70;
// a fax (200×100 dpi, bilevel, stretched back); a photocopy of a photocopy (grey fill, toner
// speckle, thin strokes lost); a phone photo of the page lying flat, at low resolution. Any of them
// may add a slight turn (up to ±4°), an edge cut off, a scanner shadow along the bound edge or
// punched holes in the margin.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { blur, copierTone, edgeShadow, fax, greyOut, jpegRoundTrip, lighting, noise, speckle, thinLoss, tint, type Pixels } from './effects';
import type { Paper } from './paper';

export const TENTH_CAPTURES = ['clean', 'scan150', 'scan100', 'dpi75', 'jpeg-grey', 'fax', 'copy2', 'phone-flat'] as const;
export type TenthCapture = (typeof TENTH_CAPTURES)[number];

const WEIGHTS: Record<TenthCapture, number> = { clean: 0.1, scan150: 0.15, scan100: 0.15, dpi75: 0.11, 'jpeg-grey': 0.14, fax: 0.1, copy2: 0.12, 'phone-flat': 0.13 };

export function chooseCapture(u: number): TenthCapture {
  let acc = 0;
  for (const mode of TENTH_CAPTURES) {
    acc += WEIGHTS[mode];
    if (u < acc) return mode;
  }
  return 'scan100';
}

/** The resolution a design draws at, given the long side of its sheet in mm. */
export type DpiFor = (longMm: number) => number;

/** Small sheets (a register page, a certificate) are scanned no coarser than ~720 px on the long side. */
export function dpiFor(mode: TenthCapture, rng: Rng): DpiFor {
  const base: Record<TenthCapture, number> = {
    clean: rng.chance(0.5) ? 300 : 200,
    scan150: 150,
    scan100: rng.pick([100, 110, 120]),
    dpi75: rng.pick([75, 80, 90]),
    'jpeg-grey': rng.pick([100, 120, 150]),
    fax: 200,
    copy2: rng.pick([120, 150]),
    'phone-flat': rng.pick([1000, 1150, 1300, 1450]),
  };
  return (longMm) => {
    const inches = longMm / 25.4;
    if (mode === 'phone-flat') return Math.round(base[mode] / inches);
    const floor = mode === 'fax' ? 0 : 720 / inches;
    return Math.round(Math.min(Math.max(base[mode], floor), 2500 / inches));
  };
}

const pixelsOf = (c: Canvas): Pixels => {
  const img = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  return { width: img.width, height: img.height, data: img.data };
};

/** Punched holes in the left margin, seen as dark discs (the scanner lid behind them). */
function punch(paper: Paper, rng: Rng): void {
  const ctx = paper.ctx;
  ctx.fillStyle = rng.chance(0.6) ? '#2e2e2e' : '#8d8d8d';
  const gap = rng.chance(0.5) ? 80 : 70;
  for (const y of [paper.height / 2 - gap / 2, paper.height / 2 + gap / 2]) {
    ctx.beginPath();
    ctx.arc(paper.px(7 + rng.next()), paper.px(y), paper.px(2.8), 0, Math.PI * 2);
    ctx.fill();
  }
}

/** The sheet turned by `deg` on a bed of `bed` colour, with an edge cut off now and then. */
function place(src: Canvas, rng: Rng, deg: number, bed: string, cut: number): Canvas {
  const w = src.width;
  const h = src.height;
  const side = rng.int(0, 3);
  const cw = side % 2 === 1 ? w - cut : w;
  const ch = side % 2 === 0 ? h - cut : h;
  const out = createCanvas(cw, ch);
  const ctx = out.getContext('2d');
  ctx.fillStyle = bed;
  ctx.fillRect(0, 0, cw, ch);
  ctx.translate(cw / 2 + (side === 3 ? -cut / 2 : side === 1 ? cut / 2 : 0), ch / 2 + (side === 2 ? -cut / 2 : side === 0 ? cut / 2 : 0));
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(src, -w / 2, -h / 2);
  return out;
}

/** A phone photo of the sheet lying flat: a trapezoid on a desk, uneven light, a small JPEG. */
function photograph(src: Canvas, rng: Rng, deg: number): Pixels {
  const scale = 0.8 + rng.next() * 0.12;
  const w = Math.round(src.width * scale);
  const h = Math.round(src.height * scale);
  const mx = Math.round(w * (0.05 + rng.next() * 0.05));
  const my = Math.round(h * (0.04 + rng.next() * 0.04));
  const out = createCanvas(w + 2 * mx, h + 2 * my);
  const ctx = out.getContext('2d');
  ctx.fillStyle = rng.pick(['#b9a58a', '#8f8a83', '#c9c4bb', '#6f7a84', '#a88e6c']);
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  const top = 1 - rng.next() * 0.07;
  const bottom = 1 - rng.next() * 0.02;
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fillRect(-w / 2 + 4, -h / 2 + 6, w, h);
  for (let y = 0; y < h; y += 2) {
    const f = top + ((bottom - top) * y) / h;
    const rw = w * f;
    ctx.drawImage(src, 0, (y / h) * src.height, src.width, (2 / h) * src.height + 1, -rw / 2, -h / 2 + y, rw, 2.6);
  }
  const p = pixelsOf(out);
  lighting(p, rng, rng.pick([[1, 0.98, 0.93], [0.97, 0.99, 1.03], [1, 1, 1]] as const));
  blur(p, 0.5 + rng.next() * 0.5);
  noise(p, rng, 4);
  return jpegRoundTrip(p, rng.int(68, 84));
}

/** Captures the drawn sheet as `mode`. */
export async function capture(paper: Paper, mode: TenthCapture, rng: Rng): Promise<RgbaImage> {
  if (paper.width >= 200 && rng.chance(0.18)) punch(paper, rng);
  const big = rng.chance(0.12);
  const deg = (rng.next() - 0.5) * 2 * (big ? 4 : rng.chance(0.5) ? 1.6 : 0.6);
  if (mode === 'phone-flat') return photograph(paper.canvas, rng, deg);
  const cut = rng.chance(0.2) ? Math.round(paper.px(2 + rng.next() * 5)) : 0;
  const bed = mode === 'copy2' ? '#3c3c3c' : mode === 'fax' ? '#ffffff' : '#f4f4f2';
  const p = pixelsOf(place(paper.canvas, rng, deg, bed, cut));
  if (rng.chance(0.25)) edgeShadow(p, rng.pick(['left', 'top', 'right'] as const), paper.px(6 + rng.next() * 8), 0.3 + rng.next() * 0.3);
  switch (mode) {
    case 'clean':
      noise(p, rng, 1.5);
      return p;
    case 'scan150':
      tint(p, 252, 249, 242);
      noise(p, rng, 3);
      return jpegRoundTrip(p, rng.int(80, 90));
    case 'scan100':
      if (rng.chance(0.5)) greyOut(p);
      blur(p, 0.3);
      noise(p, rng, 3);
      return jpegRoundTrip(p, rng.int(75, 88));
    case 'dpi75':
      tint(p, 250, 248, 240);
      noise(p, rng, 2.5);
      return jpegRoundTrip(p, rng.int(72, 85));
    case 'jpeg-grey':
      greyOut(p, rng.chance(0.5));
      noise(p, rng, 3);
      return jpegRoundTrip(p, rng.int(50, 70));
    case 'fax':
      greyOut(p, true);
      fax(p, rng, 185 + rng.int(-8, 12));
      return p;
    case 'copy2':
      greyOut(p, true);
      for (let generation = 0; generation < 2; generation++) {
        blur(p, 0.5);
        thinLoss(p, 0.08 + rng.next() * 0.1);
        copierTone(p, (generation === 0 ? 208 : 190) + rng.int(0, 10), 216 + rng.int(0, 20), 30 + rng.int(0, 25));
        speckle(p, rng, 0.0006 + rng.next() * 0.0008);
      }
      return rng.chance(0.5) ? jpegRoundTrip(p, rng.int(70, 85)) : p;
  }
}
