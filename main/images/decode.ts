// Image decoding for the command line (`hws ocr`, `hws face compare`) and the scanner folder,
// without native codecs: JPEG through jpeg-js (pure JavaScript), PNG (8-bit, any colour type,
// non-interlaced) through node:zlib, and binary PGM/PPM. The size the header declares is checked
// against domain/images/size-policy before anything is allocated, and the data may not hold more
// than the header declared; anything else, or a damaged file, is reported, not guessed.
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { AppError } from '../../domain/errors';
import { checkImageSize, type ImageHeader, type SizeLimits, sniffImageFormat } from '../../domain/images/size-policy';
import type { RgbaImage } from '../../domain/ocr/image';

export class ImageDecodeError extends AppError {
  constructor(message: string, code: 'IMAGE_CORRUPT' | 'IMAGE_TOO_LARGE' | 'IMAGE_EMPTY' | 'IMAGE_UNKNOWN' = 'IMAGE_CORRUPT') {
    super(code, message);
  }
}

export type ImageFormat = 'png' | 'pnm' | 'jpeg' | 'unknown';

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  const format = sniffImageFormat(bytes);
  return format === 'png' || format === 'pnm' || format === 'jpeg' ? format : 'unknown';
}

/**
 * Decodes JPEG, PNG or PGM/PPM to RGBA; throws ImageDecodeError with a Chinese message otherwise.
 * The header's size is checked first (limits default to a page scan's), so a hostile file costs
 * no more memory than an honest one of the largest allowed size.
 */
export function decodeImage(bytes: Uint8Array, limits: SizeLimits = {}): RgbaImage {
  const format = sniffFormat(bytes);
  if (bytes.length > 0 && format === 'unknown') throw new ImageDecodeError('无法识别的图像格式,请使用 JPEG 或 PNG 文件', 'IMAGE_UNKNOWN');
  const checked = checkImageSize(bytes, bytes.length, limits);
  if (!checked.ok) throw new ImageDecodeError(checked.message, checked.code);
  try {
    if (format === 'jpeg') return decodeJpeg(bytes, checked.header, checked.memoryBytes);
    if (format === 'png') return decodePng(bytes, checked.header);
    return decodePnm(bytes, checked.header);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError('图像文件已损坏,无法读取');
  }
}

/** A JPEG ends with the EOI marker (FF D9), possibly followed by a short trailer; a cut-off file has none. */
function hasJpegEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 65_536); i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

function decodeJpeg(bytes: Uint8Array, header: ImageHeader, memoryBytes: number): RgbaImage {
  // jpeg-js fills a truncated file with grey instead of failing: refuse it here.
  if (!hasJpegEnd(bytes)) throw new ImageDecodeError('JPEG 文件不完整(可能在复制或传输中被截断)');
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    // The decoder's own limits hold it to what the checked header declared, should a later frame header say more.
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: (header.width * header.height) / 1e6 + 0.001,
      maxMemoryUsageInMB: Math.ceil((memoryBytes * 1.1) / 1024 / 1024) + 16,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) throw new ImageDecodeError('JPEG 图像数据与文件头标明的尺寸不符,文件已损坏');
    throw new ImageDecodeError('JPEG 文件已损坏,无法读取');
  }
  if (decoded.width !== header.width || decoded.height !== header.height) throw new ImageDecodeError('JPEG 图像数据与文件头标明的尺寸不符,文件已损坏');
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function decodePng(bytes: Uint8Array, header: ImageHeader): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { width, height } = header;
  let pos = 8;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let seenHeader = false;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= bytes.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    if (body.length !== len) throw new ImageDecodeError('PNG 文件不完整');
    if (type === 'IHDR') {
      // Only the first header counts: it is the one whose size was checked.
      if (seenHeader) throw new ImageDecodeError('PNG 文件有多个文件头,文件已损坏');
      seenHeader = true;
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
  if (channels === undefined || idat.length === 0) throw new ImageDecodeError('PNG 文件已损坏');
  if (depth !== 8 || interlace !== 0) throw new ImageDecodeError('仅支持 8 位、非隔行扫描的 PNG 图像');
  const stride = width * channels;
  const expected = (stride + 1) * height;
  let raw: Buffer;
  try {
    // Inflating stops at the size the header declared: compressed data that unpacks to more is refused, not unpacked.
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ImageDecodeError('PNG 图像数据比文件头标明的尺寸更多,文件已损坏或被篡改');
    throw new ImageDecodeError('PNG 图像数据已损坏');
  }
  if (raw.length < expected) throw new ImageDecodeError('PNG 图像数据不完整');
  // Rows are unfiltered in place, each against the row above it, so no second copy of the pixels is made.
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const prev = y > 0 ? raw.subarray((y - 1) * (stride + 1) + 1, y * (stride + 1)) : zero;
    unfilter(filter, line, prev, channels);
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0, i = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++, i++) {
      const p = row + x * channels;
      let r: number, g: number, b: number, a = 255;
      if (colour === 3) {
        const k = raw[p]!;
        if (!palette || k * 3 + 2 >= palette.length) throw new ImageDecodeError('PNG 调色板已损坏');
        [r, g, b] = [palette[k * 3]!, palette[k * 3 + 1]!, palette[k * 3 + 2]!];
        a = transparency?.[k] ?? 255;
      } else if (channels <= 2) {
        r = g = b = raw[p]!;
        if (channels === 2) a = raw[p + 1]!;
      } else {
        [r, g, b] = [raw[p]!, raw[p + 1]!, raw[p + 2]!];
        if (channels === 4) a = raw[p + 3]!;
      }
      // Composite over white paper.
      rgba[i * 4] = (r * a + 255 * (255 - a)) / 255;
      rgba[i * 4 + 1] = (g * a + 255 * (255 - a)) / 255;
      rgba[i * 4 + 2] = (b * a + 255 * (255 - a)) / 255;
      rgba[i * 4 + 3] = 255;
    }
  }
  return { width, height, data: rgba };
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number): void {
  for (let x = 0; x < line.length; x++) {
    const a = x >= bpp ? line[x - bpp]! : 0;
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
    line[x] = v & 0xff;
  }
}

function decodePnm(bytes: Uint8Array, header: ImageHeader): RgbaImage {
  const m = /^P([56])\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 512)));
  if (!m || m[4] !== '255') throw new ImageDecodeError('PGM/PPM 文件头无效(仅支持 8 位)');
  const { width, height, components: channels } = header;
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
