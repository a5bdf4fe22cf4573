import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { draws, HAND, KAI } from './fonts';
import { FIELD_CAPTURES, FIELD_KINDS, fieldPage, fieldSheet } from './index';
import { RARE } from './people';

const hash = (data: Uint8Array | Uint8ClampedArray): string => createHash('sha256').update(data).digest('hex');
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FIELDS = new Set(['birthDate', 'party1BirthDate', 'party2BirthDate', 'registrationDate', 'date', 'periodStart', 'periodEnd']);
const NUMBER_FIELDS = new Set(['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance', 'totalMonths']);
const realDate = (iso: string): boolean => new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
const fmt = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('field set', () => {
  it.each(FIELD_KINDS.map((k, i) => [k, FIELD_CAPTURES[i % FIELD_CAPTURES.length]!] as const))('%s renders the same page twice from one seed (%s)', async (kind, mode) => {
    const a = await fieldPage(kind, 3, mode);
    const b = await fieldPage(kind, 3, mode);
    expect(a.image.width).toBeGreaterThan(800);
    expect(a.image.data.length).toBe(a.image.width * a.image.height * 4);
    expect(hash(b.image.data)).toBe(hash(a.image.data));
    expect(b.text).toBe(a.text);
    expect(b.fields).toEqual(a.fields);
    expect(a.capture).toBe(mode);
    const other = await fieldPage(kind, 4, mode);
    expect(hash(other.image.data)).not.toBe(hash(a.image.data));
  });

  it('the capture changes the picture, not the truth', async () => {
    const scan = await fieldPage('income', 5, 'scan');
    const phone = await fieldPage('income', 5, 'phone');
    expect(phone.text).toBe(scan.text);
    expect(phone.fields).toEqual(scan.fields);
    expect(hash(phone.image.data)).not.toBe(hash(scan.image.data));
    // the stamp puts red ink on the page (a seal), the copy none at all (grey)
    const red = (img: { data: Uint8Array | Uint8ClampedArray }) => {
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! > 150 && img.data[i]! - img.data[i + 1]! > 90 && img.data[i]! - img.data[i + 2]! > 70) n++;
      return n;
    };
    const stamped = await fieldPage('property', 2, 'stamp');
    const copied = await fieldPage('property', 2, 'copy');
    expect(red(stamped.image)).toBeGreaterThan(2000);
    expect(red(copied.image)).toBe(0);
  });

  it.each(FIELD_KINDS)('%s truth: known fields of the right types, valid ID numbers matching the birth date, values printed on the page, 3+ layouts', (kind) => {
    const layouts = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const { sheet, fields, layout } = fieldSheet(kind, seed);
      layouts.add(layout);
      const text = sheet.textLines();
      expect(text.length).toBeGreaterThan(40);
      const flat = text.replace(/\s/g, '');
      const keys = Object.keys(fields);
      for (const key of keys) {
        expect(FIELDS[kind]).toContain(key);
        const v = fields[key]!;
        if (DATE_FIELDS.has(key)) {
          expect(v, key).toMatch(ISO);
          expect(realDate(v as string), `${key} ${v}`).toBe(true);
        } else if (NUMBER_FIELDS.has(key)) {
          expect(typeof v, key).toBe('number');
          expect(v as number).toBeGreaterThan(0);
        } else if (key === 'hasProperty') {
          expect(['有', '无']).toContain(v);
        } else {
          expect(typeof v, key).toBe('string');
          // the card prints 汉 or 汉族; the truth holds the full name
          const printed = key === 'ethnicity' ? (v as string).replace(/族$/, '') : (v as string);
          expect(flat, `${kind}#${seed} ${key}`).toContain(printed.replace(/\s/g, ''));
        }
        if (/idNumber$/i.test(key)) {
          const check = checkIdNumber(v as string, new Date('2027-01-01'));
          expect(check.valid, `${key} ${v}`).toBe(true);
          const person = key === 'idNumber' ? '' : key.replace('IdNumber', '');
          const birth = fields[person ? `${person}BirthDate` : 'birthDate'];
          if (check.valid && birth !== undefined) expect(check.info.birthDate).toBe(birth);
          const gender = fields[person ? `${person}Gender` : 'gender'];
          if (check.valid && gender !== undefined) expect(check.info.gender).toBe(gender === '男' ? 'male' : 'female');
        }
      }
      if (kind === 'hukou') expect(fields.ethnicity as string).toMatch(/族$/);
      if (kind === 'marriage') {
        expect(keys.sort()).toEqual([...FIELDS.marriage].sort());
        expect([fields.party1Name, fields.party2Name]).toContain(fields.holder);
        expect([fields.party1Gender, fields.party2Gender]).toEqual(['男', '女']);
      }
      if (kind === 'income') {
        expect(keys.some((k) => k === 'monthlyIncome' || k === 'annualIncome')).toBe(true);
        if (fields.monthlyIncome !== undefined && fields.annualIncome !== undefined) expect(fields.annualIncome).toBeCloseTo((fields.monthlyIncome as number) * 12, 2);
        for (const k of ['monthlyIncome', 'annualIncome']) if (fields[k] !== undefined) expect(flat).toContain(fmt(fields[k] as number).replace(/\s/g, ''));
      } else {
        expect(keys.sort()).toEqual([...FIELDS[kind]].sort());
      }
      if (kind === 'social') expect(flat).toContain(String(fields.totalMonths));
    }
    expect(layouts.size, [...layouts].join(', ')).toBeGreaterThanOrEqual(3);
  });

  it('a bank page: the 合计 of credits is the sum of the credit column, and the balance column runs to the closing balance', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { sheet, fields, layout } = fieldSheet('bank', seed);
      const text = sheet.textLines();
      expect(text).toContain(fmt(fields.creditTotal as number));
      expect(text).toContain(fmt(fields.closingBalance as number));
      // rows start with a date; each row's amount is the step of the balance column, and the steps up add to the credit total
      const rows = text.split('\n').filter((l) => /^\d{4}[-./]?\d{2}[-./]?\d{2} /.test(l));
      expect(rows.length).toBeGreaterThan(5);
      const num = (t: string) => Number(t.replace(/[,+]/g, ''));
      const amounts = rows.map((r) => r.split(' ').filter((t) => /^[+-]?[\d,]+\.\d{2}$/.test(t)).map(num));
      for (const a of amounts) expect(a.length, layout).toBe(2);
      const balance = amounts.map((a) => a[1]!);
      let up = 0;
      for (let i = 1; i < rows.length; i++) {
        const step = balance[i]! - balance[i - 1]!;
        expect(Math.abs(Math.abs(step) - Math.abs(amounts[i]![0]!)), `${layout} row ${i}`).toBeLessThan(0.005);
        if (step > 0) up += step;
      }
      const first = Math.abs(amounts[0]![0]!);
      expect([up, up + first].some((t) => Math.abs(t - (fields.creditTotal as number)) < 0.01), `${layout}: credits ${up} (+${first}) vs ${String(fields.creditTotal)}`).toBe(true);
      expect(balance[balance.length - 1]).toBeCloseTo(fields.closingBalance as number, 2);
    }
  });

  it('rare name characters and fills: 楷体 and the handwriting font draw what they print', () => {
    expect(draws(KAI, RARE.join(''))).toBe(true);
    expect(draws(KAI, '0123456789年月日¥,.：')).toBe(true);
    // a family that does not have a character is caught: Ma Shan Zheng (GB 2312) draws an empty box for 堃 and 玥
    expect(draws(HAND, '李晓婕2023年5月6日')).toBe(true);
    expect(draws(HAND, '堃')).toBe(false);
    expect(draws(HAND, '王玥')).toBe(false);
    let hand = 0;
    for (const kind of FIELD_KINDS) {
      for (let seed = 1; seed <= 20; seed++) {
        const { sheet } = fieldSheet(kind, seed);
        if (sheet.fonts.has(HAND)) hand++;
        // every run of text is drawn by its own font: no empty boxes, no silent fallback
        for (const p of sheet.pieces) expect(draws(p.family, p.text), `${kind}#${seed} ${p.family}: ${p.text}`).toBe(true);
      }
    }
    expect(hand).toBeGreaterThan(6);
    expect(hand).toBeLessThan(40);
  });
});
