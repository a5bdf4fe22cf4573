// Working days under China's official holiday calendar: weekends are off unless the State Council
// moved a working day onto them (调休), and the listed holidays are off. Dates are IsoDate strings
// (Beijing calendar dates); all arithmetic is in UTC days, so no time zone can shift a date.
import type { IsoDate } from '../model/common';

export interface CalendarEntry {
  readonly date: IsoDate;
  /** `holiday`: a day off (法定节假日 or its 调休 rest day); `workday`: an adjusted working weekend day. */
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
  /** True where the date is not taken from a published State Council notice. */
  readonly illustrative?: boolean;
}

export interface HolidayCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export function calendarOf(entries: readonly CalendarEntry[]): HolidayCalendar {
  return {
    holidays: new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date)),
    workdays: new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date)),
  };
}

const DAY_MS = 86_400_000;
const toDay = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(date: IsoDate, cal: HolidayCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(toDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `start` (start itself not counted); n = 0 gives `start`. */
export function addWorkingDays(start: IsoDate, n: number, cal: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let day = toDay(start);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(fromDay(day), cal)) left -= 1;
  }
  return fromDay(day);
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`. Negative when
 * `to` is before `from` (e.g. -2: the deadline passed two working days ago).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: HolidayCalendar): number {
  const [a, b, sign] = from <= to ? [toDay(from), toDay(to), 1] : [toDay(to), toDay(from), -1];
  let count = 0;
  for (let day = a + 1; day <= b; day += 1) if (isWorkingDay(fromDay(day), cal)) count += 1;
  return sign * count;
}
