// The reviewers' dashboard figures (数据看板), from the cases and events held locally: backlog by
// stage and street, 办理时限 (overdue and due soon), weekly intake and decisions, approval / return /
// rejection rates, median working days per stage and the top return reasons. Pure and deterministic
// given `now`; backlog and deadlines are as of `now`, the rest over the last `weeks` ISO weeks.
import { AppError } from '../errors';
import { DEFAULT_STAGE_LIMITS, DUE_SOON_DAYS, type Urgency, type HolidayCalendar, type StageLimits } from '../deadlines';
import type { IsoDate } from '../model/common';
import type { CaseStatus } from '../model/status';
import { localDate, type CaseEvent, type Stage } from '../workflow';
import { dayNumber, dayString, localDates, weekStart, workingDays, type WorkingDays } from './days';
import { appliedSteps } from './replay';
import { rollupsOf, windowFigures, type DayRollup } from './rollup';
import { caseFacts, type CaseFacts, type StageClock, type TimedStage } from './stages';

/** The stages of work a case waits in before the waiting list: the backlog. */
export const BACKLOG_STATUSES = ['submitted', 'accepted', 'returned', 'preliminary_approved', 'review_approved', 'in_publicity'] as const satisfies readonly CaseStatus[];
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];
export const MAX_WEEKS = 104;

export interface StatsCase {
  readonly id: string;
  readonly officeId: string;
  readonly status: CaseStatus;
  readonly flagged?: boolean;
  /** The projection's time of the last event: lets a case settled before the window skip its replay. */
  readonly lastEventAt?: string;
}

export interface DashboardInput {
  readonly cases: readonly StatsCase[];
  /** Events of those cases (others are ignored), in any order. */
  readonly events: readonly CaseEvent[];
  readonly now: Date;
  readonly calendar: HolidayCalendar;
  /** ISO weeks of the weekly series, rates, medians and reasons, the current one included. Default 12. */
  readonly weeks?: number;
  readonly limits?: StageLimits;
}

export interface BacklogRow {
  readonly officeId: string;
  readonly counts: Readonly<Record<BacklogStatus, number>>;
  readonly total: number;
  readonly overdue: number;
  readonly dueSoon: number;
}
export interface WeekRow {
  readonly week: string;
  readonly startsOn: IsoDate;
  readonly submitted: number;
  readonly accepted: number;
  readonly approved: number;
  readonly returned: number;
  readonly rejected: number;
}
export interface RateRow {
  readonly stage: Stage | 'all';
  readonly decisions: number;
  readonly approved: number;
  readonly returned: number;
  readonly rejected: number;
  /** Shares of the decisions, 0–1; null without decisions. */
  readonly approvalRate: number | null;
  readonly returnRate: number | null;
  readonly rejectionRate: number | null;
}
export interface StageDaysRow {
  readonly stage: TimedStage;
  readonly cases: number;
  readonly median: number | null;
}
export interface ReasonRow {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly count: number;
  /** Share of the window's returns that cite it, 0–1. */
  readonly share: number;
}

export interface DashboardStats {
  readonly today: IsoDate;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly weeks: number };
  readonly backlog: { readonly rows: readonly BacklogRow[]; readonly total: BacklogRow };
  readonly deadlines: { readonly overdue: number; readonly dueSoon: number; readonly ok: number; readonly paused: number };
  readonly weekly: readonly WeekRow[];
  readonly rates: readonly RateRow[];
  readonly stageDays: readonly StageDaysRow[];
  readonly returns: number;
  readonly reasons: readonly ReasonRow[];
}

/** Statuses in which a review stage's clock can run (stageDeadline is null in every other). */
export const CLOCK_STATUSES = new Set<CaseStatus>(['submitted', 'accepted', 'returned', 'preliminary_approved']);

/**
 * A case that adds nothing but its backlog status: its stored projection is of exactly the events
 * held here (same last event), not flagged, no stage clock runs in its status, and its last event
 * is before the window. Its replay is skipped; any doubt and it is replayed.
 */
function settledBefore(c: StatsCase, events: readonly CaseEvent[], from: IsoDate, dayOf: (at: string) => IsoDate): boolean {
  if (c.flagged || c.lastEventAt === undefined || CLOCK_STATUSES.has(c.status)) return false;
  let last = '';
  for (const e of events) if (e.at > last) last = e.at;
  return last === c.lastEventAt && dayOf(last) < from;
}

const emptyCounts = (): Record<BacklogStatus, number> => Object.fromEntries(BACKLOG_STATUSES.map((s) => [s, 0])) as Record<BacklogStatus, number>;
export const isBacklog = (s: CaseStatus): s is BacklogStatus => (BACKLOG_STATUSES as readonly CaseStatus[]).includes(s);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

function checkInput(input: { readonly now: Date; readonly weeks?: number | undefined }): number {
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) throw new AppError('STATS_NOW', `统计时间无效:${String(input.now)}`);
  const weeks = input.weeks ?? 12;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) throw new AppError('STATS_WEEKS', `统计周数应为1至${MAX_WEEKS}之间的整数,收到${weeks}`);
  return weeks;
}

