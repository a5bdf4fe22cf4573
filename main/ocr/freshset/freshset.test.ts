// The fresh set's own checks: same seed, same page; every truth field is one the extractor knows,
// and its value is well formed (real ISO dates, valid ID numbers that agree with birth date and sex,
// positive amounts) and printed on the page; captures give RGBA images of a readable size.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { capitals } from './folk';
import { FRESH_KINDS, freshPage, freshSheet } from './index';

const SEEDS = 20;
const DATE_KEYS = ['birthDate', 'registrationDate', 'party1BirthDate', 'party2BirthDate', 'date', 'periodStart', 'periodEnd'];
const AMOUNT_KEYS = ['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance'];
const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女', '子', '女', '父亲', '母亲', '孙子', '孙女', '兄', '弟', '姐', '妹', '儿媳', '女婿'];

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const flat = (s: string) => s.replace(/[\s\n]/g, '');

function agrees(id: unknown, birth: unknown, sex: unknown): void {
  const check = checkIdNumber(String(id), new Date('2026-01-01'));
  expect(check.valid, String(id)).toBe(true);
  if (!check.valid) return;
  if (birth !== undefined) expect(check.info.birthDate).toBe(birth);
  if (sex !== undefined) expect(check.info.gender).toBe(sex === '男' ? 'male' : 'female');
}

describe('fresh set truth', () => {
  for (const kind of FRESH_KINDS) {
    it(`${kind}: fields known, well formed and printed`, () => {
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout } = freshSheet(kind, seed);
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        for (const [key, value] of Object.entries(fields)) {
          expect(FIELDS[kind], `${where} ${key}`).toContain(key);
          if (DATE_KEYS.includes(key)) expect(realDate(String(value)), `${where} ${key}=${value}`).toBe(true);
          if (AMOUNT_KEYS.includes(key)) {
            expect(typeof value, `${where} ${key}`).toBe('number');
            expect(value as number, `${where} ${key}`).toBeGreaterThan(0);
          }
          if (typeof value === 'string' && !DATE_KEYS.includes(key) && key !== 'hasProperty') expect(text, `${where} ${key}=${value}`).toContain(flat(value));
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
        }
        if (kind === 'bank') {
          expect(String(fields.periodStart) <= String(fields.periodEnd)).toBe(true);
          expect(String(fields.accountNumber)).toMatch(/^\d{6}[\d*]+\d{4}$/);
        }
      }
    });
  }

  it('is the same page for the same seed, and another for another seed', () => {
    for (const kind of FRESH_KINDS) {
      const a = freshSheet(kind, 11);
      const b = freshSheet(kind, 11);
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.text()).toBe(a.paper.text());
      expect(b.layout).toBe(a.layout);
      expect(freshSheet(kind, 12).fields).not.toEqual(a.fields);
    }
  });

  it('writes amounts in 大写 the way a cashier does', () => {
    expect(capitals(8500)).toBe('捌仟伍佰元整');
    expect(capitals(102000.5)).toBe('壹拾万贰仟元伍角');
    expect(capitals(25790)).toBe('贰万伍仟柒佰玖拾元整');
    expect(capitals(10003.07)).toBe('壹万零叁元零柒分');
  });

  it('picks captures about half scan, a third photo, a fifth lowres', () => {
    const n: Record<string, number> = { scan: 0, photo: 0, lowres: 0 };
    for (let s = 0; s < 50; s++) for (const kind of FRESH_KINDS) n[freshSheet(kind, s).capture]! += 1;
    expect(n.scan! / 300).toBeGreaterThan(0.4);
    expect(n.photo! / 300).toBeGreaterThan(0.22);
    expect(n.lowres! / 300).toBeGreaterThan(0.13);
  });
});

describe('fresh set captures', () => {
  const digest = (d: Uint8Array) => createHash('sha1').update(d).digest('hex');

  it('renders RGBA pages, deterministic per seed', async () => {
    const first = await freshPage('income', 5, 'scan');
    const again = await freshPage('income', 5, 'scan');
    expect(digest(again.image.data as Uint8Array)).toBe(digest(first.image.data as Uint8Array));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('fresh-income#5');
    for (const [kind, mode] of [['hukou', 'scan'], ['marriage', 'photo'], ['bank', 'scan'], ['social', 'lowres'], ['property', 'scan']] as const) {
      const page = await freshPage(kind, 3, mode);
      expect(page.capture).toBe(mode);
      expect(page.image.data.length).toBe(page.image.width * page.image.height * 4);
      if (mode !== 'lowres') expect(page.image.width).toBeGreaterThan(800);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    }
  });
});
