import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/identity/idnumber';
import { FIELDS } from '../../../domain/ocr/fields';
import { DEV_CAPTURES, DEV_KINDS, devPage, devSheet } from './index';

const hash = (data: Uint8Array | Uint8ClampedArray): string => createHash('sha256').update(data).digest('hex');
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FIELDS = new Set(['birthDate', 'party1BirthDate', 'party2BirthDate', 'registrationDate', 'date', 'periodStart', 'periodEnd']);
const NUMBER_FIELDS = new Set(['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance', 'totalMonths']);
const realDate = (iso: string): boolean => new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

describe('development set', () => {
  it.each(DEV_KINDS.map((k, i) => [k, DEV_CAPTURES[i % DEV_CAPTURES.length]!] as const))('%s renders the same page twice from one seed (%s)', async (kind, mode) => {
    const a = await devPage(kind, 3, mode);
    const b = await devPage(kind, 3, mode);
    expect(a.image.width).toBeGreaterThan(300);
    expect(a.image.data.length).toBe(a.image.width * a.image.height * 4);
    expect(hash(b.image.data)).toBe(hash(a.image.data));
    expect(b.text).toBe(a.text);
    expect(b.fields).toEqual(a.fields);
    expect(a.capture).toBe(mode);
    const other = await devPage(kind, 4, mode);
    expect(hash(other.image.data)).not.toBe(hash(a.image.data));
  });

  it.each(DEV_KINDS)('%s truth: known fields of the right types, valid ID numbers, values printed on the page, 3+ layouts', (kind) => {
    const layouts = new Set<string>();
    for (let seed = 1; seed <= 24; seed++) {
      const { sheet, fields, layout } = devSheet(kind, seed);
      layouts.add(layout);
      const text = sheet.textLines();
      expect(text.length).toBeGreaterThan(40);
      const flat = text.replace(/\s/g, '');
      const keys = Object.keys(fields);
      expect(keys.length).toBeGreaterThanOrEqual(3);
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
          // a judgement the page words in many ways (无登记记录, 未有…, 无房, 有1套), so not printed as such
          expect(['有', '无']).toContain(v);
        } else {
          expect(typeof v, key).toBe('string');
          expect(flat, `${kind}#${seed} ${key}`).toContain((v as string).replace(/\s/g, ''));
        }
        if (/idNumber$/i.test(key)) expect(checkIdNumber(v as string, new Date('2027-01-01')).valid, `${key} ${v}`).toBe(true);
      }
      if (kind === 'marriage') {
        expect(keys.sort()).toEqual([...FIELDS.marriage].sort());
        expect([fields.party1Name, fields.party2Name]).toContain(fields.holder);
        expect(fields.party1Gender).not.toBe(fields.party2Gender);
      }
      if (kind === 'income') expect(keys.some((k) => k === 'monthlyIncome' || k === 'annualIncome')).toBe(true);
      if (kind === 'bank' || kind === 'social' || kind === 'property') expect(keys.sort()).toEqual([...FIELDS[kind]].sort());
    }
    expect(layouts.size, [...layouts].join(', ')).toBeGreaterThanOrEqual(3);
  });

  it('a bank page: the credit total is the sum of the credits and the balance runs to the closing balance', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { sheet, fields } = devSheet('bank', seed);
      const text = sheet.textLines();
      const fmt = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(text).toContain(fmt(fields.creditTotal as number));
      expect(text).toContain(fmt(fields.closingBalance as number));
    }
  });
});
