// Characters by their shape, for the few a recogniser cannot give: PaddleOCR's dictionary lacks
// rare name characters (生僻字 such as 曌, 赟, 琤) and tesseract's lacks more. A glyph is described
// by the directions of its strokes' edges (eight directions, in a 4×4 grid over the glyph fitted to a
// square), the classic feature of printed and handwritten Chinese character recognition: it holds
// across typefaces (a 宋体 glyph resembles its 黑体 form more than any other character) and survives
// a low-resolution scan. The book of known shapes (glyph-book.ts) is drawn from typefaces in npm
// packages by scripts/glyph-book.ts.
import { otsuThreshold } from './binarise';
import type { GreyImage, Rect } from './image';

/** Side of the square a glyph is fitted into before its strokes are measured. */
const SIDE = 32;
const ZONES = 4;
const DIRECTIONS = 8;
export const FEATURE_LENGTH = ZONES * ZONES * DIRECTIONS;

/** Ink coverage 0..1 at (x, y) of a grey image (0 outside), bilinear. */
function inkAt(image: GreyImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = x - x0;
  const ty = y - y0;
  const at = (a: number, b: number) => (a < 0 || b < 0 || a >= image.width || b >= image.height ? 0 : (255 - image.data[b * image.width + a]!) / 255);
  return at(x0, y0) * (1 - tx) * (1 - ty) + at(x0 + 1, y0) * tx * (1 - ty) + at(x0, y0 + 1) * (1 - tx) * ty + at(x0 + 1, y0 + 1) * tx * ty;
}

/** The ink's bounding box inside `box` (pixels darker than `threshold`), or undefined when blank. */
function inkBox(image: GreyImage, box: Rect, threshold: number): Rect | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      if (image.data[y * image.width + x]! >= threshold) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * The stroke-direction features of the glyph inside `box` (the whole image when absent): unit
 * length, so the dot product of two is their similarity (1: the same shape).
 */
export function glyphFeatures(image: GreyImage, box: Rect = { x: 0, y: 0, width: image.width, height: image.height }, threshold = otsuThreshold(image)): Float32Array {
  const features = new Float32Array(FEATURE_LENGTH);
  const ink = inkBox(image, box, threshold);
  if (!ink) return features;
  // Fitted into the square, aspect kept, centred, with a two-pixel margin.
  const scale = Math.max(ink.width, ink.height) / (SIDE - 4);
  const ox = (SIDE - ink.width / scale) / 2;
  const oy = (SIDE - ink.height / scale) / 2;
  const fitted = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) fitted[y * SIDE + x] = inkAt(image, ink.x + (x - ox + 0.5) * scale - 0.5, ink.y + (y - oy + 0.5) * scale - 0.5);
  const smooth = blur(fitted);
  const zone = SIDE / ZONES;
  for (let y = 1; y < SIDE - 1; y++) {
    for (let x = 1; x < SIDE - 1; x++) {
      const gx = smooth[y * SIDE + x + 1]! - smooth[y * SIDE + x - 1]!;
      const gy = smooth[(y + 1) * SIDE + x]! - smooth[(y - 1) * SIDE + x]!;
      const magnitude = Math.hypot(gx, gy);
      if (magnitude < 1e-3) continue;
      const angle = Math.atan2(gy, gx) + (gy < 0 ? 2 * Math.PI : 0);
      const bin = (angle / (2 * Math.PI)) * DIRECTIONS;
      const d0 = Math.floor(bin) % DIRECTIONS;
      const d1 = (d0 + 1) % DIRECTIONS;
      const td = bin - Math.floor(bin);
      // Each edge pixel is shared between the four nearest zones, so a stroke shifted a little moves weight smoothly.
      const zx = (x + 0.5) / zone - 0.5;
      const zy = (y + 0.5) / zone - 0.5;
      const ix = Math.floor(zx);
      const iy = Math.floor(zy);
      for (const [cx, wx] of [[ix, 1 - (zx - ix)], [ix + 1, zx - ix]] as const) {
        for (const [cy, wy] of [[iy, 1 - (zy - iy)], [iy + 1, zy - iy]] as const) {
          if (cx < 0 || cy < 0 || cx >= ZONES || cy >= ZONES) continue;
          const at = (cy * ZONES + cx) * DIRECTIONS;
          features[at + d0] = features[at + d0]! + magnitude * (1 - td) * wx * wy;
          features[at + d1] = features[at + d1]! + magnitude * td * wx * wy;
        }
      }
    }
  }
  // Square roots temper the strongest strokes; then unit length.
  let norm = 0;
  for (let i = 0; i < FEATURE_LENGTH; i++) {
    features[i] = Math.sqrt(features[i]!);
    norm += features[i]! * features[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < FEATURE_LENGTH; i++) features[i] = features[i]! / norm;
  return features;
}

