import { describe, expect, it } from 'vitest';
import { deriveCase } from '../workflow';
import { ev } from '../workflow/fixtures.test-helpers';
import { calendarOf } from './calendar';
import { countdown, stageDeadline, urgencyBounds } from './case-deadline';
import { CN_CALENDAR } from './cn-holidays';

const cal = calendarOf(CN_CALENDAR);
const at = (day: string) => `${day}T02:00:00.000Z`; // 10:00 Beijing time

describe('stage deadlines (10 working days for 初审, 15 for 复审)', () => {
  const accepted = [ev('submit', 'clerk', at('2025-09-25')), ev('accept', 'clerk', '2025-09-25T03:00:00.000Z')];

  it('runs the preliminary stage across the National Day holiday', () => {
    // 26, 28, 29, 30 Sep; 9, 10, 11, 13, 14, 15 Oct
    expect(stageDeadline(deriveCase(accepted).history, cal)).toEqual({ stage: 'preliminary', startedOn: '2025-09-25', pausedDays: 0, dueOn: '2025-10-15' });
  });

  it('stops the clock while the applicant corrects materials, and adds those working days', () => {
    const returned = [...accepted, ev('return', 'reviewer', at('2025-09-29'))];
    expect(stageDeadline(deriveCase(returned).history, cal)).toMatchObject({ dueOn: null });
    const resubmitted = [...returned, ev('submit', 'clerk', at('2025-10-10')), ev('accept', 'clerk', '2025-10-10T03:00:00.000Z')];
    // paused 30 Sep, 9 and 10 Oct: three more working days
    expect(stageDeadline(deriveCase(resubmitted).history, cal)).toMatchObject({ stage: 'preliminary', pausedDays: 3, dueOn: '2025-10-20' });
  });

  it('starts the review stage at the preliminary approval and ends with the review decision', () => {
    const approved = [...accepted, ev('preliminary_approve', 'reviewer', at('2026-02-12'))];
    // 13, 14 (Saturday worked), 24–28 Feb, 2–6, 9–11 Mar: 15 working days over Spring Festival
    expect(stageDeadline(deriveCase(approved).history, cal)).toMatchObject({ stage: 'review', startedOn: '2026-02-12', dueOn: '2026-03-11' });
    const decided = [...approved, ev('review_approve', 'district_reviewer', at('2026-02-24'))];
    expect(stageDeadline(deriveCase(decided).history, cal)).toBeNull();
  });

  it('has no deadline before acceptance', () => {
    expect(stageDeadline(deriveCase([ev('submit', 'clerk', at('2025-09-25'))]).history, cal)).toBeNull();
  });

  it('counts down with a fixed clock: due soon within 3 working days, then overdue', () => {
    const d = stageDeadline(deriveCase(accepted).history, cal)!;
    expect(countdown(d, '2025-09-30', cal)).toEqual({ urgency: 'ok', daysLeft: 6, dueOn: '2025-10-15' });
    // 11 Oct is an adjusted Saturday: 13, 14, 15 left
    expect(countdown(d, '2025-10-11', cal)).toMatchObject({ urgency: 'due_soon', daysLeft: 3 });
    expect(countdown(d, '2025-10-15', cal)).toMatchObject({ urgency: 'due_soon', daysLeft: 0 });
    expect(countdown(d, '2025-10-17', cal)).toMatchObject({ urgency: 'overdue', daysLeft: -2 });
  });
});

describe('urgency bounds (index ranges for the due-soon and overdue tabs)', () => {
  it('agree with the countdown for every day and due date around the 2026 National Day holiday', () => {
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10));
    for (const today of days) {
      const b = urgencyBounds(today, cal);
      for (const dueOn of days) {
        const c = countdown({ stage: 'preliminary', startedOn: '2026-08-01', pausedDays: 0, dueOn }, today, cal);
        const byBounds = dueOn < b.overdueBefore ? 'overdue' : dueOn < b.dueSoonBefore ? 'due_soon' : 'ok';
        expect(`${today} ${dueOn} ${byBounds}`).toBe(`${today} ${dueOn} ${c.urgency}`);
      }
    }
  });
});
