// Reading a document the way a careful clerk would: the page as it is (tesseract on the whole
// unprocessed image), and the page prepared (perspective undone and light evened when it is a
// photo, then deskewed and read cell by cell); when a photo was rectified, the rectified page is
// also read whole, and a fax (a bilevel page) is also read whole with its dots smoothed into grey.
// With a second model (a recogniser trained apart, see DocumentOptions.second) the page is read as
// it is and by cells once more, in parallel with the first model's reads.
// Each field is decided across the readings: a value two readings agree on is
// worth more, a value only one reading has keeps its own evidence. The page text is the best
// scored reading's, so no preparation can leave the clerk with less than the page as it is.
import { confidenceFor, type Evidence } from './calibration';
import type { FieldRead } from './extract';
import type { DocKind, FieldValue } from './fields';
import { hasUsualGivenName, isGivenNameChar } from './given-names';
import { type GreyImage, type QuarterTurn, type RgbaImage, toGrey, turn } from './image';
import { isBilevel, preparePhoto, smooth } from './photo';
import { readWithout } from './model-chars';
import { type PageReading, readPage, readWholePage, type Recogniser } from './pipeline';
import { hasKnownParts } from './surnames';

export interface Attempt {
  /**
   * as-is: the unprocessed page read whole; cells: prepared and read by regions; photo-whole: the
   * rectified photo or the smoothed fax read whole; ':2' the same with the second model.
   */
  readonly method: 'as-is' | 'cells' | 'photo-whole' | 'as-is:2' | 'cells:2';
  readonly reading: PageReading;
  readonly score: number;
  /** Whether the attempt's model can give a character at all (Recogniser.canRead); absent: any. */
  readonly canRead?: (char: string) => boolean;
}

export interface DocumentReading extends PageReading {
  readonly attempts: readonly Attempt[];
  /** The attempt whose text is reported. */
  readonly chosen: Attempt['method'];
  /** Corrections applied to the photo ('perspective', 'light'). */
  readonly photoSteps: readonly string[];
  /** How far the page lay turned clockwise; it was turned back upright before any reading. */
  readonly turned: QuarterTurn;
  /** Per field: whether the readings agreed on it (see mergeFields). */
  readonly agree: Readonly<Record<string, boolean>>;
}

export interface DocumentOptions {
  readonly kind: DocKind;
  /**
   * A recogniser with another model: when given, the page is also read as it is and by cells with
   * it, and its readings vote with the first model's (two models rarely make the same mistake).
   */
  readonly second?: Recogniser;
  readonly onProgress?: (fraction: number) => void;
}

const RANK: Readonly<Record<Evidence, number>> = { checked: 3, valid: 2, repaired: 1, invalid: 0 };

/** How much a reading found: well-backed fields count most, the recogniser's confidence breaks ties. */
export function readingScore(r: PageReading): number {
  const reads = Object.values(r.reads);
  return reads.reduce((s, f) => s + RANK[f.evidence], 0) + reads.reduce((s, f) => s + f.ocr, 0) / Math.max(1, reads.length);
}

/** Re-readings (reread.ts) at least this many of which gave a value make it a steadier reading. */
export const STEADY_VOTES = 3;

/**
 * What one attempt's value weighs when the attempts disagree: 1, and half more when the second pass
 * read it again at several sizes and most readings gave it (蔡雪 four times against a whole-page
 * 葵雪 once). Two attempts that agree still outweigh it.
 */
const readingWeight = (r: FieldRead): number => 1 + ((r.votes ?? 0) >= STEADY_VOTES ? 0.5 : 0);

/** 1 for a name whose given name is made of name characters (given-names.ts): it outranks one that is not, as in the re-reading vote. */
const usualName = (r: FieldRead): number => (r.type === 'name' && hasUsualGivenName(String(r.value)) ? 1 : 0);

/**
 * How a reading ranks among the attempts': by its evidence, except that a name the recogniser's
 * runners-up made (recheck.ts) stands with well-formed readings; being made of name characters, it
 * then outranks a reading that is not (郭昇喆 over 那异). It stays a repair, for the clerk to check.
 */
const standing = (r: FieldRead): number => (madeUp(r) ? RANK.valid : RANK[r.evidence]);

/**
 * 1 for a transliterated name whose parts are all common given names (古丽·阿不都): it outranks one of
 * the same length that is not (古丽·网不都), as in the re-reading vote; never a longer or shorter one.
 */
