// The tenth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, whole months, 有/无) and printed on the page; every
// character drawn has a glyph in the face that drew it; every kind shows at least three designs;
// captures give RGBA images of a sane size. TENTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectOnSheetApart, expectSameSheetPerSeed, expectSanePage, flat, type KindRules, type PrintedForms, RELATIONS, type SaneCapture } from '../truth-checks';
import { FACES, printable } from './fonts';
import { capital, dateForms, money, moneyForms, writeDate } from './forms';
import { TENTH_CAPTURES, TENTH_KINDS, tenthPage, tenthSheet } from './index';
import { RARE } from './people';
import { HAS_MARKS } from './property';

const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: HAS_MARKS };
const SANE: SaneCapture = { minSide: 600, maxSide: 2600, dark: 130, light: 150, ink: 0.003, paper: 0.4 };
const SEEDS = Number(process.env.TENTH_SEEDS ?? 24);
const OLD_NUMBER = /^[(（](\d{2})[)）]\S+[婚离]字第\d{4}号$/;
const RULES: KindRules = {
  relations: [...RELATIONS, '三子', '三女'],
  idAlways: [],
  certificate: (number, year, layout, where) => {
    if (layout === 'old-cert' || (layout === 'record-two' && year < '2004')) expect(String(number).match(OLD_NUMBER)?.[1], where).toBe(year.slice(2));
    else expectModernCertificate(String(number), year, layout === 'divorce-cert' ? /L/ : /J/, where);
  },
};



const captures: Record<string, number> = Object.fromEntries(TENTH_CAPTURES.map((m) => [m, 0]));
let pages = 0;
let rare = 0;

describe('tenth set truth', () => {
  for (const kind of TENTH_KINDS) {
    it(`${kind}: fields known, well formed and printed; glyphs present; three designs or more`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout, capture } = tenthSheet(kind, seed);
        layouts.add(layout);
        captures[capture]! += 1;
        pages++;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE.includes(ch))) rare++;
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        for (const d of paper.drawn) expect(printable(d.text, d.face), `${where} ${d.face} ${d.text}`).toBe(true);
        expectOnSheetApart(paper.boxes(), paper, 3, where);
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        expectKindTruth(kind, fields, layout, where, RULES);
      }
      expect(layouts.size, `${kind} designs: ${[...layouts].join(', ')}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('picks every capture and puts rare names on about one page in seven', () => {
    expect(pages).toBe(SEEDS * TENTH_KINDS.length);
    for (const mode of TENTH_CAPTURES) expect(captures[mode]! / pages, mode).toBeGreaterThan(0.04);
    expect(rare / pages).toBeGreaterThan(0.06);
    expect(rare / pages).toBeLessThan(0.3);
  });

  it('has a glyph for every rare name character in the print faces', () => {
    for (const face of FACES.filter((f) => /^(sans|serif|syst|sypx|kai)/.test(f))) expect(printable(RARE.join(''), face), face).toBe(true);
  });

  it('is the same page for the same seed, and another for another seed', () => {
    expectSameSheetPerSeed(TENTH_KINDS, (kind, seed, capture) => {
      const { fields, paper, layout } = tenthSheet(kind, seed, capture);
      return { fields, text: paper.text(), layout };
    }, 'jpeg-grey', 'fax');
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
    expect(capital(30050)).toBe('叁万零伍拾元整');
    expect(moneyForms(180000)).toContain('18万');
  });
});

describe('tenth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('is the same image for the same seed', async () => {
    const first = await tenthPage('income', 5, 'copy2');
    const again = await tenthPage('income', 5, 'copy2');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('tenth-income#5');
  });

  const kinds = ['hukou', 'marriage', 'bank', 'social', 'property', 'income', 'bank', 'marriage'] as const;
  for (const [i, mode] of TENTH_CAPTURES.entries()) {
    it(`${mode}: an RGBA page of a sane size with ink on paper`, async () => {
      const page = await tenthPage(kinds[i]!, 3, mode);
      expectSanePage(page, mode, SANE);
    });
  }
});
