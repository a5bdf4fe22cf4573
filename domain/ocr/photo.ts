// Photographed pages: find the sheet of paper on the desk (its edges, as the largest bright region),
// undo the perspective, and even out the light (shadows, vignetting) by dividing by the paper's own
// brightness. Each step reports whether it applied; the reader (document.ts) also reads the page
// as it is and keeps the better reading, so a step that does not fit a page cannot make it worse.
import { otsuThreshold } from './binarise';
import { distance, type Point, warpQuad } from './geometry';
import type { GreyImage } from './image';

export interface PhotoPrep {
  readonly image: GreyImage;
  /** The page's corners in the input (top-left, top-right, bottom-right, bottom-left), when found. */
  readonly quad?: readonly Point[];
  /** What was done, for the notes and the bench: 'perspective', 'light'. */
  readonly steps: readonly string[];
}

/** Block means of `step`×`step` tiles: a small image to find the page on. */
function shrink(image: GreyImage, step: number): GreyImage {
  const w = Math.max(1, Math.floor(image.width / step));
  const h = Math.max(1, Math.floor(image.height / step));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < step; dy++) for (let dx = 0; dx < step; dx++) s += image.data[(y * step + dy) * image.width + x * step + dx]!;
      out[y * w + x] = s / (step * step);
    }
  }
  return { width: w, height: h, data: out };
}

