// Test, benchmark and end-to-end images built from the face-api package's demo photos (group
// photos, 1920 px wide): single-face crops, a "second photo" of the same face, two faces side by
// side, and a region with nobody in it. Uses @napi-rs/canvas, a devDependency: never import this
// from shipped code.
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Image, createCanvas, loadImage } from '@napi-rs/canvas';
import type { RgbaImage } from '../../domain/face';

const require = createRequire(import.meta.url);
export const SAMPLES_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

export interface Region {
  readonly sample: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Face boxes found by SSD MobileNet in the full demo photos: five different women, all frontal and sharp. */
export const FACES = {
  s1left: { sample: 1, x: 414, y: 355, w: 177, h: 240 },
  s1right: { sample: 1, x: 1476, y: 199, w: 203, h: 241 },
  s3right: { sample: 3, x: 1514, y: 292, w: 170, h: 280 },
  s5top: { sample: 5, x: 787, y: 109, w: 156, h: 212 },
  s6middle: { sample: 6, x: 1180, y: 305, w: 188, h: 280 },
} as const satisfies Record<string, Region>;

/**
 * Every face SSD MobileNet finds in the six demo photos (22, boxes rounded), for counter-like
 * benchmark frames. Some are turned or half hidden; crops around them also catch parts of the
 * neighbours' faces, as a second person at a counter would be.
 */
export const DEMO_FACES: readonly Region[] = [
  { sample: 1, x: 414, y: 355, w: 178, h: 238 }, { sample: 1, x: 838, y: 421, w: 187, h: 227 },
  { sample: 1, x: 1476, y: 200, w: 203, h: 241 }, { sample: 2, x: 1447, y: 153, w: 193, h: 243 },
  { sample: 2, x: 901, y: 218, w: 151, h: 235 }, { sample: 2, x: 361, y: 127, w: 153, h: 258 },
  { sample: 3, x: 585, y: 329, w: 199, h: 271 }, { sample: 3, x: 1514, y: 292, w: 170, h: 279 },
  { sample: 3, x: 1075, y: 215, w: 221, h: 299 }, { sample: 4, x: 664, y: 52, w: 187, h: 258 },
  { sample: 4, x: 257, y: 184, w: 162, h: 246 }, { sample: 4, x: 988, y: 180, w: 169, h: 228 },
  { sample: 4, x: 1277, y: 144, w: 145, h: 243 }, { sample: 5, x: 787, y: 109, w: 156, h: 212 },
  { sample: 5, x: 1112, y: 198, w: 159, h: 237 }, { sample: 5, x: 1406, y: 390, w: 166, h: 270 },
  { sample: 5, x: 597, y: 415, w: 167, h: 249 }, { sample: 5, x: 377, y: 859, w: 172, h: 300 },
  { sample: 6, x: 681, y: 321, w: 159, h: 306 }, { sample: 6, x: 1181, y: 305, w: 188, h: 280 },
  { sample: 6, x: 1487, y: 263, w: 212, h: 294 }, { sample: 6, x: 250, y: 467, w: 210, h: 291 },
];

/** How an applicant appears at a counter camera: distance (face width in a 640×480 frame), tilt, light, mirroring. */
export const COUNTER_VARIANTS: Readonly<Record<string, Omit<CropOptions, 'width' | 'height'>>> = {
  counter: { margin: 1.2 }, // face ≈ 190–250 px wide
  close: { margin: 0.6 }, // leaning in: ≈ 320–500 px
  tilt: { margin: 1.2, rotate: 10 },
  dim: { margin: 1.2, darken: 0.4 },
  mirrored: { margin: 0.9, mirror: true },
};

/** Sofa, knees and a phone in the lower left of sample 2: no face. */
export const NO_FACE_REGION: Region = { sample: 2, x: 0, y: 880, w: 720, h: 480 };

export interface CropOptions {
  /** Extra room around the box on every side, as a fraction of the box's width. */
  readonly margin?: number;
  /** Width of the output; the height follows the region's aspect ratio unless `height` is given. */
  readonly width?: number;
  readonly height?: number;
  readonly mirror?: boolean;
  /** Rotation in degrees around the centre. */
  readonly rotate?: number;
  /** 0–1: darken by drawing black with this opacity over the picture. */
  readonly darken?: number;
}

const cache = new Map<number, Promise<Image>>();
const sample = (n: number): Promise<Image> => {
  if (!cache.has(n)) cache.set(n, loadImage(path.join(SAMPLES_DIR, `sample${n}.jpg`)));
  return cache.get(n)!;
};

/** Draws a region (plus margin) of a demo photo into a new canvas with the given transformations. */
async function render(region: Region, o: CropOptions = {}) {
  const img = await sample(region.sample);
  const m = (o.margin ?? 0) * region.w;
  const sx = region.x - m;
  const sy = region.y - m;
  const sw = region.w + 2 * m;
  const sh = region.h + 2 * m;
  const width = Math.round(o.width ?? sw);
  const height = Math.round(o.height ?? (width * sh) / sw);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  if (o.rotate) ctx.rotate((o.rotate * Math.PI) / 180);
  if (o.mirror) ctx.scale(-1, 1);
  // Keep the crop's aspect ratio: centre it and cover the whole output.
  const scale = Math.max(width / sw, height / sh);
  ctx.drawImage(img, sx, sy, sw, sh, (-sw * scale) / 2, (-sh * scale) / 2, sw * scale, sh * scale);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (o.darken) {
    ctx.fillStyle = `rgba(0,0,0,${o.darken})`;
    ctx.fillRect(0, 0, width, height);
  }
  return canvas;
}

export async function regionJpeg(region: Region, o: CropOptions = {}): Promise<Buffer> {
  return (await render(region, o)).encode('jpeg', 90);
}

export async function regionPixels(region: Region, o: CropOptions = {}): Promise<RgbaImage> {
  const canvas = await render(region, o);
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { width, height, data };
}

/** A 640×480 camera-like frame with the face in the middle, about 190 px wide, as at a counter. */
export const cameraFrame = (region: Region, o: Omit<CropOptions, 'width' | 'height' | 'margin'> = {}): Promise<RgbaImage> =>
  regionPixels(region, { ...o, margin: 1.2, width: 640, height: 480 });

/** Two JPEG crops placed side by side in one picture. */
export async function sideBySideJpeg(left: Region, right: Region, o: CropOptions = {}): Promise<Buffer> {
  const [a, b] = await Promise.all([render(left, o), render(right, o)]);
  const canvas = createCanvas(a.width + b.width, Math.max(a.height, b.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(a, 0, 0);
  ctx.drawImage(b, a.width, 0);
  return canvas.encode('jpeg', 90);
}
