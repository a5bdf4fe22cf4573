// Image decoding for the command line (`hws ocr`, `hws face compare`), without native codecs:
// JPEG through jpeg-js (pure JavaScript), PNG (8-bit, any colour type, non-interlaced) through
// node:zlib, and binary PGM/PPM. Anything else, or a damaged file, is reported, not guessed.
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { AppError } from '../../domain/errors';
import type { RgbaImage } from '../../domain/ocr/image';

export class ImageDecodeError extends AppError {
  constructor(message: string) {
    super('IMAGE_CORRUPT', message);
  }
}

export type ImageFormat = 'png' | 'pnm' | 'jpeg' | 'unknown';

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x36)) return 'pnm';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return 'unknown';
}

/** Scans and photos larger than this are refused rather than decoded into gigabytes. */
export const MAX_MEGAPIXELS = 60;

/** Decodes JPEG, PNG or PGM/PPM to RGBA; throws ImageDecodeError with a Chinese message otherwise. */
export function decodeImage(bytes: Uint8Array): RgbaImage {
  const format = sniffFormat(bytes);
  try {
    if (format === 'jpeg') return decodeJpeg(bytes);
    if (format === 'png') return decodePng(bytes);
    if (format === 'pnm') return decodePnm(bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError('图像文件已损坏,无法读取');
  }
  throw new ImageDecodeError('无法识别的图像格式,请使用 JPEG 或 PNG 文件');
}

/** A JPEG ends with the EOI marker (FF D9), possibly followed by a short trailer; a cut-off file has none. */
function hasJpegEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 65_536); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

function decodeJpeg(bytes: Uint8Array): RgbaImage {
  // jpeg-js fills a truncated file with grey instead of failing: refuse it here.
  if (!hasJpegEnd(bytes)) throw new ImageDecodeError('JPEG 文件不完整(可能在复制或传输中被截断)');
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) throw new ImageDecodeError(`图像超过 ${MAX_MEGAPIXELS} 百万像素,请降低扫描分辨率`);
    throw new ImageDecodeError('JPEG 文件已损坏,无法读取');
  }
  if (!decoded.width || !decoded.height) throw new ImageDecodeError('JPEG 文件已损坏,无法读取');
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function decodePng(bytes: Uint8Array): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= bytes.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    if (body.length !== len) throw new ImageDecodeError('PNG 文件不完整');
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      depth = body[8]!;
      colour = body[9]!;
      interlace = body[12]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = CHANNELS[colour];
  if (!width || !height || channels === undefined || idat.length === 0) throw new ImageDecodeError('PNG 文件已损坏');
  if (depth !== 8 || interlace !== 0) throw new ImageDecodeError('仅支持 8 位、非隔行扫描的 PNG 图像');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new ImageDecodeError('PNG 图像数据不完整');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    unfilter(filter, line, out, prev, channels);
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r: number, g: number, b: number, a = 255;
    if (colour === 3) {
      const k = pixels[p]!;
      if (!palette || k * 3 + 2 >= palette.length) throw new ImageDecodeError('PNG 调色板已损坏');
      [r, g, b] = [palette[k * 3]!, palette[k * 3 + 1]!, palette[k * 3 + 2]!];
      a = transparency?.[k] ?? 255;
    } else if (channels <= 2) {
      r = g = b = pixels[p]!;
      if (channels === 2) a = pixels[p + 1]!;
    } else {
      [r, g, b] = [pixels[p]!, pixels[p + 1]!, pixels[p + 2]!];
      if (channels === 4) a = pixels[p + 3]!;
    }
    // Composite over white paper.
    rgba[i * 4] = (r * a + 255 * (255 - a)) / 255;
    rgba[i * 4 + 1] = (g * a + 255 * (255 - a)) / 255;
    rgba[i * 4 + 2] = (b * a + 255 * (255 - a)) / 255;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, data: rgba };
}

function unfilter(filter: number, line: Uint8Array, out: Uint8Array, prev: Uint8Array, bpp: number): void {
  for (let x = 0; x < line.length; x++) {
    const a = x >= bpp ? out[x - bpp]! : 0;
    const b = prev[x]!;
    const c = x >= bpp ? prev[x - bpp]! : 0;
    let v = line[x]!;
    if (filter === 1) v += a;
    else if (filter === 2) v += b;
    else if (filter === 3) v += (a + b) >> 1;
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    } else if (filter !== 0) throw new ImageDecodeError('PNG 图像数据已损坏');
    out[x] = v & 0xff;
  }
}

function decodePnm(bytes: Uint8Array): RgbaImage {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const m = /^P([56])\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m || m[4] !== '255') throw new ImageDecodeError('PGM/PPM 文件头无效');
  const channels = m[1] === '5' ? 1 : 3;
  const width = Number(m[2]);
  const height = Number(m[3]);
  const data = bytes.subarray(m[0].length);
  if (data.length < width * height * channels) throw new ImageDecodeError('PGM/PPM 图像数据不完整');
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    rgba[i * 4] = data[p]!;
    rgba[i * 4 + 1] = data[p + (channels === 3 ? 1 : 0)]!;
    rgba[i * 4 + 2] = data[p + (channels === 3 ? 2 : 0)]!;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, data: rgba };
}
