// The eighth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, 有/无) and printed on the page; every character drawn
// has a glyph in some face; captures give RGBA images of a sane size. EIGHTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { printable } from './fonts';
import { EIGHTH_CAPTURES, EIGHTH_KINDS, eighthPage, eighthSheet } from './index';
import { dateForms, money, moneyForms, RARE, writeDate } from './people';

const SEEDS = Number(process.env.EIGHTH_SEEDS ?? 24);
const DATE_KEYS = ['birthDate', 'registrationDate', 'party1BirthDate', 'party2BirthDate', 'date', 'periodStart', 'periodEnd'];
const AMOUNT_KEYS = ['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance'];
const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女', '子', '女', '父亲', '母亲', '孙子', '孙女'];

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const flat = (s: string) => s.replace(/\s/g, '');

function agrees(id: unknown, birth: unknown, sex: unknown): void {
  const check = checkIdNumber(String(id), new Date('2026-11-30'));
  expect(check.valid, String(id)).toBe(true);
  if (!check.valid) return;
  if (birth !== undefined) expect(check.info.birthDate).toBe(birth);
  if (sex !== undefined) expect(check.info.gender).toBe(sex === '男' ? 'male' : 'female');
}

describe('eighth set truth', () => {
  for (const kind of EIGHTH_KINDS) {
    it(`${kind}: fields known, well formed and printed`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout } = eighthSheet(kind, seed);
        layouts.add(layout);
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        expect(printable(text), where).toBe(true);
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
            expect(text, `${where} ${key}`).toContain(`${String(value)}个月`);
          } else if (key !== 'hasProperty') {
            expect(text, `${where} ${key}=${value}`).toContain(flat(String(value)));
          }
        }
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        if (kind === 'hukou') {
          agrees(fields.idNumber, fields.birthDate, fields.gender);
          expect(String(fields.ethnicity)).toMatch(/族$/);
          expect(RELATIONS).toContain(fields.relation);
        }
        if (kind === 'marriage') {
          expect([fields.party1Gender, fields.party2Gender]).toEqual(['男', '女']);
          if (fields.party1IdNumber) agrees(fields.party1IdNumber, fields.party1BirthDate, '男');
          if (fields.party2IdNumber) agrees(fields.party2IdNumber, fields.party2BirthDate, '女');
          if (fields.holder) expect([fields.party1Name, fields.party2Name]).toContain(fields.holder);
          expect(String(fields.registrationDate) > String(fields.party1BirthDate)).toBe(true);
          expect(String(fields.registrationDate) > String(fields.party2BirthDate)).toBe(true);
          const divorce = layout === 'divorce-certificate';
          expect(String(fields.certificateNumber)).toMatch(divorce ? /^L\d{6}-\d{4}-\d{6}$/ : /^B?J\d{6}-\d{4}-\d{6}$/);
          expect(String(fields.certificateNumber)).toContain(`-${String(fields.registrationDate).slice(0, 4)}-`);
        }
        if (kind === 'income') {
          agrees(fields.idNumber, undefined, undefined);
          expect(fields.monthlyIncome !== undefined || fields.annualIncome !== undefined, where).toBe(true);
        }
        if (kind === 'social') {
          agrees(fields.idNumber, undefined, undefined);
          expect(Number.isInteger(fields.totalMonths) && (fields.totalMonths as number) > 0, where).toBe(true);
        }
        if (kind === 'property') {
          agrees(fields.idNumber, undefined, undefined);
          expect(['有', '无']).toContain(fields.hasProperty);
          expect(text).toContain(fields.hasProperty === '有' ? '有以下2条不动产登记信息' : '未发现');
        }
        if (kind === 'bank') {
          expect(String(fields.periodStart) <= String(fields.periodEnd)).toBe(true);
          expect(String(fields.accountNumber)).toMatch(/^\d{6}[\d*]+\d{4}$/);
        }
      }
      expect(layouts.size, `${kind} designs`).toBeGreaterThanOrEqual(2);
    });
  }

  it('is the same page for the same seed, and another for another seed', () => {
    for (const kind of EIGHTH_KINDS) {
      const a = eighthSheet(kind, 11);
      const b = eighthSheet(kind, 11);
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.text()).toBe(a.paper.text());
      expect(b.layout).toBe(a.layout);
      expect(eighthSheet(kind, 12).fields).not.toEqual(a.fields);
    }
  });

  it('writes dates and amounts the ways the pages print them', () => {
    expect(writeDate('2026-03-05', 'han')).toBe('二〇二六年三月五日');
    expect(writeDate('2026-10-20', 'han')).toBe('二〇二六年十月二十日');
    expect(writeDate('2025-01-01', 'slash')).toBe('2025/01/01');
    expect(money(1234567.5)).toBe('1,234,567.50');
    expect(money(999.99, false)).toBe('999.99');
  });

  it('picks every capture and puts rare names on some pages', () => {
    const n: Record<string, number> = Object.fromEntries(EIGHTH_CAPTURES.map((m) => [m, 0]));
    let rare = 0;
    const seeds = 30;
    for (let s = 0; s < seeds; s++) {
      for (const kind of EIGHTH_KINDS) {
        const { capture, fields } = eighthSheet(kind, s);
        n[capture]! += 1;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE.includes(ch))) rare++;
      }
    }
    const pages = seeds * EIGHTH_KINDS.length;
    for (const mode of EIGHTH_CAPTURES) expect(n[mode]! / pages, mode).toBeGreaterThan(0.08);
    expect(rare / pages).toBeGreaterThan(0.07);
    expect(rare / pages).toBeLessThan(0.4);
  });
});

describe('eighth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('renders RGBA pages of a sane size, deterministic per seed', async () => {
    const first = await eighthPage('income', 5, 'photo');
    const again = await eighthPage('income', 5, 'photo');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('eighth-income#5');
    const cases = [['hukou', 'jpeg150'], ['marriage', 'skewed'], ['bank', 'dotmatrix'], ['social', 'photocopy'], ['property', 'scan'], ['bank', 'photo']] as const;
    for (const [kind, mode] of cases) {
      const page = await eighthPage(kind, 3, mode);
      expect(page.capture).toBe(mode);
      expect(page.image.data.length).toBe(page.image.width * page.image.height * 4);
      const long = Math.max(page.image.width, page.image.height);
      expect(long, `${kind} ${mode}`).toBeGreaterThanOrEqual(mode === 'jpeg150' ? 500 : 1000);
      expect(long, `${kind} ${mode}`).toBeLessThanOrEqual(2400);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    }
  });
});
