// Finding values by what they mean, not where they are: the page's recognised lines are joined into
// one compact text (whitespace gone, line breaks kept), and a value is the text of its type that
// follows one of its labels' synonyms, wherever the print design put label and value (a table
// cell, a "label: value" line, a sentence of a letter). Typed value readers live here too.
import type { ReadLine } from './labels';
import { DIGITISH, fixDigits, parseAmount, parseDate } from './normalise';
import { hasKnownSurname, surnameOf, withDotPutBack } from './surnames';
import { TABLE_HEADINGS } from './tables';

export interface Hit {
  readonly value: string;
  /** Offsets of the value in PageText.text. */
  readonly start: number;
  readonly end: number;
  /** Found without its label (the page's one checksum-valid ID number; see unlabelledId). */
  readonly unlabelled?: boolean;
}

/** A page as one searchable text, remembering each character's line and confidence. */
export class PageText {
  readonly text: string;
  /** Each line compacted (whitespace removed). */
  readonly lines: readonly string[];
  /** Each line as read, trimmed: its single spaces still part figures (175 194个月). */
  readonly spaced: readonly string[];
  /** Each line's table cells (the reading puts two or more spaces between them), each compacted. */
  readonly cells: readonly (readonly string[])[];
  private readonly lineStarts: number[] = [];
  private readonly lineOf: number[] = [];
  private readonly conf: number[] = [];

  /** `joined`: lines run on without breaks (a letter's sentences wrap anywhere). */
  constructor(lines: readonly ReadLine[], joined = false) {
    let text = '';
    this.lines = lines.map((l) => l.text.replace(/\s+/g, ''));
    this.spaced = lines.map((l) => l.text.trim());
    this.cells = lines.map((l) => l.text.trim().split(/\s{2,}/).map((c) => c.replace(/\s+/g, '')));
    lines.forEach((line, index) => {
      this.lineStarts.push(text.length);
      for (let i = 0; i < line.text.length; i++) {
        const ch = line.text[i]!;
        if (/\s/.test(ch)) continue;
        text += ch;
        this.lineOf.push(line.origin ?? index);
        const span = line.spans?.find((s) => s.start <= i && s.end > i);
        this.conf.push(span ? span.confidence : line.confidence);
      }
      if (joined) return;
      text += '\n';
      this.lineOf.push(line.origin ?? index);
      this.conf.push(1);
    });
    this.text = text;
  }

  /** A stretch [start, end) of compacted line `line` (this.lines) as a hit on the page text. */
  lineHit(line: number, start: number, end: number): Hit | undefined {
    const text = this.lines[line];
    if (text === undefined || start < 0 || end > text.length || start >= end) return undefined;
    const at = this.lineStarts[line]!;
    return { value: text.slice(start, end), start: at + start, end: at + end };
  }

  /** Where cell `cell` of line `line` stands in the text (a page read line by line, not joined). */
  cellHit(line: number, cell: number): Hit | undefined {
    const cells = this.cells[line];
    const value = cells?.[cell];
    if (!cells || !value) return undefined;
    const start = this.lineStarts[line]! + cells.slice(0, cell).join('').length;
    return { value, start, end: start + value.length };
  }

  /** Lowest character confidence of a stretch (0..1). */
  confidence(start: number, end: number): number {
    let min = 1;
    for (let i = start; i < Math.max(end, start + 1) && i < this.conf.length; i++) min = Math.min(min, this.conf[i]!);
    return min;
  }

  /** The line (of this.lines) and cell (of this.cells) holding page offset `offset`, with where that cell ends. */
  cellAt(offset: number): { line: number; cell: number; end: number } | undefined {
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
    let at = this.lineStarts[line]!;
    const cells = this.cells[line] ?? [];
    for (let cell = 0; cell < cells.length; cell++) {
      at += cells[cell]!.length;
      if (offset < at) return { line, cell, end: at };
    }
    return undefined;
  }

