// Second pass over the values the extractor marked (names, relations): the region holding each is
// read alone at several glyph heights (reread.ts), the value decided by vote (relations against
// their closed vocabulary) and written back over the first-pass words, so the page text and the
// fields agree.
import type { Recheck, Shaped } from './extract';
import { nameShapes } from './glyph-book';
import { hasUsualGivenName, isGivenNameChar } from './given-names';
import type { GreyImage } from './image';
import { compactText, editDistance } from './normalise';
import { reviseNameByShape } from './name-shapes';
import type { Recogniser } from './pipeline';
import type { Region } from './preprocess';
import { alignIndices, alignSpan, findRun, joinedText, LONG_REREAD_GLYPH_PX, readAtHeights, REREAD_GLYPH_PX, voteCharacters, type WordRun } from './reread';
import type { PlacedWord, StackedSheet } from './stack';
import { hasKnownParts, hasKnownSurname, isKnownPart, SURNAME_LOOK_ALIKES, surnameOf } from './surnames';
import { HOUSEHOLD_RELATIONS, type Reading, snapToVocabulary, tally } from './vocab';

/** The first pass's sheet and what it was made from. */
export interface PageSheet {
  readonly regions: readonly Region[];
  /** Each region's image, paper flattened, before scaling (same order as regions and slots). */
  readonly images: readonly GreyImage[];
  /** Scale from region images to the sheet. */
  readonly factor: number;
  /** Median glyph height of the region images, px. */
  readonly glyphPx: number;
  readonly stacked: StackedSheet;
}

/** A re-read value as decided, and how many of the field's own re-readings gave exactly that text. */
export interface Decision {
  readonly text: string;
  readonly votes: number;
  /** The name as read, when the shapes of its glyphs (name-shapes.ts) or the recogniser's runners-up changed it, and the characters put in. */
  readonly shaped?: Shaped;
}

interface Located {
  readonly target: Recheck;
  readonly slot: number;
  readonly run: WordRun;
  readonly readings: Span[];
}

/** Name characters (CJK and the middle dot of minority and foreign names). */
const NAME_CHAR = /[\u3400-\u9fff·]/;

/** A re-reading's span; `headed` when it took a character read before the name (nameSpan). */
type Span = Reading & { readonly headed?: boolean };
const nameOnly = (text: string) => [...text].filter((c) => NAME_CHAR.test(c)).join('');

/**
 * A re-reading's part that holds the name (and a character it reads right after it), its name
 * characters only, each with its runners-up. A character it reads right before the name is the
 * name's too when that makes it start with a surname (or a look-alike of one) and the name as first
 * read starts with none: the first pass lost the surname (超博 / 魏超博男28岁).
 */
function nameSpan(reference: string, run: WordRun, r: Reading): Span {
  const chars = [...r.text];
  const named = (indices: number[]) => indices.filter((j) => NAME_CHAR.test(chars[j]!));
  const plain = named(alignIndices(reference, run.start, run.end, r.text, true));
  const headed = named(alignIndices(reference, run.start, run.end, r.text, true, true));
  const textOf = (indices: number[]) => indices.map((j) => chars[j]!).join('');
  const surnamed = (name: string) => hasKnownSurname(name) || SURNAME_LOOK_ALIKES[name[0]!] !== undefined;
  const lost = headed.length === plain.length + 1 && !surnamed([...reference].slice(run.start, run.end).join('')) && surnamed(textOf(headed)) && !surnamed(textOf(plain));
  const at = lost ? headed : plain;
  const text = textOf(at);
  const mark = lost ? { headed: true } : {};
  return r.alternatives ? { text, confidence: r.confidence, alternatives: at.map((j) => r.alternatives![j] ?? []), ...mark } : { text, confidence: r.confidence, ...mark };
}
const cjkOnly = (text: string) => text.replace(/[^\u3400-\u9fff]/g, '');

/**
 * Reads each target again and returns the slot words with every re-read run replaced by one word
 * holding the decided text. `regionLines[i]` is the region line of extracted line i.
 */
