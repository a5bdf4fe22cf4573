// Pixel operations the captures are built from, on plain RGBA buffers: resampling through any
// inverse mapping (rotation, perspective, folds), blur, noise, grey, adaptive threshold, JPEG.
import type { Canvas } from '@napi-rs/canvas';
import jpeg from 'jpeg-js';
import type { Rng } from '../../../domain/seed/prng';

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export const blank = (width: number, height: number, rgb: readonly [number, number, number]): Raster => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = rgb[0];
    data[i + 1] = rgb[1];
    data[i + 2] = rgb[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
};

export function fromCanvas(canvas: Canvas): Raster {
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

/**
 * Maps an output pixel centre to where it comes from in the source, written into `at` (x, y);
 * false when it comes from outside (background).
 */
export type Inverse = (x: number, y: number, at: Float64Array) => boolean;

/** Resamples `src` into a `width`×`height` image through `inverse`, bilinear, `fill` outside. */
export function remap(src: Raster, width: number, height: number, inverse: Inverse, fill: readonly [number, number, number] = [255, 255, 255]): Raster {
  const out = new Uint8ClampedArray(width * height * 4);
  const { width: sw, height: sh, data } = src;
  const at = new Float64Array(2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o + 3] = 255;
      const inside = inverse(x + 0.5, y + 0.5, at);
      const sx = at[0]! - 0.5;
      const sy = at[1]! - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (!inside || x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        out[o] = fill[0];
        out[o + 1] = fill[1];
        out[o + 2] = fill[2];
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = (y0 * sw + x0) * 4;
      const j = i + sw * 4;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      out[o] = data[i]! * w00 + data[i + 4]! * w10 + data[j]! * w01 + data[j + 4]! * w11;
      out[o + 1] = data[i + 1]! * w00 + data[i + 5]! * w10 + data[j + 1]! * w01 + data[j + 5]! * w11;
      out[o + 2] = data[i + 2]! * w00 + data[i + 6]! * w10 + data[j + 2]! * w01 + data[j + 6]! * w11;
    }
  }
  return { width, height, data: out };
}

/** Turns the image by `degrees` (clockwise) about its centre, keeping its size. */
export function rotate(src: Raster, degrees: number, fill: readonly [number, number, number] = [255, 255, 255]): Raster {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = src.width / 2;
  const cy = src.height / 2;
  if (Math.abs(degrees) < 0.02) return src;
  return remap(
    src,
    src.width,
    src.height,
    (x, y, at) => {
      at[0] = cos * (x - cx) + sin * (y - cy) + cx;
      at[1] = -sin * (x - cx) + cos * (y - cy) + cy;
      return true;
    },
    fill,
  );
}

/** The homography taking the unit square's corners (0,0),(1,0),(1,1),(0,1) to the quad `q`. */
function squareToQuad(q: readonly (readonly [number, number])[]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [[number, number], [number, number], [number, number], [number, number]];
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h];
}

/**
 * Inverse mapping for a page of `w`×`h` pixels shown as the quad `q` (corners clockwise from top
 * left) in the output: for an output pixel, the page pixel it shows.
 */
export function quadInverse(w: number, h: number, q: readonly (readonly [number, number])[]): Inverse {
  const [a, b, c, d, e, f, g, hh] = squareToQuad(q) as [number, number, number, number, number, number, number, number];
  // Invert the 3×3 matrix [[a b c][d e f][g hh 1]].
  const A = e - f * hh;
  const B = c * hh - b;
  const C = b * f - c * e;
  const D = f * g - d;
  const E = a - c * g;
  const F = c * d - a * f;
  const G = d * hh - e * g;
  const H = b * g - a * hh;
  const I = a * e - b * d;
  return (x, y, at) => {
    const z = G * x + H * y + I;
    const u = (A * x + B * y + C) / z;
    const v = (D * x + E * y + F) / z;
    at[0] = u * w;
    at[1] = v * h;
    return u >= -0.01 && v >= -0.01 && u <= 1.01 && v <= 1.01;
  };
}

/** Box blur of radius `r` (separable, two passes), RGB. */
export function blur(src: Raster, r: number): Raster {
  if (r < 1) return src;
  const { width: w, height: h } = src;
  const pass = (input: Uint8ClampedArray, horizontal: boolean): Uint8ClampedArray => {
    const out = new Uint8ClampedArray(input.length).fill(255);
    const [n, m] = horizontal ? [w, h] : [h, w];
    const step = horizontal ? 4 : w * 4;
    for (let line = 0; line < m; line++) {
      const base = horizontal ? line * w * 4 : line * 4;
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let i = -r; i <= r; i++) sum += input[base + Math.min(n - 1, Math.max(0, i)) * step + c]!;
        for (let i = 0; i < n; i++) {
          out[base + i * step + c] = sum / (2 * r + 1);
          sum += input[base + Math.min(n - 1, i + r + 1) * step + c]! - input[base + Math.max(0, i - r) * step + c]!;
        }
      }
    }
    return out;
  };
  return { width: w, height: h, data: pass(pass(src.data, true), false) };
}

/** Adds grain: each pixel shifted by up to ±`amount`, the same on all channels with `mono`. */
export function grain(src: Raster, rng: Rng, amount: number, mono = true): Raster {
  const d = src.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() - 1) * amount;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + (mono ? n : (rng.next() + rng.next() - 1) * amount);
    d[i + 2] = d[i + 2]! + (mono ? n : (rng.next() + rng.next() - 1) * amount);
  }
  return src;
}

/** Luma 0..255 per pixel. */
export function luma(src: Raster): Float32Array {
  const out = new Float32Array(src.width * src.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = 0.299 * src.data[i]! + 0.587 * src.data[i + 1]! + 0.114 * src.data[i + 2]!;
  return out;
}

export function fromLuma(values: Float32Array | Uint8ClampedArray, width: number, height: number): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let j = 0, i = 0; j < values.length; j++, i += 4) {
    data[i] = data[i + 1] = data[i + 2] = values[j]!;
    data[i + 3] = 255;
  }
  return { width, height, data };
}

/** Mean over a (2r+1)² window around each pixel, from an integral image. */
export function localMean(v: Float32Array, w: number, h: number, r: number): Float32Array {
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += v[y * w + x]!;
      sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1]! + row;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const s = sat[y1 * (w + 1) + x1]! - sat[y0 * (w + 1) + x1]! - sat[y1 * (w + 1) + x0]! + sat[y0 * (w + 1) + x0]!;
      out[y * w + x] = s / ((x1 - x0) * (y1 - y0));
    }
  }
  return out;
}

/** Encodes and decodes as JPEG at `quality`; with `grey` the page goes through as luma only. */
export function jpegTrip(src: Raster, quality: number, grey = false): Raster {
  const input = grey ? fromLuma(luma(src), src.width, src.height) : src;
  const encoded = jpeg.encode({ width: input.width, height: input.height, data: input.data }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: new Uint8ClampedArray(decoded.data) };
}
