// The eighth set's captures, each still legible to a person: a clean 300 dpi-style scan, a dot-matrix
// printout (the sheet drawn in a monospace face, dots slightly broken), a phone photo of the page on
// a desk (mild keystone and tilt, uneven light, a soft shadow), a grey photocopy with toner streaks,
// a 150 dpi scan saved as JPEG quality 60, and a page scanned a little rotated (2–4°).
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';

export const EIGHTH_CAPTURES = ['scan', 'dotmatrix', 'photo', 'photocopy', 'jpeg150', 'skewed'] as const;
export type EighthCapture = (typeof EIGHTH_CAPTURES)[number];

/** Shares: scan 20 %, photo 20 %, the other four 15 % each. */
export function chooseCapture(u: number): EighthCapture {
  const cut: readonly [number, EighthCapture][] = [[0.2, 'scan'], [0.4, 'photo'], [0.55, 'dotmatrix'], [0.7, 'photocopy'], [0.85, 'jpeg150'], [1.01, 'skewed']];
  return cut.find(([c]) => u < c)![1];
}

const LONG = 2400;

function fit(src: Canvas, long: number): Canvas {
  const k = Math.min(1, long / Math.max(src.width, src.height));
  const out = createCanvas(Math.round(src.width * k), Math.round(src.height * k));
  const c = out.getContext('2d');
  c.imageSmoothingEnabled = true;
  c.drawImage(src, 0, 0, out.width, out.height);
  return out;
}

const rgba = (cv: Canvas): RgbaImage => {
  const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height);
  return { width: d.width, height: d.height, data: d.data };
};

function perPixel(cv: Canvas, f: (v: Uint8ClampedArray, i: number, x: number, y: number) => void): void {
  const c = cv.getContext('2d');
  const img = c.getImageData(0, 0, cv.width, cv.height);
  const w = cv.width;
  for (let i = 0, p = 0; i < img.data.length; i += 4, p++) f(img.data, i, p % w, Math.floor(p / w));
  c.putImageData(img, 0, 0);
}

function noise(cv: Canvas, rng: Rng, amp: number): void {
  perPixel(cv, (d, i) => {
    const n = (rng.next() - 0.5) * amp;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  });
}

function scan(src: Canvas, rng: Rng): Canvas {
  const out = fit(src, LONG);
  noise(out, rng, 10);
  return out;
}

function dotmatrix(src: Canvas, rng: Rng): Canvas {
  const out = fit(src, LONG);
  const pitch = 3;
  const pins = Array.from({ length: 64 }, () => rng.chance(0.06));
  perPixel(out, (d, i, x, y) => {
    if (d[i]! > 160) {
      d[i] = d[i]! - 4;
      d[i + 1] = d[i + 1]! - 3;
      d[i + 2] = d[i + 2]! - 10;
      return;
    }
    const gap = x % pitch === 0 || y % pitch === 0;
    const weak = pins[Math.floor(y / pitch) % 64]!;
    const v = gap ? 150 + (x * 7 + y * 13) % 50 : weak ? 110 : 45 + Math.floor(rng.next() * 40);
    d[i] = v;
    d[i + 1] = v;
    d[i + 2] = v + 8;
  });
  return out;
}

function photocopy(src: Canvas, rng: Rng): Canvas {
  const out = fit(src, LONG);
  const streaks = Array.from({ length: rng.int(2, 5) }, () => [rng.int(0, out.width), rng.int(2, 9), rng.int(20, 55)] as const);
  perPixel(out, (d, i, x) => {
    const g = (d[i]! * 0.3 + d[i + 1]! * 0.5 + d[i + 2]! * 0.2) | 0;
    let v = 85 + (g * 135) / 255;
    for (const [sx, w, dark] of streaks) if (x >= sx && x < sx + w) v -= dark;
    v += (rng.next() - 0.5) * 18;
    if (rng.next() < 0.0007) v = 60;
    d[i] = v;
    d[i + 1] = v;
    d[i + 2] = v;
  });
  return out;
}