/** Events by case; events of cases not asked about are grouped too and never looked at. */
function groupEvents(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  return byCase;
}

/**
 * The urgency of a running stage as domain/deadlines `countdown` gives it (due within
 * DUE_SOON_DAYS working days, overdue, paused), with the working days counted from running totals:
 * an overdue case from last year would otherwise cost a walk over every day since.
 */
function clocks(limits: StageLimits, today: IsoDate, days: WorkingDays) {
  return (clock: StageClock): Urgency => {
    if (clock.paused) return 'paused';
    const daysLeft = days.between(today, days.add(clock.startedOn, limits[clock.stage] + clock.pausedDays));
    return daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
  };
}

/** The dates a dashboard is computed for: today and the first day of the window (a Monday). */
export interface DashboardWindow {
  readonly today: IsoDate;
  readonly from: IsoDate;
  readonly weeks: number;
}

export function dashboardWindow(now: Date, weeks: number | undefined): DashboardWindow {
  const w = checkInput({ now, weeks });
  const today = localDate(now.toISOString());
  return { today, from: dayString(dayNumber(weekStart(today)) - 7 * (w - 1)), weeks: w };
}

/** Backlog counts of one office, with its overdue and due-soon stages. */
export interface OfficeCounts {
  counts: Record<BacklogStatus, number>;
  total: number;
  overdue: number;
  dueSoon: number;
}
export const emptyOfficeCounts = (): OfficeCounts => ({ counts: emptyCounts(), total: 0, overdue: 0, dueSoon: 0 });

/** What the figures are summed from: backlog and deadline counts (however counted) and the facts of the cases the window needs. */
export interface DashboardParts {
  readonly offices: ReadonlyMap<string, OfficeCounts>;
  readonly deadlines: DashboardStats['deadlines'];
  readonly facts: Iterable<CaseFacts>;
}

/**
 * The facts of one case that the window's figures need, or null when it adds nothing but its
 * backlog status (see `settledBefore`). `dayOf` and `workdays` are the fast helpers of ./days.
 */
export function windowFacts(c: StatsCase, events: readonly CaseEvent[], from: IsoDate, dayOf: (at: string) => IsoDate, between: WorkingDays['between']): CaseFacts | null {
  if (settledBefore(c, events, from, dayOf)) return null;
  return caseFacts(appliedSteps(events, c), dayOf, between);
}

export function computeDashboard(input: DashboardInput): DashboardStats {
  const win = dashboardWindow(input.now, input.weeks);
  const dayOf = localDates();
  const workdays = workingDays(input.calendar);
  const clockOf = clocks(input.limits ?? DEFAULT_STAGE_LIMITS, win.today, workdays);

  const offices = new Map<string, OfficeCounts>();
  const deadlines = { overdue: 0, dueSoon: 0, ok: 0, paused: 0 };
  const facts: CaseFacts[] = [];
  const byCase = groupEvents(input.events);
  for (const c of input.cases) {
    let row = offices.get(c.officeId);
    if (!row) offices.set(c.officeId, (row = emptyOfficeCounts()));
    if (isBacklog(c.status)) {
      row.counts[c.status] += 1;
      row.total += 1;
    }
    const events = byCase.get(c.id);
    if (!events) continue;
    const f = windowFacts(c, events, win.from, dayOf, workdays.between);
    if (f === null) continue;
    facts.push(f);
    if (f.clock === null) continue;
    const urgency = clockOf(f.clock);
    if (urgency === 'due_soon') deadlines.dueSoon += 1;
    else deadlines[urgency] += 1;
    if (urgency === 'overdue') row.overdue += 1;
    if (urgency === 'due_soon') row.dueSoon += 1;
  }
  return summarizeDashboard(win, { offices, deadlines, facts });
}

/** The figures from their parts: the same for the full computation and for the counted one. */
export function summarizeDashboard(win: DashboardWindow, parts: DashboardParts): DashboardStats {
  return summarizeDays(win, { ...parts, days: rollupsOf([...parts.facts].map((facts) => ({ officeId: '', facts }))).values() });
}

/** The figures from backlog and deadline counts and the window's day rows (domain/stats/rollup). */
export function summarizeDays(win: DashboardWindow, parts: Omit<DashboardParts, 'facts'> & { readonly days: Iterable<DayRollup> }): DashboardStats {
  const { today, from, weeks } = win;
  const total = { officeId: '', counts: emptyCounts(), total: 0, overdue: 0, dueSoon: 0 };
  const backlogRows = [...parts.offices].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([officeId, r]) => {
    for (const s of BACKLOG_STATUSES) total.counts[s] += r.counts[s];
    [total.total, total.overdue, total.dueSoon] = [total.total + r.total, total.overdue + r.overdue, total.dueSoon + r.dueSoon];
    return { officeId, counts: { ...r.counts }, total: r.total, overdue: r.overdue, dueSoon: r.dueSoon };
  });
  const { weekly, rates, stageDays, returns, reasons } = windowFigures(win, parts.days);
  return { today, window: { from, to: today, weeks }, backlog: { rows: backlogRows, total }, deadlines: { ...parts.deadlines }, weekly, rates, stageDays, returns, reasons };
}
