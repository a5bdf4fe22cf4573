// What the generators' own tests check of every page's truth (the ninth set onwards): field keys
// and value forms shared by all of them, ID numbers agreeing with the birth date and sex printed
// beside them, and text boxes on the sheet and apart. Used by tests only.
import { expect } from 'vitest';
import { checkIdNumber } from '../../domain/identity/idnumber';

export const DATE_KEYS = ['birthDate', 'registrationDate', 'party1BirthDate', 'party2BirthDate', 'date', 'periodStart', 'periodEnd'];
export const AMOUNT_KEYS = ['monthlyIncome', 'annualIncome', 'creditTotal', 'closingBalance'];

/** A real calendar date written YYYY-MM-DD. */
export const realDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
/** Text without its white space, as a value is looked for in a page's text. */
export const flat = (s: string): string => s.replace(/\s/g, '');

/** The ID number is valid on 2026-11-30 and agrees with the birth date and sex (男/女) given. */
export function expectIdAgrees(id: unknown, birth: unknown, sex: unknown): void {
  const check = checkIdNumber(String(id), new Date('2026-11-30'));
  expect(check.valid, String(id)).toBe(true);
  if (!check.valid) return;
  if (birth !== undefined) expect(check.info.birthDate).toBe(birth);
  if (sex !== undefined) expect(check.info.gender).toBe(sex === '男' ? 'male' : 'female');
}

export interface DrawnBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

/** Every box lies `margin` inside the sheet, and no two overlap by more than a sliver. */
export function expectOnSheetApart(boxes: readonly DrawnBox[], sheet: { readonly width: number; readonly height: number }, margin: number, where: string): void {
  for (const [k, b] of boxes.entries()) {
    expect(b.x >= margin && b.y >= margin && b.x + b.w <= sheet.width - margin && b.y + b.h <= sheet.height - margin, `${where} on the sheet: ${b.text}`).toBe(true);
    for (const c of boxes.slice(k + 1)) {
      const w = Math.min(b.x + b.w, c.x + c.w) - Math.max(b.x, c.x);
      const h = Math.min(b.y + b.h, c.y + c.h) - Math.max(b.y, c.y);
      expect(w > 0.5 && h > Math.min(b.h, c.h) * 0.3, `${where} overlap: ${b.text} / ${c.text}`).toBe(false);
    }
  }
}

/** How a generator prints values: each date's and amount's written forms, and the words that say 有 or 无. */
export interface PrintedForms {
  readonly dates: (iso: string) => readonly string[];
  readonly money: (yuan: number) => readonly string[];
  readonly has: Readonly<Record<'有' | '无', readonly string[]>>;
  /** The page says one of 有 and 无, never both. */
  readonly oneOfHas?: boolean;
}

/** A truth field is one the extractor knows for the kind, its value well formed and printed on the page (`text`, flat). */
export function expectFieldPrinted(known: readonly string[], key: string, value: unknown, text: string, where: string, forms: PrintedForms): void {
  expect(known, `${where} ${key}`).toContain(key);
  if (DATE_KEYS.includes(key)) {
    expect(realDate(String(value)), `${where} ${key}=${String(value)}`).toBe(true);
    expect(String(value) <= '2026-11-30', `${where} ${key}=${String(value)}`).toBe(true);
    expect(forms.dates(String(value)).some((f) => text.includes(flat(f))), `${where} ${key}=${String(value)} printed`).toBe(true);
  } else if (AMOUNT_KEYS.includes(key)) {
    expect(typeof value, `${where} ${key}`).toBe('number');
    expect(value as number, `${where} ${key}`).toBeGreaterThan(0);
    expect(Math.round((value as number) * 100) / 100, `${where} ${key} in cents`).toBe(value);
    expect(forms.money(value as number).some((f) => text.includes(f)), `${where} ${key}=${String(value)} printed`).toBe(true);
  } else if (key === 'totalMonths') {
    expect(Number.isInteger(value) && (value as number) > 0, where).toBe(true);
    expect(text.includes(`${String(value)}个月`) || (text.includes('月数') && text.includes(String(value))), `${where} ${key}=${String(value)}`).toBe(true);
  } else if (key === 'hasProperty') {
    expect(['有', '无']).toContain(value);
    expect(forms.has[value as '有' | '无'].some((m) => text.includes(m)), `${where} ${key}=${String(value)} printed`).toBe(true);
    if (forms.oneOfHas) expect(forms.has[value === '有' ? '无' : '有'].some((m) => text.includes(m)), `${where} ${key}: not both`).toBe(false);
  } else {
    expect(text, `${where} ${key}=${String(value)}`).toContain(flat(String(value)));
  }
}

/** How a capture must look: its longest side, and the share of ink (darker than `dark`) and paper (lighter than `light`) pixels. */
export interface SaneCapture {
  readonly minSide: number;
  readonly maxSide: number;
  readonly dark: number;
  readonly light: number;
  readonly ink: number;
  readonly paper: number;
}

/** A captured page is an opaque RGBA image of a sane size, with ink on paper and a few lines of text. */
export function expectSanePage(page: { readonly name: string; readonly capture: string; readonly text: string; readonly image: { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray | Uint8Array } }, mode: string, sane: SaneCapture): void {
  const { width, height, data } = page.image;
  expect(page.capture).toBe(mode);
  expect(data.length).toBe(width * height * 4);
  const long = Math.max(width, height);
  expect(long, `${page.name} ${mode}`).toBeGreaterThanOrEqual(sane.minSide);
  expect(long, `${page.name} ${mode}`).toBeLessThanOrEqual(sane.maxSide);
  let dark = 0;
  let light = 0;
  let clear = 0;
  for (let j = 0; j < data.length; j += 4 * 7) {
    const v = data[j + 1]!;
    if (v < sane.dark) dark++;
    else if (v > sane.light) light++;
    if (data[j + 3] !== 255) clear++;
  }
  const n = data.length / 28;
  expect(clear, `${page.name} ${mode} opaque`).toBe(0);
  expect(dark / n, `${page.name} ${mode} ink`).toBeGreaterThan(sane.ink);
  expect(light / n, `${page.name} ${mode} paper`).toBeGreaterThan(sane.paper);
  expect(page.text.split('\n').length).toBeGreaterThan(4);
}
