// Global (Otsu) binarisation, speck removal and page scaling on grey buffers.
import type { GreyImage } from './image';

/** A binary image: 1 = ink, 0 = paper. */
export interface BinaryImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Otsu's threshold over the grey histogram: pixels at or below it are ink. */
export function otsuThreshold(image: GreyImage): number {
  const hist = new Float64Array(256);
  for (const v of image.data) hist[v]!++;
  const total = image.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

export function binarise(image: GreyImage, threshold = otsuThreshold(image)): BinaryImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i]! <= threshold ? 1 : 0;
  removeSpecks(data, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

/** Clears ink pixels with no ink among their 8 neighbours (scanner dust, noise). */
function removeSpecks(data: Uint8Array, w: number, h: number): void {
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!data[i]) continue;
      const n = data[i - w - 1]! + data[i - w]! + data[i - w + 1]! + data[i - 1]! + data[i + 1]! + data[i + w - 1]! + data[i + w]! + data[i + w + 1]!;
      if (n === 0) data[i] = 0;
    }
  }
}

/** Box-filter downscale by an integer factor (a 300 dpi scan becomes ~150 dpi: faster, as accurate). */
export function downscale(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const w = Math.floor(image.width / factor);
  const h = Math.floor(image.height / factor);
  const out = new Uint8Array(w * h);
  const area = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx]!;
      }
      out[y * w + x] = Math.round(sum / area);
    }
  }
  return { width: w, height: h, data: out };
}

/** The integer factor that brings a page to at most `maxWidth` pixels wide. */
export const scaleFactorFor = (width: number, maxWidth = 1800): number => Math.max(1, Math.ceil(width / maxWidth));
