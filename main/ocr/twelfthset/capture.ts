// How a twelfth-set page reaches the OCR: two phone photos (taken at an angle with a shadow and a
// little motion blur; of a page curled like a cylinder), a 150 dpi flatbed scan with a slight skew,
// a clean 300 dpi scan, a scan with a dark border and a punched binding margin, and a dim, noisy
// low-light photo. Pure pixel work on RGBA buffers, seeded, so the same page gives the same image.
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import type { DpiFor, Paper } from './paper';

export const TWELFTH_CAPTURES = ['photo-angle', 'photo-curl', 'scan-150', 'scan-300', 'scan-punched', 'photo-dim'] as const;
export type TwelfthCapture = (typeof TWELFTH_CAPTURES)[number];

const SHARE: Record<TwelfthCapture, number> = { 'photo-angle': 0.2, 'photo-curl': 0.15, 'scan-150': 0.18, 'scan-300': 0.15, 'scan-punched': 0.16, 'photo-dim': 0.16 };

export function chooseCapture(u: number): TwelfthCapture {
  let acc = 0;
  for (const m of TWELFTH_CAPTURES) {
    acc += SHARE[m];
    if (u < acc) return m;
  }
  return 'photo-dim';
}

/** The longest side, in pixels, no capture goes past. */
export const MAX_SIDE = 3000;

/** The resolution a page is drawn at for a capture (scans at their dpi; photos so the page spans 1400–2000 px). */
export function dpiFor(mode: TwelfthCapture, rng: Rng): DpiFor {
  const px = rng.int(1400, 2000);
  return (longMm) => {
    const cap = ((MAX_SIDE - 120) / longMm) * 25.4;
    if (mode === 'scan-300') return Math.min(300, cap);
    if (mode === 'scan-150') return 150;
    if (mode === 'scan-punched') return Math.min(200, ((MAX_SIDE - 400) / longMm) * 25.4);
    return (px / longMm) * 25.4;
  };
}

interface Img {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Source pixel (bilinear) or undefined when outside. */
function sample(src: Img, x: number, y: number, out: Uint8ClampedArray, o: number): boolean {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= src.width || y0 + 1 >= src.height) return false;
  const fx = x - x0;
  const fy = y - y0;
  const i = (y0 * src.width + x0) * 4;
  const j = i + src.width * 4;
  const d = src.data;
  for (let c = 0; c < 3; c++) {
    const top = d[i + c]! + (d[i + 4 + c]! - d[i + c]!) * fx;
    const bottom = d[j + c]! + (d[j + 4 + c]! - d[j + c]!) * fx;
    out[o + c] = top + (bottom - top) * fy;
  }
  out[o + 3] = 255;
  return true;
}

/** The homography taking the four `from` points to the four `to` points (row-major 3×3, h33 = 1). */
function homography(from: readonly (readonly [number, number])[], to: readonly (readonly [number, number])[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

const apply = (h: number[], x: number, y: number): [number, number] => {
  const w = h[6]! * x + h[7]! * y + 1;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
};

function boxBlur(img: Img, r: number, dx = 1, dy = 0): void {
  if (r <= 0) return;
  const { width: w, height: h, data } = img;
  const copy = new Uint8ClampedArray(data);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let t = -r; t <= r; t++) {
        const xx = Math.min(w - 1, Math.max(0, x + t * dx));
        const yy = Math.min(h - 1, Math.max(0, y + t * dy));
        const i = (yy * w + xx) * 4;
        s0 += copy[i]!;
        s1 += copy[i + 1]!;
        s2 += copy[i + 2]!;
      }
      const o = (y * w + x) * 4;
      data[o] = s0 / n;
      data[o + 1] = s1 / n;
      data[o + 2] = s2 / n;
    }
}

function noise(img: Img, rng: Rng, amp: number, chroma = 0): void {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rng.next() + rng.next() - 1) * amp;
    d[i] = d[i]! + n + (chroma ? (rng.next() - 0.5) * chroma : 0);
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n + (chroma ? (rng.next() - 0.5) * chroma : 0);
  }
}

/** A table top behind a photographed page: a colour with a gentle gradient. */
function surface(rng: Rng): (x: number, y: number, w: number, h: number) => [number, number, number] {
  const base = rng.pick<[number, number, number]>([
    [122, 86, 58],
    [168, 132, 96],
    [70, 72, 78],
    [200, 198, 192],
    [44, 52, 64],
  ]);
  const tilt = rng.next() * 0.4 + 0.8;
  return (x, y, w, h) => {
    const f = tilt + (1 - tilt) * (x / w) * 0.5 + 0.15 * Math.sin(y / (h / 9));
    return [base[0] * f, base[1] * f, base[2] * f];
  };
}

