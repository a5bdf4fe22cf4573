// A name's glyphs compared with the shapes of rare name characters (glyphs.ts): where the
// recogniser put a character of its own in place of one it cannot give (曌 read as 盟, 赟 as 赞), or
// left a glyph unread (张琤俊 read as 张俊), the glyph is matched against the book. The region's
// characters are first aligned with its glyph boxes (a box left over is a glyph nobody read), then
// a name character gives way only to a rare character clearly more like the glyph than itself.
import { type GlyphBook, glyphFeatures, segmentGlyphs } from './glyphs';
import { otsuThreshold } from './binarise';
import type { GreyImage, Rect } from './image';

/** A name changed by shape: the new text, what was read, and the characters put in. */
export interface ShapeRevision {
  readonly text: string;
  readonly from: string;
  readonly put: readonly string[];
}

/** How like a glyph a rare character must be to replace a character or fill an unread glyph. */
const RARE_LIKE = 0.68;
/** And by how much more like it than the character read there. */
const RARE_MARGIN = 0.1;
/** A leftover glyph is filled only by a character this like it, this much ahead of the next best. */
const FILL_LIKE = 0.78;
const FILL_MARGIN = 0.1;

/** Costs of the alignment: a character against a glyph box (1 − similarity when the book has it), a box left over, a character without a box. */
const UNKNOWN_MATCH = 0.3;
const SKIP_BOX = 0.45;
const SKIP_CHAR = 0.6;

const isHan = (c: string) => /[\u3400-\u9fff]/.test(c);

/**
 * The name at [start, end) of `text` (the region's compacted reading) revised by the shapes of
 * its glyphs in `region`, or undefined when nothing clearly differs.
 */
export function reviseNameByShape(region: GreyImage, text: string, start: number, end: number, book: GlyphBook, rare: readonly string[], glyphPx?: number): ShapeRevision | undefined {
  const chars = [...text];
  const threshold = otsuThreshold(region);
  const boxes = segmentGlyphs(region, threshold, glyphPx);
  if (boxes.length === 0 || chars.length === 0 || boxes.length > chars.length + 2) return undefined;
  const features = boxes.map((b) => glyphFeatures(region, b, threshold));
  const matchCost = (i: number, j: number) => {
    const c = chars[i]!;
    const box = boxes[j]!;
    if (book.has(c)) return 1 - book.similarity(features[j]!, c);
    // A character the book lacks is placed by its box's shape: a Chinese character's is square, a digit's or a stop's narrow.
    const square = box.width >= 0.7 * box.height;
    return isHan(c) ? (square ? UNKNOWN_MATCH : 0.7) : square ? 0.5 : 0.25;
  };
  // Two characters in one box: digits set close, or two Chinese characters touching.
  const pairCost = (i: number, j: number) => {
    const box = boxes[j]!;
    const [a, b] = [chars[i]!, chars[i + 1]!];
    if (!isHan(a) && !isHan(b)) return box.width <= 1.2 * box.height ? 0.35 : Infinity;
    return isHan(a) && isHan(b) && box.width >= 1.6 * box.height && !book.has(a) && !book.has(b) ? 0.45 : Infinity;
  };
  const boxOf = align(chars.length, boxes.length, matchCost, pairCost);
  const name = chars.slice(start, end);
  const revised: string[] = [];
  const put: string[] = [];
  const bestRare = (f: Float32Array) => rare.map((r) => ({ r, s: book.similarity(f, r) })).reduce((a, b) => (b.s > a.s ? b : a), { r: '', s: 0 });
  const nextBest = (f: Float32Array, not: string) => book.chars.reduce((m, c) => (c === not ? m : Math.max(m, book.similarity(f, c))), 0);
  const used = new Set(boxOf.filter((j): j is number => j !== undefined));
  const leftover = (j: number) => j >= 0 && j < boxes.length && !used.has(j) && isGlyphSized(boxes[j]!);
  for (let i = start; i < end; i++) {
    const j = boxOf[i];
    const c = chars[i]!;
    // A glyph nobody read between two of the name's characters.
    if (j !== undefined && i > start && leftover(j - 1)) fill(j - 1);
    const alone = j !== undefined && boxOf[i - 1] !== j && boxOf[i + 1] !== j;
    if (alone && isHan(c)) {
      const best = bestRare(features[j]!);
      // The rare character must stand clear of the character read and of every other shape in the
      // book: a glyph the model misread (瑄 read as 理) is more like the right character (瑄) than
      // like a rare look-alike (鍹), which then must not take its place.
      const rival = Math.max(book.has(c) ? book.similarity(features[j]!, c) : 0, nextBest(features[j]!, best.r));
      if (best.s >= RARE_LIKE && best.s >= rival + RARE_MARGIN) {
        revised.push(best.r);
        put.push(best.r);
        continue;
      }
    }
    revised.push(c);
  }
  // A glyph left over right after the name's last character.
  const last = boxOf[end - 1];
  if (last !== undefined && leftover(last + 1) && (end >= chars.length || boxOf[end] === undefined || boxOf[end]! > last + 1)) fill(last + 1);

  function fill(j: number): void {
    const f = features[j]!;
    const ranked = book.chars.filter(isHan).map((c) => ({ c, s: book.similarity(f, c) })).sort((a, b) => b.s - a.s);
    const [first, second] = ranked;
    if (!first || first.s < FILL_LIKE || first.s - (second?.s ?? 0) < FILL_MARGIN) return;
    revised.push(first.c);
    put.push(first.c);
    used.add(j);
  }
  const out = revised.join('');
  return put.length === 0 || out === name.join('') || [...out].length > 4 ? undefined : { text: out, from: name.join(''), put };
}

/** A box about as wide as it is tall: a Chinese character, not a stroke of punctuation or a digit. */
const isGlyphSized = (box: Rect) => box.width >= 0.55 * box.height;

/**
 * Minimal-cost alignment of n characters with m boxes in order (a character to a box, two to one
 * box, a box or a character left alone): the box of each character, or undefined.
 */
function align(n: number, m: number, cost: (i: number, j: number) => number, pairCost: (i: number, j: number) => number): (number | undefined)[] {
  const D = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const step = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  D[0]![0] = 0;
  const relax = (i: number, j: number, value: number, how: number) => {
    if (value < D[i]![j]!) {
      D[i]![j] = value;
      step[i]![j] = how;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = D[i]![j]!;
      if (!Number.isFinite(here)) continue;
      if (i < n && j < m) relax(i + 1, j + 1, here + cost(i, j), 1);
      if (i + 1 < n && j < m) relax(i + 2, j + 1, here + pairCost(i, j), 4);
      if (j < m) relax(i, j + 1, here + SKIP_BOX, 2);
      if (i < n) relax(i + 1, j, here + SKIP_CHAR, 3);
    }
  }
  const boxOf: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i]![j]!;
    if (s === 1) boxOf[--i] = --j;
    else if (s === 4) {
      j--;
      boxOf[--i] = j;
      boxOf[--i] = j;
    } else if (s === 2) j--;
    else i--;
  }
  return boxOf;
}