/** The largest 4-connected region of `mask`, as its pixel indices. */
function largestRegion(mask: Uint8Array, w: number, h: number): number[] {
  const seen = new Uint8Array(mask.length);
  let best: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || seen[i]) continue;
    const region: number[] = [];
    stack.push(i);
    seen[i] = 1;
    while (stack.length) {
      const p = stack.pop()!;
      region.push(p);
      const x = p % w;
      const y = (p - x) / w;
      for (const q of [x > 0 ? p - 1 : -1, x + 1 < w ? p + 1 : -1, y > 0 ? p - w : -1, y + 1 < h ? p + w : -1]) {
        if (q >= 0 && mask[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (region.length > best.length) best = region;
  }
  return best;
}

/**
 * The region with its holes filled: what is printed on the sheet (a dense table, a stamp, a line of
 * large type) is darker than the paper and leaves holes in it, which belong to the sheet all the
 * same. Everything the frame's border cannot reach without crossing the region is a hole.
 */
export function withHoles(region: readonly number[], w: number, h: number): number[] {
  const inside = new Uint8Array(w * h);
  for (const p of region) inside[p] = 1;
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  const push = (p: number) => {
    if (!inside[p] && !outside[p]) {
      outside[p] = 1;
      stack.push(p);
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  while (stack.length) {
    const p = stack.pop()!;
    const x = p % w;
    if (x > 0) push(p - 1);
    if (x + 1 < w) push(p + 1);
    if (p >= w) push(p - w);
    if (p + w < w * h) push(p + w);
  }
  const out: number[] = [];
  for (let p = 0; p < w * h; p++) if (!outside[p]) out.push(p);
  return out;
}

/**
 * The page's four corners, or undefined when the page fills the frame (a scan), no clear sheet
 * stands out from its background, or the shape found is not a plausible quadrilateral. Light
 * falling off across the desk makes one threshold cut the sheet or spill onto the desk, so several
 * thresholds around Otsu's are tried and the one whose region is most nearly its quadrilateral wins.
 */
export function findPage(image: GreyImage): Point[] | undefined {
  const step = Math.max(1, Math.floor(Math.max(image.width, image.height) / 400));
  const small = shrink(image, step);
  const otsu = otsuThreshold(small);
  const found: { quad: Point[]; fit: number; area: number }[] = [];
  const masks = [
    ...PAGE_THRESHOLD_OFFSETS.map((offset) => ({ offset, mask: thresholdMask(small, otsu + offset) })),
    // Light that falls off across sheet and desk alike leaves no threshold between them: the sheet
    // grown from the frame's centre, stopped where the brightness steps (the paper's edge).
    ...GROW_STEPS.map((tolerance) => ({ offset: undefined, mask: grownMask(small, tolerance) })),
  ];
  for (const { offset, mask } of masks) {
    const sheet = sheetOf(small, step, mask);
    // Only Otsu's own threshold decides that paper fills the frame (lower ones take in the desk).
    if (sheet === 'scan' && offset === 0) return undefined;
    if (!sheet || sheet === 'scan' || touchesFrame(sheet.quad, image, step)) continue;
    // A shadow over the sheet's edge bites the region, but the quadrilateral's sides still run
    // along the paper's edges: brighter inside than out all round.
    const edges = edgeContrast(small, sheet.quad.map((p) => ({ x: p.x / step, y: p.y / step })));
    if (sheet.fit >= MIN_REGION_FIT || edges >= MIN_EDGE_FIT) found.push({ ...sheet, fit: Math.max(sheet.fit, edges) });
  }
  if (found.length === 0) return undefined;
  // The best fitting quadrilateral; among those fitting about as well, the largest: a threshold
  // that cuts the sheet where the light falls off leaves a smaller shape that fits as neatly.
  const bestFit = Math.max(...found.map((f) => f.fit));
  return found.filter((f) => f.fit >= bestFit - SHEET_FIT_SLACK).reduce((a, b) => (b.area > a.area ? b : a)).quad;
}

/** A quadrilateral with a corner on the frame's edge is the desk cut by the frame, not the sheet. */
const touchesFrame = (quad: readonly Point[], image: GreyImage, step: number): boolean =>
  quad.some((p) => p.x < step * 2 || p.y < step * 2 || p.x > image.width - step * 2 || p.y > image.height - step * 2);

/** Largest brightness step (shrunk-image grey levels) between neighbours that growing crosses. */
export const GROW_STEPS: readonly number[] = [3, 5];

/** The pixels reached from the centre through neighbours that differ by at most `tolerance`. */
function grownMask(small: GreyImage, tolerance: number): Uint8Array {
  const { width: w, height: h, data } = small;
  const mask = new Uint8Array(w * h);
  const start = Math.floor(h / 2) * w + Math.floor(w / 2);
  const stack = [start];
  mask[start] = 1;
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % w;
    for (const n of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w]) {
      if (n < 0 || n >= mask.length || mask[n] || Math.abs(data[n]! - data[p]!) > tolerance) continue;
      mask[n] = 1;
      stack.push(n);
    }
  }
  return mask;
}

function thresholdMask(small: GreyImage, t: number): Uint8Array {
  const mask = new Uint8Array(small.width * small.height);
  for (let i = 0; i < mask.length; i++) mask[i] = small.data[i]! > t ? 1 : 0;
  return mask;
}

/** A quadrilateral its region fills this closely (region / quadrilateral area) is a sheet. */
const MIN_REGION_FIT = 0.83;
/** Or: this share of points along its sides is brighter just inside than just outside. */
const MIN_EDGE_FIT = 0.9;

/**
 * The share of points along the quadrilateral's sides (shrunk-image coordinates) where the image
 * is clearly brighter a little inside than a little outside: a ratio, so light falling off or a
 * shadow across the edge does not change it. A side cutting through the paper scores nothing.
 */
export function edgeContrast(image: GreyImage, quad: readonly Point[], samples = 40, reach = 3): number {
  const cx = quad.reduce((s, p) => s + p.x, 0) / 4;
  const cy = quad.reduce((s, p) => s + p.y, 0) / 4;
  const at = (x: number, y: number) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= image.width || yi >= image.height ? undefined : image.data[yi * image.width + xi]!;
  };
  let good = 0;
  let total = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    // The side's normal, turned towards the centre.
    let nx = -(b.y - a.y) / len;
    let ny = (b.x - a.x) / len;
    if (nx * (cx - a.x) + ny * (cy - a.y) < 0) [nx, ny] = [-nx, -ny];
    for (let k = 1; k < samples; k++) {
      const t = k / samples;
      const x = a.x + (b.x - a.x) * t;
      const y = a.y + (b.y - a.y) * t;
      const inside = at(x + nx * reach, y + ny * reach);
      const outside = at(x - nx * reach, y - ny * reach);
      total++;
      if (inside !== undefined && outside !== undefined && inside > outside * 1.15 + 4) good++;
    }
  }
  return total === 0 ? 0 : good / total;
}

/** Quadrilaterals fitting their region within this of the best are told apart by size (findPage). */
const SHEET_FIT_SLACK = 0.03;

/** Offsets from Otsu's threshold tried by findPage (Otsu's own first). */
export const PAGE_THRESHOLD_OFFSETS: readonly number[] = [0, -15, -30, -45, 15, 30, 45, 60];

