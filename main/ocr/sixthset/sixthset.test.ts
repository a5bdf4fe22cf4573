// The sixth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates, valid ID numbers agreeing with birth date and sex, positive
// amounts, 有/无) and printed on the page (dates and amounts in one of the forms the pages use);
// captures give RGBA images of a sane size.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { SIXTH_CAPTURES, SIXTH_KINDS, sixthPage, sixthSheet } from './index';
import { capitals, dateForms, moneyForms } from './wording';

const SEEDS = Number(process.env.SIXTH_SEEDS ?? 30);
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

describe('sixth set truth', () => {
  for (const kind of SIXTH_KINDS) {
    it(`${kind}: fields known, well formed and printed`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout } = sixthSheet(kind, seed);
        layouts.add(layout);
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        for (const [key, value] of Object.entries(fields)) {
          expect(FIELDS[kind], `${where} ${key}`).toContain(key);
          if (DATE_KEYS.includes(key)) {
            expect(realDate(String(value)), `${where} ${key}=${value}`).toBe(true);
            expect(String(value) <= '2026-11-30', `${where} ${key}=${value}`).toBe(true);
            expect(dateForms(String(value)).some((f) => text.includes(flat(f))), `${where} ${key}=${value} printed`).toBe(true);
          } else if (AMOUNT_KEYS.includes(key)) {
            expect(typeof value, `${where} ${key}`).toBe('number');
            expect(value as number, `${where} ${key}`).toBeGreaterThan(0);
            expect(moneyForms(value as number).some((f) => text.includes(f)), `${where} ${key}=${value} printed`).toBe(true);
          } else if (key === 'totalMonths') {
            expect(text, `${where} ${key}`).toContain(String(value));
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
          if (fields.party1BirthDate) expect(String(fields.registrationDate) > String(fields.party1BirthDate)).toBe(true);
          expect(String(fields.certificateNumber)).toMatch(/^(B?J\d{6}-\d{4}-\d{6}|\(\d{4}\)深.婚字第\d{4}号)$/);
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
          expect(text).toContain(fields.hasProperty === '有' ? '登记记录' : '无');
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
    for (const kind of SIXTH_KINDS) {
      const a = sixthSheet(kind, 11);
      const b = sixthSheet(kind, 11);
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.text()).toBe(a.paper.text());
      expect(b.layout).toBe(a.layout);
      expect(sixthSheet(kind, 12).fields).not.toEqual(a.fields);
    }
  });

  it('writes amounts in 大写', () => {
    expect(capitals(8500)).toBe('捌仟伍佰元整');
    expect(capitals(25790)).toBe('贰万伍仟柒佰玖拾元整');
    expect(capitals(4181.27)).toBe('肆仟壹佰捌拾壹元贰角柒分');
    expect(capitals(10003.07)).toBe('壹万零叁元零柒分');
  });

  it('picks every capture, copy most often', () => {
    const n: Record<string, number> = { screen: 0, fax: 0, copy: 0, phone: 0 };
    for (let s = 0; s < 50; s++) for (const kind of SIXTH_KINDS) n[sixthSheet(kind, s).capture]! += 1;
    for (const mode of SIXTH_CAPTURES) expect(n[mode]! / 300, mode).toBeGreaterThan(0.12);
    expect(n.copy! / 300).toBeGreaterThan(0.2);
  });
});

describe('sixth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('renders RGBA pages, deterministic per seed', async () => {
    const first = await sixthPage('income', 5, 'phone');
    const again = await sixthPage('income', 5, 'phone');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('sixth-income#5');
    for (const [kind, mode] of [['hukou', 'screen'], ['marriage', 'fax'], ['bank', 'copy'], ['social', 'screen'], ['property', 'fax'], ['social', 'phone']] as const) {
      const page = await sixthPage(kind, 3, mode);
      expect(page.capture).toBe(mode);
      expect(page.image.data.length).toBe(page.image.width * page.image.height * 4);
      expect(Math.min(page.image.width, page.image.height)).toBeGreaterThan(1000);
      expect(Math.max(page.image.width, page.image.height)).toBeLessThanOrEqual(2400);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    }
  });
});
