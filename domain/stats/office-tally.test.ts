// An office's running totals: adding and taking away the same cases leaves nothing, and the
// due-date buckets of a day are those of the review queue's ranges (overdue before, due soon within
// three working days), across the 2025 National Day holiday.
import { describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR } from '../deadlines';
import { emptyTally, tallyCase, tallyCounts } from './office-tally';

const cal = calendarOf(CN_CALENDAR);

describe('office tally', () => {
  it('counts statuses and due dates as of a day, and is empty again when every case is taken away', () => {
    const t = emptyTally('futian-huafu');
    const cases = [
      { status: 'accepted', dueOn: '2025-09-29', paused: false },
      { status: 'accepted', dueOn: '2025-09-30', paused: false },
      { status: 'submitted', dueOn: '2025-10-10', paused: false },
      { status: 'preliminary_approved', dueOn: '2025-10-31', paused: false },
      { status: 'returned', dueOn: '', paused: true },
      { status: 'in_tenancy', dueOn: '', paused: false },
    ] as const;
    for (const c of cases) tallyCase(t, c, 1);
    // 2025-09-30: 10-01..08 are holidays, 10-11 a working Saturday: three working days reach 10-11.
    const { all, row, ok } = tallyCounts(t, '2025-09-30', cal);
    expect(all).toBe(6);
    expect(t.paused).toBe(1);
    expect(row.counts).toMatchObject({ accepted: 2, submitted: 1, preliminary_approved: 1, returned: 1 });
    expect(row.total).toBe(5);
    expect([row.overdue, row.dueSoon, ok]).toEqual([1, 2, 1]);
    for (const c of cases) tallyCase(t, c, -1);
    expect(t).toEqual(emptyTally('futian-huafu'));
  });
});
