// Number and date helpers for rule reasons: thousands separators without relying on locale data.

/** 61200 → "61,200"; 54000.5 → "54,000.50". */
export function formatAmount(value: number): string {
  const cents = Math.round(value * 100);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = abs % 100;
  return `${negative ? '-' : ''}${whole}${frac === 0 ? '' : `.${String(frac).padStart(2, '0')}`}`;
}

/** Years with at most one decimal: 3 → "3", 2.5 → "2.5". */
export function formatYears(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Amount in cents as an integer, for exact comparisons. */
export const toCents = (yuan: number): number => Math.round(yuan * 100);

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Full years of age on `on` (both YYYY-MM-DD); a 29 February birthday comes of age on 1 March. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The date `years` before `date`, YYYY-MM-DD (29 February falls back to 28 February). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y - years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
