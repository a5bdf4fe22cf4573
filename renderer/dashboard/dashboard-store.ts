// The dashboard's reading of the local database, by counting rather than reading everything:
// - backlog by stage and street: index counts on [officeId, status, …], nothing read;
// - overdue / due soon / ok: index range counts of the projected due date on [officeId, status, dueOn];
//   with the applicant (paused): the returned cases' histories (a case returned at the counter has no clock);
// - weekly intake and decisions, rates, median days, return reasons: the events of the window on
//   [officeId, at], and the full history of only the cases that had an intake, acceptance, return
//   or decision in it.
// The figures equal the full computation's (dashboard-full.ts; the test compares both). A
// `DashboardCounter` then keeps each case's facts and, when cases or events change, counts again and
// re-reads only the histories of the cases that changed.
import type { RxCollection } from 'rxdb';
import type { HolidayCalendar } from '../../domain/deadlines';
import {
  BACKLOG_STATUSES,
  beijingStart,
  DUE_STATUSES,
  dueRanges,
  dashboardWindow,
  emptyOfficeCounts,
  localDates,
  summarizeDashboard,
  WINDOW_KINDS,
  windowFacts,
  workingDays,
  type CaseFacts,
  type DashboardStats,
  type DashboardWindow,
  type OfficeCounts,
  type StatsCase,
} from '../../domain/stats';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { DEFAULT_CALENDAR, rawFind } from './dashboard-full';
import { histories } from './histories';

export { DEFAULT_CALENDAR } from './dashboard-full';

export interface DashboardLoad {
  readonly stats: DashboardStats;
  /** Cases of the offices (counted). */
  readonly cases: number;
  /** Events read (the window's, and the histories of the cases with figures in it or paused). */
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

/** An index count from the storage (RxDB's query cache would answer a repeated count without asking). */
async function count(collection: RxCollection<AnyDoc>, selector: Record<string, unknown>, index: string[]): Promise<number> {
  const prepared = collection.find({ selector, index }).getPreparedQuery();
  return (await collection.storageInstance.count(prepared)).count;
}

const statsCase = (c: AnyDoc): StatsCase => ({
  id: String(c.id),
  officeId: String(c.officeId),
  status: c.status as StatsCase['status'],
  flagged: c.flagged === true,
  lastEventAt: String(c.lastEventAt ?? '') || undefined,
});

/** Backlog and clock counts of one office, from the indexes. */
async function countOffice(db: WorkstationDb, officeId: string, today: string, cal: HolidayCalendar): Promise<{ all: number; row: OfficeCounts; ok: number }> {
  const row = emptyOfficeCounts();
  const ranges = dueRanges(today, cal);
  const byStatus = ['officeId', 'status', 'updatedAt'];
  const byDue = ['officeId', 'status', 'dueOn'];
  const [all, backlog, due] = await Promise.all([
    count(db.cases, { officeId }, byStatus),
    Promise.all(BACKLOG_STATUSES.map((status) => count(db.cases, { officeId, status }, byStatus))),
    Promise.all(DUE_STATUSES.map((status) => Promise.all([ranges.overdue, ranges.dueSoon, ranges.ok].map((dueOn) => count(db.cases, { officeId, status, dueOn }, byDue))))),
  ]);
  BACKLOG_STATUSES.forEach((s, i) => (row.counts[s] = backlog[i]!));
  row.total = backlog.reduce((a, b) => a + b, 0);
  let ok = 0;
  for (const [overdue, dueSoon, later] of due) [row.overdue, row.dueSoon, ok] = [row.overdue + overdue!, row.dueSoon + dueSoon!, ok + later!];
  return { all, row, ok };
}

/**
 * The dashboard of some offices, kept up to date: `load` counts and reads what the window needs,
 * `update` re-counts and re-reads the histories of the cases that changed only.
 */
export class DashboardCounter {
  private win: DashboardWindow | undefined;
  private readonly facts = new Map<string, CaseFacts>();
  /** Returned cases whose stage clock is paused (with the applicant). */
  private readonly paused = new Set<string>();
  private offices = new Map<string, OfficeCounts>();
  private ok = 0;
  private cases = 0;
  private eventsRead = 0;

  constructor(
    private readonly db: WorkstationDb,
    private readonly officeIds: readonly string[],
    private readonly calendar: HolidayCalendar = DEFAULT_CALENDAR,
  ) {}

  private async countAll(today: string): Promise<void> {
    const counted = await Promise.all(this.officeIds.map((id) => countOffice(this.db, id, today, this.calendar)));
    this.offices = new Map();
    [this.ok, this.cases] = [0, 0];
    counted.forEach((c, i) => {
      if (c.all > 0) this.offices.set(this.officeIds[i]!, c.row);
      this.ok += c.ok;
      this.cases += c.all;
    });
  }