  line(offset: number): number {
    return this.lineOf[Math.min(offset, this.lineOf.length - 1)] ?? 0;
  }

  /** Every match of `re` (global), with the offsets of its first group. */
  all(re: RegExp): Hit[] {
    const out: Hit[] = [];
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of this.text.matchAll(g)) {
      const value = m[1] ?? m[0];
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ value, start, end: start + value.length });
    }
    return out;
  }

  /** The first match; when there is none, the first of the looser pattern registered for `re` (see after). */
  first(re: RegExp): Hit | undefined {
    return this.all(re)[0] ?? this.looser(re)[0];
  }

  /** Every match of `re`, or when there is none, of its looser pattern. */
  allOrLooser(re: RegExp): Hit[] {
    const exact = this.all(re);
    return exact.length > 0 ? exact : this.looser(re);
  }

  /** Every match of the looser pattern registered for `re` (see after); none when it has none. */
  looser(re: RegExp): Hit[] {
    const fallback = LOOSER.get(re);
    return fallback ? this.all(fallback) : [];
  }
}

/** For a pattern made by after(): the same with each long label allowed one misread character. */
const LOOSER = new WeakMap<RegExp, RegExp>();

/** Top-level alternatives of a label pattern ("a|(?:b|c)d" → ["a", "(?:b|c)d"]). */
function alternatives(labels: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < labels.length; i++) {
    const ch = labels[i];
    if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(labels.slice(from, i));
      from = i + 1;
    }
  }
  out.push(labels.slice(from));
  return out;
}

/** Shortest plain label that may match with one character misread (shorter ones are too common). */
export const LOOSE_LABEL_MIN = 4;

/**
 * Each plain label of LOOSE_LABEL_MIN or more characters (after a lookbehind or none) with one position read as any character
 * ("出生日项" for 出生日期, "身份证件娩号" for 身份证件编号): a label is found by its meaning even when
 * the recogniser missed one of its characters. Undefined when no label is long enough.
 */
export function looseLabels(labels: string): string | undefined {
  // A label kept from some neighbour by a lookbehind ((?<!该)查询对象) keeps it.
  const loose = alternatives(labels)
    .map((a) => new RegExp(`^(\\(\\?<!(?:[^()]|\\([^()]*\\))*\\))?([${CJK}]{${LOOSE_LABEL_MIN},})$`).exec(a))
    .flatMap((m) => (m ? [...m[2]!].map((_, i, a) => `${m[1] ?? ''}${a.slice(0, i).join('')}[^\\n::|]${a.slice(i + 1).join('')}`) : []));
  return loose.length > 0 ? loose.join('|') : undefined;
}

/**
 * What may stand between a label and its value: a colon, a cell rule read as a bar or bracket, and the
 * specks a recogniser reads as quotes, dots or an underscore beside a label (姓名”史静琳, 登记日期“_2006年).
 */
export const GAP = '[::;;|\\]\\[“”"\'‘’。.,,、_]{0,3}\\n?[::;;|“”"]?';

/**
 * Label alternatives, optional separators (colon, bar, a line break between cells), then the value.
 * PageText.first falls back to the labels read with one character wrong (looseLabels) when the
 * exact labels find nothing.
 */
export const after = (labels: string, value: string, gap = GAP): RegExp => {
  const re = new RegExp(`(?:${labels})${gap}(${value})`);
  const loose = looseLabels(labels);
  if (loose) LOOSER.set(re, new RegExp(`(?:${loose})${gap}(${value})`));
  return re;
};