/** The sheet as the largest region of `mask` on the shrunk image: its corners and how well they fit it (1 = exactly). */
function sheetOf(small: GreyImage, step: number, mask: Uint8Array): { quad: Point[]; fit: number; area: number } | 'scan' | undefined {
  const { width: w, height: h } = small;
  // Paper touching every border is a scan, not a sheet on a desk.
  const touches = [0, h - 1].map((y) => mask.subarray(y * w, (y + 1) * w).reduce((a, b) => a + b, 0) / w);
  if (touches.every((f) => f > 0.9)) return 'scan';
  const region = withHoles(largestRegion(mask, w, h), w, h);
  const share = region.length / (w * h);
  if (share < 0.2 || share > 0.95) return undefined;
  let tl = region[0]!;
  let tr = tl;
  let br = tl;
  let bl = tl;
  const xy = (p: number) => [p % w, Math.floor(p / w)] as const;
  for (const p of region) {
    const [x, y] = xy(p);
    const s = x + y;
    const d = x - y;
    if (s < xy(tl)[0] + xy(tl)[1]) tl = p;
    if (s > xy(br)[0] + xy(br)[1]) br = p;
    if (d > xy(tr)[0] - xy(tr)[1]) tr = p;
    if (d < xy(bl)[0] - xy(bl)[1]) bl = p;
  }
  const quad = [tl, tr, br, bl].map((p) => ({ x: (xy(p)[0] + 0.5) * step, y: (xy(p)[1] + 0.5) * step }));
  // The quadrilateral must hold most of the region (a sheet, not a blob) and have sides of sense.
  const area = Math.abs(quad.reduce((a, p, i) => a + p.x * quad[(i + 1) % 4]!.y - quad[(i + 1) % 4]!.x * p.y, 0)) / 2;
  const regionArea = region.length * step * step;
  if (area < regionArea * 0.85 || area > regionArea * 2) return undefined;
  const sides = quad.map((p, i) => distance(p, quad[(i + 1) % 4]!));
  if (Math.min(...sides) < Math.max(...sides) * 0.25 || !rectangleInView(quad)) return undefined;
  return { quad, fit: 1 - Math.abs(1 - regionArea / area), area };
}

/**
 * Opposite sides of a sheet seen in perspective converge by at most this much (degrees) in both
 * pairs at once: a camera tilted to one side narrows the far edge (one pair converging, twelfth's
 * photo-angle up to 22°), but tilted both ways no less than 12° is no desk photo of a page (the
 * worst of 216 photographed pages read right: 12.4° and 9.6°).
 */
const MAX_BOTH_CONVERGE = 12;

/**
 * Whether a quadrilateral (tl, tr, br, bl) can be a rectangle photographed: not both pairs of
 * opposite sides far from parallel. A threshold that cut the sheet along the light's fall-off
 * leaves a region whose corners, one on the sheet's edge and one inside it, make such a shape
 * (a top side running 20° down across a form, the bottom level); rectifying it shreds the page.
 */
export function rectangleInView(quad: readonly Point[]): boolean {
  const [tl, tr, br, bl] = quad as [Point, Point, Point, Point];
  const heading = (a: Point, b: Point) => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const apart = (a: number, b: number) => {
    const d = Math.abs(a - b) % 360;
    return d > 180 ? 360 - d : d;
  };
  const across = apart(heading(tl, tr), heading(bl, br));
  const down = apart(heading(tl, bl), heading(tr, br));
  return Math.min(across, down) <= MAX_BOTH_CONVERGE;
}

/** The page inside `quad` as an upright image, sized by its longer edges. */
export function rectify(image: GreyImage, quad: readonly Point[]): GreyImage {
  const [tl, tr, br, bl] = quad as [Point, Point, Point, Point];
  const width = Math.round(Math.max(distance(tl, tr), distance(bl, br)));
  const height = Math.round(Math.max(distance(tl, bl), distance(tr, br)));
  // Inset a little: the sheet's edge and a sliver of desk are no text.
  const inset = (a: Point, b: Point, c: Point) => ({ x: a.x + (b.x - a.x) * 0.006 + (c.x - a.x) * 0.006, y: a.y + (b.y - a.y) * 0.006 + (c.y - a.y) * 0.006 });
  return warpQuad(image, [inset(tl, tr, bl), inset(tr, tl, br), inset(br, bl, tr), inset(bl, br, tl)], width, height);
}

/**
 * Evens out the light: the paper's brightness is estimated per tile (a high percentile of its
 * pixels, so text does not darken it), smoothed, and every pixel divided by it. Returns undefined
 * when the light is already even (nothing to do).
 */
