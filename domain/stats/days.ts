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

export interface WorkingDays {
  /** Working days from `from` to `to`, as `workingDaysBetween`: after `from`, up to and including `to`, negative when `to` is earlier. */
  readonly between: (from: IsoDate, to: IsoDate) => number;
  /** The n-th working day after `start`, as `addWorkingDays`. */
  readonly add: (start: IsoDate, n: number) => IsoDate;
}

/**
 * Working-day arithmetic of domain/deadlines (days.test.ts checks they agree) from a table of running
 * totals built once per span of dates asked for: a lookup each instead of a walk over the days.
 */
export function workingDays(cal: HolidayCalendar): WorkingDays {
  let first = 0;
  let totals: Int32Array = new Int32Array(0);
  const memo = new Map<IsoDate, number>();
  const extend = (n: number) => {
    const last = first + totals.length - 1;
    const start = totals.length === 0 ? n - 366 : Math.min(first, n - 366);
    const end = totals.length === 0 ? n + 366 : Math.max(last, n + 366);
    const next = new Int32Array(end - start + 1);
    for (let d = start + 1, i = 1; d <= end; d++, i++) next[i] = next[i - 1]! + (isWorkingDay(dayString(d), cal) ? 1 : 0);
    [first, totals] = [start, next];
    memo.clear(); // indexes now count from a new first day
  };
  /** Index of a date in the table, extending the table to hold it. */
  const index = (d: IsoDate): number => {
    let i = memo.get(d);
    if (i !== undefined) return i;
    const n = dayNumber(d);
    if (!Number.isFinite(n)) throw new RangeError(`不是有效日期:${d}`);
    if (n < first || n >= first + totals.length) extend(n);
    i = n - first;
    memo.set(d, i);
    return i;
  };
  const added = new Map<string, IsoDate>();
  return {
    between: (from, to) => {
      const a = index(from);
      const b = index(to);
      return totals[b]! - totals[a]!;
    },
    add: (start, n) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
      const key = `${start}+${n}`;
      let day = added.get(key);
      if (day !== undefined) return day;
      let i = index(start);
      while (i + 3 * n + 30 >= totals.length) {
        extend(first + totals.length + 3 * n + 30);
        i = index(start);
      }
      const target = totals[i]! + n;
      let j = i;
      while (totals[j]! < target) j++;
      day = dayString(first + j);
      added.set(key, day);
      return day;
    },
  };
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
