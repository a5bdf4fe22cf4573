// The eleventh set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, whole months, 有/无) and printed on the page; every
// character drawn has a glyph in the face that drew it; text boxes stay on the sheet and apart; every
// kind shows at least three designs; captures give RGBA images of a sane size. ELEVENTH_SEEDS=n
// checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectOnSheetApart, expectSameSheetPerSeed, expectSanePage, flat, type KindRules, type PrintedForms, RELATIONS, type SaneCapture } from '../truth-checks';
import { FACES, printable } from './fonts';
import { dateForms, money, moneyForms, writeDate } from './forms';
import { ELEVENTH_CAPTURES, ELEVENTH_KINDS, eleventhPage, eleventhSheet } from './index';
import { RARE } from './people';
import { HAS_MARKS } from './property';

const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: HAS_MARKS, oneOfHas: true };
const SANE: SaneCapture = { minSide: 700, maxSide: 3000, dark: 130, light: 150, ink: 0.003, paper: 0.4 };
const SEEDS = Number(process.env.ELEVENTH_SEEDS ?? 24);
const OLD_NUMBER = /^（(\d{2})）深[罗福南宝龙华]婚字第\d{4}号$/;
const RULES: KindRules = {
  relations: [...RELATIONS, '三子', '三女'],
  idAlways: ['income', 'social', 'marriage'],
  certificate: (number, year, _layout, where) => {
    if (year < '2004') expect(String(number).match(OLD_NUMBER)?.[1], `${where} ${String(number)}`).toBe(year.slice(2));
    else expectModernCertificate(String(number), year, /J/, where);
  },
};



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
        expectOnSheetApart(paper.items, paper, 2, where);
        for (const b of paper.items) if (b.h > paper.k * 7 && (b.text === fields.address || b.text === fields.employer)) wrapped++;
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        expectKindTruth(kind, fields, layout, where, RULES);
        if (kind === 'hukou') for (const key of FIELDS.hukou) expect(fields[key], `${where} ${key}`).toBeDefined();
        if (kind === 'income' || kind === 'social') expect(fields.employer, where).toBeDefined();
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
    expectSameSheetPerSeed(ELEVENTH_KINDS, (kind, seed, capture) => {
      const { fields, paper, layout } = eleventhSheet(kind, seed, capture);
      return { fields, text: paper.content(), layout };
    }, 'jpeg-grey', 'photocopy');
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
      expectSanePage(page, mode, SANE);
    });
  }
});
