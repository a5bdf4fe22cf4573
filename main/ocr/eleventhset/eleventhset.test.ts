// The eleventh set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, whole months, 有/无) and printed on the page; every
// character drawn has a glyph in the face that drew it; text boxes stay on the sheet and apart; every
// kind shows at least three designs; captures give RGBA images of a sane size. ELEVENTH_SEEDS=n
// checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { FACES, printable } from './fonts';
import { dateForms, money, moneyForms, writeDate } from './forms';
import { ELEVENTH_CAPTURES, ELEVENTH_KINDS, eleventhPage, eleventhSheet } from './index';
import { RARE } from './people';
import { HAS_MARKS } from './property';

const SEEDS = Number(process.env.ELEVENTH_SEEDS ?? 24);
const DATE_KEYS = ['birthDate', 'registrationDate', 'party1BirthDate', 'party2BirthDate', 'date', 'periodStart', 'periodEnd'];
const AMOUNT_KEYS = ['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance'];
const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '三子', '长女', '次女', '三女', '子', '女', '父亲', '母亲', '孙子', '孙女'];
const OLD_NUMBER = /^（(\d{2})）深[罗福南宝龙华]婚字第\d{4}号$/;

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const flat = (s: string) => s.replace(/\s/g, '');

function agrees(id: unknown, birth: unknown, sex: unknown): void {
  const check = checkIdNumber(String(id), new Date('2026-11-30'));
  expect(check.valid, String(id)).toBe(true);
  if (!check.valid) return;
  if (birth !== undefined) expect(check.info.birthDate).toBe(birth);
  if (sex !== undefined) expect(check.info.gender).toBe(sex === '男' ? 'male' : 'female');
}

const captures: Record<string, number> = Object.fromEntries(ELEVENTH_CAPTURES.map((m) => [m, 0]));
let pages = 0;
let rare = 0;
let wrapped = 0;

