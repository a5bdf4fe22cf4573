// Entry of the dashboard benchmark page (bench/dashboard.ts builds and drives it in headless
// Chromium): loads generated cases and their events of the ten Futian streets, one office database's
// worth per street, into real IndexedDB (cases with their projected status, due date and flags, as
// the workstation writes them), then times the counted dashboard (dashboard-store: index counts and
// the day sums of the view beside the database — built on the first load), the dashboard after a few
// cases changed, and the full reading and aggregation it replaced (dashboard-full), in the same page.
import { generateCases } from '../../domain/seed';
import { computeDashboard } from '../../domain/stats';
import { projectCase, type CaseEvent } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { openWorkstationDb } from '../db/database';
import { DEFAULT_CALENDAR, readDashboardData, type DashboardData } from '../dashboard/dashboard-full';
import { DashboardCounter } from '../dashboard/dashboard-store';
import { CHUNK, FUTIAN_STREETS } from './load';

const ROUND = 250;
/** The generated cases end on 2024-06-30: "now" is two days before, so every window holds data. */
export const NOW = new Date('2024-06-28T06:00:00Z');

let db: WorkstationDb | undefined;
let data: DashboardData = { cases: [], events: [] };
let counter: DashboardCounter | undefined;

async function insert(collection: 'cases' | 'events', docs: readonly object[]) {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const res = await db![collection].bulkInsert(docs.slice(i, i + CHUNK) as AnyDoc[]);
    if (res.error.length > 0) throw new Error(`${collection}: ${res.error.length} write errors, first ${JSON.stringify(res.error[0]).slice(0, 300)}`);
  }
}

async function time<T>(op: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const value = await op();
  return [performance.now() - t, value];
}

const api = {
  async load(cases: number, write: boolean): Promise<{ cases: number; events: number; ms: number }> {
    db ??= await openWorkstationDb({ name: 'hws_bench_dashboard', collections: ['cases', 'events'] });
    const started = performance.now();
    let events = 0;
    for (let done = 0, round = 0; write && done < cases; round++) {
      const officeId = FUTIAN_STREETS[round % FUTIAN_STREETS.length]!;
      const data = generateCases({ count: Math.min(ROUND, cases - done), officeId, streetId: officeId, seed: 20_000 + round });
      // The dashboard reads no sealed field: a keyed-hash stand-in of the same length keeps documents their real size.
      const byCase = new Map<string, CaseEvent[]>();
      for (const e of data.events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
      await insert('cases', data.cases.map(({ clear, ...c }) => ({ ...c, ...projectCase(byCase.get(c.id) ?? [], DEFAULT_CALENDAR), idHash: `${clear.applicantIdNumber}`.padEnd(64, '0') })));
      await insert('events', data.events);
      events += data.events.length;
      done += data.cases.length;
      if (round % 40 === 0) console.log(`loaded ${done}/${cases} cases (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    return { cases, events, ms: performance.now() - started };
  },

  /** Reads the offices' cases and events as the dashboard does; keeps them for `aggregate`. */
  async read(): Promise<{ ms: number; documents: number }> {
    if (!db) throw new Error('load first');
    const [ms, d] = await time(() => readDashboardData(db!, FUTIAN_STREETS));
    data = d;
    return { ms, documents: d.cases.length + d.events.length };
  },

  /** The aggregation of what `read` kept. */
  aggregate(): { ms: number; detail: string } {
    const t = performance.now();
    const stats = computeDashboard({ ...data, now: NOW, weeks: 12, calendar: DEFAULT_CALENDAR });
    const ms = performance.now() - t;
    return { ms, detail: `${data.cases.length} cases, ${data.events.length} events; backlog ${stats.backlog.total.total}, overdue ${stats.deadlines.overdue}` };
  },

  /** The counted dashboard, loaded from scratch (a new counter each run: nothing kept from the last). */
  async counted(): Promise<{ ms: number; readMs: number; aggregateMs: number; detail: string; same: boolean | null }> {
    if (!db) throw new Error('load first');
    counter = new DashboardCounter(db, FUTIAN_STREETS);
    const [ms, r] = await time(() => counter!.load({ now: NOW, weeks: 12 }));
    const same = data.cases.length === 0 ? null : JSON.stringify(r.stats) === JSON.stringify(computeDashboard({ ...data, now: NOW, weeks: 12, calendar: DEFAULT_CALENDAR }));
    return { ms, readMs: r.readMs, aggregateMs: r.aggregateMs, detail: `${r.cases} cases counted, ${r.events} events read (${Object.entries(r.phases ?? {}).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}); backlog ${r.stats.backlog.total.total}, overdue ${r.stats.deadlines.overdue}`, same };
  },

  /** The dashboard again after `n` cases changed (as a sync brings them): the view takes them in, everything is counted again. */
  async update(n: number, run: number): Promise<number> {
    if (!counter) throw new Error('counted first');
    const ids = Array.from({ length: n }, (_, i) => `case:${(20_000 + ((run * 13 + i * 7) % 400)).toString(36)}-${String((run * 31 + i * 17) % 250).padStart(6, '0')}`);
    const docs = await db!.cases.findByIds(ids).exec();
    for (const d of docs.values()) await d.incrementalPatch({ updatedAt: new Date(Date.parse(String(d.get('updatedAt'))) + 1000).toISOString() });
    const [ms, r] = await time(() => counter!.load({ now: NOW, weeks: 12 }));
    if ((r.phases?.casesTakenIn ?? 0) < docs.size) throw new Error(`the view took in ${r.phases?.casesTakenIn} of ${docs.size} changed cases`);
    return ms;
  },

  /** For comparison: the same reading through RxDocuments (find().exec()), as most pages read. */
  async readViaDocuments(run: number): Promise<number> {
    const [ms] = await time(async () => {
      for (const officeId of FUTIAN_STREETS) {
        await db!.cases.find({ selector: { officeId }, index: ['officeId', 'status', 'updatedAt'], limit: 1_000_000 - run }).exec();
        await db!.events.find({ selector: { officeId, at: { $gt: '' } }, index: ['officeId', 'at'], limit: 1_000_000 - run }).exec();
      }
    });
    return ms;
  },

  async close(): Promise<void> {
    await db?.close();
  },
};

declare global {
  interface Window {
    hwsDashboardBench?: typeof api;
  }
}
window.hwsDashboardBench = api;
