// How a seventh-set page reaches the OCR: a clean 300 dpi scan, a 100–150 dpi scan, a chat-app
// forward (downscaled, JPEG twice at quality 35–55), an inkjet print with banding, a scan with an
// official stamp over the values and a punched binder edge, and (bank receipts only) a faded
// thermal print with light grey dots. Every capture stays legible to a person.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { BLUE, RED, seal } from './seal';

export const SEVENTH_CAPTURES = ['scan300', 'scanlow', 'chat', 'inkjet', 'stamped', 'thermal'] as const;
export type SeventhCapture = (typeof SEVENTH_CAPTURES)[number];

const SHARES: readonly (readonly [SeventhCapture, number])[] = [
  ['scan300', 0.2],
  ['scanlow', 0.22],
  ['chat', 0.22],
  ['inkjet', 0.18],
  ['stamped', 0.18],
];

/** The capture for a uniform draw u; bank pages go to the thermal printer 30 % of the time. */
export function chooseCapture(u: number, bank: boolean): SeventhCapture {
  if (bank) {
    if (u < 0.3) return 'thermal';
    u = (u - 0.3) / 0.7;
  }
  let acc = 0;
  for (const [mode, share] of SHARES) {
    acc += share;
    if (u < acc) return mode;
  }
  return 'stamped';
}

/** The sheet redrawn at long side `long` px, turned by `deg` degrees on a `bg` ground. */
function resample(src: Canvas, long: number, deg: number, bg: string, blur = 0): Canvas {
  const s = long / Math.max(src.width, src.height);
  const w = Math.round(src.width * s);
  const h = Math.round(src.height * s);
  const out = createCanvas(w, h);
  const c = out.getContext('2d');
  c.fillStyle = bg;
  c.fillRect(0, 0, w, h);
  c.imageSmoothingEnabled = true;
  c.imageSmoothingQuality = 'high';
  if (blur > 0) c.filter = `blur(${blur}px)`;
  c.translate(w / 2, h / 2);
  c.rotate((deg * Math.PI) / 180);
  c.drawImage(src, -w / 2, -h / 2, w, h);
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.filter = 'none';
  return out;
}

