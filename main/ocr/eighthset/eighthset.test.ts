// The eighth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts in cents, 有/无) and printed on the page; every character drawn
// has a glyph in some face; captures give RGBA images of a sane size. EIGHTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectSameSheetPerSeed, flat, type KindRules, type PrintedForms, RELATIONS } from '../truth-checks';
import { printable } from './fonts';
import { EIGHTH_CAPTURES, EIGHTH_KINDS, eighthPage, eighthSheet } from './index';
import { dateForms, money, moneyForms, RARE, writeDate } from './people';

const SEEDS = Number(process.env.EIGHTH_SEEDS ?? 24);
const RULES: KindRules = {
  relations: RELATIONS,
  idAlways: ['income', 'social'],
  certificate: (number, year, layout, where) => expectModernCertificate(String(number), year, layout === 'divorce-certificate' ? /L/ : /B?J/, where),
};
const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: { 有: ['有以下2条不动产登记信息'], 无: ['未发现'] } };


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
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        expectKindTruth(kind, fields, layout, where, RULES);
      }
      expect(layouts.size, `${kind} designs`).toBeGreaterThanOrEqual(2);
    });
  }

  it('is the same page for the same seed, and another for another seed', () => {
    expectSameSheetPerSeed(EIGHTH_KINDS, (kind, seed) => {
      const { fields, paper, layout } = eighthSheet(kind, seed);
      return { fields, text: paper.text(), layout };
    });
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