const knownParts = (a: FieldRead, b: FieldRead): number => (a.type === 'name' && [...String(a.value)].length === [...String(b.value)].length && hasKnownParts(String(a.value)) ? 1 : 0);

/** 1 for a name the runners-up made: among names as usual, one read as it stands wins. */
const madeUp = (r: FieldRead): number => (r.shaped?.by === 'runner-up' && r.evidence === 'repaired' ? 1 : 0);

/**
 * 1 for a name the runners-up made that no other reading confirms: one that reads the characters
 * put in at their places (傅宏智 made from 傅宏暂 where the page as it is read 传宏智) is as good as read.
 */
const madeAlone = (r: FieldRead, others: readonly FieldRead[]): number => {
  if (!madeUp(r)) return 0;
  const [value, from] = [[...String(r.value)], [...r.shaped!.from]];
  const put = value.flatMap((c, i) => (c !== from[i] ? [i] : []));
  const confirmed = value.length === from.length && put.length > 0 && others.some((o) => o !== r && o.type === 'name' && [...String(o.value)].length === value.length && put.every((i) => [...String(o.value)][i] === value[i]));
  return confirmed ? 0 : 1;
};

/** Decides each field across the attempts (see the header). */
export function mergeFields(attempts: readonly Attempt[]): {
  fields: Record<string, FieldValue>;
  confidence: Record<string, number>;
  notes: Record<string, string>;
  reads: Record<string, FieldRead>;
  /** Per field: at least two readings gave the value and no well-formed reading gave another. */
  agree: Record<string, boolean>;
} {
  const names = new Set(attempts.flatMap((a) => Object.keys(readsOf(a.reading))));
  const fields: Record<string, FieldValue> = {};
  const confidence: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const reads: Record<string, FieldRead> = {};
  const agreed: Record<string, boolean> = {};
  const standings = new Map<string, Standing>();
  for (const name of names) {
    // In attempt order, as-is first: on equal evidence and support the page as it is wins.
    const byAttempt = attempts.map((a) => ({ a, r: readsOf(a.reading)[name] })).filter((x): x is { a: Attempt; r: FieldRead } => x.r !== undefined);
    // A model that cannot give a character another reading has there (谢鑫 where tesseract read
    // 谢鑫垚, 垚 missing from PaddleOCR's dictionary) has no vote on that field.
    const candidates = byAttempt.filter(({ a, r }) => !byAttempt.some((o) => o.a !== a && blindTo(String(r.value), o.r, a.canRead))).map(({ r }) => r);
    const bySecond = new Set(byAttempt.filter(({ a }) => a.method.endsWith(':2')).map(({ r }) => r));
    const groups = new Map<string, FieldRead[]>();
    for (const c of candidates) groups.set(String(c.value), [...(groups.get(String(c.value)) ?? []), c]);
    const grouped = [...groups.values()].map((g) => ({ g, best: g.reduce((a, b) => (RANK[b.evidence] > RANK[a.evidence] || (RANK[b.evidence] === RANK[a.evidence] && a.unlabelled && !b.unlabelled) ? b : a)), support: g.reduce((s, r) => s + readingWeight(r), 0) }));
    // A usual name outranks only readings with at most twice its support (欧阳秀相 read once does not outrank 欧阳秀昶 read three times).
    const most = Math.max(...grouped.map((r) => r.support));
    const usual = (r: Ranked) => (2 * r.support >= most ? usualName(r.best) : 0);
    // Between names of one length, support counts the other readings of that length in part, by the characters
    // they share (许俊志 over 许俊惠, where 许僵志 agrees with it twice and with 许俊惠 once).
    const held = new Map(grouped.map((r) => [r, r.best.type === 'name' ? r.support + grouped.reduce((s, o) => s + (o === r ? 0 : o.support * shared(String(r.best.value), String(o.best.value))), 0) : r.support]));
    const ranked = grouped
      .sort((a, b) => standing(b.best) - standing(a.best) || usual(b) - usual(a) || knownParts(b.best, a.best) - knownParts(a.best, b.best) || madeAlone(a.best, candidates) - madeAlone(b.best, candidates) || (sameLength(a, b) ? held.get(b)! - held.get(a)! : b.support - a.support) || candidates.indexOf(a.g[0]!) - candidates.indexOf(b.g[0]!));
    // A name cut at its middle dot (阿依 where another reading has 阿依·艾买提), or that lost a
    // character at either end (力·艾买提 where as many readings have 艾力·艾买提), gives way to the whole name.
    // Or that lost a given-name character inside it (李梦 where the first model's other reading has 李霞梦).
    // (Not a second model's lone reading with words read on after a dot, 莫豪洋·会保障, against a name more readings gave.)
    const whole = ranked.find((r, i) => i > 0 && r.best.type === 'name' && RANK[r.best.evidence] >= RANK.valid && ((String(r.best.value).startsWith(`${String(ranked[0]!.best.value)}·`) && !(r.g.every((x) => bySecond.has(x)) && r.support < ranked[0]!.support)) || (RANK[r.best.evidence] >= RANK[ranked[0]!.best.evidence] && outweighs(r, ranked[0]!, bySecond) && (grownBy(String(ranked[0]!.best.value), String(r.best.value)) || (lostInside(String(ranked[0]!.best.value), String(r.best.value)) && !r.g.every((x) => bySecond.has(x)))))));
    // A name whose glyphs matched a rare character (name-shapes.ts) replaces the reading it was made from, or that reading cut short.
    const lead = String(ranked[0]!.best.value);
    // (Runners-up are characters the model has: a name they made replaces only the very reading it was made from.)
    // Cut short: what the lead lacks is a character the glyphs put (not a stray mark the other model read before it: 元敖伟强 for 敖伟强).
    const shaped = ranked.find(({ best: { shaped: s, value } }) => s && (lead === s.from || (s.by !== 'runner-up' && ((cutAtEnd(lead, String(value)) && [...beyond(lead, String(value))].some((c) => s.put.includes(c))) || readWithout(lead, String(value), (c) => !s.put.includes(c))))));
    const top = shaped ?? whole ?? lengthened(ranked, bySecond) ?? withBranch(ranked) ?? ranked[0]!;
    const rest = ranked.filter((r) => r !== top);
    const others = rest.filter((r) => RANK[r.best.evidence] >= RANK.valid).map((r) => String(r.best.value));
    const agree = top.g.length >= 2 && others.length === 0;
    // Another reading found more after the same start: this one may have lost its end (a name's
    // last character, an address cut at a line end), so it is scored as a repaired value.
    const value = String(top.best.value);
    const longer = top.best.type !== 'amount' && top.best.type !== 'count' && rest.some((r) => String(r.best.value).length > value.length && String(r.best.value).startsWith(value));
    const read: FieldRead = longer && RANK[top.best.evidence] >= RANK.valid ? { ...top.best, evidence: 'repaired' } : top.best;
    fields[name] = read.value;
    reads[name] = read;
    agreed[name] = agree;
    confidence[name] = confidenceFor(read, agree);
    if (others.length > 0) notes[name] = `${read.note ? `${read.note};` : ''}另一次识别为“${others.join('”“')}”,请核对`;
    else if (read.note) notes[name] = read.note;
    standings.set(name, { top, ranked, from: attempts.findIndex((x) => readsOf(x.reading)[name] !== undefined && top.g.includes(readsOf(x.reading)[name]!)) });
  }
  for (const [one, other] of DISTINCT_PAIRS) {
    const parted = partedPair(one, other, fields, standings);
    if (!parted) continue;
    const { field, next, shared } = parted;
    const read: FieldRead = { ...next.best, evidence: RANK[next.best.evidence] > RANK.repaired ? 'repaired' : next.best.evidence, note: `两位当事人识别为同一个“${shared}”,此项取另一次识别结果,请核对` };
    fields[field] = read.value;
    reads[field] = read;
    agreed[field] = false;
    confidence[field] = confidenceFor(read, false);
    notes[field] = read.note!;
  }
  return { fields, confidence, notes, reads, agree: agreed };
}

