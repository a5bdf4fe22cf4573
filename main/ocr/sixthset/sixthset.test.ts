// The sixth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates, valid ID numbers agreeing with birth date and sex, positive
// amounts, 有/无) and printed on the page (dates and amounts in one of the forms the pages use);
// captures give RGBA images of a sane size.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../domain/ocr/fields';
import { expectFieldPrinted, expectKindTruth, expectSameSheetPerSeed, flat, type KindRules, type PrintedForms, RELATIONS } from '../truth-checks';
import { SIXTH_CAPTURES, SIXTH_KINDS, sixthPage, sixthSheet } from './index';
import { capitals, dateForms, moneyForms } from './wording';

const SEEDS = Number(process.env.SIXTH_SEEDS ?? 30);
const RULES: KindRules = {
  relations: RELATIONS,
  idAlways: ['income', 'social'],
  certificate: (number, _year, _layout, where) => expect(String(number), where).toMatch(/^(B?J\d{6}-\d{4}-\d{6}|\(\d{4}\)深.婚字第\d{4}号)$/),
};
const PRINTED: PrintedForms = { dates: dateForms, money: moneyForms, has: { 有: ['登记记录'], 无: ['无'] } };


describe('sixth set truth', () => {
  for (const kind of SIXTH_KINDS) {
    it(`${kind}: fields known, well formed and printed`, () => {
      const layouts = new Set<string>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const { fields, paper, layout } = sixthSheet(kind, seed);
        layouts.add(layout);
        const text = flat(paper.text());
        const where = `${kind}#${seed} ${layout}`;
        for (const [key, value] of Object.entries(fields)) expectFieldPrinted(FIELDS[kind], key, value, text, where, PRINTED);
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(4);
        expectKindTruth(kind, fields, layout, where, RULES);
      }
      expect(layouts.size, `${kind} designs`).toBeGreaterThanOrEqual(2);
    });
  }

  it('is the same page for the same seed, and another for another seed', () => {
    expectSameSheetPerSeed(SIXTH_KINDS, (kind, seed) => {
      const { fields, paper, layout } = sixthSheet(kind, seed);
      return { fields, text: paper.text(), layout };
    });
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
