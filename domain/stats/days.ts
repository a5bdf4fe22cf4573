// Date helpers of the statistics: Beijing calendar dates of timestamps, ISO weeks, and working days
// counted from a table of running totals, so that a hundred thousand differences cost a lookup each.
// The counting is the one of domain/deadlines (`workingDaysBetween`); days.test.ts checks they agree.
import { isWorkingDay, type HolidayCalendar } from '../deadlines';
import type { IsoDate, IsoDateTime } from '../model/common';
import { localDate } from '../workflow';

const DAY_MS = 86_400_000;
export const dayNumber = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
export const dayString = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * `localDate` for many timestamps: a UTC timestamp as toISOString writes it is on the same Beijing
 * date before 16:00 and on the next one from 16:00 (Beijing is a whole 8 hours ahead, no DST).
 */
export function localDates(): (at: IsoDateTime) => IsoDate {
  const next = new Map<string, IsoDate>();
  return (at) => {
    if (at.length !== 24 || at.charCodeAt(10) !== 84 /* T */ || at.charCodeAt(23) !== 90 /* Z */) return localDate(at);
    const date = at.slice(0, 10);
    const hour = (at.charCodeAt(11) - 48) * 10 + (at.charCodeAt(12) - 48);
    if (hour < 16) return date;
    let day = next.get(date);
    if (day === undefined) next.set(date, (day = dayString(dayNumber(date) + 1)));
    return day;
  };
}

/**
 * Working days from `from` to `to` (as `workingDaysBetween`): after `from`, up to and including
 * `to`, negative when `to` is earlier. Running totals are built once per span of dates asked for.
 */
export function workingDayCounter(cal: HolidayCalendar): (from: IsoDate, to: IsoDate) => number {
  let first = 0;
  let totals: Int32Array = new Int32Array(0);
  const memo = new Map<IsoDate, number>();
  const extend = (lo: number, hi: number) => {
    const start = totals.length === 0 ? lo - 366 : Math.min(first, lo - 366);
    const end = totals.length === 0 ? hi + 366 : Math.max(first + totals.length - 1, hi + 366);
    const next = new Int32Array(end - start + 1);
    for (let n = start + 1, i = 1; n <= end; n++, i++) next[i] = next[i - 1]! + (isWorkingDay(dayString(n), cal) ? 1 : 0);
    [first, totals] = [start, next];
    memo.clear(); // totals now count from a new first day
  };
  const total = (d: IsoDate): number => {
    let v = memo.get(d);
    if (v !== undefined) return v;
    const n = dayNumber(d);
    if (!Number.isFinite(n)) throw new RangeError(`不是有效日期:${d}`);
    if (n < first || n >= first + totals.length) extend(n, n);
    v = totals[n - first]!;
    memo.set(d, v);
    return v;
  };
  return (from, to) => total(to) - total(from);
}

/** Monday of the ISO week holding `d`. */
export function weekStart(d: IsoDate): IsoDate {
  const n = dayNumber(d);
  return dayString(n - ((n + 3) % 7)); // 1970-01-01 was a Thursday
}

/** ISO 8601 week label, e.g. "2024-W26" (the week belongs to the year of its Thursday). */
export function isoWeek(monday: IsoDate): string {
  const thursday = dayNumber(monday) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = 1 + Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
