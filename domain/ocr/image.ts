// Plain image buffers and the small operations on them: grey conversion, crop, rotation, PGM encoding.
// Pure TypeScript, so the same code runs in Node and in the browser worker.

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** 4 bytes per pixel, row-major. */
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface GreyImage {
  readonly width: number;
  readonly height: number;
  /** 1 byte per pixel, 0 black … 255 white. */
  readonly data: Uint8Array;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Grey by the brightest channel: black print stays dark while red stamps, red photo backgrounds
 * and blue guilloche patterns turn light, so they do not reach the recogniser.
 */
export function toGrey(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    out[j] = r > g ? (r > b ? r : b) : g > b ? g : b;
  }
  return { width, height, data: out };
}

export function crop(image: GreyImage, rect: Rect, fill = 255): GreyImage {
  const w = Math.max(1, Math.round(rect.width));
  const h = Math.max(1, Math.round(rect.height));
  const x0 = Math.round(rect.x);
  const y0 = Math.round(rect.y);
  const out = new Uint8Array(w * h).fill(fill);
  for (let y = 0; y < h; y++) {
    const sy = y0 + y;
    if (sy < 0 || sy >= image.height) continue;
    for (let x = 0; x < w; x++) {
      const sx = x0 + x;
      if (sx >= 0 && sx < image.width) out[y * w + x] = image.data[sy * image.width + sx]!;
    }
  }
  return { width: w, height: h, data: out };
}

/** A quarter turn of a page: how far it is turned clockwise from upright. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** A stored turn as a QuarterTurn: anything else (absent, a damaged or foreign value) is upright. */
export const asQuarterTurn = (value: unknown): QuarterTurn => (value === 90 || value === 180 || value === 270 ? value : 0);

/** Turns the image clockwise by whole quarter turns, pixel for pixel (no resampling). */
export function turn(image: GreyImage, degrees: QuarterTurn): GreyImage {
  if (degrees === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  if (degrees === 180) {
    for (let i = 0; i < out.length; i++) out[i] = data[out.length - 1 - i]!;
    return { width: w, height: h, data: out };
  }
  // 90: the source's row y becomes the column h-1-y; 270: the column y, read bottom up.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (degrees === 90) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, data: out };
}

/** Rotates about the centre by `degrees` (positive = clockwise on screen), bilinear, white fill. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  if (Math.abs(degrees) < 0.01) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Inverse mapping: the source pixel that lands on (x, y).
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = top + (bottom - top) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Binary PGM (P5): a format the recogniser's image library reads without any codec. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

/** Adds a white margin, which the recogniser needs around tightly cropped text. */
export function pad(image: GreyImage, margin: number): GreyImage {
  return crop(image, { x: -margin, y: -margin, width: image.width + 2 * margin, height: image.height + 2 * margin });
}