export const CJK = '\\u3400-\\u9fff';
/** A run of name characters: CJK and the middle dot of minority names. */
export const NAME_RUN = `[${CJK}·]{2,8}`;
/** A party's name before its bracket: two to five characters, or a transliterated name of parts joined by middle dots (米热古丽·艾力). */
export const PARTY_NAME = `[${CJK}]{1,10}(?:·[${CJK}]{1,10}){1,3}|[${CJK}·]{2,5}`;
export const ID_RUN = `[${DIGITISH}0-9Xx×]{15,21}`;
/**
 * A date in figures; after 月 without its 日 the day does not run into the next year (2023年7月2025年7月
 * is a span of months, not 2023-07-20, also with the next 年 misread: 2022年10月2023征10月; 2026年11月2411,
 * its 日 misread, is a date) nor into an amount
 * (2026年06月28,000.00 and 2026年01月2800000 are a month's pay), and is no table's rule alone
 * (2025年9月|深圳市…: a month in a column, not the 1st).
 */
export const DATE_RUN = `[${DIGITISH}]{4}(?:(?:\\n?年\\n?|[.,\\-/])[${DIGITISH}]{1,3}(?:\\n?月\\n?(?![|!\\]\\[]{1,3}(?:[^日${DIGITISH}]|$))[${DIGITISH}]{1,3}(?:日|(?![0-9]{3}|[0-9]*(?:年|[,.][0-9]|[^\\n0-9]?[0-9]{1,2}月)))|[.,\\-/][${DIGITISH}]{1,3}日?)|\\n?年(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])日)`;
/** A year of three Chinese numerals that lost one: its leading 二 (O二五) or its 〇 after 二 (二二五); see readLooseCnDate. */
const CN_YEAR_OF_THREE = '(?<![〇零○Ｏ0-9oO口一二三四五六七八九])(?:[〇零○Ｏ0oO口]|二(?=[一二]))[〇零○Ｏ0-9oO口一二三四五六七八九]{2}';

/**
 * Chinese numerals; the year may carry one zero read twice (二O〇二四: 〇 read as O and 〇); a letter's
 * line may break inside the month or the day (八月二 / 十日). Read small, 十 may come out as +, 一 as — or -,
 * 〇 as 口, and 日 as 目 曰 口 白 or not at all at the line's end (readLooseCnDate reads those).
 */
export const CN_DATE_RUN = `(?:[〇零○Ｏ0-9oO口一二三四五六七八九]{4,5}|${CN_YEAR_OF_THREE}|[〇零○Ｏ0-9oO口一二三四五六七八九]{1,3}\\n[〇零○Ｏ0-9oO口一二三四五六七八九]{1,3})\\n?年\\n?[一二三四五六七八九十+—\\-－](?:\\n?[一二三四五六七八九十+—\\-－])?\\n?月\\n?[一二三四五六七八九十+—\\-－](?:\\n?[一二三四五六七八九十+—\\-－]){0,2}(?:[日目曰口白]|(?=\\n|$))`;

const LOOSE_CN_DATE = new RegExp(`(${CN_YEAR_OF_THREE}(?=年)|[〇零○Ｏ0-9oO口一二三四五六七八九]{4,5})年([一二三四五六七八九十+—\\-－]{1,2})月([一二三四五六七八九十+—\\-－]{1,3})(?:[日目曰口白]|$)`);

/**
 * A date in Chinese numerals as read small (二〇二四年+一月+八目, 二口二四年五月九): what readDate reads once
 * 十 一 〇 日 are put back; a year that lost its leading 二 (O二五年: 二〇二五 read from its 〇) or its 〇
 * (二二五年) gets it back, and one that starts with 三 (三0二四年) starts with 二.
 */
export function readLooseCnDate(text: string): string | undefined {
  const m = LOOSE_CN_DATE.exec(text.replace(/\n/g, '').trim());
  const norm = (part: string) => part.replace(/\+/g, '十').replace(/[—\-－]/g, '一').replace(/口/g, '〇');
  // A year starts with 一 or 二: 三 there is 二 with a speck (三0二四年). Of three characters, it lost
  // its leading 二 (O二五) or, after 二 and before the decade's 一 or 二, its 〇 (二二五: no other
  // character of 二〇二五 lost leaves that).
  const three = m?.[1]!.length === 3 ? (m[1]!.startsWith('二') ? `二〇${m[1]!.slice(1)}` : `二${m[1]}`) : undefined;
  const year = (three ?? m?.[1])?.replace(/^三/, '二');
  return m ? readDate(`${norm(year!)}年${norm(m[2]!)}月${norm(m[3]!)}日`) : undefined;
}
export const AMOUNT_RUN = '[0-9OolIiSB][0-9OolIiSB,.]*';

