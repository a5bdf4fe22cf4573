// The seventh set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts, 有/无) and printed on the page; every character drawn has a
// glyph in some face; captures give RGBA images of a sane size. SEVENTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectModernCertificate, expectSameSheetPerSeed, flat, type KindRules, type PrintedForms, RELATIONS } from '../truth-checks';
import { printable } from './fonts';
import { RARE_CHARS } from './people';
import { SEVENTH_CAPTURES, SEVENTH_KINDS, seventhPage, seventhSheet } from './index';
import { capitals, dateForms, moneyForms, writeDate } from './wording';

const SEEDS = Number(process.env.SEVENTH_SEEDS ?? 24);
const RULES: KindRules = {
  relations: RELATIONS,
  idAlways: ['income', 'social'],
  certificate: (number, year, _layout, where) => expectModernCertificate(String(number), year, /B?J/, where),
};
const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: { 有: ['有登记记录'], 无: ['无登记记录'] } };


describe('seventh set truth', () => {
  for (const kind of SEVENTH_KINDS) {
    it(`${kind}: fields known, well formed and printed`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout } = seventhSheet(kind, seed);
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
    expectSameSheetPerSeed(SEVENTH_KINDS, (kind, seed) => {
      const { fields, paper, layout } = seventhSheet(kind, seed);
      return { fields, text: paper.text(), layout };
    });
  });

  it('writes amounts in 大写 and dates in four forms', () => {
    expect(capitals(123000)).toBe('壹拾贰万叁仟元整');
    expect(capitals(100500)).toBe('壹拾万零伍佰元整');
    expect(capitals(4181.27)).toBe('肆仟壹佰捌拾壹元贰角柒分');
    expect(capitals(10003.07)).toBe('壹万零叁元零柒分');
    expect(writeDate('2026-03-05', 'han')).toBe('二〇二六年三月五日');
    expect(writeDate('2026-10-20', 'han')).toBe('二〇二六年十月二十日');
    expect(writeDate('2026-03-05', 'cn')).toBe('2026年3月5日');
    expect(writeDate('2026-03-05', 'dot')).toBe('2026.03.05');
  });

  it('picks every capture, thermal for bank receipts only, and puts rare names on some pages', () => {
    const n: Record<string, number> = Object.fromEntries(SEVENTH_CAPTURES.map((m) => [m, 0]));
    let rare = 0;
    const seeds = 30;
    for (let s = 0; s < seeds; s++) {
      for (const kind of SEVENTH_KINDS) {
        const { capture, layout, fields } = seventhSheet(kind, s);
        n[capture]! += 1;
        expect(capture === 'thermal', `${kind}#${s}`).toBe(layout === 'thermal-receipt');
        const names = [fields.name, fields.party1Name, fields.party2Name].filter((v) => v !== undefined).join('');
        if ([...names].some((ch) => RARE_CHARS.has(ch))) rare++;
      }
    }
    const pages = seeds * SEVENTH_KINDS.length;
    for (const mode of SEVENTH_CAPTURES.filter((m) => m !== 'thermal')) expect(n[mode]! / pages, mode).toBeGreaterThan(0.08);
    expect(n.thermal! / seeds, 'thermal among bank pages').toBeGreaterThan(0.1);
    expect(rare / pages).toBeGreaterThan(0.15);
    expect(rare / pages).toBeLessThan(0.5);
    expect(seventhSheet('hukou', 3, 'thermal').capture).toBe('scan300');
    expect(seventhSheet('bank', 3, 'thermal').layout).toBe('thermal-receipt');
  });
});

describe('seventh set captures', () => {
  const digest = (d: Uint8Array | Uint8ClampedArray) => createHash('sha1').update(d).digest('hex');

  it('renders RGBA pages of a sane size, deterministic per seed', async () => {
    const first = await seventhPage('income', 5, 'chat');
    const again = await seventhPage('income', 5, 'chat');
    expect(digest(again.image.data)).toBe(digest(first.image.data));
    expect(again.text).toBe(first.text);
    expect(first.name).toBe('seventh-income#5');
    const cases = [['hukou', 'scanlow'], ['marriage', 'stamped'], ['bank', 'thermal'], ['social', 'inkjet'], ['property', 'scan300'], ['bank', 'chat']] as const;
    for (const [kind, mode] of cases) {
      const page = await seventhPage(kind, 3, mode);
      expect(page.capture).toBe(mode);
      expect(page.image.data.length).toBe(page.image.width * page.image.height * 4);
      const long = Math.max(page.image.width, page.image.height);
      expect(long, `${kind} ${mode}`).toBeGreaterThanOrEqual(mode === 'chat' ? 900 : 1100);
      expect(long, `${kind} ${mode}`).toBeLessThanOrEqual(2400);
      if (mode === 'scanlow') expect(long).toBeLessThanOrEqual(1400);
      if (mode === 'chat') expect(long).toBeLessThanOrEqual(1320);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    }
  });
});
