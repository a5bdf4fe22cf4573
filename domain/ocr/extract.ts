// Field extraction per document kind from normalised, recognised lines.
import { assertNever } from '../errors';
import type { DocKind, FieldValue } from './fields';
import { readIdNumber, type IdHints } from './idfix';
import { labelledValues, type LabelledValue, type ReadLine, valueOf } from './labels';
import { DIGITISH, fixDigits, parseAmount, parseDate } from './normalise';
import { HOUSEHOLD_RELATIONS, snapToVocabulary } from './vocab';

export interface Extraction {
  readonly fields: Record<string, FieldValue>;
  readonly confidence: Record<string, number>;
  /** Chinese notes for the clerk, per field (corrections, failed checks). */
  readonly notes: Record<string, string>;
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

/** Confidence given to a field that was corrected or failed a check. */
export const DOUBTFUL = 0.4;

class Builder implements Extraction {
  readonly fields: Record<string, FieldValue> = {};
  readonly confidence: Record<string, number> = {};
  readonly notes: Record<string, string> = {};
  readonly recheck: Recheck[] = [];

  set(name: string, value: FieldValue | undefined, confidence: number, note?: string): void {
    if (value === undefined || value === '') return;
    this.fields[name] = value;
    this.confidence[name] = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
    if (note) this.notes[name] = note;
  }
  text(name: string, v: LabelledValue | undefined): void {
    if (v) this.set(name, v.value, v.confidence);
  }
  /** A person's name: only CJK characters and the middle dot survive (stray quotes, bars). */
  person(name: string, v: LabelledValue | undefined, oneOf?: readonly string[]): void {
    if (!v) return;
    const value = v.value.replace(/[^\u3400-\u9fff·]/g, '');
    this.set(name, value, v.confidence);
    if (value !== '') this.recheck.push({ field: name, line: v.line, text: value, kind: 'name', ...(oneOf ? { oneOf } : {}) });
  }
  /** The relation to the head of household: a word of a closed vocabulary, else doubtful. */
  relation(name: string, v: LabelledValue | undefined): void {
    if (!v) return;
    const read = v.value.replace(/[^\u3400-\u9fff]/g, '');
    if (read === '') return;
    const snapped = snapToVocabulary([{ text: read, confidence: v.confidence * 100 }], HOUSEHOLD_RELATIONS);
    if (snapped.text === read && snapped.inVocabulary) this.set(name, read, v.confidence);
    else if (snapped.inVocabulary) this.set(name, snapped.text, DOUBTFUL, `与户主关系识别为“${read}”,已按常用称谓更正为“${snapped.text}”,请核对`);
    else this.set(name, read, DOUBTFUL, '与户主关系无法识别,请核对');
    this.recheck.push({ field: name, line: v.line, text: read, kind: 'relation' });
  }
  date(name: string, v: LabelledValue | undefined): void {
    if (!v) return;
    const iso = parseDate(v.value);
    // A stray bar or bracket beside a digit (01]月): read without it, but ask for a check.
    const stripped = iso ? undefined : parseDate(v.value.replace(/[|!\][]/g, ''));
    if (iso) this.set(name, iso, v.confidence);
    else if (stripped) this.set(name, stripped, DOUBTFUL, '日期中有多余字符,已忽略,请核对');
    else this.set(name, v.value, DOUBTFUL, '日期无法识别,请核对');
  }
  gender(name: string, v: LabelledValue | undefined): void {
    if (!v) return;
    const g = /男/.test(v.value) ? '男' : /女/.test(v.value) ? '女' : undefined;
    if (g) this.set(name, g, v.confidence);
    else this.set(name, v.value, DOUBTFUL, '性别无法识别');
  }
  id(name: string, raw: string | undefined, confidence: number, hints: IdHints = {}): void {
    if (raw === undefined || raw === '') return;
    const r = readIdNumber(raw, hints);
    this.set(name, r.value, r.valid && !r.corrected ? confidence : Math.min(confidence, DOUBTFUL), r.note);
  }
  /** Lowers a field's confidence when another field on the page contradicts it. */
  doubt(name: string, note: string): void {
    if (this.fields[name] === undefined) return;
    this.confidence[name] = Math.min(this.confidence[name] ?? 0, DOUBTFUL);
    this.notes[name] = note;
  }
}

const HUKOU_LABELS = [
  '常住人口登记卡', '姓名', '户主或与户主关系', '与户主关系', '曾用名', '性别', '出生地', '民族', '籍贯', '出生日期', '住址',
  '本市(县)其他住址', '宗教信仰', '公民身份号码', '身高', '血型', '文化程度', '婚姻状况', '兵役状况', '服务处所', '职业',
  '何时由何地迁来本市(县)', '何时由何地迁往何地', '承办人签章', '登记日期',
];

function hukou(lines: readonly ReadLine[]): Extraction {
  const b = new Builder();
  const v = labelledValues(lines, HUKOU_LABELS);
  b.person('name', valueOf(v, '姓名'));
  b.relation('relation', valueOf(v, '户主或与户主关系') ?? valueOf(v, '与户主关系'));
  b.gender('gender', valueOf(v, '性别'));
  b.date('birthDate', valueOf(v, '出生日期'));
  const eth = valueOf(v, '民族');
  if (eth) b.set('ethnicity', eth.value.endsWith('族') || eth.value.length > 3 ? eth.value : `${eth.value}族`, eth.confidence);
  const address = valueOf(v, '住址');
  b.text('address', address);
  if (address?.value) b.recheck.push({ field: 'address', line: address.line, text: address.value, kind: 'text' });
  const id = valueOf(v, '公民身份号码');
  const hints = { birthDate: b.fields.birthDate as string | undefined, gender: b.fields.gender as IdHints['gender'] };
  b.id('idNumber', id?.value, id?.confidence ?? 0, hints);
  crossCheck(b, 'idNumber', 'birthDate', 'gender');
  return b;
}

/** ID number against the birth date and gender printed beside it. */
function crossCheck(b: Builder, idField: string, birthField: string, genderField: string): void {
  const id = b.fields[idField];
  if (typeof id !== 'string' || id.length !== 18) return;
  const idTrusted = !b.notes[idField];
  const fromId = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birth = b.fields[birthField];
  if (typeof birth === 'string' && birth !== fromId) {
    // A checksum-valid number outweighs a date that differs from it: take the number's date.
    if (idTrusted) b.set(birthField, fromId, DOUBTFUL, `出生日期按身份证号码更正为${fromId},请核对原件`);
    else b.doubt(birthField, '出生日期与身份证号码不一致,请核对');
  }
  const gender = b.fields[genderField];
  const genderFromId = Number(id[16]) % 2 === 1 ? '男' : '女';
  if (gender !== undefined && gender !== genderFromId) {
    if (idTrusted) b.set(genderField, genderFromId, DOUBTFUL, `性别按身份证号码更正为${genderFromId},请核对原件`);
    else b.doubt(genderField, '性别与身份证号码不一致,请核对');
  }
}

const MARRIAGE_LABELS = ['持证人', '登记日期', '结婚证字号', '备注', '姓名', '性别', '国籍', '出生日期', '身份证件号', '婚姻登记员'];

function marriage(lines: readonly ReadLine[]): Extraction {
  const b = new Builder();
  const v = labelledValues(lines, MARRIAGE_LABELS);
  b.person('holder', valueOf(v, '持证人'), ['party1Name', 'party2Name']);
  b.date('registrationDate', valueOf(v, '登记日期'));
  const no = valueOf(v, '结婚证字号');
  if (no) {
    const m = /^([A-Za-z]?)(.*)$/.exec(no.value.normalize('NFKC'))!;
    const fixed = `${(m[1] || 'J').toUpperCase()}${fixDigits(m[2]!.replace(/[\][|!]/g, ''), '-')}`;
    const ok = /^[A-Z]\d{6}-\d{4}-\d{4,6}$/.test(fixed);
    b.set('certificateNumber', fixed, ok ? no.confidence : DOUBTFUL, ok ? undefined : '结婚证字号格式不符,请核对');
  }
  for (const [n, p] of [[0, 'party1'], [1, 'party2']] as const) {
    b.person(`${p}Name`, valueOf(v, '姓名', n));
    b.gender(`${p}Gender`, valueOf(v, '性别', n));
    b.date(`${p}BirthDate`, valueOf(v, '出生日期', n));
    const id = valueOf(v, '身份证件号', n);
    const hints = { birthDate: b.fields[`${p}BirthDate`] as string | undefined, gender: b.fields[`${p}Gender`] as IdHints['gender'] };
    b.id(`${p}IdNumber`, id?.value, id?.confidence ?? 0, hints);
    crossCheck(b, `${p}IdNumber`, `${p}BirthDate`, `${p}Gender`);
  }
  return b;
}

/** The name in "兹证明X(身份证号…)" or "兹证明X系…": the text between the last 证明 and the ID or 系. */
function certifiedName(body: string): [string, string] | undefined {
  const end = /[(]?身份证|系我/.exec(body);
  if (!end) return undefined;
  const before = body.slice(0, end.index);
  const at = before.lastIndexOf('证明');
  const name = before.slice(at + 2).replace(/(同志|先生|女士)$/, '');
  return at >= 0 && /^[\u3400-\u9fff·]{2,5}$/.test(name) ? [before.slice(at), name] : undefined;
}

function income(lines: readonly ReadLine[]): Extraction {
  const b = new Builder();
  const conf = Math.min(...lines.map((l) => l.confidence), 1);
  // Body text runs across lines: read it joined, without spaces.
  const body = lines.map((l) => l.text).join('').replace(/\s+/g, '');
  const confOf = (fragment: string) => lines.find((l) => l.text.replace(/\s+/g, '').includes(fragment.slice(0, 6)))?.confidence ?? conf;
  const name = /姓名[:]?([\u3400-\u9fff·]{2,5}?)(?=性别|身份|,|$)/.exec(body) ?? certifiedName(body);
  if (name) {
    b.set('name', name[1]!, confOf(name[0]));
    const line = lines.findIndex((l) => l.text.replace(/\s+/g, '').includes(name[0]));
    if (line >= 0) b.recheck.push({ field: 'name', line, text: name[1]!, kind: 'name' });
  }
  const id = /身份证(?:号码|号)?[:]?([0-9A-Za-z|!$\]\[]{15,20})/.exec(body);
  if (id) b.id('idNumber', id[1]!, confOf(id[0]), {});
  // The bracket may be misread (盖草); its content is not needed.
  const employer = /单位(?:名称)?(?:[({[][^():]{1,4}[)}\]])?[:]([^:]+?)(?=[日目曰]期|$)/.exec(body);
  if (employer) b.set('employer', employer[1]!.replace(/[。.,]$/, ''), confOf(employer[0]));
  const amount = (re: RegExp, field: string) => {
    const m = re.exec(body);
    if (!m) return;
    const run = m[1]!.replace(/[.,]+$/, '');
    const n = parseAmount(run);
    // Without its 元 the run may end in the misread 元 (元 → 7): read without that last digit, and ask.
    const short = n === undefined && m[2] !== '元' ? parseAmount(run.slice(0, -1)) : undefined;
    if (n !== undefined) b.set(field, n, confOf(m[0]));
    else if (short !== undefined && /[.,][0-9]{2}$/.test(run.slice(0, -1))) b.set(field, short, DOUBTFUL, '金额后的“元”未能识别,请核对');
    else b.set(field, run, DOUBTFUL, '金额无法识别,请核对');
  };
  const money = '([0-9OolIiSB][0-9OolIiSB,.]*)(元?)';
  amount(new RegExp(`月(?:平均|均)?收入(?:为|是)?(?:人民币)?[:]?[¥]?${money}`), 'monthlyIncome');
  amount(new RegExp(`年(?:度)?(?:总)?收入(?:为|是)?(?:人民币)?[:]?[¥]?${money}`), 'annualIncome');
  const monthly = b.fields.monthlyIncome;
  const annual = b.fields.annualIncome;
  if (typeof monthly === 'number' && typeof annual === 'number' && (annual < monthly * 10 || annual > monthly * 16)) {
    b.doubt('monthlyIncome', '月收入与年收入不相符,请核对');
    b.doubt('annualIncome', '年收入与月收入不相符,请核对');
  }
  // The closing 日 is sometimes misread (晶, 口): the day's digits end the date anyway. A stray
  // bar beside a digit (01]月) is let in here and dropped, with a doubt, by b.date.
  const d = `[${DIGITISH}]`;
  const dates = [...body.matchAll(new RegExp(`[日目曰]期[:]?(${d}{4}年${d}{1,3}月${d}{1,3})`, 'g'))];
  const last = dates[dates.length - 1];
  if (last) b.date('date', { label: '日期', value: last[1]!, confidence: confOf(last[0]), line: 0 });
  return b;
}

export function extractFields(kind: DocKind, lines: readonly ReadLine[]): Extraction {
  switch (kind) {
    case 'hukou':
      return hukou(lines);
    case 'marriage':
      return marriage(lines);
    case 'income':
      return income(lines);
    case 'generic':
      return { fields: {}, confidence: {}, notes: {}, recheck: [] };
    default:
      return assertNever(kind);
  }
}