/** Photo of the page: perspective (and optionally a cylinder curl), in a frame with a table around it. */
function photo(src: Img, rng: Rng, curl: boolean, dim: boolean): Img {
  const portrait = src.height >= src.width;
  const fill = 0.72 + rng.next() * 0.13;
  const long = Math.min(MAX_SIDE - 50, Math.max(src.width, src.height) / fill);
  const W = Math.round(portrait ? long * 0.75 : long);
  const H = Math.round(portrait ? long : long * 0.75);
  const scale = Math.min((W * fill) / src.width, (H * fill) / src.height);
  const pw = src.width * scale;
  const ph = src.height * scale;
  const cx = W / 2 + (rng.next() - 0.5) * (W - pw) * 0.6;
  const cy = H / 2 + (rng.next() - 0.5) * (H - ph) * 0.6;
  const rot = ((rng.next() - 0.5) * (dim ? 8 : 14) * Math.PI) / 180;
  const strong = dim ? 0.05 + rng.next() * 0.05 : curl ? 0.06 + rng.next() * 0.06 : 0.14 + rng.next() * 0.12;
  const side = rng.int(0, 3);
  const corners: [number, number][] = [
    [-pw / 2, -ph / 2],
    [pw / 2, -ph / 2],
    [pw / 2, ph / 2],
    [-pw / 2, ph / 2],
  ];
  // the far edge (one side) shrinks: the camera looks at the page at an angle
  const far = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
  ][side]!;
  for (const i of far) {
    const c = corners[i]!;
    const o = corners[(i + 2) % 4]!;
    c[0] += (o[0] - c[0]) * strong * 0.5 * (side % 2 === 0 ? 1 : 0.3);
    c[1] += (o[1] - c[1]) * strong * 0.5 * (side % 2 === 1 ? 1 : 0.3);
  }
  const dst = corners.map(([x, y]): [number, number] => {
    const jx = x * (1 + (rng.next() - 0.5) * 0.04);
    const jy = y * (1 + (rng.next() - 0.5) * 0.04);
    return [cx + jx * Math.cos(rot) - jy * Math.sin(rot), cy + jx * Math.sin(rot) + jy * Math.cos(rot)];
  });
  const sw = src.width;
  const sh = src.height;
  const back = homography(dst, [
    [0, 0],
    [sw, 0],
    [sw, sh],
    [0, sh],
  ]);
  const phiMax = curl ? 0.55 + rng.next() * 0.35 : 0;
  const bulge = curl ? 0.05 + rng.next() * 0.05 : 0;
  const light = rng.next() - 0.5;
  const table = surface(rng);
  const out: Img = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  const d = out.data;
  const sinMax = Math.sin(phiMax);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      let [u, v] = apply(back, x, y);
      let shade = 1;
      if (curl && u >= 0 && u <= sw) {
        const a = (2 * u) / sw - 1;
        const phi = Math.asin(Math.max(-1, Math.min(1, a * sinMax)));
        u = sw / 2 + (sw / 2) * (phi / phiMax);
        const z = Math.cos(phi) - Math.cos(phiMax);
        v = sh / 2 + (v - sh / 2) / (1 + bulge * z * 2);
        shade = 0.82 + 0.18 * Math.cos(phi) + light * 0.25 * Math.sin(phi);
      }
      if (sample(src, u, v, d, o)) {
        d[o] = d[o]! * shade;
        d[o + 1] = d[o + 1]! * shade;
        d[o + 2] = d[o + 2]! * shade;
      } else {
        const [r, g, b] = table(x, y, W, H);
        d[o] = r;
        d[o + 1] = g;
        d[o + 2] = b;
        d[o + 3] = 255;
      }
    }
  // light: a gradient across the frame, and for the angled photo a soft hand shadow at one edge
  const gx = rng.next() - 0.5;
  const gy = rng.next() - 0.5;
  const hand = !dim && !curl;
  const hx = rng.pick([0.1, 0.9]) * W;
  const hy = rng.next() * H;
  const hr = Math.min(W, H) * (0.25 + rng.next() * 0.15);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      let f = 1 + 0.22 * (gx * (x / W - 0.5) + gy * (y / H - 0.5)) * 2;
      if (hand) {
        const dd = Math.hypot((x - hx) / 1.4, y - hy) / hr;
        if (dd < 1.3) f *= 1 - 0.32 * Math.max(0, Math.min(1, (1.3 - dd) / 0.5));
      }
      if (dim) f *= 0.5;
      d[o] = d[o]! * f * (dim ? 1.08 : 1);
      d[o + 1] = d[o + 1]! * f;
      d[o + 2] = d[o + 2]! * f * (dim ? 0.85 : 1);
    }
  if (dim) {
    for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) d[i + c] = 40 + d[i + c]! * 0.72;
    boxBlur(out, 1, 1, 0);
    noise(out, rng, 22, 14);
  } else {
    const len = rng.int(1, 2);
    const dir = rng.pick<[number, number]>([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    boxBlur(out, len, dir[0], dir[1]);
    noise(out, rng, 7);
  }
  return out;
}

/** A flatbed scan: the page turned a little (white fill), a little grey and noise. */
function scan(src: Img, rng: Rng, degrees: number, tone: number, amp: number, fill = 250): Img {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const W = Math.round(Math.abs(src.width * cos) + Math.abs(src.height * sin));
  const H = Math.round(Math.abs(src.width * sin) + Math.abs(src.height * cos));
  const out: Img = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  const d = out.data;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const dx = x - W / 2;
      const dy = y - H / 2;
      const o = (y * W + x) * 4;
      if (!sample(src, cos * dx + sin * dy + src.width / 2, -sin * dx + cos * dy + src.height / 2, d, o)) {
        d[o] = d[o + 1] = d[o + 2] = fill / tone;
        d[o + 3] = 255;
      }
      for (let c = 0; c < 3; c++) d[o + c] = d[o + c]! * tone;
    }
  if (amp) noise(out, rng, amp);
  return out;
}

