// Field extraction per document kind from normalised, recognised lines, keyed on meaning (see
// meaning.ts). Every field carries its evidence: how it was checked (checksum, a second field that
// must agree with it) or repaired; the confidence shown is the measured accuracy of that evidence
// (calibration.ts), never the recogniser's own figure alone.
import { assertNever } from '../errors';
import { confidenceFor, type Evidence, type FieldType } from './calibration';
import { extractHukou, extractMarriage } from './extract-civil';
import { extractBank, extractIncome, extractProperty } from './extract-money';
import { extractSocial } from './extract-social';
import type { DocKind, FieldValue } from './fields';
import { idGender, type IdHints, readIdNumber } from './idfix';
import { type ReadLine, withBoxedLabels } from './labels';
import { after, CJK, type FoundName, type Hit, PageText, readDate, readLooseCnDate, startsWithHeading } from './meaning';
import { editDistance, lostSeparatorDate, repairDate } from './normalise';
import { COMPOUND_SURNAMES, hasKnownSurname, SURNAME_LOOK_ALIKES } from './surnames';
import { unfoldTables } from './tables';

/** One extracted field with what backs it. */
export interface FieldRead {
  readonly value: FieldValue;
  readonly type: FieldType;
  readonly evidence: Evidence;
  /** The recogniser's confidence of the characters the value came from (0..1). */
  readonly ocr: number;
  readonly note?: string;
  /** How many separate readings gave this value (the second pass reads a name several times); 1 when absent. */
  readonly votes?: number;
  /** Taken without its label (an ID number found only as the page's one checksum-valid number). */
  readonly unlabelled?: boolean;
  /** A name the shapes of its glyphs (name-shapes.ts) or the recogniser's runners-up (recheck.ts) changed. */
  readonly shaped?: Shaped;
}

/** What the recogniser read, the characters put in, and by what: glyph shapes (absent) or the recogniser's runners-up. */
export interface Shaped {
  readonly from: string;
  readonly put: readonly string[];
  readonly by?: 'runner-up';
}

export interface Extraction {
  readonly fields: Record<string, FieldValue>;
  readonly confidence: Record<string, number>;
  /** Chinese notes for the clerk, per field (corrections, failed checks, both values of a mismatch). */
  readonly notes: Record<string, string>;
  readonly reads: Record<string, FieldRead>;
  /** Values worth a second, closer reading (see reread.ts), in field order. */
  readonly recheck: readonly Recheck[];
}

/** A value to read again: where it was read (line index, text as read) and what it holds. */
export interface Recheck {
  readonly field: string;
  readonly line: number;
  readonly text: string;
  /** name: whole-value vote; relation: vote snapped to the vocabulary; text: character vote. */
  readonly kind: 'name' | 'relation' | 'text';
  /** The same name is printed as one of these fields too (the marriage certificate's holder). */
  readonly oneOf?: readonly string[];
}

/**
 * The ways a date is read, surest first: as printed (valid), then each repair with the note the clerk
 * sees: specks dropped, a lost separator (202509-04), Chinese numerals read small (十 as +), one
 * often-confused digit (2026.97.30).
 */
const DATE_READINGS: readonly { readonly read: (text: string) => string | undefined; readonly note?: (read: string) => string }[] = [
  { read: readDate },
  { read: (t) => readDate(t.replace(/[|!\][]/g, '')), note: () => '日期中有多余字符,已忽略,请核对' },
  { read: lostSeparatorDate, note: (r) => `日期识别为“${r}”,一个分隔符未能识别,请核对` },
  { read: readLooseCnDate, note: (r) => `日期识别为“${r}”,其中有字未能识别,请核对` },
  { read: repairDate, note: (r) => `日期识别为“${r}”,不是有效日期,已按易混数字校正,请核对` },
];

/** Confidence given to a field that was corrected or failed a check, before calibration. */
export const DOUBTFUL = 0.4;

export class Builder {
  readonly reads: Record<string, FieldRead> = {};
  readonly recheck: Recheck[] = [];
  constructor(readonly page: PageText) {}

