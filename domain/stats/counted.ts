// What the counted dashboard (renderer/dashboard/dashboard-store) asks the indexes for, so that it
// reads no more than the window needs: the statuses whose stage clock the projected due date
// (`dueOn`) carries, the due-date ranges of overdue / due soon / ok on a given day, and the events
// that give a case figures in the window. The figures equal those of `computeDashboard` (the full
// computation; renderer/dashboard/dashboard-store.test.ts checks both on generated cases).
import { urgencyBounds, type HolidayCalendar } from '../deadlines';
import type { IsoDate, IsoDateTime } from '../model/common';
import type { CaseStatus } from '../model/status';

/** Statuses in which the projection carries a running clock's due date ('returned' only pauses one). */
export const DUE_STATUSES = ['submitted', 'accepted', 'preliminary_approved'] as const satisfies readonly CaseStatus[];

/** Index ranges over `dueOn` ('' = no running clock): overdue, due within DUE_SOON_DAYS working days, later. */
export function dueRanges(today: IsoDate, cal: HolidayCalendar) {
  const b = urgencyBounds(today, cal);
  return {
    overdue: { $gt: '', $lt: b.overdueBefore },
    dueSoon: { $gte: b.overdueBefore, $lt: b.dueSoonBefore },
    ok: { $gte: b.dueSoonBefore },
  } as const;
}

/**
 * Event kinds that give a case figures in the window: intake, acceptance, returns and decisions.
 * A case whose events in the window are all of other kinds (publicity, waiting list, allocation…)
 * adds nothing to the window's figures (caseFacts reads dates of these kinds only).
 */
export const WINDOW_KINDS: ReadonlySet<string> = new Set(['submit', 'accept', 'return', 'preliminary_approve', 'preliminary_reject', 'review_approve', 'review_reject']);

/** The UTC instant a Beijing calendar date starts (events are stored with UTC timestamps). */
export const beijingStart = (d: IsoDate): IsoDateTime => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();
