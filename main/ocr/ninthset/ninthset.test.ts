// The ninth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, whole months, 有/无) and printed on the page; every
// character drawn has a glyph in the face that drew it; every kind shows at least three designs;
// captures give RGBA images of a sane size. NINTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectIdAgrees, expectSanePage, flat, type PrintedForms, type SaneCapture } from '../truth-checks';
import { printable } from './fonts';
import { capital, dateForms, money, moneyForms, writeDate } from './forms';
import { NINTH_CAPTURES, NINTH_KINDS, ninthPage, ninthSheet } from './index';
import { RARE } from './people';

const SANE: SaneCapture = { minSide: 900, maxSide: 2600, dark: 130, light: 150, ink: 0.003, paper: 0.4 };
const SEEDS = Number(process.env.NINTH_SEEDS ?? 24);
const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '三子', '长女', '次女', '三女', '子', '女', '父亲', '母亲', '孙子', '孙女'];
const HAS = { 有: ['名下有以下', '有房产登记记录'], 无: ['未发现', '无自有住房', '无房产登记记录'] };
const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: HAS };



const captures: Record<string, number> = Object.fromEntries(NINTH_CAPTURES.map((m) => [m, 0]));
let pages = 0;
let rare = 0;

describe('ninth set truth', () => {
  for (const kind of NINTH_KINDS) {
    it(`${kind}: fields known, well formed and printed; glyphs present; three designs or more`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout, capture } = ninthSheet(kind, seed);
        layouts.add(layout);
        captures[capture]! += 1;
        pages++;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE.includes(ch))) rare++;
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        for (const d of paper.drawn) expect(printable(d.text, d.face), `${where} ${d.face} ${d.text}`).toBe(true);
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        if (kind === 'hukou') {
          expectIdAgrees(fields.idNumber, fields.birthDate, fields.gender);
          expect(String(fields.ethnicity)).toMatch(/族$/);
          expect(RELATIONS).toContain(fields.relation);
        }
        if (kind === 'marriage') {
          expect([fields.party1Gender, fields.party2Gender]).toEqual(['男', '女']);
          if (fields.party1IdNumber) expectIdAgrees(fields.party1IdNumber, fields.party1BirthDate, '男');
          if (fields.party2IdNumber) expectIdAgrees(fields.party2IdNumber, fields.party2BirthDate, '女');
          if (fields.holder) expect([fields.party1Name, fields.party2Name]).toContain(fields.holder);
          expect(String(fields.registrationDate) > String(fields.party1BirthDate)).toBe(true);
          expect(String(fields.registrationDate) > String(fields.party2BirthDate)).toBe(true);
          if (fields.certificateNumber !== undefined) {
            const pattern = layout === 'divorce-certificate' ? /^L\d{6}-\d{4}-\d{6}$/ : layout === 'cert-replacement' ? /^BJ\d{6}-\d{4}-\d{6}$/ : /^J\d{6}-\d{4}-\d{6}$/;
            expect(String(fields.certificateNumber), where).toMatch(pattern);
            expect(String(fields.certificateNumber)).toContain(`-${String(fields.registrationDate).slice(0, 4)}-`);
          }
        }
        if (kind === 'income') {
          if (fields.idNumber !== undefined) expectIdAgrees(fields.idNumber, undefined, undefined);
          expect(fields.monthlyIncome !== undefined || fields.annualIncome !== undefined, where).toBe(true);
        }
        if (kind === 'social') {
          if (fields.idNumber !== undefined) expectIdAgrees(fields.idNumber, undefined, undefined);
          expect(fields.totalMonths, where).toBeDefined();
        }
        if (kind === 'property') expectIdAgrees(fields.idNumber, undefined, undefined);
        if (kind === 'bank') {
          if (fields.periodStart !== undefined) expect(String(fields.periodStart) <= String(fields.periodEnd)).toBe(true);
          expect(String(fields.accountNumber)).toMatch(/^\d{6}[\d*]+\d{4}$/);
        }
      }
      expect(layouts.size, `${kind} designs: ${[...layouts].join(', ')}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('picks every capture and puts rare names on about one page in five', () => {
    expect(pages).toBe(SEEDS * NINTH_KINDS.length);
    for (const mode of NINTH_CAPTURES) expect(captures[mode]! / pages, mode).toBeGreaterThan(0.06);
    expect(rare / pages).toBeGreaterThan(0.1);
    expect(rare / pages).toBeLessThan(0.4);
  });

  it('is the same page for the same seed, and another for another seed', () => {
    for (const kind of NINTH_KINDS) {
      const a = ninthSheet(kind, 11, 'jpeg200');
      const b = ninthSheet(kind, 11, 'jpeg200');
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.text()).toBe(a.paper.text());
      expect(b.layout).toBe(a.layout);
      expect(ninthSheet(kind, 12, 'jpeg200').fields).not.toEqual(a.fields);
    }
  });

  it('writes dates and amounts the ways the pages print them', () => {
    expect(writeDate('2026-03-05', 'han')).toBe('二〇二六年三月五日');
    expect(writeDate('2019-10-20', 'han')).toBe('二〇一九年十月二十日');
    expect(writeDate('2025-01-01', 'cn')).toBe('2025年1月1日');
    expect(writeDate('2025-01-01', 'compact')).toBe('20250101');
    expect(money(1234567.5)).toBe('1,234,567.50');
    expect(money(999.99, false)).toBe('999.99');
    expect(capital(12345.6)).toBe('壹万贰仟叁佰肆拾伍元陆角整');
    expect(capital(100500)).toBe('壹拾万零伍佰元整');
    expect(capital(1000000)).toBe('壹佰万元整');
    expect(capital(8500)).toBe('捌仟伍佰元整');
    expect(capital(10050.05)).toBe('壹万零伍拾元零伍分');
    expect(moneyForms(180000)).toContain('18万');
  });
});

describe('ninth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('is the same image for the same seed', async () => {
    const first = await ninthPage('income', 5, 'scanapp');
    const again = await ninthPage('income', 5, 'scanapp');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('ninth-income#5');
  });

  const kinds = ['hukou', 'marriage', 'bank', 'social', 'property', 'income', 'bank'] as const;
  for (const [i, mode] of NINTH_CAPTURES.entries()) {
    it(`${mode}: an RGBA page of a sane size with ink on paper`, async () => {
      const page = await ninthPage(kinds[i]!, 3, mode);
      expectSanePage(page, mode, SANE);
    });
  }
});
