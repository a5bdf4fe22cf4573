// Skew estimation by projection profile: the angle at which ink rows are sharpest.
import type { BinaryImage } from './binarise';

export interface SkewOptions {
  /** Largest skew searched, in degrees (default 5). */
  readonly maxDeg?: number;
}

/**
 * Returns the page's skew in degrees, positive when lines descend to the right (clockwise on
 * screen); `rotate(image, -skew)` straightens it. Scores each candidate angle by the sum of
 * squared row counts of ink projected along that angle: text lines and rules are sharpest
 * when level.
 */
export function estimateSkew(image: BinaryImage, options: SkewOptions = {}): number {
  const maxDeg = options.maxDeg ?? 5;
  const points = samplePoints(image, 25_000);
  if (points.length < 50) return 0;
  let best = coarseToFine(points, image, -maxDeg, maxDeg, 0.25);
  best = coarseToFine(points, image, best - 0.25, best + 0.25, 0.05);
  best = coarseToFine(points, image, best - 0.05, best + 0.05, 0.01);
  return Math.round(best * 100) / 100;
}

/** Ink coordinates (x, y interleaved), thinned evenly to at most `max` points. */
function samplePoints(image: BinaryImage, max: number): Float64Array {
  let count = 0;
  for (const v of image.data) count += v;
  const step = Math.max(1, Math.ceil(count / max));
  const out = new Float64Array(Math.ceil(count / step) * 2 + 2);
  let n = 0;
  let k = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!image.data[y * image.width + x]) continue;
      if (k++ % step === 0) {
        out[n++] = x;
        out[n++] = y;
      }
    }
  }
  return out.subarray(0, n);
}

function coarseToFine(points: Float64Array, image: BinaryImage, from: number, to: number, step: number): number {
  let best = 0;
  let bestScore = -1;
  const margin = Math.ceil(image.width * Math.tan((Math.max(Math.abs(from), Math.abs(to)) * Math.PI) / 180)) + 2;
  const bins = new Float64Array(image.height + 2 * margin);
  for (let deg = from; deg <= to + 1e-9; deg += step) {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round(points[i + 1]! - points[i]! * t) + margin;
      if (row >= 0 && row < bins.length) bins[row]!++;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  return best;
}
