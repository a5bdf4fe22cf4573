// How the eleventh set's pages write dates and amounts, and the forms the tests accept as printed.
import type { Rng } from '../../../domain/seed/prng';

export type DateStyle = 'cn' | 'cn0' | 'iso' | 'dot' | 'slash' | 'han' | 'compact';

const HAN = '〇一二三四五六七八九';
const hanNumber = (n: number): string => (n < 10 ? HAN[n]! : n === 10 ? '十' : n < 20 ? `十${HAN[n % 10]}` : `${HAN[Math.floor(n / 10)]}十${n % 10 ? HAN[n % 10] : ''}`);

export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'cn':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'iso':
      return iso;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'han':
      return `${[...y].map((c) => HAN[Number(c)]).join('')}年${hanNumber(Number(m))}月${hanNumber(Number(d))}日`;
  }
}

export const dateForms = (iso: string): string[] => (['cn', 'cn0', 'iso', 'dot', 'slash', 'han', 'compact'] as const).map((s) => writeDate(iso, s));

/** 12345.6 → "12,345.60" (or without separators). */
export function money(v: number, commas = true): string {
  const [int, frac] = v.toFixed(2).split('.') as [string, string];
  return `${commas ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${frac}`;
}

export const moneyForms = (v: number): string[] => [money(v), money(v, false), ...(Number.isInteger(v) ? [String(v), money(v).slice(0, -3)] : [])];

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A date between two ISO dates (inclusive). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86400000)) * 86400000).toISOString().slice(0, 10);
}

export const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
export const monthEnd = (y: number, m: number) => iso(y, m, daysIn(y, m));

/** The latest issue date any page carries. */
export const LAST_DAY = '2026-11-30';

/** An issue date in the last two years up to LAST_DAY. */
export const issueDate = (rng: Rng) => dateBetween(rng, '2024-09-01', LAST_DAY);