type Ranked = { g: FieldRead[]; best: FieldRead; support: number };

const sameLength = (a: Ranked, b: Ranked): boolean => [...String(a.best.value)].length === [...String(b.best.value)].length;

/** The share of two names' characters that agree place by place (0 when their lengths differ). */
function shared(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  return x.length === y.length && x.length > 0 ? x.filter((c, i) => c === y[i]).length / x.length : 0;
}

/** How a field was decided: the winning group, all groups in rank, and the first attempt that gave the winner. */
type Standing = { top: Ranked; ranked: readonly Ranked[]; from: number };

/** Fields two different people fill: the readings cannot give both one value. */
const DISTINCT_PAIRS: readonly (readonly [string, string])[] = [
  ['party1Name', 'party2Name'],
  ['party1IdNumber', 'party2IdNumber'],
];

/**
 * Two parties decided to one value (an attempt that took the order of the parties the other way, its
 * value confirmed by the holder's name): the field whose value fewer readings gave — of equal support,
 * the one a later attempt gave — takes its best other well-formed reading. Undefined when the two
 * differ or neither has another reading.
 */
function partedPair(
  one: string,
  other: string,
  fields: Readonly<Record<string, FieldValue>>,
  standings: ReadonlyMap<string, Standing>,
): { field: string; next: Ranked; shared: string } | undefined {
  const [a, b] = [standings.get(one), standings.get(other)];
  if (!a || !b || fields[one] !== fields[other]) return undefined;
  const shared = String(fields[one]);
  const next = (s: Standing) => s.ranked.find((r) => r !== s.top && RANK[r.best.evidence] >= RANK.repaired && String(r.best.value) !== shared);
  const weaker = a.top.support !== b.top.support ? (a.top.support < b.top.support ? one : other) : a.from > b.from ? one : other;
  const order = [weaker, weaker === one ? other : one];
  for (const field of order) {
    const found = next(field === one ? a : b);
    if (found) return { field, next: found, shared };
  }
  return undefined;
}

