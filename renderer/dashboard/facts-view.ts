// The dashboard's figures kept up to date beside the workstation's database: each case's status,
// due date and facts (domain/stats caseFacts), their sums per office and day (domain/stats/rollup)
// and each office's running totals by status and due date (domain/stats/office-tally), in an
// IndexedDB database of their own (`<workstation db>-dashboard`). Nothing in it is new data: it is
// derived from the cases and events and rebuilt from them whenever its version or the holiday
// calendar changes. It follows the two collections by RxDB's change checkpoints, so events written
// here, pulled from the server or brought by a batch are all taken in; a case's old facts are taken
// away from the sums and its new ones added, in one transaction with the checkpoint.
import Dexie, { type Table } from 'dexie';
import { getChangedDocumentsSince } from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
import type { HolidayCalendar } from '../../domain/deadlines';
import { addFacts, appliedSteps, caseFacts, emptyDay, emptyTally, isEmptyDay, localDates, tallyCase, workingDays, type CaseFacts, type DayRollup, type OfficeTally } from '../../domain/stats';
import type { CaseStatus } from '../../domain/model/status';
import type { CaseEvent } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { histories } from './histories';

/** Bump when what is kept changes: the view is then rebuilt. */
const VIEW_VERSION = 2;
/** Changed documents read per round. */
const PAGE = 2_000;
/** Changed documents read per round when building from nothing. */
const BUILD_PAGE = 20_000;

interface FactsRow {
  readonly caseId: string;
  readonly officeId: string;
  readonly status: CaseStatus;
  /** The projected due date of the running stage ('' without one). */
  readonly dueOn: string;
  /** 1 while the case's stage clock stands still (with the applicant). */
  readonly paused: 0 | 1;
  /** Null for a case without events held here. */
  readonly facts: CaseFacts | null;
}
type Checkpoint = unknown;
interface MetaRow {
  readonly key: 'state';
  readonly version: number;
  readonly calendar: string;
  readonly events: Checkpoint;
  readonly cases: Checkpoint;
}

class ViewDb extends Dexie {
  facts!: Table<FactsRow, string>;
  days!: Table<DayRollup, [string, string]>;
  offices!: Table<OfficeTally, string>;
  meta!: Table<MetaRow, string>;
  constructor(name: string, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    this.version(2).stores({ facts: 'caseId', days: '[officeId+day]', offices: 'officeId', meta: 'key' });
  }
}

export interface CatchUp {
  /** Cases whose facts were computed again. */
  readonly cases: number;
  /** Events read to do so. */
  readonly events: number;
  /** True when the view was built from nothing (first use, new version or calendar). */
  readonly rebuilt: boolean;
}

interface Changes {
  readonly documents: Record<string, unknown>[];
  readonly checkpoint: Checkpoint;
}
/** The part of RxDB's Dexie storage internals read here (rxdb/plugins/storage-dexie, pinned version). */
interface DexieTable {
  where(index: string): { between(lower: unknown[], upper: unknown[], includeLower: boolean, includeUpper: boolean): { limit(n: number): { toArray(): Promise<Record<string, unknown>[]> } } };
}

/**
 * The documents changed after a checkpoint ({lwt, id}, RxDB's), oldest first. On the Dexie storage
 * straight on its [_meta.lwt+id] index: RxDB's generic reading (getChangedDocumentsSince) finds no
 * index for its query there and reads the whole collection each time, even when nothing changed.
 */
async function changesSince(c: WorkstationDb['cases'], limit: number, cp: Checkpoint): Promise<Changes> {
  const internals = (await (c.storageInstance as unknown as { internals?: Promise<{ dexieTable?: DexieTable; booleanIndexes?: string[] }> }).internals) ?? {};
  const table = internals.dexieTable;
  if (!table) return getChangedDocumentsSince(c.storageInstance, limit, cp as never) as unknown as Promise<Changes>;
  const since = (cp ?? { lwt: 0, id: '' }) as { lwt: number; id: string };
  const docs = await table.where('[_meta.lwt+id]').between([since.lwt, since.id], [Infinity, '\uffff'], false, true).limit(limit).toArray();
  // Stored as Dexie keeps them (indexed booleans as '0' / '1'): back to documents, as RxDB reads them.
  const documents = docs.map((d) => fromDexieToStorage(internals.booleanIndexes ?? [], d) as Record<string, unknown>);
  const last = documents.at(-1) as { id: string; _meta: { lwt: number } } | undefined;
  return { documents, checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : cp };
}

/** What of a calendar the kept figures depend on (its sets, as sorted lists). */
export const calendarKey = (c: HolidayCalendar): string => JSON.stringify([[...c.holidays].sort(), [...c.workdays].sort()]);

