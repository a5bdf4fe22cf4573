// How a drawn page reaches the OCR: seven captures, each a chain of pixel operations.
//   scan300   a clean flatbed scan at 300 dpi (long pages scaled to fit), now and then a little crooked
//   scanapp   a phone "scanner app" output: page slightly keystoned and bowed, over-sharpened, then
//             adaptively thresholded to hard black and white
//   screen    a phone photo of the page shown on a monitor: pixel grid, moiré, glare, perspective
//   oldpaper  yellowed paper, faded ink, the reverse side bleeding through, foxing spots
//   creased   a page folded in three (or four) and flattened again: shading and shifts along the folds
//   highlight someone ran a highlighter over some of the values before scanning
//   jpeg200   a 200 dpi greyscale scan saved as JPEG at quality 35–45
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { crease } from './folds';
import type { Paper } from './paper';
import { blank, blur, fromCanvas, fromLuma, grain, jpegTrip, localMean, luma, quadInverse, type Raster, remap, rotate } from './raster';

export const NINTH_CAPTURES = ['scan300', 'scanapp', 'screen', 'oldpaper', 'creased', 'highlight', 'jpeg200'] as const;
export type NinthCapture = (typeof NINTH_CAPTURES)[number];

/** The resolution each capture draws its page at (capped so the long side stays under 2480 px). */
export const CAPTURE_DPI: Record<NinthCapture, number> = { scan300: 300, scanapp: 240, screen: 144, oldpaper: 220, creased: 200, highlight: 240, jpeg200: 200 };

export const chooseCapture = (u: number): NinthCapture => NINTH_CAPTURES[Math.min(NINTH_CAPTURES.length - 1, Math.floor(u * NINTH_CAPTURES.length))]!;

/** A small turn: mostly under half a degree, sometimes up to three. */
const tilt = (rng: Rng, p: number): number => (rng.chance(p) ? Math.max(-3, Math.min(3, rng.normal(0, 1.6))) : rng.normal(0, 0.2));

export async function capture(paper: Paper, mode: NinthCapture, rng: Rng): Promise<RgbaImage> {
  const page = fromCanvas(paper.canvas);
  const out = CAPTURES[mode](page, rng, paper);
  return { width: out.width, height: out.height, data: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.length) };
}

const CAPTURES: Record<NinthCapture, (page: Raster, rng: Rng, paper: Paper) => Raster> = {
  scan300: (page, rng) => {
    const soft = mix(page, blur(page, 1), 0.45);
    return grain(rotate(levels(soft, 6, 250), tilt(rng, 0.35), [246, 246, 244]), rng, 5);
  },
  scanapp: (page, rng) => scannerApp(page, rng),
  screen: (page, rng) => screenPhoto(page, rng),
  oldpaper: (page, rng) => oldPaper(page, rng),
  creased: (page, rng) => crease(page, rng),
  highlight: (page, rng, paper) => {
    highlighter(page, rng, paper);
    return grain(rotate(mix(page, blur(page, 1), 0.5), tilt(rng, 0.3), [240, 240, 238]), rng, 6);
  },
  jpeg200: (page, rng) => {
    const turned = rotate(page, tilt(rng, 0.3), [250, 250, 250]);
    return jpegTrip(grain(mix(turned, blur(turned, 1), 0.35), rng, 6), rng.int(35, 45), true);
  },
};

