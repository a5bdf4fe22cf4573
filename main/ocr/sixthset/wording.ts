// How the sixth set's offices write dates (年月日, dots, dashes, slashes, compact) and money
// (thousands separators or not, 大写 for contracts and letters).

const num = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The ways a date is written on these pages. */
export const DATE_STYLES = ['cn', 'cnShort', 'dot', 'dash', 'slash', 'compact'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export function fmtDate(iso: string, style: DateStyle): string {
  const [y, m, d] = num(iso);
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  switch (style) {
    case 'cn':
      return `${y}年${mm}月${dd}日`;
    case 'cnShort':
      return `${y}年${m}月${d}日`;
    case 'dot':
      return `${y}.${mm}.${dd}`;
    case 'dash':
      return iso;
    case 'slash':
      return `${y}/${mm}/${dd}`;
    case 'compact':
      return `${y}${mm}${dd}`;
  }
}

/** Every form fmtDate can give, for the test. */
export const dateForms = (iso: string): string[] => DATE_STYLES.map((s) => fmtDate(iso, s));

/** 12,345.60 */
export const money = (v: number, commas = true): string => {
  const s = v.toFixed(2);
  if (!commas) return s;
  const [i, f] = s.split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};

/** The forms money() can give, for the test. */
export const moneyForms = (v: number): string[] => [money(v), money(v, false), String(v)];

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
/** 大写 amount as written on contracts and 收入证明, e.g. 捌仟伍佰元整. */
export function capitals(amount: number): string {
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  const units = ['', '拾', '佰', '仟'];
  const section = (n: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(n / 10 ** i) % 10;
      if (d === 0) zero = s !== '';
      else {
        if (zero) s += '零';
        zero = false;
        s += DIGITS[d] + units[i]!;
      }
    }
    return s;
  };
  const wan = Math.floor(yuan / 10000);
  const rest = yuan % 10000;
  let s = '';
  if (wan) s += `${section(wan)}万`;
  if (rest) s += (wan && rest < 1000 ? '零' : '') + section(rest);
  if (!s) s = '零';
  s += '元';
  if (!jiao && !f) return `${s}整`;
  if (jiao) s += `${DIGITS[jiao]}角`;
  else s += '零';
  if (f) s += `${DIGITS[f]}分`;
  return s;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