export async function recheckValues(
  targets: readonly Recheck[],
  regionLines: readonly number[],
  slotWords: readonly (readonly PlacedWord[])[],
  sheet: PageSheet,
  recogniser: Recogniser,
  /** Filled with each re-read field's decided text and how many readings gave it. */
  decided?: Map<string, Decision>,
): Promise<PlacedWord[][]> {
  const located: Located[] = [];
  const regionReadings = new Map<number, Promise<Reading[]>>();
  for (const target of targets) {
    const where = locate(target, regionLines[target.line], slotWords, sheet.regions);
    if (!where) continue;
    const { slot, run } = where;
    const heights = target.kind === 'text' ? LONG_REREAD_GLYPH_PX : REREAD_GLYPH_PX;
    if (!regionReadings.has(slot)) regionReadings.set(slot, readAtHeights(recogniser, sheet.images[slot]!, sheet.glyphPx, heights));
    const reference = joinedText(slotWords[slot]!);
    const clean = target.kind === 'name' ? nameOnly : target.kind === 'relation' ? cjkOnly : (t: string) => t;
    const readings = (await regionReadings.get(slot)!).map((r) => (target.kind === 'name' ? nameSpan(reference, run, r) : { ...r, text: clean(alignSpan(reference, run.start, run.end, r.text)) }));
    located.push({ target, slot, run, readings });
  }
  const out = slotWords.map((w) => [...w]);
  // Replace runs right to left within a slot so earlier word indices stay valid.
  const order = [...located].sort((a, b) => a.slot - b.slot || b.run.from - a.run.from);
  for (const item of order) {
    const voted = decide(item, located);
    const decision = item.target.kind === 'name' ? (byShape(item, voted, slotWords, sheet) ?? voted) : voted;
    if (!decision) continue;
    out[item.slot] = replaceRun(out[item.slot]!, item.run, decision.text, decision.confidence);
    decided?.set(item.target.field, { text: decision.text, votes: decision.votes, ...(decision.shaped ? { shaped: decision.shaped } : {}) });
  }
  return out;
}

/** The slot and word run holding the target's text on its line. */
function locate(target: Recheck, regionLine: number | undefined, slotWords: readonly (readonly PlacedWord[])[], regions: readonly Region[]): { slot: number; run: WordRun } | undefined {
  if (regionLine === undefined) return undefined;
  for (let i = 0; i < regions.length; i++) {
    if (regions[i]!.line !== regionLine) continue;
    const run = findRun(slotWords[i] ?? [], target.text);
    if (run) return { slot: i, run };
  }
  return undefined;
}

/**
 * The text a re-read value takes, with a 0..100 confidence, or undefined to keep the first pass.
 * Names vote (pooled with the field printed elsewhere as the same name, when one clearly matches);
 * relations snap to the household-relation vocabulary only when that is clear.
 */
