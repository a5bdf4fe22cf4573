// The twelfth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts to the cent, whole months, 有/无) and printed on the page;
// every character drawn has a glyph in the face that drew it; text boxes stay on the sheet and do not
// overlap; every kind shows three designs or more; captures give opaque RGBA images of a sane size.
// TWELFTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectOnSheetApart, expectSameSheetPerSeed, expectSanePage, flat, type KindRules, type PrintedForms, type SaneCapture } from '../truth-checks';
import { FACES, printable } from './fonts';
import { capital, dateForms, money, moneyForms, writeDate } from './forms';
import { TWELFTH_CAPTURES, TWELFTH_KINDS, twelfthPage, twelfthSheet } from './index';
import { RARE } from './people';
import { HAS_MARKS } from './property';

const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: HAS_MARKS };
const SANE: SaneCapture = { minSide: 800, maxSide: 3000, dark: 90, light: 110, ink: 0.002, paper: 0.3 };
const SEEDS = Number(process.env.TWELFTH_SEEDS ?? 24);
const TWELFTH_RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女'];
const OLD_NUMBER = /^（(\d{2})）深\S婚字第\d{4}号$/;
const RULES: KindRules = {
  relations: TWELFTH_RELATIONS,
  idAlways: [],
  certificate: (number, year, layout, where) => {
    if (layout !== 'old-cert') return expectModernCertificate(String(number), year, layout === 'divorce-cert' ? /L/ : /J/, where);
    expect(String(number).match(OLD_NUMBER)?.[1], where).toBe(year.slice(2));
    expect(year < '2004', where).toBe(true);
  },
  account: /^\d{4,6}[\d*]+\d{4}$/,
};



const captures: Record<string, number> = Object.fromEntries(TWELFTH_CAPTURES.map((m) => [m, 0]));
let pages = 0;
let rare = 0;

describe('twelfth set truth', () => {
  for (const kind of TWELFTH_KINDS) {
    it(`${kind}: fields known, well formed and printed; glyphs present; boxes apart; three designs or more`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout, capture } = twelfthSheet(kind, seed);
        layouts.add(layout);
        captures[capture]! += 1;
        pages++;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE.includes(ch))) rare++;
        const text = flat(paper.pageText());
        const where = `${kind}#${seed} ${layout}`;
        for (const d of paper.drawn) expect(printable(d.text, d.face), `${where} ${d.face} ${d.text}`).toBe(true);
        expectOnSheetApart(paper.boxes(), paper, 3, where);
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(3);
        expectKindTruth(kind, fields, layout, where, RULES);
      }
      expect(layouts.size, `${kind} designs: ${[...layouts].join(', ')}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('picks every capture and puts rare characters in about one name in ten', () => {
    expect(pages).toBe(SEEDS * TWELFTH_KINDS.length);
    for (const mode of TWELFTH_CAPTURES) expect(captures[mode]! / pages, mode).toBeGreaterThan(0.04);
    expect(rare / pages).toBeGreaterThan(0.04);
    expect(rare / pages).toBeLessThan(0.35);
  });

  it('has a glyph for every rare name character in the print faces', () => {
    for (const face of FACES.filter((f) => /^(sans|serif)/.test(f))) expect(printable(RARE.join(''), face), face).toBe(true);
  });

  it('is the same page for the same seed, and another for another seed', () => {
    expectSameSheetPerSeed(TWELFTH_KINDS, (kind, seed, capture) => {
      const { fields, paper, layout } = twelfthSheet(kind, seed, capture);
      return { fields, text: paper.pageText(), layout };
    }, 'scan-150', 'photo-dim');
  });

  it('writes dates and amounts the ways the pages print them', () => {
    expect(writeDate('2025-03-05', 'han')).toBe('二〇二五年三月五日');
    expect(writeDate('2019-10-20', 'han')).toBe('二〇一九年十月二十日');
    expect(writeDate('2025-03-05', 'cn')).toBe('2025年3月5日');
    expect(writeDate('2025-03-05', 'dot')).toBe('2025.03.05');
    expect(writeDate('2025-03-05', 'dash')).toBe('2025-3-5');
    expect(money(1234567.5)).toBe('1,234,567.50');
    expect(money(999.99, false)).toBe('999.99');
    expect(capital(12345.6)).toBe('壹万贰仟叁佰肆拾伍元陆角整');
    expect(capital(100500)).toBe('壹拾万零伍佰元整');
    expect(capital(8500)).toBe('捌仟伍佰元整');
    expect(capital(10050.05)).toBe('壹万零伍拾元零伍分');
  });
});

describe('twelfth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('is the same image for the same seed', async () => {
    const first = await twelfthPage('income', 5, 'photo-angle');
    const again = await twelfthPage('income', 5, 'photo-angle');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('twelfth-income#5');
  });

  const kinds = ['hukou', 'marriage', 'bank', 'social', 'property', 'income'] as const;
  for (const [i, mode] of TWELFTH_CAPTURES.entries()) {
    it(`${mode}: an opaque RGBA page of a sane size with ink on paper`, async () => {
      const page = await twelfthPage(kinds[i]!, 3, mode);
      expectSanePage(page, mode, SANE);
    });
  }
});
