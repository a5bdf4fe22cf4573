// What the backlog and 办理时限 figures of one office need, kept as running totals: cases by status,
// and for the statuses whose stage clock the projection carries, cases by projected due date. A case
// is added with its status and due date and taken away again when either changes, so a dashboard
// reads one small record per office instead of counting 100,000 index entries (IndexedDB's count
// walks its range). Overdue, due soon and later follow from the due dates on any given day.
import type { HolidayCalendar } from '../deadlines';
import type { IsoDate } from '../model/common';
import type { CaseStatus } from '../model/status';
import { DUE_STATUSES, dueRanges } from './counted';
import { BACKLOG_STATUSES, emptyOfficeCounts, type OfficeCounts } from './dashboard';

/** Plain JSON: a workstation stores it. */
export interface OfficeTally {
  readonly officeId: string;
  all: number;
  /** Cases whose stage clock stands still (with the applicant). */
  paused: number;
  byStatus: Record<string, number>;
  /** status → projected due date → cases (statuses with a running clock, a due date set). */
  due: Record<string, Record<string, number>>;
}

/** One case as the tally sees it. */
export interface TalliedCase {
  readonly status: CaseStatus;
  readonly dueOn: string;
  readonly paused: boolean;
}

export const emptyTally = (officeId: string): OfficeTally => ({ officeId, all: 0, paused: 0, byStatus: {}, due: {} });

const CLOCKED: ReadonlySet<string> = new Set(DUE_STATUSES);

function bump(record: Record<string, number>, key: string, by: number): void {
  const n = (record[key] ?? 0) + by;
  if (n === 0) delete record[key];
  else record[key] = n;
}

/** Adds (1) or takes away (-1) one case. */
export function tallyCase(t: OfficeTally, c: TalliedCase, sign: 1 | -1): void {
  t.all += sign;
  if (c.paused) t.paused += sign;
  bump(t.byStatus, c.status, sign);
  if (!CLOCKED.has(c.status) || c.dueOn === '') return;
  const dates = (t.due[c.status] ??= {});
  bump(dates, c.dueOn, sign);
  if (Object.keys(dates).length === 0) delete t.due[c.status];
}

/** The office's backlog and clock counts on `today`: the same as the index counts of [officeId, status, dueOn]. */
export function tallyCounts(t: OfficeTally, today: IsoDate, cal: HolidayCalendar): { all: number; row: OfficeCounts; ok: number } {
  const row = emptyOfficeCounts();
  for (const s of BACKLOG_STATUSES) row.counts[s] = t.byStatus[s] ?? 0;
  row.total = BACKLOG_STATUSES.reduce((n, s) => n + row.counts[s], 0);
  const r = dueRanges(today, cal);
  let ok = 0;
  for (const dates of Object.values(t.due)) {
    for (const [day, n] of Object.entries(dates)) {
      if (day < r.overdue.$lt) row.overdue += n;
      else if (day < r.dueSoon.$lt) row.dueSoon += n;
      else ok += n;
    }
  }
  return { all: t.all, row, ok };
}
