// How the thirteenth set writes dates and amounts: ISO, 2025年3月5日, 2025年03月05日, 二〇一九年三月五日,
// 2025.03.05, 2025/3/5 and 20250305; amounts with or without thousands commas, and in capital
// numerals (人民币叁万元整) beside the figures. The test uses the same lists to find each truth value.
import type { Rng } from '../../../domain/seed/prng';

export type DateStyle = 'iso' | 'cn' | 'cn0' | 'han' | 'dot' | 'slash' | 'compact';

const HAN = '〇一二三四五六七八九';

/** 1..31 as Chinese numerals: 五, 十, 十二, 二十, 三十一. */
function hanNumber(n: number): string {
  if (n < 10) return HAN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : HAN[tens]}十${n % 10 ? HAN[n % 10] : ''}`;
}

export function writeDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const mn = Number(m);
  const dn = Number(d);
  switch (style) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${mn}月${dn}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'han':
      return `${[...y].map((c) => HAN[Number(c)]).join('')}年${hanNumber(mn)}月${hanNumber(dn)}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${mn}/${dn}`;
    case 'compact':
      return `${y}${m}${d}`;
  }
}

/** A year and month written 2025年3月 / 2025.03 / 202503. */
export const writeMonth = (iso: string, style: 'cn' | 'dot' | 'compact'): string =>
  style === 'cn' ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月` : style === 'dot' ? `${iso.slice(0, 4)}.${iso.slice(5, 7)}` : `${iso.slice(0, 4)}${iso.slice(5, 7)}`;

export const DATE_STYLES: readonly DateStyle[] = ['iso', 'cn', 'cn0', 'han', 'dot', 'slash', 'compact'];

export const dateForms = (iso: string): string[] => DATE_STYLES.map((s) => writeDate(iso, s));

/** Yuan to the cent, with thousands commas unless `commas` is false. */
export function money(yuan: number, commas = true): string {
  const [int, cents] = yuan.toFixed(2).split('.') as [string, string];
  return `${commas ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${cents}`;
}

export const moneyForms = (yuan: number): string[] => [money(yuan), money(yuan, false)];

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];

/** A group of up to four digits in capitals, with 零 for inner gaps. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      out += (zero ? '零' : '') + DIGITS[d] + UNITS[i];
      zero = false;
    }
  }
  return out;
}

/** An amount in capital numerals: 叁万元整, 壹万贰仟叁佰肆拾伍元陆角整, 壹万零伍拾元零伍分. */
export function capital(yuan: number): string {
  const cents = Math.round(yuan * 100);
  const int = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const wan = Math.floor(int / 10000);
  const rest = int % 10000;
  let head = '';
  if (wan) head += `${group(wan)}万`;
  if (rest) head += (wan && rest < 1000 ? '零' : '') + group(rest);
  if (!head) head = '零';
  head += '元';
  if (!jiao && !fen) return `${head}整`;
  if (!fen) return `${head}${DIGITS[jiao]}角整`;
  return `${head}${jiao ? `${DIGITS[jiao]}角` : '零'}${DIGITS[fen]}分`;
}

/** A date between `from` and `to` (ISO), inclusive. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86400000)) * 86400000).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