  set(name: string, read: Omit<FieldRead, 'ocr'> & { ocr?: number }, hit?: Hit): void {
    if (read.value === '' || (typeof read.value === 'number' && !Number.isFinite(read.value))) return;
    const ocr = read.ocr ?? (hit ? this.page.confidence(hit.start, hit.end) : 0.5);
    this.reads[name] = { ...read, ocr };
  }

  /** Marks a field as confirmed by another field on the page (only a plainly valid one). */
  confirm(name: string): void {
    const r = this.reads[name];
    if (r && r.evidence === 'valid') this.reads[name] = { ...r, evidence: 'checked' };
  }

  /** Marks a field as contradicted, with a note naming both values. */
  contradict(name: string, note: string): void {
    const r = this.reads[name];
    if (r) this.reads[name] = { ...r, evidence: 'invalid', note };
  }

  date(name: string, hit: Hit | undefined): void {
    if (!hit) return;
    // A date found without its label (a statement's period above its entries) says so: never as sure as a labelled one.
    const mark = hit.unlabelled ? { unlabelled: true } : {};
    for (const way of DATE_READINGS) {
      const value = way.read(hit.value);
      if (value === undefined) continue;
      const note = way.note?.(hit.value.trim());
      this.set(name, { value, type: 'date', evidence: way.note ? 'repaired' : 'valid', ...(note ? { note } : {}), ...mark }, hit);
      return;
    }
    this.set(name, { value: hit.value, type: 'date', evidence: 'invalid', note: '日期无法识别,请核对', ...mark }, hit);
  }

  id(name: string, found: Hit | undefined, hints: IdHints = {}): void {
    if (!found) return;
    const hit = idOverLineBreak(this.page.text, found);
    const r = readIdNumber(hit.value, hints);
    const evidence: Evidence = r.valid ? (r.corrected ? 'repaired' : 'valid') : 'invalid';
    this.set(name, { value: r.value, type: 'id', evidence, ...(r.note ? { note: r.note } : {}), ...(hit.unlabelled ? { unlabelled: true } : {}) }, hit);
  }

  name(name: string, hit: Hit | undefined, found: FoundName | undefined, oneOf?: readonly string[]): void {
    if (!hit || !found) return;
    // Every name read is read again on its own (recheck.ts).
    const recheck = () => this.recheck.push({ field: name, line: this.page.line(hit.start), text: found.name, kind: 'name', ...(oneOf ? { oneOf } : {}) });
    // A compound surname with its second character misread (皇浦 for 皇甫), its first no surname alone:
    // the one compound starting so is meant. (Not a first character misread: 扬阳 may be 杨阳 as well
    // as 欧阳, a given name's first character matching a compound's second.)
    const compound = hasKnownSurname(found.name) || found.name.length < 3 || COMPOUND_SURNAMES.includes(found.name.slice(0, 2)) ? undefined : COMPOUND_SURNAMES.filter((c) => c[0] === found.name[0]);
    if (compound?.length === 1) {
      const value = compound[0]! + found.name.slice(2);
      this.set(name, { value, type: 'name', evidence: 'repaired', note: `姓氏识别为“${found.name.slice(0, 2)}”,已按复姓更正为“${compound[0]!}”,请与身份证核对` }, hit);
      recheck();
      return;
    }
    // A first character no one bears, one stroke or radical from a surname (洗丽怡): that surname, for the clerk to check
    // (not before a compound surname's second character: 扬阳婷 may be 杨阳婷 as well as 欧阳婷).
    const alike = hasKnownSurname(found.name) || found.name.length < 2 || COMPOUND_SURNAMES.some((c) => c[1] === found.name[1]) ? undefined : SURNAME_LOOK_ALIKES[found.name[0]!];
    if (alike) {
      this.set(name, { value: alike + found.name.slice(1), type: 'name', evidence: 'repaired', note: `姓氏识别为“${found.name[0]!}”,已按形近姓氏更正为“${alike}”,请与身份证核对` }, hit);
      recheck();
      return;
    }
    // A name that starts with no known surname is far more often misread than rare: the clerk checks it.
    const known = hasKnownSurname(found.name);
    const evidence: Evidence = found.trimmed ? 'repaired' : known ? 'valid' : 'invalid';
    const note = found.dotted ? '姓名中的间隔号“·”未能识别,已补上,请与身份证核对' : found.trimmed ? '姓名后有多余文字,已截去,请核对' : known ? undefined : '姓氏不在常见姓氏中,可能识别有误,请与身份证核对';
    this.set(name, { value: found.name, type: 'name', evidence, ...(note ? { note } : {}), ...(hit.unlabelled ? { unlabelled: true } : {}) }, hit);
    recheck();
  }

