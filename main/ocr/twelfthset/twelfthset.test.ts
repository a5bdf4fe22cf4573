// The twelfth set's own checks: same seed, same page; every truth field is one the extractor knows,
// its value well formed (real ISO dates no later than 2026-11-30, valid ID numbers agreeing with
// birth date and sex, positive amounts to the cent, whole months, 有/无) and printed on the page;
// every character drawn has a glyph in the face that drew it; text boxes stay on the sheet and do not
// overlap; every kind shows three designs or more; captures give opaque RGBA images of a sane size.
// TWELFTH_SEEDS=n checks more seeds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { FACES, printable } from './fonts';
import { capital, dateForms, money, moneyForms, writeDate } from './forms';
import { TWELFTH_CAPTURES, TWELFTH_KINDS, twelfthPage, twelfthSheet } from './index';
import { RARE } from './people';
import { HAS_MARKS } from './property';

const SEEDS = Number(process.env.TWELFTH_SEEDS ?? 24);
const DATE_KEYS = ['birthDate', 'registrationDate', 'party1BirthDate', 'party2BirthDate', 'date', 'periodStart', 'periodEnd'];
const AMOUNT_KEYS = ['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance'];
const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女'];
const OLD_NUMBER = /^（(\d{2})）深\S婚字第\d{4}号$/;

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const flat = (s: string) => s.replace(/\s/g, '');

function agrees(id: unknown, birth: unknown, sex: unknown): void {
  const check = checkIdNumber(String(id), new Date('2026-11-30'));
  expect(check.valid, String(id)).toBe(true);
  if (!check.valid) return;
  if (birth !== undefined) expect(check.info.birthDate).toBe(birth);
  if (sex !== undefined) expect(check.info.gender).toBe(sex === '男' ? 'male' : 'female');
}

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
        const boxes = paper.boxes();
        for (const [k, b] of boxes.entries()) {
          expect(b.x >= 3 && b.y >= 3 && b.x + b.w <= paper.width - 3 && b.y + b.h <= paper.height - 3, `${where} on the sheet: ${b.text}`).toBe(true);
          for (const c of boxes.slice(k + 1)) {
            const w = Math.min(b.x + b.w, c.x + c.w) - Math.max(b.x, c.x);
            const h = Math.min(b.y + b.h, c.y + c.h) - Math.max(b.y, c.y);
            expect(w > 0.5 && h > Math.min(b.h, c.h) * 0.3, `${where} overlap: ${b.text} / ${c.text}`).toBe(false);
          }
        }
        for (const [key, value] of Object.entries(fields)) {
          expect(FIELDS[kind], `${where} ${key}`).toContain(key);
          if (DATE_KEYS.includes(key)) {
            expect(realDate(String(value)), `${where} ${key}=${value}`).toBe(true);
            expect(String(value) <= '2026-11-30', `${where} ${key}=${value}`).toBe(true);
            expect(dateForms(String(value)).some((f) => text.includes(flat(f))), `${where} ${key}=${value} printed`).toBe(true);
          } else if (AMOUNT_KEYS.includes(key)) {
            expect(typeof value, `${where} ${key}`).toBe('number');
            expect(value as number, `${where} ${key}`).toBeGreaterThan(0);
            expect(Math.round((value as number) * 100) / 100, `${where} ${key} in cents`).toBe(value);
            expect(moneyForms(value as number).some((f) => text.includes(f)), `${where} ${key}=${value} printed`).toBe(true);
          } else if (key === 'totalMonths') {
            expect(Number.isInteger(value) && (value as number) > 0, where).toBe(true);
            expect(text.includes(`${String(value)}个月`) || (text.includes('月数') && text.includes(String(value))), `${where} ${key}=${value}`).toBe(true);
          } else if (key === 'hasProperty') {
            expect(['有', '无']).toContain(value);
            expect(HAS_MARKS[value as '有' | '无'].some((m) => text.includes(m)), `${where} ${key}=${value} printed`).toBe(true);
          } else {
            expect(text, `${where} ${key}=${value}`).toContain(flat(String(value)));
          }
        }
        expect(Object.keys(fields).length, where).toBeGreaterThanOrEqual(3);
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
          for (const born of [fields.party1BirthDate, fields.party2BirthDate]) if (born !== undefined) expect(String(fields.registrationDate) > String(born)).toBe(true);
          const number = String(fields.certificateNumber);
          const year = String(fields.registrationDate).slice(0, 4);
          if (layout === 'old-cert') {
            expect(number.match(OLD_NUMBER)?.[1], where).toBe(year.slice(2));
            expect(year < '2004').toBe(true);
          } else {
            expect(number, where).toMatch(layout === 'divorce-cert' ? /^L\d{6}-\d{4}-\d{6}$/ : /^J\d{6}-\d{4}-\d{6}$/);
            expect(number).toContain(`-${year}-`);
          }
        }
        if (kind === 'income') {
          if (fields.idNumber !== undefined) agrees(fields.idNumber, undefined, undefined);
          expect(fields.monthlyIncome !== undefined || fields.annualIncome !== undefined, where).toBe(true);
        }
        if (kind === 'social') {
          if (fields.idNumber !== undefined) agrees(fields.idNumber, undefined, undefined);
          expect(fields.totalMonths, where).toBeDefined();
        }
        if (kind === 'property') agrees(fields.idNumber, undefined, undefined);
        if (kind === 'bank') {
          expect(String(fields.periodStart) <= String(fields.periodEnd)).toBe(true);
          expect(String(fields.accountNumber)).toMatch(/^\d{4,6}[\d*]+\d{4}$/);
        }
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
    for (const kind of TWELFTH_KINDS) {
      const a = twelfthSheet(kind, 11, 'scan-150');
      const b = twelfthSheet(kind, 11, 'scan-150');
      expect(b.fields).toEqual(a.fields);
      expect(b.paper.pageText()).toBe(a.paper.pageText());
      expect(b.layout).toBe(a.layout);
      expect(twelfthSheet(kind, 11, 'photo-dim').fields).toEqual(a.fields);
      expect(twelfthSheet(kind, 12, 'scan-150').fields).not.toEqual(a.fields);
    }
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
      const { width, height, data } = page.image;
      expect(page.capture).toBe(mode);
      expect(data.length).toBe(width * height * 4);
      const long = Math.max(width, height);
      expect(long, `${page.name} ${mode}`).toBeGreaterThanOrEqual(800);
      expect(long, `${page.name} ${mode}`).toBeLessThanOrEqual(3000);
      let dark = 0;
      let light = 0;
      let clear = 0;
      for (let j = 0; j < data.length; j += 4 * 7) {
        const v = data[j + 1]!;
        if (v < 90) dark++;
        else if (v > 110) light++;
        if (data[j + 3] !== 255) clear++;
      }
      const n = data.length / 28;
      expect(clear, `${page.name} ${mode} opaque`).toBe(0);
      expect(dark / n, `${page.name} ${mode} ink`).toBeGreaterThan(0.002);
      expect(light / n, `${page.name} ${mode} paper`).toBeGreaterThan(0.3);
      expect(page.text.split('\n').length).toBeGreaterThan(4);
    });
  }
});