/** a·(1−t) + b·t per channel. */
export function mix(a: Raster, b: Raster, t: number): Raster {
  const data = new Uint8ClampedArray(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = a.data[i]! * (1 - t) + b.data[i]! * t;
  return { width: a.width, height: a.height, data };
}

/** Maps black to `black` and white to `white`. */
function levels(src: Raster, black: number, white: number): Raster {
  const d = src.data;
  for (let i = 0; i < d.length; i++) if ((i & 3) !== 3) d[i] = black + (d[i]! * (white - black)) / 255;
  return src;
}

function scannerApp(page: Raster, rng: Rng): Raster {
  const { width: w, height: h } = page;
  const j = () => rng.normal(0, 0.008) * Math.max(w, h);
  const quad: [number, number][] = [
    [j(), j()],
    [w + j(), j()],
    [w + j(), h + j()],
    [j(), h + j()],
  ];
  const bow = rng.normal(0, 0.004) * h;
  const keystone = quadInverse(w, h, quad);
  const warped = remap(page, w, h, (x, y, at) => keystone(x, y + bow * Math.sin((Math.PI * x) / w), at), [255, 255, 255]);
  const v = luma(warped);
  // Uneven light across the sheet, then an unsharp mask well past what looks natural.
  const lx = rng.next();
  const ly = rng.next();
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) v[y * w + x] = v[y * w + x]! * (0.82 + 0.18 * (1 - Math.hypot(x / w - lx, y / h - ly)));
  const r = Math.max(2, Math.round(w / 600));
  const mean = localMean(v, w, h, r);
  const amountSharp = 1.4 + rng.next();
  for (let i = 0; i < v.length; i++) v[i] = v[i]! + amountSharp * (v[i]! - mean[i]!);
  const win = Math.round(w / 45);
  const local = localMean(v, w, h, win);
  const c = 9 + rng.next() * 8;
  const bw = new Uint8ClampedArray(w * h);
  for (let i = 0; i < bw.length; i++) bw[i] = v[i]! < local[i]! - c ? 0 : 255;
  for (let n = 0; n < w * h * 0.0004; n++) bw[rng.int(0, bw.length - 1)] = 0;
  return fromLuma(bw, w, h);
}

function screenPhoto(page: Raster, rng: Rng): Raster {
  const s = Math.min(1.45, 2450 / Math.max(page.width, page.height) / 1.1);
  const W = Math.round(page.width * s * 1.1);
  const H = Math.round(page.height * s * 1.1);
  const mx = (W - page.width * s) / 2;
  const my = (H - page.height * s) / 2;
  const j = () => rng.normal(0, 0.012) * W;
  const quad: [number, number][] = [
    [mx + j(), my + j()],
    [W - mx + j(), my + j()],
    [W - mx + j(), H - my + j()],
    [mx + j(), H - my + j()],
  ];
  const inv = quadInverse(page.width, page.height, quad);
  const angle = rng.normal(0.3, 0.2);
  const period = 9 + rng.next() * 14;
  const [gx, gy] = [Math.cos(angle) / period, Math.sin(angle) / period];
  const glare = { x: rng.next() * W, y: rng.next() * H, r: (0.25 + rng.next() * 0.3) * W, a: 50 + rng.next() * 70 };
  // Where each camera pixel falls on the screen's pixel grid: the sub-pixel stripe it sees and
  // whether it falls in the dark gap between rows; sampling that grid at another pitch makes moiré.
  const stripe = new Uint8Array(W * H);
  const gap = new Uint8Array(W * H);
  const shown = remap(
    page,
    W,
    H,
    (x, y, at) => {
      const inside = inv(x, y, at);
      const i = Math.floor(y) * W + Math.floor(x);
      stripe[i] = inside ? Math.floor((at[0]! - Math.floor(at[0]!)) * 3) : 3;
      gap[i] = at[1]! - Math.floor(at[1]!) > 0.8 ? 1 : 0;
      return inside;
    },
    [58, 60, 66],
  );
  const d = shown.data;
  const cast = [0.9 * 0.86, 0.95 * 0.86, 1.02 * 0.86];
  const r2 = glare.r * glare.r;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const o = i * 4;
      const moire = 1 + 0.07 * Math.sin(2 * Math.PI * (gx * x + gy * y));
      const g = glare.a * Math.exp(-((x - glare.x) ** 2 + (y - glare.y) ** 2) / r2);
      const row = gap[i] ? 0.82 : 1;
      for (let c = 0; c < 3; c++) {
        const grid = stripe[i] === 3 ? 1 : (stripe[i] === c ? 1 : 0.8) * row;
        d[o + c] = d[o + c]! * cast[c]! * moire * grid + g;
      }
    }
  }
  return grain(blur(shown, 1), rng, 10, false);
}

