// How the twelfth set's pages write dates and amounts, and every form a value may take on a page
// (the tests look for one of them in the page's text).

export type DateForm = 'iso' | 'cn' | 'cn0' | 'dot' | 'dash' | 'slash' | 'han';

const HAN = '〇一二三四五六七八九';

function hanNumber(n: number): string {
  if (n < 10) return HAN[n]!;
  if (n < 20) return `十${n % 10 ? HAN[n % 10] : ''}`;
  return `${HAN[Math.floor(n / 10)]}十${n % 10 ? HAN[n % 10] : ''}`;
}

/** `iso` (YYYY-MM-DD) written in `form`: 2025-03-05, 2025年3月5日, 2025年03月05日, 2025.03.05, 2025-3-5, 2025/03/05, 二〇二五年三月五日. */
export function writeDate(iso: string, form: DateForm): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const mm = Number(m);
  const dd = Number(d);
  switch (form) {
    case 'iso':
      return iso;
    case 'cn':
      return `${y}年${mm}月${dd}日`;
    case 'cn0':
      return `${y}年${m}月${d}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'dash':
      return `${y}-${mm}-${dd}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'han':
      return `${[...y].map((c) => HAN[Number(c)]).join('')}年${hanNumber(mm)}月${hanNumber(dd)}日`;
  }
}

export const DATE_FORMS: readonly DateForm[] = ['iso', 'cn', 'cn0', 'dot', 'dash', 'slash', 'han'];

export const dateForms = (iso: string): string[] => DATE_FORMS.map((f) => writeDate(iso, f));

/** 12,345.60 (or 12345.60 without grouping). */
export function money(n: number, group = true): string {
  const fixed = n.toFixed(2);
  if (!group) return fixed;
  const [int, dec] = fixed.split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

export const moneyForms = (n: number): string[] => [money(n), money(n, false)];

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** An amount in capital numerals: 12345.6 → 壹万贰仟叁佰肆拾伍元陆角整. */
export function capital(n: number): string {
  const cents = Math.round(n * 100);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const section = (v: number): string => {
    const units = ['仟', '佰', '拾', ''];
    const ds = String(v).padStart(4, '0');
    let s = '';
    let zero = false;
    for (let i = 0; i < 4; i++) {
      const d = Number(ds[i]);
      if (d === 0) zero = s.length > 0;
      else {
        if (zero) s += '零';
        zero = false;
        s += DIGITS[d]! + units[i]!;
      }
    }
    return s;
  };
  let s = '';
  const wan = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  if (wan > 0) s += `${section(wan)}万`;
  if (rest > 0) s += (wan > 0 && rest < 1000 ? '零' : '') + section(rest);
  if (s === '') s = '零';
  s += '元';
  if (jiao === 0 && fen === 0) return `${s}整`;
  if (jiao > 0) s += `${DIGITS[jiao]}角`;
  else s += '零';
  return fen > 0 ? `${s}${DIGITS[fen]}分` : `${s}整`;
}
