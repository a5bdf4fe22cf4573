// The `phone` capture: a phone photo of a folded page on a table — perspective, one crease with
// its shadow, uneven light, a warm cast, sensor noise, JPEG.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { pixels, toCanvas } from './pixels';

/** Phone photo of a folded page: perspective, a crease with its shadow, uneven light, JPEG. */
export async function phone(page: Canvas, rng: Rng): Promise<RgbaImage> {
  const landscape = page.width > page.height;
  const W = landscape ? 2400 : 1800;
  const H = landscape ? 1800 : 2400;
  const src = page.getContext('2d').getImageData(0, 0, page.width, page.height).data;
  const pw = page.width;
  const ph = page.height;
  // Where the page's corners land (tl, tr, br, bl); each image pixel is mapped back onto the page.
  const m = 0.06;
  const j = () => (rng.next() - 0.5) * 0.07;
  const quad: [number, number][] = [[W * (m + j()), H * (m + j())], [W * (1 - m + j()), H * (m + j())], [W * (1 - m + j() * 0.5), H * (1 - m + j() * 0.5)], [W * (m + j() * 0.5), H * (1 - m + j() * 0.5)]];
  const toPage = invertQuad(quad);
  const fold = 0.3 + rng.next() * 0.35;
  const foldDark = rng.chance(0.5);
  const lx = rng.next() - 0.5;
  const ly = rng.next() - 0.5;
  const table = [rng.int(90, 150), rng.int(70, 120), rng.int(50, 90)];
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const [u, v] = toPage(x, y);
      const light = 0.86 + 0.22 * ((x / W - 0.5) * lx + (y / H - 0.5) * ly) * 2 - 0.12 * ((x / W - 0.5) ** 2 + (y / H - 0.5) ** 2);
      if (u < 0 || u > 1 || v < 0 || v > 1) {
        const n = (rng.next() - 0.5) * 10;
        out[o] = table[0]! * light + n;
        out[o + 1] = table[1]! * light + n;
        out[o + 2] = table[2]! * light + n;
        out[o + 3] = 255;
        continue;
      }
      const sx = Math.min(pw - 1.001, u * (pw - 1));
      const sy = Math.min(ph - 1.001, v * (ph - 1));
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      const fx = sx - ix;
      const fy = sy - iy;
      const dv = (v - fold) * ph;
      let shade = light;
      if ((dv > 0) === foldDark) shade *= 0.9;
      shade *= 1 - 0.32 * Math.exp(-((dv / 7) ** 2)) - (dv > 0 ? 0.1 * Math.exp(-dv / 40) : 0);
      for (let ch = 0; ch < 3; ch++) {
        const a = src[(iy * pw + ix) * 4 + ch]!;
        const b = src[(iy * pw + ix + 1) * 4 + ch]!;
        const c2 = src[((iy + 1) * pw + ix) * 4 + ch]!;
        const d2 = src[((iy + 1) * pw + ix + 1) * 4 + ch]!;
        const val = (a * (1 - fx) + b * fx) * (1 - fy) + (c2 * (1 - fx) + d2 * fx) * fy;
        out[o + ch] = val * shade * (ch === 2 ? 0.93 : ch === 1 ? 0.98 : 1) + (rng.next() - 0.5) * 8;
      }
      out[o + 3] = 255;
    }
  }
  const jpeg = await toCanvas({ width: W, height: H, data: out }).encode('jpeg', rng.int(70, 85));
  const img = await loadImage(jpeg);
  const c = createCanvas(W, H);
  c.getContext('2d').drawImage(img, 0, 0);
  return pixels(c);
}

/** The inverse homography: image point → (u, v) on the page. */
function invertQuad(q: [number, number][]): (x: number, y: number) => [number, number] {
  const I = inverse3(matrixOf(q));
  return (x, y) => {
    const w = I[6]! * x + I[7]! * y + I[8]!;
    return [(I[0]! * x + I[1]! * y + I[2]!) / w, (I[3]! * x + I[4]! * y + I[5]!) / w];
  };
}

/** The homography taking (u,v) in [0,1]² to the quad's corners (tl, tr, br, bl), as a 3×3 matrix. */
function matrixOf(q: [number, number][]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [[number, number], [number, number], [number, number], [number, number]];
  const dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  // x = (a u + b v + c) / (g u + h v + 1), y = (d u + e v + f) / (...)
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

function inverse3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}