function skewed(src: Canvas, rng: Rng): Canvas {
  const small = fit(src, LONG - 120);
  const deg = (rng.chance(0.5) ? 1 : -1) * (2 + rng.next() * 2);
  const out = createCanvas(small.width + 100, small.height + 100);
  const c = out.getContext('2d');
  c.fillStyle = '#d8d8d4';
  c.fillRect(0, 0, out.width, out.height);
  c.translate(out.width / 2, out.height / 2);
  c.rotate((deg * Math.PI) / 180);
  c.drawImage(small, -small.width / 2, -small.height / 2);
  noise(out, rng, 8);
  return out;
}

function photo(src: Canvas, rng: Rng): Canvas {
  const page = fit(src, 2000);
  const W = Math.round(page.width * 1.12);
  const H = Math.round(page.height * 1.1);
  const out = createCanvas(W, H);
  const c = out.getContext('2d');
  const desk = c.createLinearGradient(0, 0, W, H);
  desk.addColorStop(0, '#8a6a4a');
  desk.addColorStop(1, '#6e5238');
  c.fillStyle = desk;
  c.fillRect(0, 0, W, H);
  // Keystone: the far (top) edge narrower by up to ~8°, drawn strip by strip; a slight tilt.
  const squeeze = 0.04 + rng.next() * 0.06;
  const tilt = ((rng.next() - 0.5) * 4 * Math.PI) / 180;
  c.save();
  c.translate(W / 2, H / 2);
  c.rotate(tilt);
  c.shadowColor = 'rgba(0,0,0,0.45)';
  c.shadowBlur = 30;
  c.shadowOffsetX = 12;
  c.shadowOffsetY = 14;
  c.fillStyle = '#fff';
  c.fillRect(-page.width / 2, -page.height / 2, page.width, page.height);
  c.shadowColor = 'transparent';
  const strip = 3;
  for (let y = 0; y < page.height; y += strip) {
    const k = 1 - squeeze * (1 - y / page.height);
    const w = page.width * k;
    c.drawImage(page, 0, y, page.width, strip, -w / 2, -page.height / 2 + y, w, strip + 0.6);
  }
  c.restore();
  // Uneven light: a bright spot and a darker far corner; a soft shadow of a hand or phone.
  const lx = W * (0.2 + rng.next() * 0.6);
  const light = c.createRadialGradient(lx, H * 0.3, 50, lx, H * 0.4, Math.max(W, H));
  light.addColorStop(0, 'rgba(255,250,235,0.10)');
  light.addColorStop(1, 'rgba(20,15,0,0.32)');
  c.fillStyle = light;
  c.fillRect(0, 0, W, H);
  const sx = rng.chance(0.5) ? W * 0.9 : W * 0.1;
  const shade = c.createRadialGradient(sx, H * 0.95, 20, sx, H * 0.95, W * 0.55);
  shade.addColorStop(0, 'rgba(0,0,0,0.30)');
  shade.addColorStop(1, 'rgba(0,0,0,0)');
  c.fillStyle = shade;
  c.fillRect(0, 0, W, H);
  const done = fit(out, LONG);
  noise(done, rng, 12);
  return done;
}

async function jpeg150(src: Canvas, dpi: number, rng: Rng): Promise<Canvas> {
  const small = fit(src, Math.max(src.width, src.height) * (150 / dpi));
  noise(small, rng, 8);
  const img = await loadImage(await small.encode('jpeg', 60));
  const out = createCanvas(small.width, small.height);
  out.getContext('2d').drawImage(img, 0, 0);
  return out;
}

/** The sheet captured as `mode`, as an RGBA image with its long side at most 2,400 px. */
export async function capture(src: Canvas, mode: EighthCapture, rng: Rng, dpi: number): Promise<RgbaImage> {
  switch (mode) {
    case 'scan':
      return rgba(scan(src, rng));
    case 'dotmatrix':
      return rgba(dotmatrix(src, rng));
    case 'photo':
      return rgba(photo(src, rng));
    case 'photocopy':
      return rgba(photocopy(src, rng));
    case 'jpeg150':
      return rgba(await jpeg150(src, dpi, rng));
    case 'skewed':
      return rgba(skewed(src, rng));
  }
}