describe('eleventh set truth', () => {
  for (const kind of ELEVENTH_KINDS) {
    it(`${kind}: fields known, well formed and printed; glyphs present; three designs or more`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout, capture } = eleventhSheet(kind, seed);
        layouts.add(layout);
        captures[capture]! += 1;
        pages++;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE.includes(ch))) rare++;
        const text = flat(paper.content());
        const where = `${kind}#${seed} ${layout}`;
        for (const d of paper.drawn) expect(printable(d.text, d.face), `${where} ${d.face} ${d.text}`).toBe(true);
        const items = paper.items;
        for (const [k, b] of items.entries()) {
          expect(b.x >= 2 && b.y >= 2 && b.x + b.w <= paper.width - 2 && b.y + b.h <= paper.height - 2, `${where} on the sheet: ${b.text}`).toBe(true);
          for (const c of items.slice(k + 1)) {
            const w = Math.min(b.x + b.w, c.x + c.w) - Math.max(b.x, c.x);
            const h = Math.min(b.y + b.h, c.y + c.h) - Math.max(b.y, c.y);
            expect(w > 0.5 && h > Math.min(b.h, c.h) * 0.3, `${where} overlap: ${b.text} / ${c.text}`).toBe(false);
          }
          if (b.h > paper.k * 7 && (b.text === fields.address || b.text === fields.employer)) wrapped++;
        }
        for (const [key, value] of Object.entries(fields)) {
          expect(FIELDS[kind], `${where} ${key}`).toContain(key);
          if (DATE_KEYS.includes(key)) {
            expect(realDate(String(value)), `${where} ${key}=${value}`).toBe(true);
            expect(String(value) <= '2026-11-30', `${where} ${key}=${value}`).toBe(true);
            expect(dateForms(String(value)).some((f) => text.includes(flat(f))), `${where} ${key}=${value} printed`).toBe(true);
          } else if (AMOUNT_KEYS.includes(key)) {
            expect(typeof value, `${where} ${key}`).toBe('number');
            expect(value as number, `${where} ${key}`).toBeGreaterThan(0);
            expect(Math.round((value as number) * 100) / 100, `${where} ${key} in cents`).toBe(value);
            expect(moneyForms(value as number).some((f) => text.includes(f)), `${where} ${key}=${value} printed`).toBe(true);
          } else if (key === 'totalMonths') {
            expect(Number.isInteger(value) && (value as number) > 0, where).toBe(true);
            expect(text.includes(`${String(value)}个月`) || (text.includes('月数') && text.includes(String(value))), `${where} ${key}=${value}`).toBe(true);
          } else if (key === 'hasProperty') {
            expect(['有', '无']).toContain(value);
            expect(HAS_MARKS[value as '有' | '无'].some((m) => text.includes(m)), `${where} ${key}=${value} printed`).toBe(true);
            expect(HAS_MARKS[value === '有' ? '无' : '有'].some((m) => text.includes(m)), `${where} ${key}: not both`).toBe(false);
          } else {
            expect(text, `${where} ${key}=${value}`).toContain(flat(String(value)));
          }
        }
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        if (kind === 'hukou') {
          for (const key of FIELDS.hukou) expect(fields[key], `${where} ${key}`).toBeDefined();
          agrees(fields.idNumber, fields.birthDate, fields.gender);
          expect(String(fields.ethnicity)).toMatch(/族$/);
          expect(RELATIONS).toContain(fields.relation);
        }
        if (kind === 'marriage') {
          expect([fields.party1Gender, fields.party2Gender]).toEqual(['男', '女']);
          agrees(fields.party1IdNumber, fields.party1BirthDate, '男');
          agrees(fields.party2IdNumber, fields.party2BirthDate, '女');
          if (fields.holder) expect([fields.party1Name, fields.party2Name]).toContain(fields.holder);
          for (const born of [fields.party1BirthDate, fields.party2BirthDate]) expect(String(fields.registrationDate) > String(born)).toBe(true);
          const number = String(fields.certificateNumber);
          const year = String(fields.registrationDate).slice(0, 4);
          if (year < '2004') expect(number.match(OLD_NUMBER)?.[1], `${where} ${number}`).toBe(year.slice(2));
          else expect(number, where).toMatch(new RegExp(`^J\\d{6}-${year}-\\d{6}$`));
        }
        if (kind === 'income') {
          agrees(fields.idNumber, undefined, undefined);
          expect(fields.employer, where).toBeDefined();
          expect(fields.monthlyIncome !== undefined || fields.annualIncome !== undefined, where).toBe(true);
        }
        if (kind === 'social') {
          agrees(fields.idNumber, undefined, undefined);
          expect(fields.totalMonths, where).toBeDefined();
          expect(fields.employer, where).toBeDefined();
        }
        if (kind === 'property') agrees(fields.idNumber, undefined, undefined);
        if (kind === 'bank') {
          expect(String(fields.periodStart) <= String(fields.periodEnd)).toBe(true);
          expect(String(fields.accountNumber)).toMatch(/^\d{6}[\d*]+\d{4}$/);
        }
      }
      expect(layouts.size, `${kind} designs: ${[...layouts].join(', ')}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('picks every capture, puts rare names on about one page in eight, wraps long values', () => {
    expect(pages).toBe(SEEDS * ELEVENTH_KINDS.length);
    for (const mode of ELEVENTH_CAPTURES) expect(captures[mode]! / pages, mode).toBeGreaterThan(0.06);
    expect(rare / pages).toBeGreaterThan(0.05);
    expect(rare / pages).toBeLessThan(0.3);
    expect(wrapped, 'addresses and employers over two lines').toBeGreaterThan(SEEDS / 4);
  });

  it('has a glyph for every rare name character somewhere in each chain', () => {
    for (const face of FACES) expect(RARE.every((ch) => printable(ch, face) || printable(ch, 'serif')), face).toBe(true);
  });

  it('is the same page for the same seed, and another for another seed', () => {
    for (const kind of ELEVENTH_KINDS) {
      const a = eleventhSheet(kind, 11, 'jpeg-grey');
      const b = eleventhSheet(kind, 11, 'jpeg-grey');
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.content()).toBe(a.paper.content());
      expect(b.layout).toBe(a.layout);
      expect(eleventhSheet(kind, 11, 'photocopy').fields).toEqual(a.fields);
      expect(eleventhSheet(kind, 12, 'jpeg-grey').fields).not.toEqual(a.fields);
    }
  });

  it('writes dates and amounts the ways the pages print them', () => {
    expect(writeDate('2026-03-05', 'han')).toBe('二〇二六年三月五日');
    expect(writeDate('2019-10-20', 'han')).toBe('二〇一九年十月二十日');
    expect(writeDate('2025-01-31', 'han')).toBe('二〇二五年一月三十一日');
    expect(writeDate('2025-01-01', 'cn')).toBe('2025年1月1日');
    expect(writeDate('2025-01-01', 'compact')).toBe('20250101');
    expect(money(1234567.5)).toBe('1,234,567.50');
    expect(money(999.99, false)).toBe('999.99');
  });
});

describe('eleventh set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('is the same image for the same seed', async () => {
    const first = await eleventhPage('income', 5, 'photocopy');
    const again = await eleventhPage('income', 5, 'photocopy');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('eleventh-income#5');
  });

  const kinds = ['hukou', 'marriage', 'bank', 'social', 'property', 'income'] as const;
  for (const [i, mode] of ELEVENTH_CAPTURES.entries()) {
    it(`${mode}: an RGBA page of a sane size with ink on paper`, async () => {
      const page = await eleventhPage(kinds[i]!, 3, mode);
      const { width, height, data } = page.image;
      expect(page.capture).toBe(mode);
      expect(data.length).toBe(width * height * 4);
      const long = Math.max(width, height);
      expect(long, `${page.name} ${mode}`).toBeGreaterThanOrEqual(700);
      expect(long, `${page.name} ${mode}`).toBeLessThanOrEqual(3000);
      let dark = 0;
      let light = 0;
      let clear = 0;
      for (let j = 0; j < data.length; j += 4 * 7) {
        const v = data[j + 1]!;
        if (v < 130) dark++;
        else if (v > 150) light++;
        if (data[j + 3] !== 255) clear++;
      }
      const n = data.length / 28;
      expect(clear, `${page.name} ${mode} opaque`).toBe(0);
      expect(dark / n, `${page.name} ${mode} ink`).toBeGreaterThan(0.003);
      expect(light / n, `${page.name} ${mode} paper`).toBeGreaterThan(0.4);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    });
  }
});