function pixels(canvas: Canvas, each: (d: Uint8ClampedArray, i: number, x: number, y: number) => void): void {
  const c = canvas.getContext('2d');
  const img = c.getImageData(0, 0, canvas.width, canvas.height);
  const d = img.data;
  for (let y = 0, i = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++, i += 4) each(d, i, x, y);
  c.putImageData(img, 0, 0);
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** A fast xorshift stream seeded from `rng`, for per-pixel noise. */
function fast(rng: Rng): () => number {
  let s = (rng.int(1, 0x7ffffffe) | 1) >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function noise(canvas: Canvas, rng: Rng, amount: number): void {
  const next = fast(rng);
  pixels(canvas, (d, i) => {
    const n = (next() - 0.5) * amount;
    d[i] = clamp(d[i]! + n);
    d[i + 1] = clamp(d[i + 1]! + n);
    d[i + 2] = clamp(d[i + 2]! + n);
  });
}

async function jpeg(canvas: Canvas, quality: number, long?: number): Promise<Canvas> {
  const img = await loadImage(await canvas.encode('jpeg', quality));
  const s = long ? long / Math.max(img.width, img.height) : 1;
  const out = createCanvas(Math.round(img.width * s), Math.round(img.height * s));
  out.getContext('2d').drawImage(img, 0, 0, out.width, out.height);
  return out;
}

function holes(canvas: Canvas, rng: Rng, k: number): void {
  const c = canvas.getContext('2d');
  const r = 3 * k;
  const x = 10 * k;
  const ys = rng.chance(0.5) ? [0.5 - 40 / 297, 0.5 + 40 / 297] : [0.2, 0.4, 0.6, 0.8];
  const through = rng.pick(['#3a3a3a', '#d9d9d9']);
  for (const fy of ys) {
    const y = fy * canvas.height;
    c.fillStyle = 'rgba(70,70,70,0.35)';
    c.beginPath();
    c.arc(x + 0.6 * k, y + 0.6 * k, r, 0, Math.PI * 2);
    c.fill();
    c.fillStyle = through;
    c.beginPath();
    c.arc(x, y, r, 0, Math.PI * 2);
    c.fill();
  }
  c.fillStyle = 'rgba(120,120,120,0.18)';
  c.fillRect(0, 0, 3 * k, canvas.height);
}

function banding(canvas: Canvas, rng: Rng): void {
  const period = rng.int(14, 34);
  const band = rng.int(3, 7);
  const offset = rng.int(0, period);
  const tint = rng.pick([[0, 18, 30], [25, 0, 10], [10, 10, 0]] as const);
  pixels(canvas, (d, i, _x, y) => {
    const inBand = (y + offset) % period < band;
    const lift = inBand ? 0.42 : 0.05;
    for (let ch = 0; ch < 3; ch++) d[i + ch] = clamp(d[i + ch]! + (255 - d[i + ch]!) * lift + tint[ch]! * (1 - d[i + ch]! / 255));
  });
}

function thermal(canvas: Canvas, rng: Rng): void {
  const next = fast(rng);
  const fade = 0.3 + rng.next() * 0.15;
  const slope = rng.next() * 0.25;
  pixels(canvas, (d, i, x, y) => {
    const f = fade + (slope * y) / canvas.height + (x % 4 === 0 ? 0.05 : 0);
    const g = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
    let v = g + (255 - g) * f;
    if (next() < 0.012) v = Math.min(v, 185 + next() * 40);
    d[i] = clamp(v + 2);
    d[i + 1] = clamp(v + 1);
    d[i + 2] = clamp(v - 3);
  });
}

function toRgba(canvas: Canvas): RgbaImage {
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data: new Uint8ClampedArray(img.data) };
}

/** The sheet as `mode` captures it. */
export async function capture(src: Canvas, mode: SeventhCapture, rng: Rng, dpi: number): Promise<RgbaImage> {
  const long = Math.max(src.width, src.height);
  const widthMm = (src.width / dpi) * 25.4;
  const landscape = src.width > src.height;
  switch (mode) {
    case 'scan300': {
      const out = resample(src, long, (rng.next() - 0.5) * 0.5, '#fafafa');
      noise(out, rng, 6);
      return toRgba(out);
    }
    case 'scanlow': {
      const target = Math.max(1100, Math.min(1400, Math.round((long / dpi) * rng.int(100, 150))));
      const out = resample(src, Math.min(target, long), (rng.next() - 0.5) * 2, '#f2f0ea', 0.4);
      noise(out, rng, 14);
      return toRgba(out);
    }
    case 'chat': {
      const first = resample(src, landscape ? rng.int(1240, 1320) : rng.int(1000, 1100), (rng.next() - 0.5) * 1.2, '#f4f3ef');
      noise(first, rng, 8);
      const once = await jpeg(first, rng.int(40, 55));
      const twice = await jpeg(once, rng.int(35, 50), Math.round(Math.max(once.width, once.height) * (0.92 + rng.next() * 0.08)));
      return toRgba(twice);
    }
    case 'inkjet': {
      const out = resample(src, Math.min(long, rng.int(1600, 2000)), (rng.next() - 0.5) * 0.8, '#fdfcf8');
      banding(out, rng);
      noise(out, rng, 8);
      return toRgba(out);
    }
    case 'stamped': {
      const out = resample(src, Math.min(long, rng.int(1600, 2200)), (rng.next() - 0.5) * 1, '#f7f7f3');
      const c = out.getContext('2d');
      const r = out.width * (0.1 + rng.next() * 0.04);
      seal(c, out.width * (0.35 + rng.next() * 0.3), out.height * (0.25 + rng.next() * 0.3), r, rng.pick(['深圳市住房和建设局', '街道办事处综合服务中心', '社区工作站']), rng.chance(0.7) ? RED : BLUE, '审核专用章', rng.next() - 0.5);
      if (out.height > out.width * 1.2 && widthMm > 170) holes(out, rng, out.width / widthMm);
      noise(out, rng, 10);
      return toRgba(out);
    }
    case 'thermal': {
      const out = resample(src, long, (rng.next() - 0.5) * 0.6, '#f7f6f2');
      thermal(out, rng);
      return toRgba(out);
    }
  }
}
