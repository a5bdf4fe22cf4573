// The dashboard's reading of the local database, from what the dashboard view (facts-view.ts) keeps
// beside it, after the view took in whatever cases and events changed since it last looked:
// - backlog by stage and street, overdue / due soon / ok, with the applicant: each office's running
//   totals by status and projected due date (domain/stats/office-tally), read as of today;
// - weekly intake and decisions, rates, median days, return reasons: the sums per office and day.
// (IndexedDB's count walks its key range: counting 100,000 cases on the indexes took seconds.)
// The figures equal the full computation's (dashboard-full.ts; the test compares both, also after
// changes).
import type { HolidayCalendar } from '../../domain/deadlines';
import { dashboardWindow, summarizeDays, tallyCounts, type DashboardStats, type DashboardWindow, type OfficeCounts } from '../../domain/stats';
import type { WorkstationDb } from '../db/database';
import { DEFAULT_CALENDAR } from './dashboard-full';
import { calendarKey, DashboardView } from './facts-view';

export { DEFAULT_CALENDAR } from './dashboard-full';

export interface DashboardLoad {
  readonly stats: DashboardStats;
  /** Cases of the offices (counted). */
  readonly cases: number;
  /** Events the view read to take in what changed (0 when nothing did). */
  readonly events: number;
  readonly readMs: number;
  readonly aggregateMs: number;
  /** Where the reading went (ms), for the benchmark. */
  readonly phases?: Readonly<Record<string, number>>;
}

export interface DashboardOptions {
  readonly now: Date;
  readonly weeks: number;
  readonly calendar?: HolidayCalendar;
}

/**
 * One view per workstation database: every dashboard of the window shares it. The view's store is
 * kept for one holiday calendar; a dashboard under another calendar replaces it (the old one is
 * closed and the store rebuilt once), so two views never take turns rebuilding one store.
 */
const views = new WeakMap<WorkstationDb, { readonly key: string; readonly view: DashboardView }>();
function viewOf(db: WorkstationDb, calendar: HolidayCalendar): DashboardView {
  const key = calendarKey(calendar);
  const held = views.get(db);
  if (held?.key === key) return held.view;
  held?.view.close();
  const view = new DashboardView(db, calendar);
  views.set(db, { key, view });
  return view;
}

/**
 * The dashboard of some offices: backlog and deadlines counted on the indexes, the window's figures
 * from the day sums the view keeps (it first takes in whatever changed since the last time).
 */
export class DashboardCounter {
  private win: DashboardWindow | undefined;
  private readonly view: DashboardView;

  constructor(
    private readonly db: WorkstationDb,
    private readonly officeIds: readonly string[],
    private readonly calendar: HolidayCalendar = DEFAULT_CALENDAR,
  ) {
    this.view = viewOf(db, calendar);
  }

  async load(options: DashboardOptions): Promise<DashboardLoad> {
    const t0 = performance.now();
    const win = (this.win = dashboardWindow(options.now, options.weeks));
    const phases: Record<string, number> = {};
    const timed = async <T>(name: string, p: Promise<T>): Promise<T> => {
      const t = performance.now();
      const v = await p;
      phases[name] = performance.now() - t;
      return v;
    };
    const caught = await timed('catchUp', this.view.catchUp());
    phases.casesTakenIn = caught.cases;
    const [days, tallies] = await timed(
      'read',
      Promise.all([Promise.all(this.officeIds.map((id) => this.view.days(id, win.from, win.today))), Promise.all(this.officeIds.map((id) => this.view.tally(id)))]),
    );
    const t1 = performance.now();
    const offices = new Map<string, OfficeCounts>();
    const deadlines = { overdue: 0, dueSoon: 0, ok: 0, paused: 0 };
    let cases = 0;
    tallies.forEach((t, i) => {
      const c = tallyCounts(t, win.today, this.calendar);
      if (c.all > 0) offices.set(this.officeIds[i]!, c.row);
      [deadlines.overdue, deadlines.dueSoon, deadlines.ok, deadlines.paused] = [deadlines.overdue + c.row.overdue, deadlines.dueSoon + c.row.dueSoon, deadlines.ok + c.ok, deadlines.paused + t.paused];
      cases += c.all;
    });
    const stats = summarizeDays(win, { offices, deadlines, days: days.flat() });
    return { stats, cases, events: caught.events, readMs: t1 - t0, aggregateMs: performance.now() - t1, phases };
  }

  get window(): DashboardWindow | undefined {
    return this.win;
  }
}

/** The dashboard of the offices, counted (a one-off `DashboardCounter`). */
export async function loadDashboard(db: WorkstationDb, officeIds: readonly string[], options: DashboardOptions): Promise<DashboardLoad> {
  return new DashboardCounter(db, officeIds, options.calendar).load(options);
}