  /** Recomputes the facts (and paused clock) of these cases from their stored documents and histories. */
  private async refreshCases(caseIds: readonly string[], phases: Record<string, number> = {}): Promise<void> {
    if (caseIds.length === 0) return;
    const win = this.win!;
    let t = performance.now();
    const docs = await this.db.cases.storageInstance.findDocumentsById([...caseIds], false);
    phases.caseDocs = performance.now() - t;
    t = performance.now();
    const held = new Map(docs.filter((d) => this.officeIds.includes(String(d.officeId))).map((d) => [String(d.id), statsCase(d as unknown as AnyDoc)]));
    const events = await histories(this.db.events, [...held.keys()]);
    phases.histories = performance.now() - t;
    phases.historyCases = held.size;
    const fromAt = beijingStart(win.from);
    const dayOf = localDates();
    const { between } = workingDays(this.calendar);
    for (const id of caseIds) {
      this.facts.delete(id);
      this.paused.delete(id);
      const c = held.get(id);
      const history = events.get(id) ?? [];
      this.eventsRead += history.length;
      if (!c || history.length === 0) continue;
      const inWindow = history.some((e) => e.at >= fromAt && WINDOW_KINDS.has(e.kind));
      if (!inWindow && c.status !== 'returned') continue;
      const f = windowFacts(c, history, win.from, dayOf, between);
      if (f === null) continue;
      if (inWindow) this.facts.set(id, f);
      if (f.clock?.paused) this.paused.add(id);
    }
  }

  async load(options: DashboardOptions): Promise<DashboardLoad> {
    const t0 = performance.now();
    this.win = dashboardWindow(options.now, options.weeks);
    this.facts.clear();
    this.paused.clear();
    this.eventsRead = 0;
    const fromAt = beijingStart(this.win.from);
    const phases: Record<string, number> = {};
    const timed = async <T>(name: string, p: Promise<T>): Promise<T> => {
      const t = performance.now();
      const v = await p;
      phases[name] = performance.now() - t;
      return v;
    };
    const [, windowEvents, returned] = await Promise.all([
      timed('counts', this.countAll(this.win.today)),
      timed('windowEvents', Promise.all(this.officeIds.map((officeId) => rawFind(this.db.events, { selector: { officeId, at: { $gte: fromAt } }, index: ['officeId', 'at'] })))),
      timed('returned', Promise.all(this.officeIds.map((officeId) => rawFind(this.db.cases, { selector: { officeId, status: 'returned' }, index: ['officeId', 'status', 'updatedAt'] })))),
    ]);
    const ids = new Set<string>();
    for (const list of windowEvents) for (const e of list) if (WINDOW_KINDS.has(String(e.kind))) ids.add(String(e.caseId));
    for (const list of returned) for (const c of list) ids.add(String(c.id));
    this.eventsRead = windowEvents.reduce((n, l) => n + l.length, 0);
    await this.refreshCases([...ids], phases);
    const t1 = performance.now();
    const stats = this.stats();
    return { stats, cases: this.cases, events: this.eventsRead, readMs: t1 - t0, aggregateMs: performance.now() - t1, phases };
  }

  /**
   * After cases or events changed: counts again and re-reads the histories of these cases only. A
   * new day or period needs `load` again (the window moved).
   */
  async update(caseIds: Iterable<string>): Promise<DashboardLoad> {
    if (!this.win) throw new Error('load first');
    const t0 = performance.now();
    this.eventsRead = 0;
    await Promise.all([this.countAll(this.win.today), this.refreshCases([...new Set(caseIds)])]);
    const t1 = performance.now();
    const stats = this.stats();
    return { stats, cases: this.cases, events: this.eventsRead, readMs: t1 - t0, aggregateMs: performance.now() - t1 };
  }

  get window(): DashboardWindow | undefined {
    return this.win;
  }

  stats(): DashboardStats {
    const { overdue, dueSoon } = [...this.offices.values()].reduce((a, r) => ({ overdue: a.overdue + r.overdue, dueSoon: a.dueSoon + r.dueSoon }), { overdue: 0, dueSoon: 0 });
    return summarizeDashboard(this.win!, { offices: this.offices, deadlines: { overdue, dueSoon, ok: this.ok, paused: this.paused.size }, facts: this.facts.values() });
  }
}

/** The dashboard of the offices, counted (a one-off `DashboardCounter`). */
export async function loadDashboard(db: WorkstationDb, officeIds: readonly string[], options: DashboardOptions): Promise<DashboardLoad> {
  return new DashboardCounter(db, officeIds, options.calendar).load(options);
}
