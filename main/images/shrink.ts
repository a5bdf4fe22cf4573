// Shrinking a page scan that is larger than a case needs: area-averaged to the target size and
// stored as JPEG, in pure JavaScript like the decoders beside it.
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../domain/ocr/image';

/** Each output pixel is the mean of the source pixels its area covers (a box filter; the target is never larger). */
export function shrink(image: RgbaImage, width: number, height: number): RgbaImage {
  const out = new Uint8Array(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  const sums: number[] = new Array<number>(width * 4).fill(0);
  const counts: number[] = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    counts.fill(0);
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * sy)));
    for (let v = y0; v < y1; v++) {
      const row = v * image.width;
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * sx)));
        let r = 0;
        let g = 0;
        let b = 0;
        for (let u = x0; u < x1; u++) {
          const p = (row + u) * 4;
          r += image.data[p]!;
          g += image.data[p + 1]!;
          b += image.data[p + 2]!;
        }
        sums[x * 4] = sums[x * 4]! + r;
        sums[x * 4 + 1] = sums[x * 4 + 1]! + g;
        sums[x * 4 + 2] = sums[x * 4 + 2]! + b;
        counts[x] = counts[x]! + x1 - x0;
      }
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = Math.round(sums[x * 4]! / counts[x]!);
      out[o + 1] = Math.round(sums[x * 4 + 1]! / counts[x]!);
      out[o + 2] = Math.round(sums[x * 4 + 2]! / counts[x]!);
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** JPEG bytes of an RGBA image (quality 85: print stays sharp at a fraction of the size). */
export function encodeJpeg(image: RgbaImage, quality = 85): Uint8Array {
  return new Uint8Array(jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data);
}
