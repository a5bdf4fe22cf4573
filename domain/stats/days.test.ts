import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarOf, CN_CALENDAR, workingDaysBetween } from '../deadlines';
import { isoWeek, localDates, weekStart, workingDays } from './days';

const CAL = calendarOf(CN_CALENDAR);

describe('statistics dates', () => {
  it('counts and adds working days as workingDaysBetween and addWorkingDays do, across the 2025 and 2026 holidays', () => {
    const { between: count, add } = workingDays(CAL);
    const day = (n: number) => new Date(Date.UTC(2024, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 300; i++) {
      const [a, b] = [day((i * 37) % 760), day((i * 101 + 13) % 760)];
      expect(count(a, b)).toBe(workingDaysBetween(a, b, CAL) + 0); // + 0: the same figure, never -0
      expect(add(a, i % 40)).toBe(addWorkingDays(a, i % 40, CAL));
    }
    expect(count('2025-09-30', '2025-10-09')).toBe(1); // National Day: 10-09 is the first working day
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(weekStart('2025-09-21')).toBe('2025-09-15');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2020-12-28')).toBe('2020-W53');
    expect(isoWeek('2025-09-15')).toBe('2025-W38');
  });

  it('reads Beijing dates of UTC timestamps', () => {
    const dayOf = localDates();
    expect(dayOf('2025-09-14T15:59:59.000Z')).toBe('2025-09-14');
    expect(dayOf('2025-09-14T16:00:00.000Z')).toBe('2025-09-15');
    expect(dayOf('2025-09-15T00:30:00+08:00')).toBe('2025-09-15');
  });
});