/** Whether `mine` is what a model that cannot read some characters would make of `other`, a well-formed name or text. */
function blindTo(mine: string, other: FieldRead, canRead: ((char: string) => boolean) | undefined): boolean {
  if (!canRead || (other.type !== 'name' && other.type !== 'text') || RANK[other.evidence] < RANK.valid) return false;
  return readWithout(mine, String(other.value), canRead);
}

/**
 * Whether the longer of two names, alike but for a character or two at an end, outweighs the shorter:
 * with more support, or as much — unless only the second model read the longer and what it has more
 * at the end is no name character (a stray mark or the next label's first character read on: 范健海人
 * where the first model read 范健海; but 闫洋璐 where it read 闫洋).
 */
function outweighs(longer: { g: readonly FieldRead[]; support: number }, shorter: { g: readonly FieldRead[]; support: number }, bySecond: ReadonlySet<FieldRead>): boolean {
  // A longer name the first model read: readings are counted, not weighed (re-reading a cut crop again
  // and again, readingWeight, tells nothing of what it lost: 上官佳 four times against 上官佳婷 once).
  const first = !longer.g.every((r) => bySecond.has(r));
  const [more, less] = first ? [longer.g.length, shorter.g.length] : [longer.support, shorter.support];
  if (more !== less) return more > less;
  const [whole, cut] = [String(longer.g[0]!.value), String(shorter.g[0]!.value)];
  const extra = whole.startsWith(cut) ? whole.slice(cut.length) : '';
  return !(longer.g.every((r) => bySecond.has(r)) && extra !== '' && ![...extra].every(isGivenNameChar));
}

/**
 * A name read one character longer by more readings, all told, than read as the leader (陆敏 by
 * cells; 陆敏霞, 陆敏蚀 and 陆敏租 by the others: the name has a third character): the likeliest of
 * those whose last character is a name's and that the first model read too; undefined otherwise.
 */
function lengthened<T extends { g: readonly FieldRead[]; best: FieldRead; support: number }>(ranked: readonly T[], bySecond: ReadonlySet<FieldRead>): T | undefined {
  const lead = ranked[0]!;
  const cut = String(lead.best.value);
  if (lead.best.type !== 'name' || RANK[lead.best.evidence] < RANK.valid) return undefined;
  const longer = ranked.filter((r) => RANK[r.best.evidence] >= RANK.valid && String(r.best.value).length === cut.length + 1 && String(r.best.value).startsWith(cut));
  if (longer.reduce((s, r) => s + r.support, 0) <= lead.support) return undefined;
  return longer.find((r) => isGivenNameChar(String(r.best.value).slice(-1)) && !r.g.every((x) => bySecond.has(x)));
}

/** A branch's name after its company's or bank's (…股份有限公司 + 深圳龙华支行). */
const BRANCH = /^[\u3400-\u9fff()()]{2,12}(?:分公司|分行|支行|营业部|分店|分院|办事处)$/;

/**
 * An organisation read on into its branch where the leader stops at the legal form (中国建设银行股份有限公司
 * against …有限公司深圳龙华支行): a reading that garbled the branch keeps the name up to the last word it
 * could read, but no reading makes a branch up. The well-formed reading with the branch; undefined otherwise.
 */