function decide(item: Located, all: readonly Located[]): (Decision & { confidence: number }) | undefined {
  if (item.target.kind === 'relation') {
    const snapped = snapToVocabulary(item.readings, HOUSEHOLD_RELATIONS);
    return snapped.text === '' ? undefined : { text: snapped.text, confidence: snapped.confidence * 100, votes: item.readings.filter((r) => r.text === snapped.text).length };
  }
  if (item.target.kind === 'text') {
    const texts = item.readings.map((r) => r.text).filter((t) => t !== '');
    if (texts.length === 0) return undefined;
    const text = voteCharacters(item.target.text, texts);
    const agree = texts.filter((t) => t === text).length / item.readings.length;
    return { text, confidence: Math.max(...item.readings.map((r) => r.confidence)) * Math.max(0.5, agree), votes: texts.filter((t) => t === text).length };
  }
  const readings = [...item.readings, ...twinReadings(item, all)];
  // A reading holding a character no name has where the recogniser's runner-up is a name's (郭异盐,
  // 昇 and 喆 next): that reading with the runners-up put in joins the vote, at half its confidence
  // (so a name read as it stands wins a tie).
  const variants = readings.flatMap((r) => runnerUpName(r) ?? runnerUpParts(r) ?? []);
  const nonEmpty = [...readings, ...variants].filter((r) => r.text !== '');
  // Readings that start with a known surname outvote those that do not (吕 over 昌, see surnames.ts).
  const known = nonEmpty.filter((r) => hasKnownSurname(r.text));
  const surnamed = known.length > 0 ? known : nonEmpty;
  // And those whose given name is made of name characters outvote the rest (婧 over 嫩, see given-names.ts).
  const usual = surnamed.filter((r) => hasUsualGivenName(r.text));
  const read = withKnownParts(usual.length > 0 ? usual : surnamed);
  const top = tally(read)[0];
  if (!top) return undefined;
  // A minority name read whole with its middle dot is not given up for one re-reading without it (a stamp over it).
  if (item.target.text.includes('·') && !top.text.includes('·') && top.votes < 2) return undefined;
  // Votes of this field's own readings (a twin's agreeing readings decide ties, not the count).
  // (A surname only the re-readings saw is no steadier for their number: the first pass missed it, so it counts once.)
  const own = item.readings.filter((r) => r.text === top.text);
  const votes = own.some((r) => r.headed) ? Math.min(1, own.length) : own.length;
  const made = readings.some((r) => r.text === top.text) ? undefined : variants.find((v) => v.text === top.text);
  // (Made names add votes beyond the readings: the share of readings is at most all of them.)
  return { text: top.text, confidence: top.share * 100 * Math.min(1, top.votes / readings.length), votes, ...(made ? { shaped: made.put } : {}) };
}

/** A letter's title after a name, read into a re-read name span. */
const TITLE_AFTER = /(?:同志|先生|女士)$/;

/** Half a reading's confidence for a name the runners-up made (see decide). */
const RUNNER_UP_WEIGHT = 0.5;

/**
 * The reading with its runners-up put in where it holds no name there: a surname the name does not
 * start with replaced by a runner-up that is one; each character after the surname that no parent
 * chooses (given-names.ts) by its first runner-up that one does. Undefined when nothing changes.
 */
function runnerUpName(r: Reading): (Reading & { put: Shaped }) | undefined {
  // A title read on after the name (本佳女士) is no part of it: the rules apply to the name before it.
  const title = TITLE_AFTER.exec(r.text)?.[0] ?? '';
  const chars = [...r.text.slice(0, r.text.length - title.length)];
  // Two or three characters, four only after a compound surname: a fourth is more often a mark read into the name.
  const longest = surnameOf(r.text)?.length === 2 ? 4 : 3;
  if (!r.alternatives || chars.length < 2 || chars.length > longest || r.text.includes('·')) return undefined;
  const out = [...chars];
  const put: string[] = [];
  if (!hasKnownSurname(chars.join(''))) {
    const surname = r.alternatives[0]?.find((a) => hasKnownSurname(a + chars.slice(1).join('')));
    if (surname) {
      out[0] = surname;
      put.push(surname);
    }
  }
  for (let i = surnameOf(out.join(''))?.length ?? 1; i < out.length; i++) {
    if (isGivenNameChar(out[i]!)) continue;
    const given = r.alternatives[i]?.find(isGivenNameChar);
    if (given) {
      out[i] = given;
      put.push(given);
    }
  }
  if (put.length === 0) return undefined;
  const text = out.join('') + title;
  return { text, confidence: r.confidence * RUNNER_UP_WEIGHT, put: { from: r.text, put, by: 'runner-up' } };
}

/**
 * A transliterated name with one character of a part that is no common given name replaced by the
 * runner-up that makes it one (古丽·阿不部, 都 next: 古丽·阿不都), at most one way per part.
 * Undefined when nothing changes.
 */