/**
 * Cuts a run read after a label at the first of the stop labels (the next cell's label when a
 * whole table row is read as one line), keeping what came before.
 */
export function cutAt(run: string, stops: readonly string[]): string {
  let end = run.length;
  for (const s of stops) {
    // A stop the run starts with is its value (户主 under 与户主关系); the next one after it still cuts (户主户主姓名…).
    const i = run.indexOf(s, 1);
    if (i > 0 && i < end) end = i;
  }
  return run.slice(0, end);
}

/**
 * A comma between two runs of two or more Chinese characters inside a name's value: the middle dot
 * of a minority name (艾力·努尔) read as "," — the recogniser takes the raised dot for a comma, which
 * a name cannot hold. Only at the start of the value (a clause's comma further on is left alone).
 */
const COMMA_FOR_DOT = /^([\u3400-\u9fff]{2,4}) ?[,,][ "'“”‘’]*(?=[\u3400-\u9fff]{2,})/;
/** The middle dot read as a hyphen, dash or full stop (巴特尔-朝鲁), likewise at the value's start. */
const DASH_FOR_DOT = /^([\u3400-\u9fff]{2,6})[-‐‑–—−.．•・‧](?=[\u3400-\u9fff]{2,})/;

/** Label words a misplaced value run may start with: never a person's name. */
const NOT_NAMES = /^(以下|以上|如下|情况|特此|兹有|单位|姓名|名字|性别|性[\u3400-\u9fff]?[男女]|性[\u3400-\u9fff]?出生|民族|证件|身份|号码|公民|户名|账号|卡号|查询|日期|住址|地址|出生|国籍|备注|参保|缴费|纳税|申请人|权利人|持证人|户[主士王]|[\u3400-\u9fff]{0,2}与户|代发(?:工资|薪)|工资|消费|转账|摘要|交易(?:日期|时间|明细|金额)|在本)/;
/** The last character of a label, left before the name when the label was misread. */
const LEFT_BY_LABEL = ['人', '名', '方', '为', '是', '系', '之'];

/** Whether a run read after a label starts with a table's headings (a name may stand after them). */
export function startsWithHeading(run: string): boolean {
  const letters = run.replace(/[^\u3400-\u9fff·]/g, '');
  return withoutHeadings(letters) !== letters;
}

/** `run` without the table headings it starts with (each with its unit 元 if the unit was printed). */
function withoutHeadings(run: string): string {
  const heading = (text: string) => HEADINGS.find((t) => text.startsWith(t));
  let rest = run;
  for (let h = heading(rest); h; h = heading(rest)) rest = rest.slice(h.length).replace(/^元/, '');
  return rest;
}
/** The headings of tables (tables.ts) and of a month's column (月份 …), longest first. */
const HEADINGS = [...TABLE_HEADINGS, '所属月份', '发放月份', '支付月份', '月份', '年月'].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);

/** The words before the name in a search result's sentence (未查询到张伟名下…, 经查询,查到…). */
const SEARCHED = /^[\s,,]*(?:(?:未|没有)?(?:查询到|询到|查到))(?=[\u3400-\u9fff]{2})/;

/** A two- or three-character name, then 同志, 先生 or 女士 with one character misread. */
const COURTESY_MISREAD = /^([\u3400-\u9fff]{2,3})(?:同[\u3400-\u9fff]|[\u3400-\u9fff]志|先[\u3400-\u9fff]|[\u3400-\u9fff]生|女[\u3400-\u9fff]|[\u3400-\u9fff]士)$/;

