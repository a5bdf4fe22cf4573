// How the seventh set writes dates and amounts: 2026年3月5日, 2026.03.05, 2026-03-05, 二〇二六年三月五日;
// 123,000.00 or 123000.00; 人民币壹拾贰万叁仟元整.
import type { Rng } from '../../../domain/seed/prng';

export type DateStyle = 'cn' | 'cn0' | 'dot' | 'iso' | 'han' | 'slash';

const HAN_DIGITS = '〇一二三四五六七八九';

function hanNumber(n: number): string {
  if (n < 10) return '〇一二三四五六七八九'[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : HAN_DIGITS[tens]}十${ones === 0 ? '' : HAN_DIGITS[ones]}`;
}

export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'cn':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'han':
      return `${[...y].map((c) => HAN_DIGITS[Number(c)]).join('')}年${hanNumber(Number(m))}月${hanNumber(Number(d))}日`;
  }
}

export const DATE_STYLES: readonly DateStyle[] = ['cn', 'cn0', 'dot', 'iso', 'han', 'slash'];

/** Every form a date may take on the set's pages. */
export const dateForms = (iso: string): string[] => DATE_STYLES.map((s) => writeDate(iso, s));

export const grouped = (v: number, decimals = 2) => v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
export const plain = (v: number, decimals = 2) => v.toFixed(decimals);

/** Every digit form an amount may take on the set's pages. */
export const moneyForms = (v: number): string[] => [grouped(v), plain(v), grouped(v, 0), plain(v, 0)].filter((s, i, all) => all.indexOf(s) === i && Number(s.replace(/,/g, '')) === v);

const CAP_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CAP_UNITS = ['', '拾', '佰', '仟'];

function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      out += CAP_DIGITS[d]! + CAP_UNITS[i]!;
      zero = false;
    }
  }
  return out;
}

/** 大写 amount: 123000 → 壹拾贰万叁仟元整; 4181.27 → 肆仟壹佰捌拾壹元贰角柒分. */
export function capitals(v: number): string {
  const cents = Math.round(v * 100);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const wan = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  let s = '';
  if (wan > 0) s += `${fourDigits(wan)}万`;
  if (rest > 0) s += (wan > 0 && rest < 1000 ? '零' : '') + fourDigits(rest);
  if (s === '') s = '零';
  s += '元';
  if (jiao === 0 && fen === 0) return `${s}整`;
  if (jiao > 0) s += `${CAP_DIGITS[jiao]}角`;
  else if (yuan > 0) s += '零';
  if (fen > 0) s += `${CAP_DIGITS[fen]}分`;
  return s;
}

/** A random ISO date between two ISO dates, inclusive. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const day = rng.int(0, Math.round((b - a) / 86400000));
  return new Date(a + day * 86400000).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/** Round to a plausible figure: whole yuan, tens, or cents. */
export const money = (rng: Rng, min: number, max: number, step = 1) => Math.round(Math.round((min + rng.next() * (max - min)) / step) * step * 100) / 100;