function runnerUpParts(r: Reading): (Reading & { put: Shaped }) | undefined {
  if (!r.alternatives || !r.text.includes('·')) return undefined;
  const out = [...r.text];
  const put: string[] = [];
  let at = 0;
  for (const part of r.text.split('·')) {
    const chars = [...part];
    const fixes = isKnownPart(part) ? [] : chars.flatMap((_, i) => (r.alternatives![at + i] ?? []).filter((alt) => isKnownPart(chars.map((c, j) => (j === i ? alt : c)).join(''))).map((alt) => ({ i: at + i, alt })));
    if (fixes.length === 1) {
      out[fixes[0]!.i] = fixes[0]!.alt;
      put.push(fixes[0]!.alt);
    }
    at += chars.length + 1;
  }
  if (put.length === 0) return undefined;
  return { text: out.join(''), confidence: r.confidence * RUNNER_UP_WEIGHT, put: { from: r.text, put, by: 'runner-up' } };
}

/**
 * Readings whose transliterated parts are all common given names outvote those of the same length
 * that are not (a character misread: 古丽·阿不都 over 古丽·阿不部); never a reading longer or shorter
 * (a name with a rare part is not given up for one cut short to common parts).
 */
function withKnownParts(readings: readonly Reading[]): Reading[] {
  const known = readings.filter((r) => hasKnownParts(r.text));
  return readings.filter((r) => hasKnownParts(r.text) || !known.some((k) => [...k.text].length === [...r.text].length));
}

/** The decided name (or the first pass's) revised by the shapes of its glyphs in the region, when they clearly differ. */
function byShape(item: Located, voted: (Decision & { confidence: number }) | undefined, slotWords: readonly (readonly PlacedWord[])[], sheet: PageSheet): (Decision & { confidence: number }) | undefined {
  const reference = joinedText(slotWords[item.slot]!);
  const name = voted?.text ?? reference.slice(item.run.start, item.run.end);
  const text = reference.slice(0, item.run.start) + name + reference.slice(item.run.end);
  const { book, rare } = nameShapes();
  const revised = reviseNameByShape(sheet.images[item.slot]!, text, item.run.start, item.run.start + name.length, book, rare, sheet.glyphPx);
  return revised ? { text: revised.text, confidence: Math.min(60, voted?.confidence ?? 60), votes: 0, shaped: { from: revised.from, put: revised.put } } : undefined;
}

/** Readings of the field that prints the same name: the holder and the one party it clearly matches. */
function twinReadings(item: Located, all: readonly Located[]): Reading[] {
  if (item.target.oneOf) return twinOf(item, all)?.readings ?? [];
  const holder = all.find((o) => o.target.oneOf?.includes(item.target.field));
  return holder && twinOf(holder, all) === item ? holder.readings : [];
}

/** The party whose best reading is within one character of the holder's, if exactly one is. */
function twinOf(holder: Located, all: readonly Located[]): Located | undefined {
  const best = (l: Located) => tally(l.readings.filter((r) => r.text !== ''))[0]?.text ?? l.target.text;
  const mine = best(holder);
  const close = all.filter((o) => holder.target.oneOf!.includes(o.target.field) && best(o).length === mine.length && editDistance(best(o), mine) <= 1);
  return close.length === 1 ? close[0] : undefined;
}

/** Words of a slot with the run replaced by one word (keeping characters of its ends outside the value). */
function replaceRun(words: readonly PlacedWord[], run: WordRun, text: string, confidence: number): PlacedWord[] {
  const first = words[run.from]!;
  const last = words[run.to - 1]!;
  const head = [...compactText(first.text)].slice(0, run.headExtra).join('');
  const tail = run.tailExtra > 0 ? [...compactText(last.text)].slice(-run.tailExtra).join('') : '';
  const word: PlacedWord = {
    text: head + text + tail,
    confidence,
    x0: first.x0,
    x1: last.x1,
    y0: Math.min(first.y0, last.y0),
    y1: Math.max(first.y1, last.y1),
  };
  return [...words.slice(0, run.from), word, ...words.slice(run.to)];
}
