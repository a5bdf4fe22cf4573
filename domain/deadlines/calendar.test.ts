import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarOf, isWorkingDay, workingDaysBetween } from './calendar';
import { CN_CALENDAR } from './cn-holidays';

const cal = calendarOf(CN_CALENDAR);

describe('working days under the 2025 and 2026 holiday calendar', () => {
  it('skips the whole 2025 National Day holiday (1–8 October)', () => {
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09');
    expect(workingDaysBetween('2025-09-30', '2025-10-09', cal)).toBe(1);
  });

  it('counts the adjusted Sunday 28 September and Saturday 11 October 2025 as working days', () => {
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2025-10-11', cal)).toBe(true);
    expect(isWorkingDay('2025-10-12', cal)).toBe(false);
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-10-09', 2, cal)).toBe('2025-10-11');
    // 28, 29, 30 Sep; 9, 10, 11, 13 Oct
    expect(workingDaysBetween('2025-09-26', '2025-10-13', cal)).toBe(7);
  });

  it('crosses Spring Festival 2026 (15–23 February off, Saturdays 14 and 28 February worked)', () => {
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, cal)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-12', 10, cal)).toBe('2026-03-04');
    expect(workingDaysBetween('2026-02-12', '2026-03-04', cal)).toBe(10);
  });

  it('answers negative working days when the second date is earlier, and 0 for the same day', () => {
    expect(workingDaysBetween('2025-10-13', '2025-09-26', cal)).toBe(-7);
    expect(workingDaysBetween('2025-10-13', '2025-10-13', cal)).toBe(0);
    expect(addWorkingDays('2025-10-13', 0, cal)).toBe('2025-10-13');
  });

  it('uses plain weekends where no holiday is listed', () => {
    const none = calendarOf([]);
    expect(addWorkingDays('2025-10-01', 5, none)).toBe('2025-10-08');
    expect(() => addWorkingDays('2025-10-01', -1, none)).toThrow(RangeError);
  });

  it('lists each date once, none both a holiday and a working day', () => {
    const dates = CN_CALENDAR.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of CN_CALENDAR.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay());
  });
});
