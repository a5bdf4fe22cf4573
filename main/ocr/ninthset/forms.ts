// How the ninth set's pages write dates and amounts, and every form a value may take in print
// (the tests look for one of them in the page's text).
import type { Rng } from '../../../domain/seed/prng';

const DAY = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** ISO date of a UTC day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** A date drawn uniformly between two ISO dates, inclusive. */
export const dateBetween = (rng: Rng, from: string, to: string): string => isoOfDay(rng.int(dayOf(from), dayOf(to)));
export const addDays = (iso: string, days: number): string => isoOfDay(dayOf(iso) + days);

/** The same day `months` later (clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad2(nm)}-${pad2(Math.min(d, last))}`;
}

const HAN_DIGIT = '〇一二三四五六七八九';
const hanNumber = (n: number) => (n < 10 ? '〇一二三四五六七八九'[n]! : n < 20 ? `十${n % 10 ? HAN_DIGIT[n % 10] : ''}` : `${HAN_DIGIT[Math.floor(n / 10)]}十${n % 10 ? HAN_DIGIT[n % 10] : ''}`);

export type DateStyle = 'iso' | 'cn' | 'cn0' | 'dot' | 'slash' | 'compact' | 'han';

/** A date as printed: 2019-05-20, 2019年5月20日, 2019年05月20日, 2019.05.20, 2019/05/20, 20190520, 二〇一九年五月二十日. */
export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = parts(iso);
  switch (style) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cn0':
      return `${y}年${pad2(m)}月${pad2(d)}日`;
    case 'dot':
      return `${y}.${pad2(m)}.${pad2(d)}`;
    case 'slash':
      return `${y}/${pad2(m)}/${pad2(d)}`;
    case 'compact':
      return `${y}${pad2(m)}${pad2(d)}`;
    case 'han':
      return `${[...String(y)].map((c) => HAN_DIGIT[Number(c)]).join('')}年${hanNumber(m)}月${hanNumber(d)}日`;
  }
}

export const DATE_STYLES: readonly DateStyle[] = ['iso', 'cn', 'cn0', 'dot', 'slash', 'compact', 'han'];
export const dateForms = (iso: string): string[] => DATE_STYLES.map((s) => writeDate(iso, s));

/** 12345.6 → 12,345.60 (or 12345.60 without grouping). */
export function money(value: number, group = true): string {
  const [int, frac] = value.toFixed(2).split('.') as [string, string];
  return `${group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${frac}`;
}

const CAP = '零壹贰叁肆伍陆柒捌玖';
const CAP_UNIT = ['', '拾', '佰', '仟'];

function capitalGroup(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    out += CAP[d]! + CAP_UNIT[pos]!;
    zero = false;
  }
  return out;
}

/** An amount in capital numerals: 12345.6 → 壹万贰仟叁佰肆拾伍元陆角整. */
export function capital(value: number): string {
  const cents = Math.round(value * 100);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const groups = [yuan % 10_000, Math.floor(yuan / 10_000) % 10_000, Math.floor(yuan / 100_000_000)];
  const units = ['', '万', '亿'];
  let out = '';
  let gap = false;
  for (let g = 2; g >= 0; g--) {
    const n = groups[g]!;
    if (n === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (out !== '' && (gap || n < 1000)) out += '零';
    out += capitalGroup(n) + units[g]!;
    gap = false;
  }
  if (out === '') out = '零';
  out += '元';
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao !== 0) out += `${CAP[jiao]}角`;
  else if (yuan !== 0) out += '零';
  return fen !== 0 ? `${out}${CAP[fen]}分` : `${out}整`;
}

/** 12000 → 1.2万; undefined when the amount is not a whole number of hundreds. */
export const wan = (value: number): string | undefined => (Math.round(value * 100) % 10_000 === 0 ? `${Math.round(value) / 10_000}万` : undefined);

/** Every form an amount may take in print. */
export function moneyForms(value: number): string[] {
  const out = [money(value), money(value, false), capital(value)];
  const w = wan(value);
  if (w) out.push(w);
  if (Number.isInteger(value)) out.push(String(value));
  return out;
}

/** An amount drawn around `mean`, rounded to `step` yuan (0.01 for cents). */
export const amount = (rng: Rng, mean: number, sd: number, step: number, min = step): number =>
  Math.max(min, Math.round(Math.round(rng.normal(mean, sd) / step) * step * 100) / 100);