export function evenLight(image: GreyImage, tile = 32): GreyImage | undefined {
  const tw = Math.ceil(image.width / tile);
  const th = Math.ceil(image.height / tile);
  const bg = new Float32Array(tw * th);
  const hist = new Uint32Array(256);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      hist.fill(0);
      let n = 0;
      for (let y = ty * tile; y < Math.min(image.height, (ty + 1) * tile); y++) {
        for (let x = tx * tile; x < Math.min(image.width, (tx + 1) * tile); x++, n++) hist[image.data[y * image.width + x]!]!++;
      }
      let seen = 0;
      let v = 255;
      for (; v > 0; v--) if ((seen += hist[v]!) >= n * 0.1) break;
      bg[ty * tw + tx] = Math.max(v, 20);
    }
  }
  const smooth = new Float32Array(bg.length);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = tx + dx;
        const y = ty + dy;
        if (x >= 0 && y >= 0 && x < tw && y < th) {
          s += bg[y * tw + x]!;
          n++;
        }
      }
      smooth[ty * tw + tx] = s / n;
    }
  }
  const sorted = [...smooth].sort((a, b) => a - b);
  if (sorted[Math.floor(sorted.length * 0.95)]! - sorted[Math.floor(sorted.length * 0.05)]! < 25) return undefined;
  const out = new Uint8Array(image.data.length);
  for (let y = 0; y < image.height; y++) {
    const fy = Math.min(th - 1.001, Math.max(0, (y + 0.5) / tile - 0.5));
    const y0 = Math.floor(fy);
    for (let x = 0; x < image.width; x++) {
      const fx = Math.min(tw - 1.001, Math.max(0, (x + 0.5) / tile - 0.5));
      const x0 = Math.floor(fx);
      const a = smooth[y0 * tw + x0]!;
      const b = smooth[y0 * tw + Math.min(tw - 1, x0 + 1)]!;
      const c = smooth[Math.min(th - 1, y0 + 1) * tw + x0]!;
      const d = smooth[Math.min(th - 1, y0 + 1) * tw + Math.min(tw - 1, x0 + 1)]!;
      const top = a + (b - a) * (fx - x0);
      const bottom = c + (d - c) * (fx - x0);
      const paper = top + (bottom - top) * (fy - y0);
      out[y * image.width + x] = Math.min(255, Math.round((image.data[y * image.width + x]! / paper) * 245));
    }
  }
  return { width: image.width, height: image.height, data: out };
}

/** Grey levels this close to black or white count as black or white. */
const BILEVEL_SLACK = 8;

/**
 * Whether the page holds black and white only (a fax, a bilevel scan, a page dithered to dots):
 * nearly all that is not white is black. A clean scan's ink has grey edges (measured: 98-100 % of
 * its non-white pixels are grey), a fax's none.
 */
export function isBilevel(image: GreyImage): boolean {
  let black = 0;
  let grey = 0;
  for (const v of image.data) {
    if (v <= BILEVEL_SLACK) black++;
    else if (v < 255 - BILEVEL_SLACK) grey++;
  }
  return black >= 0.001 * image.data.length && grey <= 0.05 * (black + grey);
}

/**
 * Gaussian blur (separable, σ in pixels): a bilevel page's dots and broken strokes run back into
 * grey strokes, as the recogniser was trained on. Measured on eight fax pages at 100 dpi, the
 * smoothed page read in place of the prepared one: σ 1 23 → 18 fields wrong; σ 0.8 20, σ 1.2 21.
 */
export function smooth(image: GreyImage, sigma = 1): GreyImage {
  const r = Math.ceil(sigma * 2.5);
  const taps = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = taps.reduce((a, b) => a + b, 0);
  const k = taps.map((t) => t / sum);
  const { width: w, height: h, data } = image;
  const across = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r]! * data[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
      across[y * w + x] = v;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r]! * across[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
      out[y * w + x] = Math.round(v);
    }
  }
  return { width: w, height: h, data: out };
}

/** Perspective and light corrections that fit this image (none for a flat, evenly lit scan). */
export function preparePhoto(image: GreyImage): PhotoPrep {
  const steps: string[] = [];
  const quad = findPage(image);
  let out = image;
  if (quad) {
    out = rectify(image, quad);
    steps.push('perspective');
  }
  const even = evenLight(out);
  if (even) {
    out = even;
    steps.push('light');
  }
  return { image: out, ...(quad ? { quad } : {}), steps };
}
