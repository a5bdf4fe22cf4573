// A page that was folded (in three like a letter, sometimes once more across) and wrinkled, then
// laid flat under a lamp and photographed: shading and a bright ridge along each fold, the paper
// on either side shifted a little, soft wrinkles bending the lines of text.
import type { Rng } from '../../../domain/seed/prng';
import { blur, grain, type Raster, remap } from './raster';

interface Fold {
  /** Position along the axis, pixels. */
  readonly at: number;
  readonly vertical: boolean;
  /** How dark the valley side gets, how wide the shading is (px), the shift across it (px). */
  readonly depth: number;
  readonly spread: number;
  readonly shift: number;
}

export function crease(page: Raster, rng: Rng): Raster {
  const { width: w, height: h } = page;
  const folds: Fold[] = [];
  const thirds = rng.chance(0.7);
  const across = thirds ? [h / 3, (2 * h) / 3] : [h / 2];
  for (const at of across) folds.push({ at: at + rng.normal(0, 0.012) * h, vertical: false, depth: 0.12 + rng.next() * 0.14, spread: (0.01 + rng.next() * 0.02) * h, shift: rng.normal(0, 1.5) });
  if (rng.chance(0.45)) folds.push({ at: w / 2 + rng.normal(0, 0.01) * w, vertical: true, depth: 0.08 + rng.next() * 0.1, spread: (0.01 + rng.next() * 0.015) * w, shift: rng.normal(0, 1.2) });
  const waves = Array.from({ length: 4 }, () => ({
    kx: (rng.normal(0, 1) * 2 * Math.PI) / (0.35 * w),
    ky: (rng.normal(0, 1) * 2 * Math.PI) / (0.35 * h),
    phase: rng.next() * 2 * Math.PI,
    amp: 0.6 + rng.next() * 1.6,
  }));
  const margin = Math.round(0.03 * Math.max(w, h));
  const W = w + 2 * margin;
  const H = h + 2 * margin;
  const bent = remap(
    page,
    W,
    H,
    (x, y, at) => {
      let sx = x - margin;
      let sy = y - margin;
      for (const f of folds) {
        const past = (f.vertical ? sx : sy) > f.at;
        if (past) {
          if (f.vertical) sy += f.shift;
          else sx += f.shift;
        }
      }
      let dx = 0;
      let dy = 0;
      for (const v of waves) {
        const s = Math.sin(v.kx * sx + v.ky * sy + v.phase) * v.amp;
        dx += s * 0.6;
        dy += s;
      }
      at[0] = sx + dx;
      at[1] = sy + dy;
      return true;
    },
    [92, 84, 74],
  );
  const d = bent.data;
  const lampX = rng.next() * W;
  const lampY = rng.next() * H * 0.5;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const px = x - margin;
      const py = y - margin;
      if (px < 0 || py < 0 || px >= w || py >= h) continue;
      let light = 1 - 0.14 * (Math.hypot(x - lampX, y - lampY) / Math.hypot(W, H));
      for (const f of folds) {
        const t = (f.vertical ? px : py) - f.at;
        if (t < 0) light *= 1 - f.depth * Math.exp(t / f.spread);
        else light *= 1 + 0.5 * f.depth * Math.exp(-t / (0.25 * f.spread));
        if (Math.abs(t) < 1.5) light *= 0.78;
      }
      for (const v of waves) light *= 1 + 0.025 * Math.cos(v.kx * px + v.ky * py + v.phase);
      const o = (y * W + x) * 4;
      d[o] = d[o]! * light * 0.97;
      d[o + 1] = d[o + 1]! * light * 0.96;
      d[o + 2] = d[o + 2]! * light * 0.92;
    }
  }
  return grain(blur(bent, 1), rng, 7, false);
}
