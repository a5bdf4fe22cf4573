// Which characters a font file really has glyphs for: the cmap table read out of a TTF/OTF, WOFF
// (zlib per table) or WOFF2 (one brotli stream) file. Used to refuse drawing a character the face
// lacks, and by the tests to prove every drawn character has a glyph.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, inflateSync } from 'node:zlib';

const tagAt = (b: Buffer, at: number) => b.toString('latin1', at, at + 4);

/** The raw cmap table of a font file, whatever its wrapping. */
function cmapTable(file: Buffer): Buffer {
  const signature = tagAt(file, 0);
  if (signature === 'wOFF') return woffCmap(file);
  if (signature === 'wOF2') return woff2Cmap(file);
  return sfntCmap(file);
}

function sfntCmap(b: Buffer): Buffer {
  const n = b.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    if (tagAt(b, at) === 'cmap') return b.subarray(b.readUInt32BE(at + 8), b.readUInt32BE(at + 8) + b.readUInt32BE(at + 12));
  }
  throw new Error('font without a cmap table');
}

function woffCmap(b: Buffer): Buffer {
  const n = b.readUInt16BE(12);
  for (let i = 0; i < n; i++) {
    const at = 44 + i * 20;
    if (tagAt(b, at) !== 'cmap') continue;
    const offset = b.readUInt32BE(at + 4);
    const comp = b.readUInt32BE(at + 8);
    const orig = b.readUInt32BE(at + 12);
    const raw = b.subarray(offset, offset + comp);
    return comp < orig ? inflateSync(raw) : raw;
  }
  throw new Error('woff without a cmap table');
}

function woff2Cmap(b: Buffer): Buffer {
  const n = b.readUInt16BE(12);
  const compressed = b.readUInt32BE(20);
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = b[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  let streamAt = 0;
  let cmap: { from: number; length: number } | undefined;
  for (let i = 0; i < n; i++) {
    const flags = b[at++]!;
    const index = flags & 0x3f;
    const version = flags >> 6;
    if (index === 63) at += 4;
    const orig = base128();
    const glyfOrLoca = index === 10 || index === 11;
    const transformed = glyfOrLoca ? version !== 3 : version !== 0;
    const length = transformed ? base128() : orig;
    if (index === 0) cmap = { from: streamAt, length };
    streamAt += length;
  }
  if (!cmap) throw new Error('woff2 without a cmap table');
  const stream = brotliDecompressSync(b.subarray(at, at + compressed));
  return stream.subarray(cmap.from, cmap.from + cmap.length);
}

/** The code points a cmap maps to a real glyph (formats 4 and 12). */
function codePoints(cmap: Buffer): Set<number> {
  const out = new Set<number>();
  const n = cmap.readUInt16BE(2);
  const subtables = new Set<number>();
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.add(cmap.readUInt32BE(8 + i * 8));
  }
  for (const offset of subtables) {
    const format = cmap.readUInt16BE(offset);
    if (format === 4) format4(cmap, offset, out);
    else if (format === 12) format12(cmap, offset, out);
  }
  return out;
}

function format4(t: Buffer, o: number, out: Set<number>): void {
  const segs = t.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readUInt16BE(deltas + s * 2);
    const rangeAt = ranges + s * 2;
    const range = t.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = t.readUInt16BE(rangeAt + range + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function format12(t: Buffer, o: number, out: Set<number>): void {
  const groups = t.readUInt32BE(o + 12);
  for (let i = 0; i < groups; i++) {
    const at = o + 16 + i * 12;
    const start = t.readUInt32BE(at);
    const end = t.readUInt32BE(at + 4);
    const glyph = t.readUInt32BE(at + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}

const cache = new Map<string, Set<number>>();

/** The code points with a glyph in the font file at `path` (cached). */
export function glyphsOf(path: string): Set<number> {
  let set = cache.get(path);
  if (!set) {
    set = codePoints(cmapTable(readFileSync(path)));
    cache.set(path, set);
  }
  return set;
}
