// The window's figures (weekly intake and decisions, rates, median days per stage, top return
// reasons) summed per office and day. A case's facts add to the days they happened on and are taken
// away again when the case changes, so a workstation can keep the sums (renderer/dashboard/facts-view)
// and a dashboard reads a few hundred day rows instead of every case's history. Medians come from
// the count of each number of days, so they are exact.
import type { IsoDate } from '../model/common';
import { DEFAULT_REASON_CODES, type Stage } from '../workflow';
import { dayNumber, dayString, isoWeek } from './days';
import type { Decision } from './stages';
import { TIMED_STAGES, type CaseFacts, type TimedStage } from './stages';

export const TOP_REASONS = 10;
type Outcome = Decision['outcome'];
const OUTCOMES: readonly Outcome[] = ['approve', 'return', 'reject'];

/** What the cases of one office did on one day. Plain JSON: a workstation stores it. */
export interface DayRollup {
  readonly officeId: string;
  readonly day: IsoDate;
  submitted: number;
  accepted: number;
  /** stage → outcome → decisions. */
  decisions: Record<string, Partial<Record<Outcome, number>>>;
  /** Return reason code → its label and how many returns cited it. */
  reasons: Record<string, { name: string; count: number }>;
  /** Completed stage → working days taken → how many cases. */
  durations: Record<string, Record<string, number>>;
}

export const emptyDay = (officeId: string, day: IsoDate): DayRollup => ({ officeId, day, submitted: 0, accepted: 0, decisions: {}, reasons: {}, durations: {} });

export const isEmptyDay = (d: DayRollup): boolean =>
  d.submitted === 0 && d.accepted === 0 && Object.keys(d.decisions).length === 0 && Object.keys(d.reasons).length === 0 && Object.keys(d.durations).length === 0;

function bump<K extends string>(record: Partial<Record<K, number>>, key: K, by: number): void {
  const n = (record[key] ?? 0) + by;
  if (n === 0) delete record[key];
  else record[key] = n as never;
}

/**
 * Adds (sign 1) or takes away (sign -1) one case's facts to the rollups of its office; `dayOf`
 * gives (creating if need be) the row of a day.
 */
export function addFacts(dayOf: (day: IsoDate) => DayRollup, f: CaseFacts, sign: 1 | -1): void {
  if (f.firstSubmittedOn !== null) dayOf(f.firstSubmittedOn).submitted += sign;
  for (const d of f.acceptedOn) dayOf(d).accepted += sign;
  for (const d of f.decisions) {
    const row = dayOf(d.on);
    const byOutcome = (row.decisions[d.stage] ??= {});
    bump(byOutcome, d.outcome, sign);
    if (Object.keys(byOutcome).length === 0) delete row.decisions[d.stage];
    for (const { code, name } of d.reasons) {
      const r = (row.reasons[code] ??= { name, count: 0 });
      r.count += sign;
      if (r.count === 0) delete row.reasons[code];
    }
  }
  for (const d of f.durations) {
    const row = dayOf(d.on);
    const hist = (row.durations[d.stage] ??= {});
    bump(hist, String(d.days), sign);
    if (Object.keys(hist).length === 0) delete row.durations[d.stage];
  }
}

/** The rollups of many cases' facts (one office each), keyed `${officeId} ${day}`. */
export function rollupsOf(facts: Iterable<{ readonly officeId: string; readonly facts: CaseFacts }>): Map<string, DayRollup> {
  const days = new Map<string, DayRollup>();
  for (const { officeId, facts: f } of facts) {
    addFacts((day) => {
      const key = `${officeId} ${day}`;
      let row = days.get(key);
      if (!row) days.set(key, (row = emptyDay(officeId, day)));
      return row;
    }, f, 1);
  }
  return days;
}

/** The median of numbers given as value → count (the mean of the two middle ones for an even count). */
export function histogramMedian(hist: ReadonlyMap<number, number>): number | null {
  const values = [...hist].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const nth = (k: number): number => {
    let seen = 0;
    for (const [v, n] of values) if ((seen += n) > k) return v;
    return values.at(-1)![0];
  };
  return total % 2 === 1 ? nth(total >> 1) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}

