// A household card whose labels did not come out — printed small or in a pale ink that a copy or a
// fax loses, while the values stand out in black: each value is known by its shape alone (a line
// that is an address, a nationality, a name followed by a household relation, a lone 男 or 女).
// Only what no label found, and only when the page holds exactly one such value; every value so
// found is marked unlabelled, which caps its confidence (calibration.ts).
import type { Builder } from './extract';
import { idGender } from './idfix';
import type { Hit } from './meaning';
import { hasKnownSurname } from './surnames';
import { ETHNICITIES, HOUSEHOLD_RELATIONS, PROVINCE_NAMES } from './vocab';

/** What surrounds a value in its cell and is not part of it: punctuation, stray marks. */
const EDGE = /^[^\u3400-\u9fff0-9A-Za-z]+|[^\u3400-\u9fff0-9A-Za-z]+$/g;

/** Each table cell of the page (a line read whole is one cell), trimmed of stray marks at its ends. */
function cellHits(b: Builder): Hit[] {
  const out: Hit[] = [];
  b.page.cells.forEach((row, line) =>
    row.forEach((_, cell) => {
      const hit = b.page.cellHit(line, cell);
      if (!hit) return;
      const lead = /^[^\u3400-\u9fff0-9A-Za-z]*/.exec(hit.value)![0].length;
      const value = hit.value.replace(EDGE, '');
      if (value) out.push({ value, start: hit.start + lead, end: hit.start + lead + value.length, unlabelled: true });
    }),
  );
  return out;
}

/** The one value the page has (several hits of the same value count once), or undefined. */
function only(hits: readonly Hit[]): Hit | undefined {
  return new Set(hits.map((h) => h.value)).size === 1 ? hits[0] : undefined;
}

const byLength = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);
const NATIONALITY = new RegExp(`^(${byLength(ETHNICITIES).join('|')})(?![\\u3400-\\u9fff])`);
const RELATIONS = byLength(HOUSEHOLD_RELATIONS).join('|');
/** A name run together with its relation (张伟长子), or with its relation and sex (彭琳晓妻女). */
const RELATION = new RegExp(`^([\\u3400-\\u9fff·]{2,6}?)(${RELATIONS})$`);
const RELATION_SEX = new RegExp(`^([\\u3400-\\u9fff·]{2,6}?)(${RELATIONS})([男女])$`);
/** An address starts with a province or 深圳市 and has a number with its unit (16号, 2101室, 8栋). */
const ADDRESS_START = new RegExp(`^(?:${byLength(PROVINCE_NAMES).join('|')}|深圳市)`);
const HOUSE_NUMBER = /[0-9]+\s*[号栋室房楼座]/;

export interface UnlabelledSetters {
  /** Sets the address from a hit (the labelled path's cut, snap and checks). */
  readonly address: (hit: Hit) => void;
}

export function unlabelledHukou(b: Builder, set: UnlabelledSetters): void {
  const cells = cellHits(b);
  const sexes = cells.filter((c) => c.value === '男' || c.value === '女');
  if (!b.reads.ethnicity) {
    const hit = only(
      cells.flatMap((c) => {
        const value = NATIONALITY.exec(c.value)?.[1];
        return value ? [{ ...c, value, end: c.start + value.length }] : [];
      }),
    );
    if (hit) b.set('ethnicity', { value: hit.value, type: 'enum', evidence: 'valid', unlabelled: true }, hit);
  }
  if (!b.reads.address) {
    const hit = only(cells.filter((c) => c.value.length >= 10 && ADDRESS_START.test(c.value) && HOUSE_NUMBER.test(c.value)));
    if (hit) set.address(hit);
  }
  if (!b.reads.name && !b.reads.relation) {
    const split = (v: string) => RELATION_SEX.exec(v) ?? RELATION.exec(v);
    const glued = only(cells.filter((c) => split(c.value) && hasKnownSurname(split(c.value)![1]!)));
    const m = glued && split(glued.value);
    if (glued && m) {
      const name = m[1]!;
      b.name('name', { value: name, start: glued.start, end: glued.start + name.length, unlabelled: true }, { name, trimmed: false });
      const at = glued.start + name.length;
      b.set('relation', { value: m[2]!, type: 'enum', evidence: 'valid', unlabelled: true }, { value: m[2]!, start: at, end: at + m[2]!.length, unlabelled: true });
      if (m[3]) sexes.push({ value: m[3], start: at + m[2]!.length, end: glued.end, unlabelled: true });
    }
  }
  if (!b.reads.gender) {
    // A lone 男 or 女 in a cell, and a well-formed ID number read that agrees with it (alone, a 男 may be anything's).
    const hit = only(sexes);
    const id = b.reads.idNumber;
    const numberGender = id !== undefined && id.evidence !== 'invalid' && /^\d{17}[\dX]$/.test(String(id.value)) ? idGender(String(id.value)) : undefined;
    if (hit && numberGender === hit.value) b.set('gender', { value: hit.value, type: 'enum', evidence: 'valid', unlabelled: true }, hit);
    // One that disagrees is shown with the number's, never replaced by it unseen (crossCheckId fills a gender not read).
    else if (hit && numberGender) b.set('gender', { value: hit.value, type: 'enum', evidence: 'invalid', unlabelled: true, note: `性别识别为${hit.value},身份证号码为${numberGender}性,请核对` }, hit);
  }
}

/** The headings of a members table, as the columns subjectRow reads (与户主关系 may be printed 关系). */
const COLUMNS = [
  { heading: '姓名', field: 'name', pattern: '[\\u3400-\\u9fff·]{2,6}?' },
  { heading: '关系', field: 'relation', pattern: `(?:${RELATIONS})` },
  { heading: '性别', field: 'gender', pattern: '[男女]' },
  { heading: '民族', field: 'ethnicity', pattern: `(?:${byLength(ETHNICITIES).join('|')})` },
] as const;

/**
 * A letter's table of the household's members (户籍证明: 序号 姓名 与户主关系 性别 民族 出生日期 公民身份号码,
 * a row for each member): the subject is the member whose row ends with the ID number read for the
 * subject. That row, read in the order of the table's headings, gives what no label gave, or gave
 * invalid (the heading row read as values: 民族 / 出生日期…), each marked unlabelled.
 */
export function subjectRow(b: Builder): void {
  const id = b.reads.idNumber;
  if (!id || id.evidence === 'invalid') return;
  const number = String(id.value);
  const header = b.page.lines.find((l) => COLUMNS.every((c) => l.includes(c.heading)));
  if (!header) return;
  const columns = [...COLUMNS].sort((x, y) => header.indexOf(x.heading) - header.indexOf(y.heading));
  // The row: its index, the columns in order, the birth date, the number that ends the row.
  const row = new RegExp(`^[0-9|.、]*${columns.map((c) => `(${c.pattern})`).join('')}[0-9.\\-/年月日]*${number}$`, 'd');
  const at = b.page.lines.findIndex((l) => row.test(l));
  if (at < 0) return;
  const m = row.exec(b.page.lines[at]!)!;
  columns.forEach((c, k) => {
    const [start, end] = m.indices![k + 1]!;
    const hit = { ...b.page.lineHit(at, start, end)!, unlabelled: true };
    const read = b.reads[c.field];
    if (read && read.evidence !== 'invalid') return;
    if (c.field === 'name') b.name('name', hit, { name: hit.value, trimmed: false });
    else b.set(c.field, { value: hit.value, type: 'enum', evidence: 'valid', unlabelled: true }, hit);
  });
}
