// What the generators' own tests check of every page's truth (the sixth set onwards): field keys
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

/** A sheet as the determinism check sees it: its truth, the text printed on it and its design. */
export interface SeededSheet {
  readonly fields: unknown;
  readonly text: string;
  readonly layout: string;
}

/**
 * The same seed gives the same sheet — and the same truth under another capture (`other`) — and
 * the next seed other fields, for every kind. `sheet` reads one sheet of a kind, seed and capture.
 */
export function expectSameSheetPerSeed<K extends string, C extends string>(kinds: readonly K[], sheet: (kind: K, seed: number, capture?: C) => SeededSheet, capture?: C, other?: C): void {
  for (const kind of kinds) {
    const a = sheet(kind, 11, capture);
    const b = sheet(kind, 11, capture);
    expect(b.fields, kind).toEqual(a.fields);
    expect(b.text, kind).toBe(a.text);
    expect(b.layout, kind).toBe(a.layout);
    if (other) expect(sheet(kind, 11, other).fields, `${kind} under ${other}`).toEqual(a.fields);
    expect(sheet(kind, 12, capture).fields, kind).not.toEqual(a.fields);
  }
}

/** Relations a household page gives in every set; sets add their own (三子, 儿媳 …). */
export const RELATIONS = ['户主', '妻', '夫', '长子', '次子', '长女', '次女', '子', '女', '父亲', '母亲', '孙子', '孙女'];

/** What a set's pages say of a kind beyond each field's form, where the sets differ. */
export interface KindRules {
  /** Relations a household page may give. */
  readonly relations: readonly string[];
  /** Kinds whose every page carries the ID number (elsewhere it is checked where given). */
  readonly idAlways: readonly ('income' | 'social' | 'marriage')[];
  /** Checks a marriage page's certificate number, given its registration year and the page's design. */
  readonly certificate: (number: unknown, year: string, layout: string, where: string) => void;
  /** The form of a masked bank account number (default: six digits, digits or stars, four digits). */
  readonly account?: RegExp;
}

/** A marriage certificate number of today's form, `prefix` then the office, the year registered and a serial. */
export function expectModernCertificate(number: string, year: string, prefix: RegExp, where: string): void {
  expect(number, where).toMatch(new RegExp(`^${prefix.source}\\d{6}-\\d{4}-\\d{6}$`));
  expect(number, where).toContain(`-${year}-`);
}

/**
 * A page's truth agrees with itself: ID numbers with the birth date and sex beside them, a marriage's
 * parties, dates and certificate number, an income or contribution page's figures, a statement's
 * period and account number.
 */
export function expectKindTruth(kind: string, fields: Readonly<Record<string, unknown>>, layout: string, where: string, rules: KindRules): void {
  const idWhere = (k: 'income' | 'social' | 'marriage', id: unknown, birth?: unknown, sex?: string) => {
    if (id !== undefined || rules.idAlways.includes(k)) expectIdAgrees(id, birth, sex);
  };
  if (kind === 'hukou') {
    expectIdAgrees(fields.idNumber, fields.birthDate, fields.gender);
    expect(String(fields.ethnicity), where).toMatch(/族$/);
    expect(rules.relations, where).toContain(fields.relation);
  }
  if (kind === 'marriage') {
    expect([fields.party1Gender, fields.party2Gender], where).toEqual(['男', '女']);
    idWhere('marriage', fields.party1IdNumber, fields.party1BirthDate, '男');
    idWhere('marriage', fields.party2IdNumber, fields.party2BirthDate, '女');
    if (fields.holder !== undefined) expect([fields.party1Name, fields.party2Name], where).toContain(fields.holder);
    for (const born of [fields.party1BirthDate, fields.party2BirthDate]) if (born !== undefined) expect(String(fields.registrationDate) > String(born), where).toBe(true);
    rules.certificate(fields.certificateNumber, String(fields.registrationDate).slice(0, 4), layout, where);
  }
  if (kind === 'income') {
    idWhere('income', fields.idNumber);
    expect(fields.monthlyIncome !== undefined || fields.annualIncome !== undefined, where).toBe(true);
  }
  if (kind === 'social') {
    idWhere('social', fields.idNumber);
    expect(Number.isInteger(fields.totalMonths) && (fields.totalMonths as number) > 0, where).toBe(true);
  }
  if (kind === 'property') expectIdAgrees(fields.idNumber, undefined, undefined);
  if (kind === 'bank') {
    if (fields.periodStart !== undefined) expect(String(fields.periodStart) <= String(fields.periodEnd), where).toBe(true);
    expect(String(fields.accountNumber), where).toMatch(rules.account ?? /^\d{6}[\d*]+\d{4}$/);
  }
}