function withBranch<T extends { best: FieldRead }>(ranked: readonly T[]): T | undefined {
  const lead = String(ranked[0]!.best.value);
  if (ranked[0]!.best.type !== 'text' || !/(?:公司|银行)$/.test(lead)) return undefined;
  return ranked.find((r) => RANK[r.best.evidence] >= RANK.valid && String(r.best.value).startsWith(lead) && BRANCH.test(String(r.best.value).slice(lead.length)));
}

/** What `whole` has beyond `cut` at its start or its end (cutAtEnd). */
const beyond = (cut: string, whole: string): string => (whole.startsWith(cut) ? whole.slice(cut.length) : whole.slice(0, whole.length - cut.length));

/** `cut` is `whole` with one or two characters lost at its start or its end. */
function cutAtEnd(cut: string, whole: string): boolean {
  const lost = whole.length - cut.length;
  return cut.length >= 2 && lost >= 1 && lost <= 2 && (whole.startsWith(cut) || whole.endsWith(cut));
}

/**
 * `cut` is `whole` with its end lost (cutAtEnd), and what was lost at the end can be a name's: a
 * given-name character, or part of a transliterated name (with its dot). Not a stamp's or a label's
 * characters read on after the name (袁芳店院 for 袁芳).
 */
function grownBy(cut: string, whole: string): boolean {
  if (!cutAtEnd(cut, whole)) return false;
  return !whole.startsWith(cut) || whole.includes('·') || [...beyond(cut, whole)].some(isGivenNameChar);
}

/** `cut` is `whole` with one character lost inside it, a given-name character (李梦 for 李霞梦). */
function lostInside(cut: string, whole: string): boolean {
  const w = [...whole];
  if ([...cut].length < 2 || w.length !== [...cut].length + 1) return false;
  return w.slice(1, -1).some((c, i) => isGivenNameChar(c) && [...w.slice(0, i + 1), ...w.slice(i + 2)].join('') === cut);
}

const readsOf = (r: PageReading): Readonly<Record<string, FieldRead>> => r.reads;

export async function readDocument(image: RgbaImage | GreyImage, recogniser: Recogniser, options: DocumentOptions): Promise<DocumentReading> {
  const given = image.data.length === image.width * image.height * 4 ? toGrey(image as RgbaImage) : (image as GreyImage);
  const { kind } = options;
  options.onProgress?.(0);
  // A page scanned upside down or photographed on its side is turned upright first: every reading below reads it so.
  const turned = (await recogniser.orientation?.(given)) ?? 0;
  const grey = turn(given, ((360 - turned) % 360) as QuarterTurn);
  const photo = preparePhoto(grey);
  // A fax's dots smoothed into grey strokes are read whole besides: in place of the prepared page,
  // smoothing lost a table's columns as often as it won a field (measured on 48 bilevel pages).
  const smoothed = isBilevel(photo.image) ? smooth(photo.image) : undefined;
  // The two models read in parallel (each its own worker); the attempts keep a fixed order, as-is first.
  const first = (async () => {
    const asIs = await readWholePage(grey, recogniser, kind);
    options.onProgress?.(0.35);
    const cells = await readPage(photo.image, recogniser, { kind });
    options.onProgress?.(0.75);
    const whole = photo.steps.includes('perspective') ? await readWholePage(photo.image, recogniser, kind) : smoothed ? await readWholePage(smoothed, recogniser, kind) : undefined;
    return { asIs, cells, whole };
  })();
  const other = options.second;
  const second = other ? (async () => ({ asIs: await readWholePage(grey, other, kind), cells: await readPage(photo.image, other, { kind }) }))() : undefined;
  const [a, b] = await Promise.all([first, second]);
  const attempts: Attempt[] = [];
  const add = (method: Attempt['method'], reading: PageReading | undefined) => {
    const model = method.endsWith(':2') ? other : recogniser;
    const canRead = model?.canRead?.bind(model);
    if (reading) attempts.push({ method, reading, score: readingScore(reading), ...(canRead ? { canRead } : {}) });
  };
  add('as-is', a.asIs);
  add('cells', a.cells);
  add('photo-whole', a.whole);
  add('as-is:2', b?.asIs);
  add('cells:2', b?.cells);
  options.onProgress?.(1);
  const best = attempts.reduce((a, b) => (b.score > a.score ? b : a));
  const merged = mergeFields(attempts);
  return {
    ...best.reading,
    kind,
    fields: merged.fields,
    confidence: merged.confidence,
    notes: merged.notes,
    reads: merged.reads,
    agree: merged.agree,
    attempts,
    chosen: best.method,
    photoSteps: smoothed ? [...photo.steps, 'smooth'] : photo.steps,
    turned,
  };
}
