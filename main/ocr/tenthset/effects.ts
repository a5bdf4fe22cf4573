// Pixel work for the tenth set's captures, on RGBA buffers: grey conversion (red-blind or not),
// blur, sensor noise, paper tint, the tone of a worn copier, toner speckle, fax thresholding at
// half vertical resolution, and JPEG round trips through jpeg-js.
import jpeg from 'jpeg-js';
import type { Rng } from '../../../domain/seed/prng';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Luminance grey; `redLight` weighs red up so red stamps print light, as on many copiers and faxes. */
export function greyOut(p: Pixels, redLight = false): void {
  const [wr, wg, wb] = redLight ? [0.5, 0.4, 0.1] : [0.299, 0.587, 0.114];
  const d = p.data;
  for (let i = 0; i < d.length; i += 4) {
    const v = d[i]! * wr + d[i + 1]! * wg + d[i + 2]! * wb;
    d[i] = d[i + 1] = d[i + 2] = v;
  }
}

/** One pass of a 3×3 box blur, mixed in by `amount` (0..1). */
export function blur(p: Pixels, amount = 1): void {
  const { width: w, height: h, data: d } = p;
  const src = Uint8ClampedArray.from(d);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += src[i + (dy * w + dx) * 4 + c]!;
        d[i + c] = src[i + c]! * (1 - amount) + (s / 9) * amount;
      }
    }
  }
}

/** Sensor noise of about `sd` levels, the same on all channels of a grey page. */
export function noise(p: Pixels, rng: Rng, sd: number): void {
  const d = p.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * sd * 2;
    d[i] = clamp(d[i]! + n);
    d[i + 1] = clamp(d[i + 1]! + n);
    d[i + 2] = clamp(d[i + 2]! + n);
  }
}

/** Multiplies by a paper colour (an off-white scan, old paper). */
export function tint(p: Pixels, r: number, g: number, b: number): void {
  const d = p.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = (d[i]! * r) / 255;
    d[i + 1] = (d[i + 1]! * g) / 255;
    d[i + 2] = (d[i + 2]! * b) / 255;
  }
}

/** Brightens thin strokes: mixes each pixel with the lightest of its 3×3 neighbourhood. */
export function thinLoss(p: Pixels, amount: number): void {
  const { width: w, height: h, data: d } = p;
  const src = Uint8ClampedArray.from(d);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = (y * w + x) * 4;
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) m = Math.max(m, src[i + (dy * w + dx) * 4]!);
      const v = src[i]! * (1 - amount) + m * amount;
      d[i] = d[i + 1] = d[i + 2] = v;
    }
  }
}

/** A copier's tone curve on a grey page: dark below `edge`, a grey fill `paper` above it. */
export function copierTone(p: Pixels, edge: number, paper: number, ink: number): void {
  const d = p.data;
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = ink + (paper - ink) / (1 + Math.exp(-(v - edge) / 14));
  for (let i = 0; i < d.length; i += 4) d[i] = d[i + 1] = d[i + 2] = lut[d[i]!]!;
}

/** Toner dust: small dark dots, denser near the edges, and now and then a faint drum streak. */
export function speckle(p: Pixels, rng: Rng, density: number, level = 60): void {
  const { width: w, height: h, data: d } = p;
  const n = Math.round(w * h * density);
  for (let k = 0; k < n; k++) {
    const edge = rng.chance(0.35);
    const x = edge ? (rng.chance(0.5) ? rng.int(0, Math.round(w * 0.06)) : w - 1 - rng.int(0, Math.round(w * 0.06))) : rng.int(0, w - 1);
    const y = rng.int(0, h - 1);
    const r = rng.chance(0.8) ? 0 : 1;
    const v = level + rng.int(0, 60);
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const i = (yy * w + xx) * 4;
        d[i] = d[i + 1] = d[i + 2] = Math.min(d[i]!, v);
      }
  }
  if (rng.chance(0.5)) {
    const x = rng.int(Math.round(w * 0.1), Math.round(w * 0.9));
    const dark = rng.int(25, 45);
    for (let y = 0; y < h; y++) {
      const i = (y * w + x) * 4;
      d[i] = d[i + 1] = d[i + 2] = d[i]! - dark;
    }
  }
}

/** Fax: grey at half the vertical resolution, thresholded with ragged edges, rows doubled back. */
export function fax(p: Pixels, rng: Rng, threshold: number): void {
  const { width: w, height: h, data: d } = p;
  for (let y = 0; y + 1 < h; y += 2) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const j = i + w * 4;
      const v = Math.min(d[i]!, d[j]!) * 0.65 + ((d[i]! + d[j]!) / 2) * 0.35 + (rng.next() - 0.5) * 30;
      const out = v < threshold ? 0 : 255;
      d[i] = d[i + 1] = d[i + 2] = d[j] = d[j + 1] = d[j + 2] = rng.chance(0.0004) ? 255 - out : out;
    }
  }
  for (let k = rng.int(0, 3); k > 0; k--) {
    const y = rng.int(0, h - 1);
    const x0 = rng.int(0, w - 1);
    for (let x = x0; x < Math.min(w, x0 + rng.int(40, 400)); x++) {
      const i = (y * w + x) * 4;
      d[i] = d[i + 1] = d[i + 2] = 0;
    }
  }
}

/** A light band falling off from one edge (scanner shadow at a bound edge, a lid gap). */
export function edgeShadow(p: Pixels, side: 'left' | 'top' | 'right', widthPx: number, depth: number): void {
  const { width: w, height: h, data: d } = p;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dist = side === 'left' ? x : side === 'right' ? w - 1 - x : y;
      if (dist >= widthPx) continue;
      const f = 1 - depth * (1 - dist / widthPx) ** 1.6;
      const i = (y * w + x) * 4;
      d[i] = d[i]! * f;
      d[i + 1] = d[i + 1]! * f;
      d[i + 2] = d[i + 2]! * f;
    }
  }
}

/** Uneven light over a photo: brighter toward one corner, darker at the rim. */
export function lighting(p: Pixels, rng: Rng, cast: readonly [number, number, number]): void {
  const { width: w, height: h, data: d } = p;
  const cx = rng.next() * w;
  const cy = rng.next() * h * 0.5;
  const diag = Math.hypot(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const f = 1.02 - 0.22 * (Math.hypot(x - cx, y - cy) / diag);
      const i = (y * w + x) * 4;
      d[i] = d[i]! * f * cast[0];
      d[i + 1] = d[i + 1]! * f * cast[1];
      d[i + 2] = d[i + 2]! * f * cast[2];
    }
  }
}

/** A JPEG round trip at `quality` (1–100). */
export function jpegRoundTrip(p: Pixels, quality: number): Pixels {
  const encoded = jpeg.encode({ data: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength), width: p.width, height: p.height }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: new Uint8ClampedArray(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
}
