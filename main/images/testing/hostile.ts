// Hostile image files for the tests, made on the spot: small files whose headers claim, or whose
// data unpacks to, far more pixels than any scan; cut-off, lying and empty files.
import { createDeflate, crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** An 8-bit PNG header (colour 0 grey, 2 RGB, 6 RGBA). */
export function ihdr(width: number, height: number, colour = 0): Buffer {
  const body = Buffer.alloc(13);
  body.writeUInt32BE(width, 0);
  body.writeUInt32BE(height, 4);
  body[8] = 8;
  body[9] = colour;
  return chunk('IHDR', body);
}

/** A PNG with the given header and already compressed image data. */
export function png(header: Buffer, idat: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), header, chunk('IDAT', idat), chunk('IEND', new Uint8Array())]);
}

/** The compressed rows of a white grey picture, fed to zlib in blocks so the raw pixels never sit in memory whole. */
export async function whiteRows(width: number, height: number): Promise<Buffer> {
  const block = Math.min(500, height);
  const rows = Buffer.alloc((width + 1) * block, 0xff);
  for (let y = 0; y < block; y++) rows[y * (width + 1)] = 0; // filter byte: none
  const z = createDeflate({ level: 1 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  for (let y = 0; y < height; y += block) {
    if (!z.write(rows.subarray(0, (width + 1) * Math.min(block, height - y)))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A real 20000 × 20000 PNG (about 1.7 MB): honest header, 400 million pixels. */
export async function giantPng(side = 20_000): Promise<Buffer> {
  return png(ihdr(side, side), await whiteRows(side, side));
}

/** A PNG whose header says 100 × 100 while its data unpacks to 20000 × 20000 (a decompression bomb). */
export async function lyingPng(): Promise<Buffer> {
  return png(ihdr(100, 100), await whiteRows(20_000, 20_000));
}

/** A PNG whose header says 4000 × 4000 while its data holds 100 × 100. */
export async function shortPng(): Promise<Buffer> {
  return png(ihdr(4_000, 4_000), await whiteRows(100, 100));
}

/** A small honest PNG, to show the decoder still reads one. */
export async function smallPng(width = 120, height = 80): Promise<Buffer> {
  return png(ihdr(width, height), await whiteRows(width, height));
}

/** A 64 × 48 baseline JPEG: left half dark, right half white. */
export function smallJpeg(quality = 90): Buffer {
  const width = 64;
  const height = 48;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data.fill(i % width < 32 ? 40 : 255, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/** A JPEG whose frame header (SOF0) is patched to the given size; its data stays 64 × 48. */
export function jpegClaiming(width: number, height: number): Buffer {
  const out = Buffer.from(smallJpeg());
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF0');
}

/** A JPEG cut off half-way, as a broken copy leaves it. */
export function truncatedJpeg(): Buffer {
  const whole = smallJpeg();
  return whole.subarray(0, whole.length >> 1);
}

/** A PGM whose header claims 100000 × 100000 pixels, followed by a few bytes. */
export function giantPgm(): Buffer {
  return Buffer.concat([Buffer.from('P5\n100000 100000\n255\n', 'latin1'), Buffer.alloc(64, 0x80)]);
}

/** Every hostile file by name, for tests that run each through a command. */
export async function hostileImages(): Promise<Record<string, Buffer>> {
  return {
    'giant-20000x20000.png': await giantPng(),
    'lying-ihdr.png': await lyingPng(),
    'short-data.png': await shortPng(),
    'zero-width.png': png(ihdr(0, 100), await whiteRows(1, 1)),
    'claims-20000x20000.jpg': jpegClaiming(20_000, 20_000),
    'truncated.jpg': truncatedJpeg(),
    'giant-header.pgm': giantPgm(),
    'empty.png': Buffer.alloc(0),
  };
}