function oldPaper(page: Raster, rng: Rng): Raster {
  const { width: w, height: h } = page;
  const back = blur(page, Math.max(2, Math.round(w / 500)));
  const shift = Math.round(rng.normal(0, 0.02) * h);
  const through = 0.12 + rng.next() * 0.1;
  const paperRgb = [232 + rng.int(-6, 6), 214 + rng.int(-8, 6), 170 + rng.int(-12, 10)];
  const ink = [78, 66, 54];
  // Brown at the edges and in foxing spots, each spot added only where it shows.
  const brown = new Float32Array(w * h);
  const rim = 0.06 * w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const edge = Math.min(x, y, w - 1 - x, h - 1 - y) / rim;
      if (edge < 1) brown[y * w + x] = (1 - edge) * 0.16;
    }
  }
  for (let n = rng.int(4, 14); n > 0; n--) {
    const cx = rng.next() * w;
    const cy = rng.next() * h;
    const r = (0.004 + rng.next() * 0.02) * w;
    const a = 0.1 + rng.next() * 0.2;
    for (let y = Math.max(0, Math.floor(cy - 3 * r)); y < Math.min(h, cy + 3 * r); y++) {
      for (let x = Math.max(0, Math.floor(cx - 3 * r)); x < Math.min(w, cx + 3 * r); x++) brown[y * w + x] = brown[y * w + x]! + a * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (r * r));
    }
  }
  const out = blank(w, h, [0, 0, 0]);
  const d = out.data;
  for (let y = 0; y < h; y++) {
    const by = y + shift;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const rev = by >= 0 && by < h ? 1 - back.data[(by * w + (w - 1 - x)) * 4 + 1]! / 255 : 0;
      const b = brown[y * w + x]!;
      for (let c = 0; c < 3; c++) {
        const t = 1 - page.data[o + c]! / 255;
        const base = paperRgb[c]! * (1 - b * (c === 2 ? 1.4 : 0.8)) * (1 - through * rev);
        d[o + c] = base - t * 0.82 * (base - ink[c]!);
      }
    }
  }
  return grain(rotate(blur(out, 1), tilt(rng, 0.4), [200, 198, 190]), rng, 8);
}

/** Translucent, wobbly marker strokes across one to three of the page's value boxes. */
function highlighter(page: Raster, rng: Rng, paper: Paper): void {
  const colours: [number, number, number][] = [
    [250, 226, 40],
    [140, 240, 110],
    [255, 140, 196],
    [255, 176, 60],
  ];
  const rgb = rng.pick(colours);
  const n = Math.min(paper.boxes.length, rng.int(1, 3));
  const pool = [...paper.boxes];
  const picked = [];
  for (let i = 0; i < n; i++) picked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  const { width: w, data } = page;
  for (const b of picked) {
    const x0 = Math.max(0, Math.round(b.x - paper.k * rng.next() * 2));
    const x1 = Math.min(w - 1, Math.round(b.x + b.width + paper.k * rng.next() * 3));
    const thick = b.height * (0.9 + rng.next() * 0.4);
    const slope = rng.normal(0, 0.015);
    let wobble = 0;
    for (let x = x0; x <= x1; x++) {
      wobble += rng.normal(0, 0.3) - wobble * 0.05;
      const top = Math.round(b.y + (b.height - thick) / 2 + slope * (x - x0) + wobble);
      for (let y = Math.max(0, top); y < Math.min(page.height, top + thick); y++) {
        const o = (y * w + x) * 4;
        for (let c = 0; c < 3; c++) data[o + c] = (data[o + c]! * rgb[c]!) / 255;
      }
    }
  }
}
