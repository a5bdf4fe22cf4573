// How the tenth set's pages write dates and amounts: ISO, 2019年10月20日, 2019.10.20, 二〇一九年十月二十日,
// 20191020 …; 1,234.50, 1234.50 and the capital numerals of a cheque (壹万贰仟叁佰肆拾伍元陆角整).
import type { Rng } from '../../../domain/seed/prng';

export type DateStyle = 'iso' | 'cn' | 'cn0' | 'dot' | 'dotn' | 'slash' | 'han' | 'compact';
export const DATE_STYLES: readonly DateStyle[] = ['iso', 'cn', 'cn0', 'dot', 'dotn', 'slash', 'han', 'compact'];

const HAN = '〇一二三四五六七八九';

/** 1 … 31 in Chinese numerals: 十, 十一, 二十, 三十一. */
export function hanNumber(n: number): string {
  if (n < 10) return HAN[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : HAN[tens]}十${ones === 0 ? '' : HAN[ones]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (style) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cn0':
      return `${y}年${pad(m)}月${pad(d)}日`;
    case 'dot':
      return `${y}.${pad(m)}.${pad(d)}`;
    case 'dotn':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${pad(m)}/${pad(d)}`;
    case 'han':
      return `${[...String(y)].map((c) => HAN[Number(c)]).join('')}年${hanNumber(m)}月${hanNumber(d)}日`;
    case 'compact':
      return `${y}${pad(m)}${pad(d)}`;
  }
}

/** Every way a page may print the date. */
export const dateForms = (iso: string): string[] => DATE_STYLES.map((s) => writeDate(iso, s));

/** Year and month of a date, as a page prints it: 2024年03月, 2024-03, 2024.03. */
export function writeMonth(iso: string, style: 'cn0' | 'iso' | 'dot' | 'cn'): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return style === 'cn0' ? `${y}年${pad(m)}月` : style === 'cn' ? `${y}年${m}月` : style === 'dot' ? `${y}.${pad(m)}` : `${y}-${pad(m)}`;
}

/** ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A random ISO date between two ISO dates, inclusive. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`) / 86_400_000;
  const b = Date.parse(`${to}T00:00:00Z`) / 86_400_000;
  return addDays(from, rng.int(0, Math.round(b - a)));
}

/** 1234567.5 → 1,234,567.50 (or 1234567.50 without grouping). */
export function money(amount: number, group = true): string {
  const fixed = (Math.round(amount * 100) / 100).toFixed(2);
  if (!group) return fixed;
  const [int, dec] = fixed.split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const UNIT = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿'];

function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGIT[d]! + UNIT[i]!;
    }
  }
  return out;
}

/** An amount in capital numerals, as on a cheque or a salary letter: 壹拾万零伍佰元整. */
export function capital(amount: number): string {
  const cents = Math.round(amount * 100);
  let yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const sections: number[] = [];
  while (yuan > 0) {
    sections.push(yuan % 10000);
    yuan = Math.floor(yuan / 10000);
  }
  let out = '';
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const v = sections[i]!;
    if (v === 0) {
      gap = out !== '';
      continue;
    }
    if (out && (v < 1000 || gap)) out += '零';
    out += section(v) + BIG[i]!;
    gap = false;
  }
  if (out) out += '元';
  if (jiao === 0 && fen === 0) return out ? `${out}整` : '零元整';
  if (jiao > 0) out += `${DIGIT[jiao]}角`;
  else if (out) out += '零';
  return fen > 0 ? `${out}${DIGIT[fen]}分` : `${out}整`;
}

/** Every way a page may print the amount. */
export function moneyForms(amount: number): string[] {
  const forms = [money(amount), money(amount, false), capital(amount)];
  if (Number.isInteger(amount)) forms.push(String(amount), money(amount).slice(0, -3));
  if (amount % 10000 === 0) forms.push(`${amount / 10000}万`);
  return forms;
}

/** Whole cents from a random yuan amount. */
export const cents = (yuan: number) => Math.round(yuan * 100) / 100;
