// How big an image may be, decided from its header before a single pixel is decoded, so a small
// file that claims (or hides) a gigantic picture is refused in every runtime: the command line,
// the scanner folder and the page's file upload. Pure TypeScript over the file's first bytes.

export type ImageFormat = 'png' | 'jpeg' | 'pnm' | 'bmp' | 'webp';

export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** Colour components stored per pixel (1 grey … 4 RGBA); what decoding costs depends on it. */
  readonly components: number;
}

/** A4 at 600 dpi is 4960 × 7016 ≈ 35 million pixels: a page scan never needs more. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** A face photo: a 24-megapixel camera's full frame, no more. */
export const MAX_PHOTO_PIXELS = 25_000_000;
/** No image file this large is a page scan or a photo. */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
/** Working memory one decode may take (pixels, decoder tables, the RGBA result). */
export const MAX_DECODE_MEMORY_BYTES = 900 * 1024 * 1024;
/** A scan kept with a case is at most A4 at 300 dpi (2480 × 3508) and a few megabytes; larger ones are shrunk to this. */
export const SCAN_KEEP_PIXELS = 8_700_000;
export const SCAN_KEEP_BYTES = 5 * 1024 * 1024;
/** How much of the start of a file the header readers look at: enough to pass EXIF and ICC blocks. */
export const HEADER_BYTES = 256 * 1024;

export type SizeProblemCode = 'IMAGE_EMPTY' | 'IMAGE_UNKNOWN' | 'IMAGE_CORRUPT' | 'IMAGE_TOO_LARGE';
export interface SizeProblem {
  readonly ok: false;
  readonly code: SizeProblemCode;
  /** Chinese, for the clerk. */
  readonly message: string;
}
export type HeaderCheck = { readonly ok: true; readonly header: ImageHeader; readonly memoryBytes: number } | SizeProblem;

const problem = (code: SizeProblemCode, message: string): SizeProblem => ({ ok: false, code, message });
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
const mp = (pixels: number): string => (pixels / 1e6).toFixed(1);

export function sniffImageFormat(b: Uint8Array): ImageFormat | undefined {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b[0] === 0x50 && (b[1] === 0x35 || b[1] === 0x36)) return 'pnm';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return undefined;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n));
}
const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32be = (b: Uint8Array, at: number): number => (u16be(b, at) * 65_536 + u16be(b, at + 2));
const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const i32le = (b: Uint8Array, at: number): number => u16le(b, at) | (u16le(b, at + 2) << 16);

const PNG_COMPONENTS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The size an image file declares, read from its first bytes; a string says why it could not be read. */
export function readImageHeader(b: Uint8Array): ImageHeader | string {
  const format = sniffImageFormat(b);
  if (format === 'png') {
    if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR' || u32be(b, 8) !== 13) return 'PNG 文件头已损坏';
    return { format, width: u32be(b, 16), height: u32be(b, 20), components: PNG_COMPONENTS[b[25]!] ?? 4 };
  }
  if (format === 'jpeg') {
    let pos = 2;
    while (pos + 4 <= b.length) {
      if (b[pos] !== 0xff) return 'JPEG 文件已损坏';
      const marker = b[pos + 1]!;
      if (marker === 0xff) {
        pos += 1; // fill byte
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos += 2;
        continue;
      }
      if (JPEG_SOF.has(marker)) {
        if (pos + 10 > b.length) break;
        return { format, height: u16be(b, pos + 5), width: u16be(b, pos + 7), components: b[pos + 9]! };
      }
      if (marker === 0xda || marker === 0xd9) return 'JPEG 文件缺少图像尺寸(帧头),文件已损坏';
      pos += 2 + u16be(b, pos + 2);
    }
    return 'JPEG 文件已损坏或不完整,读不到图像尺寸';
  }
  if (format === 'pnm') {
    const m = /^P([56])\s+(?:#[^\n]*\n\s*)*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s/.exec(ascii(b, 0, Math.min(b.length, 512)));
    if (!m) return 'PGM/PPM 文件头无效';
    return { format, width: Number(m[2]), height: Number(m[3]), components: m[1] === '5' ? 1 : 3 };
  }
  if (format === 'bmp') {
    if (b.length < 30) return 'BMP 文件头已损坏';
    return { format, width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)), components: 4 };
  }
  if (format === 'webp') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b.length >= 30) return { format, width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, components: 4 };
    if (chunk === 'VP8L' && b.length >= 25) {
      const bits = u16le(b, 21) + u16le(b, 23) * 65_536;
      return { format, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, components: 4 };
    }
    if (chunk === 'VP8X' && b.length >= 30) return { format, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, components: 4 };
    return 'WebP 文件头已损坏';
  }
  return '无法识别的图像格式,请使用 JPEG 或 PNG 文件';
}