/** A name found in a run; `trimmed`: characters after it were cut off, or (`dotted`) its lost middle dot put back. */
export interface FoundName {
  readonly name: string;
  readonly trimmed: boolean;
  readonly dotted?: boolean;
}

/** A person's name from a run: name characters up to a stop label, 2..4 characters (5 with ·). */
export function personName(run: string, stops: readonly string[]): FoundName | undefined {
  // The sex cell a row read whole ran on into, its label misread (吴洁性女, 诸葛强伟性·男, 韩蕾薇性则·女, 彭秀性制女), ends it too
  // (性别 read right is a stop of its own: a name it ends is not marked trimmed);
  // and what a search result's sentence puts before the name (未查询到张伟名下…) is no part of it.
  // So does that label alone, its 别 misread, at the run's end (莫芳性制).
  // A card row's next label with its first character misread (于霞敏9份证号码: 身 read as 9) ends it as well.
  // The bracket of a number after the name ends it, as printed (潘轩(公 / 民身份号码…: the line broke inside 公民).
  const bare = run.replace(/(?<=[\u3400-\u9fff·]{2})[((](?:公|身|证)[\s\S]*$/, '');
  const sexless = bare
    .replace(/(?<=[\u3400-\u9fff])性(?!别)[\u3400-\u9fff]?[\s·.:：]{0,2}[男女][\s\S]*$/, '')
    .replace(/(?<=[\u3400-\u9fff]{2})性[\u3400-\u9fff]?$/, '')
    .replace(/(?<=[\u3400-\u9fff]{2})(?<!身)[^\u3400-\u9fff·\s]?份证[\s\S]*$/, '')
    // So does a number's label of two characters, its first misread, after a name (薛晨银号:6222…: 账号 read as 银号).
    .replace(/^([\u3400-\u9fff]{2,4})[\u3400-\u9fff]号[:：]?(?=[0-9])[\s\S]*$/, '$1');
  const own = sexless.replace(SEARCHED, '');
  // A name ends at a number after it (别克·加尔肯2024年12月…: the row's next cell), a stray digit inside it aside.
  const cut = cutAt(own.replace(COMMA_FOR_DOT, '$1·').replace(DASH_FOR_DOT, '$1·').replace(/(?<=[\u3400-\u9fff·]{2})[0-9]{2,}[\s\S]*$/, '').replace(/[^\u3400-\u9fff·]/g, ''), [...stops, '名下'])
    .replace(/(同志|先生|女士)$/, '')
    .replace(/^·+|·+$/g, '');
  const max = cut.includes('·') ? 12 : 4;
  if (cut.length < 2 || NOT_NAMES.test(cut)) return undefined;
  // A transliterated name whose middle dot was lost (艾力阿不都) runs past four characters: the dot goes back.
  const dotted = withDotPutBack(cut);
  if (dotted) return { name: dotted, trimmed: true, dotted: true };
  // 同志, 先生 or 女士 after the name with one of its two characters misread (叶慧同患): a name of
  // two or three characters whose surname is single does not run to four or five.
  const courtesy = COURTESY_MISREAD.exec(cut);
  if (courtesy && surnameOf(cut)?.length === 1) return { name: courtesy[1]!, trimmed: true };
  // A table's headings read between the label and the name (姓名 | 月份 应发工资(元) over 别克·加尔肯 | 2024年12月 …) go; headings alone are no name (出勤天数).
  const rest = withoutHeadings(cut);
  if (rest !== cut) return rest.length < 2 || NOT_NAMES.test(rest) ? undefined : { name: rest.slice(0, max), trimmed: true };
  // A character the label left behind (持证人 → 人姚杰, 男方 → 方张伟) before a known surname goes.
  if (cut.length >= 3 && LEFT_BY_LABEL.includes(cut[0]!) && !hasKnownSurname(cut) && hasKnownSurname(cut.slice(1))) return { name: cut.slice(1, 1 + max), trimmed: true };
  return { name: cut.slice(0, max), trimmed: cut.length > max || sexless !== bare };
}

/** Chinese numerals, and the Arabic digits a recogniser reads some of them as (二〇二二 read as 2O二二). */
const CN_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, o: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, ...Object.fromEntries([...'123456789'].map((d) => [d, Number(d)])) };

/** 一九九六 → 1996 digit by digit; 二十三 → 23 as a number (1..99). */
function cnSmall(text: string): number | undefined {
  if (text === '') return undefined;
  if (!text.includes('十')) {
    const digits = [...text].map((c) => CN_DIGITS[c]);
    return digits.some((d) => d === undefined) ? undefined : Number(digits.join(''));
  }
  const [tens, ones] = text.split('十') as [string, string];
  const t = tens === '' ? 1 : CN_DIGITS[tens];
  const o = ones === '' ? 0 : CN_DIGITS[ones];
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

/** Arabic ("2024年5月12日", "2024.05.12") or Chinese-numeral ("二〇二四年五月十二日") date → ISO. */
export function readDate(text: string): string | undefined {
  const arabic = parseDate(text);
  if (arabic) return arabic;
  const m = /([〇零○Ｏ0-9oO一二三四五六七八九]{4,5})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/.exec(text.replace(/\n/g, ''));
  if (!m) return undefined;
  // Five year characters: a zero read twice side by side is one zero; else an Arabic digit before
  // the year is the line before's (…0755-67956271 / 二〇二二年 read on as 12O二二年, a stamp's 章 as
  // 7 before 二0二六年: its 〇 read as the digit 0); anything else is not a year.
  const doubled = m[1]!.length === 5 ? m[1]!.replace(/([〇零○Ｏ0oO])[〇零○Ｏ0oO]/, '$1') : m[1]!;
  const year = doubled.length === 5 && /^[0-9]/.test(doubled) && !/[1-9]/.test(doubled.slice(2)) ? doubled.slice(1) : doubled;
  const [y, mo, d] = [year.length === 4 ? cnSmall(year) : undefined, cnSmall(m[2]!), cnSmall(m[3]!)];
  if (y === undefined || y < 1900 || mo === undefined || d === undefined) return undefined;
  return parseDate(`${y}年${mo}月${d}日`);
}

/**
 * A Chinese-numeral date whose year was misread (九三年二月二十六H: 一九 lost, 日 read H; 一九V八年) and
 * whose year is known from elsewhere: ISO, when every year character that is a digit agrees with that
 * year read from the right, and at least one does.
 */
export function readCnDateInYear(text: string, year: number): string | undefined {
  const m = /([^\n年]{1,4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})(?:[日目曰口白H]|$)/.exec(text);
  if (!m) return undefined;
  const [given, digits] = [[...m[1]!].reverse(), [...String(year)].reverse()];
  const checks = given.map((c, i) => (CN_DIGITS[c] === undefined ? undefined : String(CN_DIGITS[c]) === digits[i]));
  if (checks.includes(false) || !checks.includes(true)) return undefined;
  const [mo, d] = [cnSmall(m[2]!), cnSmall(m[3]!)];
  return mo === undefined || d === undefined ? undefined : parseDate(`${year}年${mo}月${d}日`);
}

const UPPER_DIGITS: Readonly<Record<string, number>> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const UPPER_UNITS: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 };

/** 人民币大写 "伍仟叁佰元整", "壹拾贰万叁仟元伍角" → yuan, or undefined. */
export function readUpperAmount(text: string): number | undefined {
  // No 角 is written as 零 before the 分: 贰拾贰元零伍分 is 22.05.
  const m = /^([零壹贰叁肆伍陆柒捌玖拾佰仟万]+)元(?:([零壹贰叁肆伍陆柒捌玖])角|零(?=[壹贰叁肆伍陆柒捌玖]分))?(?:([壹贰叁肆伍陆柒捌玖])分)?整?/.exec(text);
  if (!m) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of m[1]!) {
    if (ch in UPPER_DIGITS) digit = UPPER_DIGITS[ch]!;
    else if (ch in UPPER_UNITS) {
      section += (digit || 1) * UPPER_UNITS[ch]!;
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  total += section + digit;
  // Numerals are written one way (壹仟零玖, 陆仟玖佰): a digit or unit lost leaves a form no one writes
  // (仟玖 for 陆仟玖佰), which is no amount. (拾 may stand for 壹拾.)
  const written = writeUpperAmount(total)?.replace(/元整$/, '');
  if (written !== undefined && m[1] !== written && `壹${m[1]}` !== written) return undefined;
  const jiao = m[2] ? UPPER_DIGITS[m[2]]! : 0;
  const fen = m[3] ? UPPER_DIGITS[m[3]]! : 0;
  return total > 0 ? Math.round((total + jiao / 10 + fen / 100) * 100) / 100 : undefined;
}

const UPPER_DIGIT_CHARS = '零壹贰叁肆伍陆柒捌玖';

/** Four digits (0-9999) in upper case: 捌仟零伍拾 for 8050 (one 零 for a run of zeros between digits). */
function upperSection(n: number): string {
  let out = '';
  let zero = false;
  for (const [unit, size] of [['仟', 1000], ['佰', 100], ['拾', 10], ['', 1]] as const) {
    const d = Math.floor(n / size) % 10;
    if (d === 0) zero = out !== '';
    else {
      out += (zero ? '零' : '') + UPPER_DIGIT_CHARS[d]! + unit;
      zero = false;
    }
  }
  return out;
}

/** A whole number of yuan (1 … 99,999,999) as a letter writes it in upper case: 88800 → 捌万捌仟捌佰元整. */
export function writeUpperAmount(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n >= 1e8) return undefined;
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  const head = high > 0 ? `${upperSection(high)}万` : '';
  const tail = low === 0 ? '' : (high > 0 && low < 1000 ? '零' : '') + upperSection(low);
  return `${head}${tail}元整`;
}

/**
 * Whether upper-case numerals read with some digits misread (期万制仟捌佰元整) are `n` written out
 * (捌万捌仟捌佰元整): as long, every unit (万 仟 佰 拾 元) where it belongs, and at most one digit in
 * three misread, none of them read as another digit (a digit read as a digit is another number).
 */
export function upperReadAs(read: string, n: number): boolean {
  const written = writeUpperAmount(n);
  const chars = [...read.replace(/整$/, '')];
  const want = written && [...written.replace(/整$/, '')];
  if (!want || chars.length !== want.length) return false;
  const wrong = want.flatMap((c, i) => (chars[i] === c ? [] : [i]));
  return wrong.length <= Math.max(1, Math.floor(want.length / 3)) && wrong.every((i) => UPPER_DIGIT_CHARS.includes(want[i]!) && !UPPER_DIGIT_CHARS.includes(chars[i]!));
}

/** An amount read after its phrase: Arabic with 元 or 万元, or upper-case numerals. */
export function readAmount(run: string): number | undefined {
  const upper = readUpperAmount(run);
  if (upper !== undefined) return upper;
  const m = new RegExp(`^[¥¥]?(${AMOUNT_RUN})(万)?`).exec(run);
  if (!m) return undefined;
  const n = parseAmount(m[1]!.replace(/[.,]+$/, ''));
  if (n === undefined) return undefined;
  return m[2] ? Math.round(n * 10000 * 100) / 100 : n;
}

/** A whole number of months from "126", "126个月" or "10年6个月". */
export function readMonths(run: string): number | undefined {
  const ym = new RegExp(`^([${DIGITISH}]{1,2})年(?:([${DIGITISH}]{1,2})个?月)?`).exec(run);
  if (ym) return Number(fixDigits(ym[1]!)) * 12 + (ym[2] ? Number(fixDigits(ym[2])) : 0);
  const m = new RegExp(`^([${DIGITISH}]{1,3})(?:个?月)?`).exec(run);
  return m ? Number(fixDigits(m[1]!)) : undefined;
}
