// The second look at a few values that matter (names, relations): the region holding the value
// (a table cell or one text line) is read alone as one line at several glyph heights, and the
// value's characters are found in each reading by aligning it with the first pass. One reading is
// fragile (a serif 蒋 reads as 薪 at one scale and right at the next); the vote of three is much
// steadier, and it costs a few tens of milliseconds per region. Regions are not cut further:
// character boxes from the recogniser are too loose to split a name from the word before it.
import { scaleGlyphs } from './enhance';
import type { GreyImage } from './image';
import { compactText } from './normalise';
import type { Recogniser } from './pipeline';
import type { PlacedWord } from './stack';
import type { Reading } from './vocab';

/** Glyph heights (px) a value is read at in the second pass. */
export const REREAD_GLYPH_PX: readonly number[] = [16, 18, 22, 24];
/** Heights for long values voted character by character with the first reading (fewer: they are wide). */
export const LONG_REREAD_GLYPH_PX: readonly number[] = [16, 24];

/** Consecutive words [from, to) of a region that hold `text`, with the part of the first and last word outside it. */
export interface WordRun {
  readonly from: number;
  readonly to: number;
  /** Where the text starts and ends in the region's compacted text. */
  readonly start: number;
  readonly end: number;
  /** Characters of words[from] before the text, and of words[to - 1] after it. */
  readonly headExtra: number;
  readonly tailExtra: number;
}

/** The words of a region as one compacted string (the reference readings are aligned with). */
export const joinedText = (words: readonly PlacedWord[]): string => words.map((w) => compactText(w.text)).join('');

/** Finds the first run of words (left to right) whose compacted text contains `text`. */
export function findRun(words: readonly PlacedWord[], text: string): WordRun | undefined {
  const want = compactText(text);
  if (want === '') return undefined;
  const texts = words.map((w) => compactText(w.text));
  const joined = joinedText(words);
  const at = joined.indexOf(want);
  if (at < 0) return undefined;
  const end = at + want.length;
  let pos = 0;
  let from = -1;
  let to = -1;
  let headExtra = 0;
  let tailExtra = 0;
  texts.forEach((t, i) => {
    const next = pos + t.length;
    if (from < 0 && next > at) {
      from = i;
      headExtra = at - pos;
    }
    if (to < 0 && next >= end && t.length > 0) {
      to = i + 1;
      tailExtra = next - end;
    }
    pos = next;
  });
  return from < 0 || to < 0 ? undefined : { from, to, start: at, end, headExtra, tailExtra };
}

/**
 * The part of `reading` that corresponds to characters [start, end) of `reference` (an earlier
 * reading of the same line), by a minimal edit alignment. Characters the new reading inserts
 * inside the span belong to it; insertions at its edges do not.
 */
export function alignSpan(reference: string, start: number, end: number, reading: string): string {
  const b = [...reading];
  return alignIndices(reference, start, end, reading).map((j) => b[j]!).join('');
}

/**
 * Where alignSpan's characters stand in `reading` (indices of its code points, in order). With
 * `tail`, characters the reading inserts right after the span belong to it too (a name's last
 * character the first pass missed: 陈婷 / 陈婷晓性别); with `head`, those it inserts right before it
 * (a surname the first pass missed: 超博 / 魏超博).
 */
export function alignIndices(reference: string, start: number, end: number, reading: string, tail = false, head = false): number[] {
  const a = [...reference];
  const b = [...reading];
  const cost: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cost[i]![j] = Math.min(cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1, cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  // Walk back, collecting reading characters whose reference position falls inside the span.
  const out: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      if (i - 1 >= start && i - 1 < end) out.push(j - 1);
      i--;
      j--;
    } else if (j > 0 && cost[i]![j] === cost[i]![j - 1]! + 1) {
      // An inserted character sits before reference position i: inside when start < i < end (or i = end, with `tail`).
      if ((i > start || (head && i === start)) && (i < end || (tail && i === end))) out.push(j - 1);
      j--;
    } else i--;
  }
  return out.reverse();
}

/**
 * Character-by-character vote for a long value (an address): each candidate is aligned with the
 * reference and, at every reference position, the character most readings put there wins, the
 * reference counting as one reading and keeping ties. The length stays the reference's: only
 * misread characters change.
 */
export function voteCharacters(reference: string, candidates: readonly string[]): string {
  const ref = [...reference];
  return ref
    .map((own, i) => {
      const votes = new Map<string, number>([[own, 1]]);
      for (const c of candidates) {
        const at = alignSpan(reference, i, i + 1, c);
        if (at !== '') votes.set(at, (votes.get(at) ?? 0) + 1);
      }
      // Stable sort: the reference, inserted first, keeps a tie.
      return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    })
    .join('');
}

/** Reads an image of one line at each glyph height in `heights` (the image's glyphs are `glyphPx` tall). */
export async function readAtHeights(recogniser: Recogniser, image: GreyImage, glyphPx: number, heights: readonly number[] = REREAD_GLYPH_PX): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const h of heights) {
    const r = await recogniser.recognise(scaleGlyphs(image, h / glyphPx), 'line');
    const text = compactText(r.words.length > 0 ? r.words.map((w) => w.text).join('') : r.text);
    const alternatives = runnersUp(r.words, text);
    out.push({ text, confidence: r.confidence, ...(alternatives ? { alternatives } : {}) });
  }
  return out;
}

/**
 * The words' runners-up per character of their compacted text, or undefined when the recogniser
 * gave none or compacting changed the text other than character by character.
 */
function runnersUp(words: readonly PlacedWord[], text: string): (readonly string[])[] | undefined {
  if (words.length === 0 || words.some((w) => !w.alternatives)) return undefined;
  const chars: string[] = [];
  const alts: (readonly string[])[] = [];
  for (const w of words) {
    [...w.text].forEach((ch, i) => {
      const compact = [...compactText(ch)];
      compact.forEach((c) => {
        chars.push(c);
        alts.push(compact.length === 1 && c === ch ? (w.alternatives![i] ?? []) : []);
      });
    });
  }
  return chars.join('') === text ? alts : undefined;
}
