// The thirteenth set's own checks: same seed, same page; every truth field is one the extractor
// knows, well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with birth
// date and sex, positive amounts to the cent, whole months, 有/无) and printed on the page; every
// character drawn has a glyph in the face that drew it; text boxes stay on the sheet and apart; every
// kind shows three designs or more; every capture occurs; captures are opaque RGBA images of a sane
// size (long side 700–3000 px) with ink on paper. THIRTEENTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectOnSheetApart, expectSameSheetPerSeed, expectSanePage, flat, type KindRules, type PrintedForms, type SaneCapture } from '../truth-checks';
import { FACES, printable } from './fonts';
import { capital, dateForms, money, moneyForms, writeDate } from './forms';
import { HUKOU_RELATIONS } from './hukou';
import { THIRTEENTH_CAPTURES, THIRTEENTH_KINDS, thirteenthPage, thirteenthSheet } from './index';
import { COMPOUND, RARE } from './people';
import { HAS_MARKS } from './property';

const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: HAS_MARKS, oneOfHas: true };
const SANE: SaneCapture = { minSide: 700, maxSide: 3000, dark: 90, light: 110, ink: 0.002, paper: 0.3 };
const SEEDS = Number(process.env.THIRTEENTH_SEEDS ?? 30);
const RULES: KindRules = {
  relations: HUKOU_RELATIONS,
  idAlways: ['income', 'social', 'marriage'],
  certificate: (number, year, _layout, where) => expectModernCertificate(String(number), year, /J/, where),
  account: /^\d{4,6}[\d*]+\d{4}$/,
};

const captures: Record<string, number> = Object.fromEntries(THIRTEENTH_CAPTURES.map((m) => [m, 0]));
let pages = 0;
let rare = 0;
let compound = 0;
let short = 0;

describe('thirteenth set truth', () => {
  for (const kind of THIRTEENTH_KINDS) {
    it(`${kind}: fields known, well formed and printed; glyphs present; boxes apart; three designs or more`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout, capture } = thirteenthSheet(kind, seed);
        layouts.add(layout.replace(/-(hand|seal-over)$/, ''));
        captures[capture]! += 1;
        pages++;
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).map(String);
        if (names.some((n) => [...n].some((ch) => RARE.includes(ch)))) rare++;
        if (names.some((n) => COMPOUND.some((c) => n.startsWith(c)))) compound++;
        if (names.some((n) => n.length === 2)) short++;
        const text = flat(paper.pageText());
        const where = `${kind}#${seed} ${layout}`;
        for (const d of paper.drawn) expect(printable(d.text, d.face), `${where} ${d.face} ${d.text}`).toBe(true);
        expectOnSheetApart(paper.boxes(), paper, 3, where);
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        expectKindTruth(kind, fields, layout, where, RULES);
        if (kind === 'income' && fields.monthlyIncome !== undefined && layout.startsWith('letter')) expect(text, where).toContain(capital(Number(fields.monthlyIncome)));
      }
      expect(layouts.size, `${kind} designs: ${[...layouts].join(', ')}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('picks every capture, mostly low-resolution ones, and spreads the names', () => {
    expect(pages).toBe(SEEDS * THIRTEENTH_KINDS.length);
    for (const mode of THIRTEENTH_CAPTURES) expect(captures[mode]! / pages, mode).toBeGreaterThan(0.04);
    expect(captures['scan-sharp']! / pages).toBeLessThan(0.25);
    expect(rare / pages).toBeGreaterThan(0.08);
    expect(compound / pages).toBeGreaterThan(0.1);
    expect(short / pages).toBeGreaterThan(0.1);
  });

  it('has a glyph for every rare name character and compound surname in the print faces', () => {
    for (const face of FACES.filter((f) => /^(hei|song|serif|maoken|mono)/.test(f))) expect(printable(RARE.join('') + COMPOUND.join(''), face), face).toBe(true);
  });

  it('is the same page for the same seed, and another for another seed', () => {
    expectSameSheetPerSeed(THIRTEENTH_KINDS, (kind, seed, capture) => {
      const { fields, paper, layout } = thirteenthSheet(kind, seed, capture);
      return { fields, text: paper.pageText(), layout };
    }, 'fax-100', 'scan-sharp');
  });

  it('writes dates and amounts the ways the pages print them', () => {
    expect(writeDate('2019-03-05', 'han')).toBe('二〇一九年三月五日');
    expect(writeDate('2020-10-20', 'han')).toBe('二〇二〇年十月二十日');
    expect(writeDate('2025-12-31', 'han')).toBe('二〇二五年十二月三十一日');
    expect(writeDate('2025-03-05', 'cn')).toBe('2025年3月5日');
    expect(writeDate('2025-03-05', 'cn0')).toBe('2025年03月05日');
    expect(writeDate('2025-03-05', 'slash')).toBe('2025/3/5');
    expect(writeDate('2025-03-05', 'compact')).toBe('20250305');
    expect(money(1234567.5)).toBe('1,234,567.50');
    expect(money(999.99, false)).toBe('999.99');
    expect(capital(30000)).toBe('叁万元整');
    expect(capital(12345.6)).toBe('壹万贰仟叁佰肆拾伍元陆角整');
    expect(capital(100500)).toBe('壹拾万零伍佰元整');
    expect(capital(10050.05)).toBe('壹万零伍拾元零伍分');
    expect(capital(8000.3)).toBe('捌仟元叁角整');
  });
});

describe('thirteenth set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('is the same image for the same seed', async () => {
    const first = await thirteenthPage('income', 5, 'chat-jpeg');
    const again = await thirteenthPage('income', 5, 'chat-jpeg');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('thirteenth-income#5');
  });

  const kinds = ['hukou', 'marriage', 'bank', 'social', 'property', 'income'] as const;
  for (const [i, mode] of THIRTEENTH_CAPTURES.entries()) {
    it(`${mode}: an opaque RGBA page of a sane size with ink on paper`, async () => {
      for (const kind of [kinds[i]!, kinds[(i + 3) % 6]!]) expectSanePage(await thirteenthPage(kind, 3, mode), mode, SANE);
    });
  }
});