  gender(name: string, hit: Hit | undefined): void {
    if (!hit) return;
    const g = /男/.test(hit.value) ? '男' : /女/.test(hit.value) ? '女' : undefined;
    if (g) this.set(name, { value: g, type: 'enum', evidence: 'valid' }, hit);
  }

  result(): Extraction {
    const fields: Record<string, FieldValue> = {};
    const confidence: Record<string, number> = {};
    const notes: Record<string, string> = {};
    for (const [k, r] of Object.entries(this.reads)) {
      fields[k] = r.value;
      confidence[k] = confidenceFor(r, false);
      if (r.note) notes[k] = r.note;
    }
    return { fields, confidence, notes, reads: this.reads, recheck: this.recheck };
  }
}

/**
 * The page's one ID number when no label led to it (the label misread beyond repair): the only
 * 18-character run on the page that passes the GB 11643 checksum as read, uncorrected. Two
 * different valid numbers (a household member's, a spouse's) leave it undecided.
 */
/**
 * Every checksum-valid 18-character number on the page, as printed (not corrected). The page is
 * searched without spaces, so a number may run on into a date (4201…14321971年4月27日).
 */
export function validIdHits(page: PageText): Hit[] {
  // Two numbers side by side run together when the line is compacted (a table row's 男方 and 女方 numbers).
  const pairs = page.all(/(?<![0-9])([0-9]{17}[0-9Xx][0-9]{17}[0-9Xx])(?![0-9])/).flatMap((h) => [
    { value: h.value.slice(0, 18), start: h.start, end: h.start + 18 },
    { value: h.value.slice(18), start: h.start + 18, end: h.end },
  ]);
  // A number the line broke (公民身份号码15 / 0102201603238838,…): its two pieces make 18 characters.
  const broken = page
    .all(/(?<![0-9])([0-9]{1,17}\n[0-9]{0,16}[0-9Xx])(?![0-9])/)
    .filter((h) => h.value.length === 19)
    .map((h) => ({ ...h, value: h.value.replace('\n', '') }));
  // A number may also follow a date straight on (男方熊然刚男1995-02-07440303199502072791), or an
  // amount's cents where a letter's lines run on (…18,852.08 / 440303197111062968 2024年10月…).
  return [...page.all(/(?:(?<![0-9])|(?<=(?:19|20)[0-9]{2}[-./][0-9]{2}[-./][0-9]{2})|(?<=[0-9][.][0-9]{2}))([0-9]{17}[0-9Xx])(?=(?:19|20)[0-9]{2}年|[^0-9]|$)/), ...pairs, ...broken]
    .filter((h) => {
      const r = readIdNumber(h.value);
      return r.valid && !r.corrected;
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * A number broken at the line's end (公民身份号码:6501021980070532 / 75)名下…): the digits starting the
 * next line that make it 18 long, and no more, belong to it.
 */
function idOverLineBreak(text: string, hit: Hit): Hit {
  const digits = hit.value.replace(/\s/g, '');
  if (!/^\d{6,17}$/.test(digits) || text[hit.end] !== '\n') return hit;
  const rest = new RegExp(`^\\n(\\d{${17 - digits.length}}[0-9Xx])(?![0-9Xx])`).exec(text.slice(hit.end));
  return rest ? { ...hit, value: digits + rest[1]!, end: hit.end + rest[0].length } : hit;
}

export function unlabelledId(page: PageText): Hit | undefined {
  const hits = validIdHits(page);
  return new Set(hits.map((h) => h.value.toUpperCase())).size === 1 ? { ...hits[0]!, unlabelled: true } : undefined;
}

/** Two ISO dates whose digits are at most two edits apart (a digit dropped, doubled or misread). */
const nearDate = (a: string, b: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(a) && editDistance(a.replace(/-/g, ''), b.replace(/-/g, '')) <= 2;

/**
 * The ID number against the birth date and gender printed beside it. Agreement confirms both; a
 * mismatch keeps what was read and names both values for the clerk. Where either was not read, a
 * checksum-valid number gives it, as a repaired value the clerk checks against the paper.
 */
export function crossCheckId(b: Builder, idField: string, birthField: string, genderField?: string): void {
  const id = b.reads[idField];
  if (!id || typeof id.value !== 'string' || id.value.length !== 18) return;
  // Only a number that passed its checksum can confirm another field.
  const trusted = id.evidence === 'valid' || id.evidence === 'checked';
  const fromId = `${id.value.slice(6, 10)}-${id.value.slice(10, 12)}-${id.value.slice(12, 14)}`;
  const birth = b.reads[birthField];
  if (birth) {
    if (birth.value === fromId && trusted) {
      b.confirm(birthField);
      b.confirm(idField);
    } else if (birth.value !== fromId && trusted && nearDate(String(birth.value), fromId)) {
      // One or two digits apart (11 read as 1, 24 as 21): the checksum-valid number is the likelier
      // reading, but the value was changed, so it is a repaired one and the clerk sees both.
      b.set(birthField, { value: fromId, type: 'date', evidence: 'repaired', ocr: birth.ocr, note: `出生日期识别为${String(birth.value)},已按身份证号码改为${fromId},请核对原件` });
    } else if (birth.value !== fromId) {
      b.contradict(birthField, `出生日期识别为${String(birth.value)},身份证号码中为${fromId},请核对原件`);
      b.contradict(idField, `身份证号码中的出生日期为${fromId},页面上的出生日期识别为${String(birth.value)},请核对原件`);
    }
  }
  // A date or gender the page prints but the reading lost is the checksum-valid number's, for the clerk to check against the paper.
  else if (trusted) b.set(birthField, { value: fromId, type: 'date', evidence: 'repaired', ocr: id.ocr, note: `出生日期未能识别,已按身份证号码填入${fromId},请核对原件` });
  const gender = genderField ? b.reads[genderField] : undefined;
  if (!gender && genderField && trusted) b.set(genderField, { value: idGender(id.value), type: 'enum', evidence: 'repaired', ocr: id.ocr, note: `性别未能识别,已按身份证号码填入“${idGender(id.value)}”,请核对原件` });
  if (gender && genderField) {
    const fromIdGender = idGender(id.value);
    if (gender.value === fromIdGender) {
      if (trusted) b.confirm(genderField);
    } else b.contradict(genderField, `性别识别为${String(gender.value)},身份证号码为${fromIdGender}性,请核对`);
  }
}

/** An English gloss printed after a Chinese label (账号Account No.:, 期间Period;), which would stand between the label and its value. */
const GLOSS = /(?<=[\u3400-\u9fff])[A-Za-z][A-Za-z .]*[A-Za-z.](?=\s*[::;;]|[\u3400-\u9fff]|\s*$)/g;

/** Lines without English glosses (a line that loses one keeps its lowest cell confidence, not its cells). */
function withoutGlosses(lines: readonly ReadLine[]): ReadLine[] {
  return lines.map((l) => {
    // Letters that are misread digits are no gloss (二OO一年: the zeros of a year in Chinese numerals).
    const text = l.text.replace(GLOSS, (g) => (/^[OoIl]+$/.test(g) ? g : ''));
    if (text === l.text) return l;
    const confidence = Math.min(l.confidence, ...(l.spans ?? []).map((s) => s.confidence));
    return { text, confidence, ...(l.origin !== undefined ? { origin: l.origin } : {}) };
  });
}

export function extractFields(kind: DocKind, read: readonly ReadLine[]): Extraction {
  const lines = withoutGlosses(unfoldTables(withBoxedLabels(read)));
  const page = new PageText(lines);
  switch (kind) {
    case 'hukou':
      return extractHukou(new Builder(page));
    case 'marriage':
      return extractMarriage(new Builder(page));
    case 'income':
      return extractIncome(new Builder(new PageText(lines, true)));
    case 'bank':
      return extractBank(new Builder(page));
    case 'social':
      return extractSocial(new Builder(page));
    case 'property':
      return extractProperty(new Builder(page));
    case 'generic':
      return new Builder(page).result();
    default:
      return assertNever(kind);
  }
}

/**
 * The person a letter names: a transliterated name of parts joined by middle dots (the dot read as a
 * hyphen or dash too: 古丽娜尔-阿不都, put right by personName), or two to five characters; never across 证明.
 */
const LETTER_NAME = `(?:(?!证明)[${CJK}]){1,10}(?:[·\\-‐‑–—−][${CJK}]{1,10}){1,3}|(?:(?!证明)[${CJK}·]){2,5}?`;

/** A minority name's middle dot read as a comma, before the title (阿依,艾买提女士); see personName. */
const DOT_READ_AS_COMMA = `(?:(?<!员工|职工|单位|公司)[,,]["'“”‘’]?[${CJK}]{2,4}(?=同志|先生|女士))?`;

/** What follows 姓名 in a members table's heading row (姓名 与户主关系 性别 …): the next heading, no name. */
export const HEADING_AFTER_NAME = /^(?:与户主|户主关系|关系|性别|民族|出生)/;

/**
 * The person a letter is about: after its label, else after 兹证明 (a title such as 收入证明 may run
 * on into the body), else just before "(身份证号…". Income, social-insurance and property letters and
 * household-register letters (户籍证明: 兹证明钟倩珊,女,汉族,…) alike.
 */
export function letterName(b: Builder, labels: string): Hit | undefined {
  // A name the line broke: 申请人李艳 / 霞(公民身份号码:…).
  const broken = b.page.first(new RegExp(`(?:${labels}|证明|兹有)[::]?([${CJK}·]{1,4}\\n[${CJK}·]{1,3})(?:同志|先生|女士)?[((,,](?:身份证|公民身份|证件号)`));
  if (broken && [...broken.value].length <= 6) return { ...broken, value: broken.value.replace('\n', '') };
  // A table's headings between the label and the name (姓名月份应发工资(元)别克·加尔肯…) make the run longer.
  const first = formLine(b.page, b.page.first(after(labels, '[^\\n]{2,14}')));
  const labelled = first && startsWithHeading(first.value) ? b.page.first(after(labels, '[^\\n]{2,28}')) : first;
  // The letter may open with 兹有以下情况,特予证明: and name the person at the start of the next line (夏侯伟亮,男,汉族,…).
  // 兹证明 with its 证 misread (兹诚明), or its 明 before the bracket (兹证期范雪(…); the facts after the name parted by commas or 、; 兹有申请人郑诗颖(公民身份号码…).
  const certified = b.page.first(new RegExp(`(?:证明|兹有|兹[${CJK}]明|兹证[${CJK}](?=[${CJK}]{2,4}[((])|经(?:核实|查|审核|核查)[,,])(?:[::]\n?)?(?!仅|只|用于|系|材料|文件|兹|经(?:核实|查|审核|核查)|特此|以下|如下)(?:我(?:单位|公司|院|校)(?:职工|员工|在职员工|正式员工)?|申请人)?(${LETTER_NAME}${DOT_READ_AS_COMMA})(?:同志|先生|女士)?(?:[,,((]?(?:身份证|公民身份|性别|系|为|是|自|于|在|,)|[,,、][男女][,,、])`));
  // "Name(身份证号…)" anywhere in the letter; not the 明 of a 证明 whose name lost a character (证明何(…: no 明何).
  const beforeId = b.page.first(new RegExp(`(?:证明|^|\\n|[,,。])?(?<!证)(${LETTER_NAME})(?:同志|先生|女士)?[((](?:身份证|公民身份|证件\\n?号)`));
  // A police letter's 人口中有澹台琳(性别:女,民族:…): the name before the bracket that opens with its sex.
  const sexed = b.page.first(new RegExp(`(?:中有|兹有|[,,。::]|^|\\n)(${LETTER_NAME})[((]性别[::]?[男女]`));
  // A statement about oneself: 本人热合曼·艾力,公民身份号码….
  const self = b.page.first(new RegExp(`本人[::]?([${CJK}·]{2,8}?)[,,((]?(?:公民身份|身份证)`));
  return (labelled && !HEADING_AFTER_NAME.test(labelled.value) ? ownCell(b.page, labelled) : undefined) ?? certified ?? beforeId ?? sexed ?? self ?? openingName(b.page) ?? salutation(b.page);
}

/**
 * A form's short line (姓名汤雪 above 职务软件工程师) ends the value after its label, though a letter's
 * text runs its lines together: a name a long line of prose broke (申请人李艳 / 霞) is left whole.
 */
function formLine(page: PageText, hit: Hit | undefined): Hit | undefined {
  if (!hit) return hit;
  const line = page.line(hit.start);
  if (page.line(hit.end - 1) === line || page.lines[line]!.length > 10) return hit;
  let end = hit.start;
  while (end < hit.end && page.line(end) === line) end++;
  return end - hit.start >= 2 ? { value: page.text.slice(hit.start, end), start: hit.start, end } : hit;
}

/**
 * A letter addressed to the person names them alone on a line before a colon (努尔别克·努尔兰: / 经查询…):
 * a name with a known surname or a middle dot, among the first lines, the letter's body opening after it.
 */
function salutation(page: PageText): Hit | undefined {
  for (let i = 0; i < Math.min(4, page.lines.length); i++) {
    const m = new RegExp(`^([${CJK}]{1,10}·[${CJK}]{1,10}|[${CJK}]{2,4})(?:同志|先生|女士)?[::]$`).exec(page.lines[i]!);
    // The letter's body opens on the next line (经查询…, 兹…, 根据…): a card's row read with a colon (张伟长子:) is none.
    const opens = /^(?:经|兹|根据|依据|按照|您|你|现)/.test(page.lines[i + 1] ?? '');
    if (m && opens && (m[1]!.includes('·') || hasKnownSurname(m[1]!))) return page.lineHit(i, 0, m[1]!.length);
  }
  return undefined;
}

/**
 * A line that opens with the name and a comma (or colon) before the number (证明单位:本公司 / 岑雪,身份证号码:…);
 * found by the lines as read, since a letter's text runs them together.
 */
function openingName(page: PageText): Hit | undefined {
  for (const m of page.text.matchAll(/[,,::](?:身份证|公民身份)/g)) {
    let start = m.index;
    while (start > 0 && page.text[start - 1] !== '\n' && page.line(start - 1) === page.line(m.index)) start--;
    const value = page.text.slice(start, m.index);
    if (new RegExp(`^[${CJK}·]{2,5}$`).test(value) && !value.includes('证明')) return { value, start, end: m.index };
  }
  return undefined;
}

/**
 * A name ends with its cell: 赖皓波 of “权利人:赖皓波  粤(2020)深圳市不动产权第…号”, where the next
 * cell starts with a character that is no name's (a bracket or a digit follows it). A name whose
 * characters stand in cells of their own (赖  皓  波, letter-spaced) is left whole.
 */
function ownCell(page: PageText, hit: Hit): Hit {
  const cell = page.cellAt(hit.start);
  if (!cell || cell.end >= hit.end || cell.end - hit.start < 2) return hit;
  const own = hit.value.slice(0, cell.end - hit.start);
  const next = page.text.slice(cell.end, cell.end + 2);
  return new RegExp(`^[${CJK}·]+$`).test(own) && new RegExp(`^[${CJK}][^${CJK}·]`).test(next) ? { value: own, start: hit.start, end: cell.end } : hit;
}
