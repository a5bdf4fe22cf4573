// How a sheet reaches the OCR: `scan` (a flatbed scan, slightly skewed, saved as a lossy JPEG),
// `stamp` (security paper with a pink guilloche and a red round 公章 over the values, then scanned),
// `phone` (a photo of the sheet on a desk: perspective, uneven light, a soft shadow, mild blur) and
// `copy` (a photocopy: grey, heavier strokes, toner speckle).
import { type Canvas, createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { SANS } from './fonts';
import type { Sheet } from './sheet';

export const FIELD_CAPTURES = ['scan', 'stamp', 'phone', 'copy'] as const;
export type FieldCapture = (typeof FIELD_CAPTURES)[number];

/** 30 / 25 / 30 / 15 % */
export function pickCapture(r: number): FieldCapture {
  return r < 0.3 ? 'scan' : r < 0.55 ? 'stamp' : r < 0.85 ? 'phone' : 'copy';
}

/** Saved as JPEG at `quality` (0-100, as @napi-rs/canvas counts it) and read back: 8×8 blocks, ringing, colour bleed. */
export function jpeg(canvas: Canvas, quality: number): Canvas {
  const img = new Image();
  img.src = canvas.encodeSync('jpeg', quality);
  const out = createCanvas(canvas.width, canvas.height);
  out.getContext('2d').drawImage(img, 0, 0);
  return out;
}

export function rotated(src: Canvas, degrees: number, margin: number, background: string): Canvas {
  const out = createCanvas(src.width + 2 * margin, src.height + 2 * margin);
  const ctx = out.getContext('2d');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(src, -src.width / 2, -src.height / 2);
  return out;
}

function scan(src: Canvas, rng: Rng): Canvas {
  const skew = (rng.next() * 2 - 1) * 2;
  const out = rotated(src, skew, rng.int(12, 40), rng.pick(['#f4f4f2', '#e9e9e6', '#fafafa']));
  return jpeg(out, rng.int(30, 65));
}

function guilloche(ctx: SKRSContext2D, w: number, h: number, rng: Rng): void {
  ctx.fillStyle = rng.pick(['#fdf3f5', '#fcf0f2', '#fff5f3']);
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = rng.pick(['rgba(228,112,150,0.5)', 'rgba(220,125,170,0.45)', 'rgba(235,130,130,0.45)']);
  ctx.lineWidth = 1.3;
  const period = rng.int(60, 110);
  const amp = rng.int(12, 28);
  const phase = rng.next() * 6;
  for (let row = -amp; row < h + amp; row += 9) {
    ctx.beginPath();
    for (let x = 0; x <= w; x += 6) {
      const y = row + amp * Math.sin((x / period) * Math.PI * 2 + row / 37 + phase) * Math.cos(x / (period * 3.7) + row / 91);
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  // a rosette in the middle, as on the 户口簿 page
  const cx = w / 2;
  const cy = h / 2;
  const r0 = Math.min(w, h) * 0.28;
  ctx.beginPath();
  for (let t = 0; t <= Math.PI * 2 + 0.01; t += 0.004) {
    const r = r0 * (0.75 + 0.25 * Math.cos(11 * t)) + 18 * Math.sin(37 * t);
    const x = cx + r * Math.cos(t);
    const y = cy + r * Math.sin(t);
    if (t === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/** A red round seal: the issuer along the rim, a star, a line below it; ink thinner in places. */
function seal(ctx: SKRSContext2D, cx: number, cy: number, radius: number, rimText: string, below: string, rng: Rng): void {
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  const red = `rgba(${rng.int(200, 235)},${rng.int(20, 50)},${rng.int(30, 60)},${(rng.int(80, 94) / 100).toFixed(2)})`;
  ctx.translate(cx, cy);
  ctx.rotate((rng.next() - 0.5) * 0.6);
  ctx.strokeStyle = red;
  ctx.fillStyle = red;
  ctx.lineWidth = radius * 0.06;
  ctx.beginPath();
  ctx.arc(0, 0, radius, 0, Math.PI * 2);
  ctx.stroke();
  const chars = [...rimText];
  const size = Math.min(radius * 0.26, (radius * 0.8 * Math.PI * 1.25) / chars.length);
  ctx.font = `bold ${size}px "${SANS}"`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const sweep = Math.min(Math.PI * 1.35, chars.length * ((size * 1.05) / (radius * 0.78)));
  chars.forEach((c, i) => {
    const a = -Math.PI / 2 - sweep / 2 + (sweep * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(c, 0, -radius * 0.76);
    ctx.restore();
  });
  // star
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? radius * 0.1 : radius * 0.26;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    ctx.lineTo(r * Math.cos(a), r * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  if (below) {
    ctx.font = `bold ${radius * 0.18}px "${SANS}"`;
    ctx.fillText(below, 0, radius * 0.5);
  }
  ctx.restore();
  // uneven ink: pale flecks inside the seal
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  ctx.fillStyle = 'rgba(255,255,255,0.55)';
  for (let i = 0; i < 90; i++) {
    const a = rng.next() * Math.PI * 2;
    const r = Math.sqrt(rng.next()) * radius;
    ctx.fillRect(cx + r * Math.cos(a), cy + r * Math.sin(a), rng.int(2, 7), rng.int(1, 4));
  }
  ctx.restore();
}

function stamp(sheet: Sheet, rng: Rng, issuer: string): Canvas {
  const out = createCanvas(sheet.width, sheet.height);
  const ctx = out.getContext('2d');
  guilloche(ctx, sheet.width, sheet.height, rng);
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(sheet.canvas, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  // over a filled-in value low on the page if there is one (a date, a signature), else over one of the last printed lines
  const low = sheet.pieces.filter((p) => p.y > sheet.height * 0.35);
  const fills = low.filter((p) => p.fill);
  const target = fills.length ? rng.pick(fills.slice(-4)) : low.length ? rng.pick(low.slice(-3)) : undefined;
  const radius = rng.int(95, 130);
  const cx = target ? target.x + target.width * (0.3 + rng.next() * 0.7) : sheet.width * 0.72;
  const cy = target ? target.y + (rng.next() - 0.5) * radius * 0.8 : sheet.height * 0.8;
  seal(ctx, Math.min(sheet.width - radius * 0.6, cx), Math.min(sheet.height - radius * 0.6, cy), radius, issuer, rng.pick(['', '专用章', '业务专用章']), rng);
  return jpeg(rotated(out, (rng.next() * 2 - 1) * 1.2, rng.int(10, 24), '#f2f2f0'), rng.int(45, 80));
}

type Pt = readonly [number, number];

/** The homography taking the unit square's corners (0,0) (1,0) (1,1) (0,1) to `q`. */
function squareTo(q: readonly Pt[]): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [Pt, Pt, Pt, Pt];
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

function phone(src: Canvas, rng: Rng): Canvas {
  // the photo is about 1.3 times the sheet's size; the sheet covers 70-85 % of its width
  const scale = Math.min(1, 1500 / src.width);
  const W = Math.round(src.width * scale * 1.25);
  const H = Math.round(src.height * scale * 1.25);
  const sw = src.width;
  const sh = src.height;
  const s = src.getContext('2d').getImageData(0, 0, sw, sh).data;
  const out = createCanvas(W, H);
  const octx = out.getContext('2d');
  const img = octx.createImageData(W, H);
  const d = img.data;
  const j = () => (rng.next() - 0.5) * 0.07;
  const quad: Pt[] = [
    [W * (0.1 + j()), H * (0.1 + j())],
    [W * (0.9 + j()), H * (0.1 + j())],
    [W * (0.9 + j()), H * (0.9 + j())],
    [W * (0.1 + j()), H * (0.9 + j())],
  ];
  const inv = invert3(squareTo(quad));
  const desk = rng.pick([
    [122, 92, 64],
    [168, 140, 108],
    [70, 72, 78],
    [196, 194, 188],
  ] as const);
  const light = { x: rng.next() * W, y: rng.next() * H * 0.5, k: 0.18 + rng.next() * 0.2 };
  // a soft shadow (a hand, a phone) over one side: darkening beyond a slanted line, with a wide soft edge
  const shadowAngle = rng.next() * Math.PI * 2;
  const nx = Math.cos(shadowAngle);
  const ny = Math.sin(shadowAngle);
  const shadowAt = (rng.next() * 0.4 + 0.35) * (Math.abs(nx) * W + Math.abs(ny) * H) * 0.5;
  const cxW = W / 2;
  const cyH = H / 2;
  const shadowDepth = 0.2 + rng.next() * 0.25;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const den = inv[6]! * x + inv[7]! * y + inv[8]!;
      const u = (inv[0]! * x + inv[1]! * y + inv[2]!) / den;
      const v = (inv[3]! * x + inv[4]! * y + inv[5]!) / den;
      let r: number;
      let g: number;
      let b: number;
      if (u >= 0 && u < 1 && v >= 0 && v < 1) {
        const fx = u * (sw - 1);
        const fy = v * (sh - 1);
        const x0 = Math.floor(fx);
        const y0 = Math.floor(fy);
        const ax = fx - x0;
        const ay = fy - y0;
        const x1 = Math.min(x0 + 1, sw - 1);
        const y1 = Math.min(y0 + 1, sh - 1);
        const p00 = (y0 * sw + x0) * 4;
        const p10 = (y0 * sw + x1) * 4;
        const p01 = (y1 * sw + x0) * 4;
        const p11 = (y1 * sw + x1) * 4;
        const mix = (c: number) => (s[p00 + c]! * (1 - ax) + s[p10 + c]! * ax) * (1 - ay) + (s[p01 + c]! * (1 - ax) + s[p11 + c]! * ax) * ay;
        r = mix(0);
        g = mix(1);
        b = mix(2);
      } else {
        // wood-like grain: fine streaks along x that wander slowly, plus a little noise
        const grain = 4 * Math.sin(y * 0.13 + 3 * Math.sin(x * 0.002 + y * 0.004)) + (((x * 7919 + y * 104729) % 11) - 5);
        r = desk[0] + grain;
        g = desk[1] + grain;
        b = desk[2] + grain;
      }
      const dist = Math.hypot(x - light.x, y - light.y) / Math.hypot(W, H);
      let k = 1 + light.k * (0.5 - dist);
      const side = (x - cxW) * nx + (y - cyH) * ny - shadowAt;
      k *= 1 - shadowDepth / (1 + Math.exp(-side / 45));
      d[o] = Math.min(255, r * k * 1.02);
      d[o + 1] = Math.min(255, g * k);
      d[o + 2] = Math.min(255, b * k * 0.96);
      d[o + 3] = 255;
    }
  }
  boxBlur(d, W, H);
  octx.putImageData(img, 0, 0);
  return jpeg(out, rng.int(60, 85));
}

/** One 3×3 box blur pass (a phone camera's softness). */
function boxBlur(d: Uint8ClampedArray, w: number, h: number): void {
  const src = new Uint8ClampedArray(d);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += src[((y + dy) * w + x + dx) * 4 + c]!;
        d[(y * w + x) * 4 + c] = sum / 9;
      }
    }
  }
}

function copy(src: Canvas, rng: Rng): Canvas {
  const out = rotated(src, (rng.next() * 2 - 1) * 0.8, rng.int(8, 20), '#ffffff');
  const ctx = out.getContext('2d');
  const w = out.width;
  const h = out.height;
  const img = ctx.getImageData(0, 0, w, h);
  const d = img.data;
  const grey = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) grey[i] = 0.3 * d[i * 4]! + 0.59 * d[i * 4 + 1]! + 0.11 * d[i * 4 + 2]!;
  const paper = rng.int(212, 236);
  const heavy = rng.chance(0.7);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let g = grey[y * w + x]!;
      // heavier strokes: the darkest of the pixel and its right and lower neighbours
      if (heavy && x + 1 < w && y + 1 < h) g = Math.min(g, grey[y * w + x + 1]!, grey[(y + 1) * w + x]!);
      // contrast: light greys wash to the paper tone, darks go darker
      const t = g / 255;
      let v = t > 0.82 ? paper : Math.max(0, t * t * paper * 0.95);
      // drum streaks near the edges
      if (x < 18 || x > w - 18) v *= 0.75;
      const o = (y * w + x) * 4;
      d[o] = d[o + 1] = d[o + 2] = v;
    }
  }
  // toner speckle: scattered dots, a few of them in small clusters
  const specks = Math.round((w * h) / rng.int(250, 600));
  for (let i = 0; i < specks; i++) {
    const x = rng.int(0, w - 4);
    const y = rng.int(0, h - 4);
    const size = rng.chance(0.8) ? 1 : rng.chance(0.8) ? 2 : 3;
    const v = rng.int(20, 120);
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) d.fill(v, ((y + dy) * w + x + dx) * 4, ((y + dy) * w + x + dx) * 4 + 3);
  }
  ctx.putImageData(img, 0, 0);
  return jpeg(out, rng.int(50, 80));
}

export function capture(sheet: Sheet, mode: FieldCapture, rng: Rng, issuer: string): RgbaImage {
  const c = mode === 'scan' ? scan(sheet.canvas, rng) : mode === 'stamp' ? stamp(sheet, rng, issuer) : mode === 'phone' ? phone(sheet.canvas, rng) : copy(sheet.canvas, rng);
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  return { width: c.width, height: c.height, data };
}