export interface WindowFigures {
  readonly weekly: { week: string; startsOn: IsoDate; submitted: number; accepted: number; approved: number; returned: number; rejected: number }[];
  readonly rates: { stage: Stage | 'all'; decisions: number; approved: number; returned: number; rejected: number; approvalRate: number | null; returnRate: number | null; rejectionRate: number | null }[];
  readonly stageDays: { stage: TimedStage; cases: number; median: number | null }[];
  readonly returns: number;
  readonly reasons: { code: string; zh: string; en: string; count: number; share: number }[];
}

const FIELD = { approve: 'approved', return: 'returned', reject: 'rejected' } as const;

/** The window's figures from the day rows of the chosen offices (rows outside [from, today] are ignored). */
export function windowFigures(win: { readonly today: IsoDate; readonly from: IsoDate; readonly weeks: number }, days: Iterable<DayRollup>): WindowFigures {
  const fromDay = dayNumber(win.from);
  const weekly = Array.from({ length: win.weeks }, (_, i) => {
    const startsOn = dayString(fromDay + 7 * i);
    return { week: isoWeek(startsOn), startsOn, submitted: 0, accepted: 0, approved: 0, returned: 0, rejected: 0 };
  });
  const rates = new Map<Stage, { decisions: number; approved: number; returned: number; rejected: number }>([
    ['preliminary', { decisions: 0, approved: 0, returned: 0, rejected: 0 }],
    ['review', { decisions: 0, approved: 0, returned: 0, rejected: 0 }],
  ]);
  const hist = new Map<TimedStage, Map<number, number>>(TIMED_STAGES.map((s) => [s, new Map()]));
  const reasons = new Map<string, { name: string; count: number }>();
  let returns = 0;
  for (const row of days) {
    if (row.day < win.from || row.day > win.today) continue;
    const week = weekly[Math.floor((dayNumber(row.day) - fromDay) / 7)]!;
    week.submitted += row.submitted;
    week.accepted += row.accepted;
    for (const [stage, byOutcome] of Object.entries(row.decisions)) {
      const r = rates.get(stage as Stage);
      for (const outcome of OUTCOMES) {
        const n = byOutcome[outcome] ?? 0;
        week[FIELD[outcome]] += n;
        if (r) [r.decisions, r[FIELD[outcome]]] = [r.decisions + n, r[FIELD[outcome]] + n];
        if (outcome === 'return') returns += n;
      }
    }
    for (const [code, { name, count }] of Object.entries(row.reasons)) {
      const seen = reasons.get(code);
      if (seen) seen.count += count;
      else reasons.set(code, { name, count });
    }
    for (const [stage, counts] of Object.entries(row.durations)) {
      const h = hist.get(stage as TimedStage);
      if (h) for (const [days, n] of Object.entries(counts)) h.set(Number(days), (h.get(Number(days)) ?? 0) + n);
    }
  }
  return {
    weekly,
    rates: rateRows(rates),
    stageDays: TIMED_STAGES.map((stage) => ({ stage, cases: [...hist.get(stage)!.values()].reduce((a, b) => a + b, 0), median: histogramMedian(hist.get(stage)!) })),
    returns,
    reasons: reasonRows(reasons, returns),
  };
}

function rateRows(byStage: Map<Stage, { decisions: number; approved: number; returned: number; rejected: number }>): WindowFigures['rates'] {
  const all = { decisions: 0, approved: 0, returned: 0, rejected: 0 };
  const rows: WindowFigures['rates'] = [];
  const row = (stage: Stage | 'all', r: typeof all): WindowFigures['rates'][number] => {
    const share = (n: number) => (r.decisions === 0 ? null : n / r.decisions);
    return { stage, ...r, approvalRate: share(r.approved), returnRate: share(r.returned), rejectionRate: share(r.rejected) };
  };
  for (const [stage, r] of byStage) {
    rows.push(row(stage, r));
    for (const k of ['decisions', 'approved', 'returned', 'rejected'] as const) all[k] += r[k];
  }
  return [...rows, row('all', all)];
}

function reasonRows(reasons: Map<string, { name: string; count: number }>, returns: number): WindowFigures['reasons'] {
  const known = new Map(DEFAULT_REASON_CODES.map((c) => [c.code, c]));
  return [...reasons]
    .filter(([, r]) => r.count > 0)
    .map(([code, r]) => {
      const k = known.get(code);
      const name = code === 'OTHER' ? '其他' : r.name;
      return { code, zh: k?.zh ?? name, en: k?.en ?? (code === 'OTHER' ? 'Other' : name), count: r.count, share: returns === 0 ? 0 : r.count / returns };
    })
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
    .slice(0, TOP_REASONS);
}