const same = (a: Checkpoint, b: Checkpoint) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export class DashboardView {
  private store: ViewDb | undefined;
  private running: Promise<CatchUp> | undefined;

  constructor(
    private readonly db: WorkstationDb,
    private readonly calendar: HolidayCalendar,
  ) {}

  private async open(): Promise<ViewDb> {
    if (this.store) return this.store;
    // The same IndexedDB the workstation's database lives in (Chromium's, or fake-indexeddb in tests).
    const internals = (await (this.db.cases.storageInstance as unknown as { internals: Promise<{ dexieDb: { _deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } } }> }).internals);
    const deps = internals?.dexieDb?._deps ?? { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };
    this.store = new ViewDb(`${this.db.name}-dashboard`, deps);
    return this.store;
  }

  /** Takes in every case and event changed since the last time (one catch-up at a time). */
  catchUp(): Promise<CatchUp> {
    this.running ??= this.doCatchUp().finally(() => (this.running = undefined));
    return this.running;
  }

  private async doCatchUp(): Promise<CatchUp> {
    const store = await this.open();
    const calendar = calendarKey(this.calendar);
    let meta = await store.meta.get('state');
    let rebuilt = false;
    if (!meta || meta.version !== VIEW_VERSION || meta.calendar !== calendar) {
      await store.transaction('rw', [store.facts, store.days, store.offices, store.meta], async () => {
        await Promise.all([store.facts.clear(), store.days.clear(), store.offices.clear()]);
        await store.meta.put((meta = { key: 'state', version: VIEW_VERSION, calendar, events: undefined, cases: undefined }));
      });
      rebuilt = true;
    }
    let [cases, events] = [0, 0];
    if (rebuilt) {
      const built = await this.build(store, meta!);
      if (!built.meta) return this.doCatchUp();
      [meta, cases, events] = [built.meta, built.cases, built.events];
    }
    for (;;) {
      const m: MetaRow = meta!;
      const [ev, cs] = await Promise.all([changesSince(this.db.events, PAGE, m.events), changesSince(this.db.cases, PAGE, m.cases)]);
      if (ev.documents.length === 0 && cs.documents.length === 0) return { cases, events, rebuilt };
      const ids = new Set<string>([...ev.documents.map((e) => String(e.caseId)), ...cs.documents.map((c) => String(c.id))]);
      const computed = await this.compute([...ids]);
      events += computed.events;
      cases += ids.size;
      const next: MetaRow = { ...m, events: ev.documents.length > 0 ? ev.checkpoint : m.events, cases: cs.documents.length > 0 ? cs.checkpoint : m.cases };
      meta = await this.commit(store, m, next, () => this.apply(store, computed.facts));
      if (!meta) return this.doCatchUp();
    }
  }

  /** Writes, unless another window moved the checkpoints first (then undefined: start again). */
  private commit(store: ViewDb, from: MetaRow, next: MetaRow, write: () => Promise<unknown>): Promise<MetaRow | undefined> {
    return store.transaction('rw', [store.facts, store.days, store.offices, store.meta], async () => {
      const now = await store.meta.get('state');
      if (!now || !same(now.events, from.events) || !same(now.cases, from.cases)) return undefined;
      await write();
      await store.meta.put(next);
      return next;
    });
  }

  /** From nothing: every case and event read once, in pages of changes, each case's facts computed from what was read. */
  private async build(store: ViewDb, meta: MetaRow): Promise<{ meta: MetaRow | undefined; cases: number; events: number }> {
    const byCase = new Map<string, CaseEvent[]>();
    const held = new Map<string, AnyDoc>();
    let [ecp, ccp, events] = [meta.events, meta.cases, 0];
    for (let ev = await changesSince(this.db.events, BUILD_PAGE, ecp); ev.documents.length > 0; ev = await changesSince(this.db.events, BUILD_PAGE, ecp)) {
      for (const e of ev.documents) {
        if (e._deleted) continue;
        const list = byCase.get(String(e.caseId));
        if (list) list.push(e as unknown as CaseEvent);
        else byCase.set(String(e.caseId), [e as unknown as CaseEvent]);
        events += 1;
      }
      ecp = ev.checkpoint;
    }
    for (let cs = await changesSince(this.db.cases, BUILD_PAGE, ccp); cs.documents.length > 0; cs = await changesSince(this.db.cases, BUILD_PAGE, ccp)) {
      for (const c of cs.documents) {
        if (c._deleted) held.delete(String(c.id));
        else held.set(String(c.id), c as unknown as AnyDoc);
      }
      ccp = cs.checkpoint;
    }
    const computed = new Map<string, Omit<FactsRow, 'caseId'> | null>();
    for (const [id, c] of held) computed.set(id, this.factsOf(c, byCase.get(id) ?? []));
    const next = await this.commit(store, meta, { ...meta, events: ecp, cases: ccp }, () => this.apply(store, computed, true));
    return { meta: next, cases: held.size, events };
  }

  private readonly dayOf = localDates();

  /** One held case as the view keeps it: its facts null without events. */
  private factsOf(c: AnyDoc, history: readonly CaseEvent[]): Omit<FactsRow, 'caseId'> {
    const status = c.status as CaseStatus;
    const base = { officeId: String(c.officeId), status, dueOn: String(c.dueOn ?? '') };
    if (history.length === 0) return { ...base, paused: 0, facts: null };
    const f = caseFacts(appliedSteps(history, { status, flagged: c.flagged === true }), this.dayOf, workingDays(this.calendar).between);
    return { ...base, paused: f.clock?.paused ? 1 : 0, facts: f };
  }

  /** The facts of these cases now (null: not held, deleted or without events). */
  private async compute(ids: readonly string[]): Promise<{ facts: Map<string, Omit<FactsRow, 'caseId'> | null>; events: number }> {
    const docs = (await this.db.cases.storageInstance.findDocumentsById([...ids], false)) as unknown as AnyDoc[];
    const held = new Map(docs.map((d) => [String(d.id), d]));
    const byCase: Map<string, CaseEvent[]> = await histories(this.db.events, [...held.keys()]);
    const facts = new Map<string, Omit<FactsRow, 'caseId'> | null>();
    let events = 0;
    for (const id of ids) {
      const c = held.get(id);
      const history = byCase.get(id) ?? [];
      events += history.length;
      facts.set(id, c ? this.factsOf(c, history) : null);
    }
    return { facts, events };
  }

  /** Inside the transaction: each case's old facts and tally taken away from its office's, the new ones added. */
  private async apply(store: ViewDb, computed: ReadonlyMap<string, Omit<FactsRow, 'caseId'> | null>, fresh = false): Promise<void> {
    const ids = [...computed.keys()];
    const old: (FactsRow | undefined)[] = fresh ? [] : await store.facts.bulkGet(ids);
    const rows = (i: number) => [old[i], computed.get(ids[i]!)].filter((r): r is FactsRow => !!r);
    // The day and office rows these cases touch, read once.
    const dayKeys = new Set<string>();
    const officeIds = new Set<string>();
    ids.forEach((_, i) =>
      rows(i).forEach((r) => {
        officeIds.add(r.officeId);
        if (r.facts) addFacts((day) => (dayKeys.add(JSON.stringify([r.officeId, day])), emptyDay(r.officeId, day)), r.facts, 1);
      }),
    );
    const wanted = [...dayKeys].map((k) => JSON.parse(k) as [string, string]);
    const [dayRows, tallies] = await Promise.all([store.days.bulkGet(wanted), store.offices.bulkGet([...officeIds])]);
    const touched = new Map(wanted.map(([officeId, day], i) => [`${officeId} ${day}`, dayRows[i] ?? emptyDay(officeId, day)]));
    const tally = new Map([...officeIds].map((id, i) => [id, tallies[i] ?? emptyTally(id)]));
    const change = (r: Omit<FactsRow, 'caseId'>, sign: 1 | -1) => {
      tallyCase(tally.get(r.officeId)!, { status: r.status, dueOn: r.dueOn, paused: r.paused === 1 }, sign);
      if (r.facts) addFacts((day) => touched.get(`${r.officeId} ${day}`)!, r.facts, sign);
    };
    ids.forEach((id, i) => {
      const [before, after] = [old[i], computed.get(id)];
      if (before) change(before, -1);
      if (after) change(after, 1);
    });
    const rowsNow = [...touched.values()];
    await Promise.all([
      store.days.bulkPut(rowsNow.filter((r) => !isEmptyDay(r))),
      store.days.bulkDelete(rowsNow.filter(isEmptyDay).map((r) => [r.officeId, r.day] as [string, string])),
      store.offices.bulkPut([...tally.values()]),
      store.facts.bulkPut(ids.flatMap((id) => {
        const row = computed.get(id);
        return row ? [{ caseId: id, ...row }] : [];
      })),
      store.facts.bulkDelete(ids.filter((id) => !computed.get(id))),
    ]);
  }

  /** The day rows of an office between two dates, both included. */
  async days(officeId: string, from: string, to: string): Promise<DayRollup[]> {
    const store = await this.open();
    return store.days.where('[officeId+day]').between([officeId, from], [officeId, to], true, true).toArray();
  }

  /** The office's running totals by status and due date (empty when it has no case here). */
  async tally(officeId: string): Promise<OfficeTally> {
    const store = await this.open();
    return (await store.offices.get(officeId)) ?? emptyTally(officeId);
  }

  close(): void {
    this.store?.close();
    this.store = undefined;
  }
}
