// JPEG/PNG → RGBA pixels for the command line. No pure-JS JPEG decoder is installed, so decoding
// goes through @napi-rs/canvas, loaded on demand: it is a devDependency, and when it is missing
// the caller gets a clear message instead of a stack trace. (The camera path never needs this:
// the browser decodes frames itself.)
import { readFile } from 'node:fs/promises';
import { FaceError, type RgbaImage } from '../../domain/face';

import type * as Canvas from '@napi-rs/canvas';

type CanvasModule = typeof Canvas;

let canvasModule: Promise<CanvasModule> | undefined;

async function loadCanvas(): Promise<CanvasModule> {
  canvasModule ??= import('@napi-rs/canvas').catch(() => {
    canvasModule = undefined;
    throw new Error('解码图片需要 @napi-rs/canvas,请安装开发依赖 (npm install) 后重试');
  });
  return canvasModule;
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A JPEG ends with the EOI marker (FF D9), possibly followed by a short trailer; a cut-off file has none. */
function hasJpegEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 65_536); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

/** Decode JPEG or PNG bytes; anything else, or a damaged file, is a FaceError BAD_IMAGE. */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const jpeg = startsWith(bytes, JPEG);
  if (!jpeg && !startsWith(bytes, PNG)) throw new FaceError('BAD_IMAGE');
  // The decoder fills a truncated JPEG with grey instead of failing; refuse it here.
  if (jpeg && !hasJpegEnd(bytes)) throw new FaceError('BAD_IMAGE');
  const { loadImage, createCanvas } = await loadCanvas();
  let image: Awaited<ReturnType<CanvasModule['loadImage']>>;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch {
    throw new FaceError('BAD_IMAGE');
  }
  if (!image.width || !image.height) throw new FaceError('BAD_IMAGE');
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return { width, height, data };
}

export async function decodeImageFile(file: string): Promise<RgbaImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FaceError('BAD_IMAGE', code === 'ENOENT' ? `找不到图片文件:${file}` : `无法读取图片文件:${file}`);
  }
  return decodeImage(bytes);
}
