// The dashboard's reading of the local database, by counting rather than reading everything:
// - backlog by stage and street: index counts on [officeId, status, …], nothing read;
// - overdue / due soon / ok: index range counts of the projected due date on [officeId, status, dueOn];
// - with the applicant (paused), weekly intake and decisions, rates, median days, return reasons:
//   the sums per office and day that the dashboard view (facts-view.ts) keeps beside the database,
//   after it took in whatever cases and events changed since it last looked.
// The figures equal the full computation's (dashboard-full.ts; the test compares both, also after
// changes).
import type { HolidayCalendar } from '../../domain/deadlines';
import { BACKLOG_STATUSES, DUE_STATUSES, dueRanges, dashboardWindow, emptyOfficeCounts, summarizeDays, type DashboardStats, type DashboardWindow, type OfficeCounts } from '../../domain/stats';
import type { WorkstationDb } from '../db/database';
import { DEFAULT_CALENDAR } from './dashboard-full';
import { calendarKey, DashboardView } from './facts-view';
import { countMany, type IndexCount } from './index-counts';

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

const BY_STATUS = ['officeId', 'status', 'updatedAt'];
const BY_DUE = ['officeId', 'status', 'dueOn'];

/** Backlog and clock counts of the offices, from the indexes (in one read where the storage allows). */
async function countOffices(db: WorkstationDb, officeIds: readonly string[], today: string, cal: HolidayCalendar): Promise<{ all: number; row: OfficeCounts; ok: number }[]> {
  const ranges = dueRanges(today, cal);
  const asRange = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.slice(1), v]));
  const perOffice = (officeId: string): IndexCount[] => [
    { index: BY_STATUS, equals: [officeId] },
    ...BACKLOG_STATUSES.map((status) => ({ index: BY_STATUS, equals: [officeId, status] })),
    ...DUE_STATUSES.flatMap((status) => [ranges.overdue, ranges.dueSoon, ranges.ok].map((r) => ({ index: BY_DUE, equals: [officeId, status], range: asRange(r) }))),
  ];
  const size = 1 + BACKLOG_STATUSES.length + 3 * DUE_STATUSES.length;
  const counts = await countMany(db.cases, officeIds.flatMap(perOffice));
  return officeIds.map((_, o) => {
    const [all, ...rest] = counts.slice(o * size, (o + 1) * size);
    const row = emptyOfficeCounts();
    BACKLOG_STATUSES.forEach((s, i) => (row.counts[s] = rest[i]!));
    row.total = BACKLOG_STATUSES.reduce((n, _s, i) => n + rest[i]!, 0);
    let ok = 0;
    for (let d = 0; d < DUE_STATUSES.length; d++) {
      const [overdue, dueSoon, later] = rest.slice(BACKLOG_STATUSES.length + 3 * d, BACKLOG_STATUSES.length + 3 * d + 3);
      [row.overdue, row.dueSoon, ok] = [row.overdue + overdue!, row.dueSoon + dueSoon!, ok + later!];
    }
    return { all: all!, row, ok };
  });
}

/** One view per workstation database and calendar: every dashboard of the window shares it. */
const views = new WeakMap<WorkstationDb, Map<string, DashboardView>>();
function viewOf(db: WorkstationDb, calendar: HolidayCalendar): DashboardView {
  const byCalendar = views.get(db) ?? new Map<string, DashboardView>();
  views.set(db, byCalendar);
  const key = calendarKey(calendar);
  let view = byCalendar.get(key);
  if (!view) byCalendar.set(key, (view = new DashboardView(db, calendar)));
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

  private async countAll(today: string): Promise<{ offices: Map<string, OfficeCounts>; ok: number; cases: number }> {
    const counted = await countOffices(this.db, this.officeIds, today, this.calendar);
    const offices = new Map<string, OfficeCounts>();
    let [ok, cases] = [0, 0];
    counted.forEach((c, i) => {
      if (c.all > 0) offices.set(this.officeIds[i]!, c.row);
      ok += c.ok;
      cases += c.all;
    });
    return { offices, ok, cases };
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
    const [counted, caught] = await Promise.all([timed('counts', this.countAll(win.today)), timed('catchUp', this.view.catchUp())]);
    phases.casesTakenIn = caught.cases;
    const [days, paused] = await timed(
      'days',
      Promise.all([Promise.all(this.officeIds.map((id) => this.view.days(id, win.from, win.today))), Promise.all(this.officeIds.map((id) => this.view.paused(id)))]),
    );
    const t1 = performance.now();
    const { overdue, dueSoon } = [...counted.offices.values()].reduce((a, r) => ({ overdue: a.overdue + r.overdue, dueSoon: a.dueSoon + r.dueSoon }), { overdue: 0, dueSoon: 0 });
    const stats = summarizeDays(win, { offices: counted.offices, deadlines: { overdue, dueSoon, ok: counted.ok, paused: paused.reduce((a, b) => a + b, 0) }, days: days.flat() });
    return { stats, cases: counted.cases, events: caught.events, readMs: t1 - t0, aggregateMs: performance.now() - t1, phases };
  }

  get window(): DashboardWindow | undefined {
    return this.win;
  }
}

/** The dashboard of the offices, counted (a one-off `DashboardCounter`). */
export async function loadDashboard(db: WorkstationDb, officeIds: readonly string[], options: DashboardOptions): Promise<DashboardLoad> {
  return new DashboardCounter(db, officeIds, options.calendar).load(options);
}
