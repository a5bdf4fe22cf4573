// Keeps the projected due dates (cases' `dueOn`) in step with the holiday calendar in force: cases
// of a running stage without a due date are derived whenever a queue opens, and when the calendar
// differs from the one the due dates were last derived with (IT added 2027, or the edit arrived by
// sync), every running case of the queue is derived again. The calendar last used is kept in a
// local (never replicated) document.
import type { HolidayCalendar } from '../../domain/deadlines';
import type { CaseStatus } from '../../domain/model/status';
import type { WorkstationDb } from '../db/database';
import { projectPendingCases } from '../sync/case-projection';

const LOCAL_ID = 'deadline-calendar';

/** A stable text of the calendar's days off and worked weekend days. */
export const calendarFingerprint = (cal: HolidayCalendar): string => `${[...cal.holidays].sort().join(',')}|${[...cal.workdays].sort().join(',')}`;

export async function refreshDeadlines(
  db: WorkstationDb,
  scope: { readonly officeIds: readonly string[]; readonly statuses: readonly CaseStatus[] },
  cal: HolidayCalendar,
): Promise<number> {
  if (scope.officeIds.length === 0 || scope.statuses.length === 0) return 0;
  const fingerprint = calendarFingerprint(cal);
  const key = `${LOCAL_ID}:${[...scope.officeIds].sort().join(',')}:${[...scope.statuses].sort().join(',')}`;
  const last = await db.getLocal<{ fingerprint: string }>(key);
  const changed = last?.get('fingerprint') !== fingerprint;
  const count = await projectPendingCases(db, { ...scope, all: changed && last !== null }, () => Promise.resolve(cal));
  if (changed) await db.upsertLocal(key, { fingerprint });
  return count;
}