/** 3×3 binomial blur of a SIDE×SIDE field. */
function blur(field: Float32Array): Float32Array {
  const out = new Float32Array(field.length);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let sum = 0;
      let weight = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= SIDE || yy >= SIDE) continue;
          const w = (dx === 0 ? 2 : 1) * (dy === 0 ? 2 : 1);
          sum += field[yy * SIDE + xx]! * w;
          weight += w;
        }
      }
      out[y * SIDE + x] = sum / weight;
    }
  }
  return out;
}

export const similarity = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * The glyph boxes of one line of text, left to right: columns holding ink, grouped into boxes no
 * wider than a Chinese character (about as wide as the line's ink is tall), so a character of two
 * parts (川, 琤) stays one box and two characters set close stay two.
 */
export function segmentGlyphs(line: GreyImage, threshold = otsuThreshold(line), glyphPx?: number): Rect[] {
  const { width, height, data } = line;
  let top = -1;
  let bottom = -1;
  const inked = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    let any = false;
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! < threshold) {
        inked[x] = 1;
        any = true;
      }
    }
    if (any) {
      if (top < 0) top = y;
      bottom = y;
    }
  }
  if (top < 0) return [];
  const tall = bottom - top + 1;
  // Ink much taller than the page's glyphs is not one line of text (a stamp, a photo, two lines): no boxes.
  if (glyphPx !== undefined && tall > 1.6 * glyphPx) return [];
  const runs: [number, number][] = [];
  for (let x = 0; x < width; x++) {
    if (!inked[x]) continue;
    const start = x;
    while (x + 1 < width && inked[x + 1]) x++;
    runs.push([start, x]);
  }
  const boxes: [number, number][] = [];
  for (const run of runs) {
    const last = boxes.at(-1);
    if (last && run[1] - last[0] + 1 <= 1.12 * tall && run[0] - last[1] - 1 <= 0.3 * tall) last[1] = run[1];
    else boxes.push([...run]);
  }
  return boxes.map(([x0, x1]) => ({ x: x0, y: top, width: x1 - x0 + 1, height: tall }));
}

/** Known shapes: each character's features as drawn in several typefaces. */
export interface GlyphBook {
  has(char: string): boolean;
  /** The best similarity of `features` to `char` over the book's typefaces (0 when the book lacks it). */
  similarity(features: Float32Array, char: string): number;
  /** The characters the book holds, in its order. */
  readonly chars: readonly string[];
}

/**
 * A book from its packed form: `chars` in order, and for each, `faces` feature vectors of
 * FEATURE_LENGTH bytes (each value × 255, rounded).
 */
export function glyphBook(chars: string, faces: number, packed: Uint8Array): GlyphBook {
  const list = [...chars];
  if (packed.length !== list.length * faces * FEATURE_LENGTH) throw new RangeError(`glyph book: ${packed.length} bytes for ${list.length} characters × ${faces} typefaces`);
  const index = new Map(list.map((c, i) => [c, i]));
  // Every stroke-direction vector is positive, so any two glyphs look alike (0.9 and more): the
  // book's mean is taken away from each vector, book and glyph alike, leaving what sets them apart.
  const raw = Float32Array.from(packed, (v) => v / 255);
  const drawn = (at: number) => raw.subarray(at, at + FEATURE_LENGTH).some((v) => v > 0);
  const mean = new Float32Array(FEATURE_LENGTH);
  let count = 0;
  for (let at = 0; at < raw.length; at += FEATURE_LENGTH) {
    if (!drawn(at)) continue;
    for (let k = 0; k < FEATURE_LENGTH; k++) mean[k] = mean[k]! + raw[at + k]!;
    count++;
  }
  for (let k = 0; k < FEATURE_LENGTH; k++) mean[k] = mean[k]! / Math.max(1, count);
  const centred = (v: Float32Array): Float32Array => {
    const out = Float32Array.from(v, (x, k) => x - mean[k]!);
    const norm = Math.sqrt(similarity(out, out)) || 1;
    return out.map((x) => x / norm);
  };
  const vectors = list.map((_, i) =>
    Array.from({ length: faces }, (_, f) => (i * faces + f) * FEATURE_LENGTH)
      .filter(drawn)
      .map((at) => centred(raw.subarray(at, at + FEATURE_LENGTH))),
  );
  const seen = new WeakMap<Float32Array, Float32Array>();
  return {
    chars: list,
    has: (char) => (vectors[index.get(char) ?? -1]?.length ?? 0) > 0,
    similarity(features, char) {
      const own = vectors[index.get(char) ?? -1];
      if (!own || own.length === 0) return 0;
      let query = seen.get(features);
      if (!query) seen.set(features, (query = centred(features)));
      return Math.max(...own.map((v) => similarity(query, v)));
    },
  };
}
