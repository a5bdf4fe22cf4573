// The holiday calendar as reference data: one `holiday_calendar` document per year, maintained by
// IT. A year with a document is taken from it whole; a year without one from the shipped
// calendar (cn-holidays.ts), so the 2025 and 2026 defaults hold until IT changes them.
import type { IsoDate } from '../model/common';
import type { HolidayCalendarDoc } from '../model/reference';
import type { CalendarEntry } from './calendar';
import { CN_CALENDAR, CN_HOLIDAY_SOURCES } from './cn-holidays';

const yearOf = (d: IsoDate) => Number(d.slice(0, 4));

/** Every entry in force: the documents' years, and the shipped entries of the other years; by date. */
export function calendarEntriesOf(docs: readonly HolidayCalendarDoc[]): CalendarEntry[] {
  const years = new Set(docs.map((d) => d.year));
  return [...CN_CALENDAR.filter((e) => !years.has(yearOf(e.date))), ...docs.flatMap((d) => d.entries)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The entries of one year as they stand (document or shipped). */
export const entriesOfYear = (docs: readonly HolidayCalendarDoc[], year: number): CalendarEntry[] =>
  calendarEntriesOf(docs).filter((e) => yearOf(e.date) === year);

/** Why an entry cannot be added to `current` (the year's entries), in Chinese; null when it can. */
export function calendarEntryProblem(entry: CalendarEntry, current: readonly CalendarEntry[]): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date) || Number.isNaN(Date.parse(`${entry.date}T00:00:00Z`)) || new Date(`${entry.date}T00:00:00Z`).toISOString().slice(0, 10) !== entry.date) {
    return `日期"${entry.date}"无效,请按 YYYY-MM-DD 填写`;
  }
  if (yearOf(entry.date) < 2000 || yearOf(entry.date) > 2100) return '日期须在2000年至2100年之间';
  if (entry.kind !== 'holiday' && entry.kind !== 'workday') return '请选择"放假"或"调休上班"';
  if (entry.name.trim() === '') return '请填写节日名称';
  if (entry.name.length > 50) return '节日名称不能超过50个字';
  const weekday = new Date(`${entry.date}T00:00:00Z`).getUTCDay();
  if (entry.kind === 'workday' && weekday !== 0 && weekday !== 6) return `${entry.date}是工作日,无需登记为调休上班`;
  if (current.some((e) => e.date === entry.date)) return `${entry.date}已登记,请先删除原有记录`;
  return null;
}

/** The year's document after adding or removing an entry; a year without a document starts from the shipped entries. */
export function calendarDocWith(
  docs: readonly HolidayCalendarDoc[],
  year: number,
  change: { readonly add?: CalendarEntry; readonly remove?: IsoDate },
  meta: { readonly at: string; readonly officeId: string; readonly source?: string },
): HolidayCalendarDoc {
  const existing = docs.find((d) => d.year === year);
  const entries = entriesOfYear(docs, year)
    .filter((e) => e.date !== change.remove)
    .concat(change.add ? [change.add] : [])
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map(({ date, kind, name }) => ({ date, kind, name }));
  return {
    id: `holiday_calendar:${year}`,
    type: 'holiday_calendar',
    schemaVersion: 0,
    officeId: existing?.officeId ?? meta.officeId,
    createdAt: existing?.createdAt ?? meta.at,
    updatedAt: meta.at,
    year,
    entries,
    source: meta.source ?? existing?.source ?? CN_HOLIDAY_SOURCES[year] ?? '信息技术人员录入',
  };
}