/** Bytes of working memory a decode to RGBA takes (the decoders of main/images, or a browser's). */
export function decodeMemoryBytes(h: ImageHeader, fileBytes: number): number {
  const pixels = h.width * h.height;
  switch (h.format) {
    case 'png':
      return (h.width * h.components + 1) * h.height + 4 * pixels; // inflated rows + RGBA
    case 'jpeg':
      return (h.components * 6 + 4) * pixels; // coefficients (4 B) + lines and MCU padding per component, RGBA (measured on jpeg-js)
    case 'pnm':
      return fileBytes + 4 * pixels;
    case 'bmp':
    case 'webp':
      return 8 * pixels;
  }
}

export interface SizeLimits {
  readonly maxPixels?: number;
  readonly maxBytes?: number;
  readonly maxMemoryBytes?: number;
}

/**
 * Checks an image file from its first bytes (at least HEADER_BYTES, or the whole file) and its
 * full length: refuses empty files, unknown formats, and pictures whose pixels, file size or
 * decoding memory exceed the limits, with a reason a clerk can act on.
 */
export function checkImageSize(head: Uint8Array, byteLength: number = head.length, limits: SizeLimits = {}): HeaderCheck {
  const maxPixels = limits.maxPixels ?? MAX_IMAGE_PIXELS;
  const maxBytes = limits.maxBytes ?? MAX_IMAGE_BYTES;
  const maxMemory = limits.maxMemoryBytes ?? MAX_DECODE_MEMORY_BYTES;
  if (byteLength === 0) return problem('IMAGE_EMPTY', '图像文件是空的(0 字节),扫描仪可能还在写入,或文件已损坏');
  if (byteLength > maxBytes) return problem('IMAGE_TOO_LARGE', `图像文件有 ${mb(byteLength)} MB,超过上限 ${mb(maxBytes)} MB,请降低扫描分辨率或改用 JPEG 格式`);
  const header = readImageHeader(head);
  if (typeof header === 'string') return problem(sniffImageFormat(head) ? 'IMAGE_CORRUPT' : 'IMAGE_UNKNOWN', header);
  const { width, height } = header;
  if (width <= 0 || height <= 0) return problem('IMAGE_CORRUPT', `图像尺寸为 ${width}×${height},文件已损坏`);
  const pixels = width * height;
  if (pixels > maxPixels) {
    return problem('IMAGE_TOO_LARGE', `图像尺寸 ${width}×${height}(${mp(pixels)} 百万像素)超过上限 ${mp(maxPixels)} 百万像素,请降低扫描分辨率(300 dpi 即可)后重新扫描`);
  }
  const memoryBytes = decodeMemoryBytes(header, byteLength);
  if (memoryBytes > maxMemory) {
    return problem('IMAGE_TOO_LARGE', `读取这张 ${width}×${height} 的图像需要约 ${mb(memoryBytes)} MB 内存,超过上限 ${mb(maxMemory)} MB,请降低扫描分辨率`);
  }
  return { ok: true, header, memoryBytes };
}

export type ScanAssessment =
  | { readonly action: 'keep'; readonly header: ImageHeader }
  /** Decode, scale to width × height and store as JPEG; show `message`. */
  | { readonly action: 'shrink'; readonly header: ImageHeader; readonly width: number; readonly height: number; readonly message: string }
  | { readonly action: 'refuse'; readonly code: SizeProblemCode; readonly message: string };

/**
 * The policy for a page scan entering the workstation (scanner folder, file upload): refused when
 * it cannot be decoded safely, shrunk to A4 at 300 dpi when it has more pixels or bytes than a case
 * needs, kept as it is otherwise. `head` is the file's start (at least HEADER_BYTES) or all of it.
 */
export function assessScan(head: Uint8Array, byteLength: number = head.length): ScanAssessment {
  const checked = checkImageSize(head, byteLength);
  if (!checked.ok) return { action: 'refuse', code: checked.code, message: checked.message };
  const { header } = checked;
  const pixels = header.width * header.height;
  if (pixels <= SCAN_KEEP_PIXELS && byteLength <= SCAN_KEEP_BYTES) return { action: 'keep', header };
  const scale = Math.min(1, Math.sqrt(SCAN_KEEP_PIXELS / pixels));
  const width = Math.max(1, Math.floor(header.width * scale));
  const height = Math.max(1, Math.floor(header.height * scale));
  const message = `扫描件较大(${mb(byteLength)} MB,${header.width}×${header.height}),已缩小为 ${width}×${height} 保存`;
  return { action: 'shrink', header, width, height, message };
}