/** The page with a wider binding margin and two punched holes, on the scanner's dark lid, a little askew. */
function punched(src: Img, rng: Rng): Img {
  const margin = Math.round(src.width * 0.07);
  const paper: Img = { width: src.width + margin, height: src.height, data: new Uint8ClampedArray((src.width + margin) * src.height * 4) };
  const holeR = margin * 0.22;
  const hx = margin * 0.45;
  const gap = Math.min(src.height * 0.3, margin * 5);
  const holes = [src.height / 2 - gap / 2, src.height / 2 + gap / 2];
  const lid = rng.int(18, 48);
  for (let y = 0; y < src.height; y++)
    for (let x = 0; x < paper.width; x++) {
      const o = (y * paper.width + x) * 4;
      if (holes.some((hy) => Math.hypot(x - hx, y - hy) < holeR)) {
        paper.data[o] = paper.data[o + 1] = paper.data[o + 2] = lid;
      } else if (x < margin) {
        const i = y * src.width * 4;
        paper.data[o] = src.data[i]!;
        paper.data[o + 1] = src.data[i + 1]!;
        paper.data[o + 2] = src.data[i + 2]!;
      } else {
        const i = (y * src.width + x - margin) * 4;
        paper.data[o] = src.data[i]!;
        paper.data[o + 1] = src.data[i + 1]!;
        paper.data[o + 2] = src.data[i + 2]!;
      }
      paper.data[o + 3] = 255;
    }
  const turned = scan(paper, rng, (rng.next() - 0.5) * 2.4, 0.97, 0, lid);
  const bl = Math.round(turned.width * (0.02 + rng.next() * 0.04));
  const bt = Math.round(turned.height * (0.01 + rng.next() * 0.03));
  const W = turned.width + bl + Math.round(turned.width * rng.next() * 0.03);
  const H = turned.height + bt + Math.round(turned.height * (0.01 + rng.next() * 0.03));
  const out: Img = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const sx = x - bl;
      const sy = y - bt;
      let v: [number, number, number] = [lid, lid, lid + 4];
      if (sx >= 0 && sy >= 0 && sx < turned.width && sy < turned.height) {
        const i = (sy * turned.width + sx) * 4;
        v = [turned.data[i]!, turned.data[i + 1]!, turned.data[i + 2]!];
      }
      out.data[o] = v[0];
      out.data[o + 1] = v[1];
      out.data[o + 2] = v[2];
      out.data[o + 3] = 255;
    }
  noise(out, rng, 5);
  return out;
}

/** Halves an image until its longest side is at most MAX_SIDE. */
function shrink(img: Img): Img {
  let cur = img;
  while (Math.max(cur.width, cur.height) > MAX_SIDE) {
    const f = MAX_SIDE / Math.max(cur.width, cur.height);
    const W = Math.floor(cur.width * f);
    const H = Math.floor(cur.height * f);
    const out: Img = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (!sample(cur, x / f, y / f, out.data, (y * W + x) * 4)) out.data[(y * W + x) * 4 + 3] = 255;
    cur = out;
  }
  return cur;
}

export function capture(paper: Paper, mode: TwelfthCapture, rng: Rng): RgbaImage {
  const src: Img = { width: paper.width, height: paper.height, data: paper.rgba() };
  let out: Img;
  switch (mode) {
    case 'photo-angle':
      out = photo(src, rng, false, false);
      break;
    case 'photo-curl':
      out = photo(src, rng, true, false);
      break;
    case 'photo-dim':
      out = photo(src, rng, rng.chance(0.3), true);
      break;
    case 'scan-150':
      out = scan(src, rng, (rng.next() < 0.5 ? -1 : 1) * (0.4 + rng.next() * 1.2), 0.96, 5);
      break;
    case 'scan-300':
      out = scan(src, rng, (rng.next() - 0.5) * 0.3, 1, 2);
      break;
    case 'scan-punched':
      out = punched(src, rng);
      break;
  }
  out = shrink(out);
  for (let i = 3; i < out.data.length; i += 4) out.data[i] = 255;
  return { width: out.width, height: out.height, data: out.data };
}
