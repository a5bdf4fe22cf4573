// An inspector's task package: the laptop keeps only what its own open tasks need — the tasks, their
// units and tenancies, the households with their people, the enrolments the task names (face and
// fingerprint templates, still sealed) and the case documents (whose status the visit's event is
// checked against). The tasks are one key range of the office database (their ids begin with the
// inspector's name), the rest is read by id (the server still refuses anything outside the office); written locally where it changed, and whatever a task taken away needed is
// removed and purged from the local storage. The laptop pushes only its own visits, re-inspections
// and signed events (`inspectorSyncPlan`); nothing of the office is pulled by replication.
import { BehaviorSubject } from 'rxjs';
import { COLLECTIONS, type CollectionName } from '../../domain/model';
import type { InspectionTaskDoc } from '../../domain/model/field';
import type { HouseholdDoc } from '../../domain/model/people';
import { padIndexFields } from '../../domain/model/indexing';
import { officeDbName, REFERENCE_DB } from '../../domain/sync/databases';
import { typesOf, type AnyDoc, type WorkstationDb } from '../db/database';
import { fromCouch, isMalformed, type CouchDoc } from './couch-docs';
import { readDocsById, readJson } from './remote';
import { taskPrefix } from '../../domain/inspection/plan';
import type { SyncTarget } from './sync';

/** Pause between two refreshes of the package while the page is open. */
export const PACKAGE_REFRESH_MS = 30_000;
/** Ids per `_all_docs` request. */
export const PACKAGE_READ_BATCH = 500;

const SUPERVISING = ['clerk', 'reviewer', 'district_reviewer', 'it'];
/** An inspector and nothing else: its laptop works from task packages. */
export const isFieldInspector = (roles: readonly string[]): boolean => roles.includes('inspector') && !roles.some((r) => SUPERVISING.includes(r));

/** A re-inspection the inspector's own visit scheduled (the only task its laptop writes). */
export const isOwnReinspection = (doc: Record<string, unknown>, me: string): boolean =>
  doc.type === 'inspection_task' && doc.reason === 'reinspection' && doc.inspectorId === me;

/** What an inspector's laptop replicates: its own records up, reference data down, nothing of the office down. */
export function inspectorSyncPlan(officeId: string, me: string, collections: readonly CollectionName[]): SyncTarget[] {
  const office = officeDbName(officeId);
  const plan: SyncTarget[] = [];
  if (collections.includes('reference')) plan.push({ collection: 'reference', database: REFERENCE_DB, push: false });
  if (collections.includes('field')) {
    plan.push({ collection: 'field', database: office, push: true, pull: false, accepts: (d) => (d.type === 'inspection' && d.inspectorId === me) || isOwnReinspection(d, me) });
  }
  if (collections.includes('events')) plan.push({ collection: 'events', database: office, push: true, pull: false, accepts: (d) => (d.actor as { userId?: string } | undefined)?.userId === me });
  if (collections.includes('audit')) plan.push({ collection: 'audit', database: office, push: true, pull: false });
  return plan;
}

export interface PackageContext {
  readonly db: WorkstationDb;
  readonly couchUrl: string;
  readonly fetch: typeof fetch;
  readonly me: string;
  readonly officeId: string;
}

export interface PackageReport {
  readonly tasks: number;
  readonly units: number;
  readonly tenancies: number;
  readonly households: number;
  readonly persons: number;
  readonly enrolments: number;
  readonly cases: number;
  /** Local documents written because they were new or changed. */
  readonly written: number;
  /** Local documents of tasks taken away, removed and purged. */
  readonly removed: number;
  /** Documents from the server that failed the shape checks (left out). */
  readonly malformed: number;
  readonly at: string;
  /** Milliseconds spent finding the tasks, reading the rest, writing locally, and removing. */
  readonly ms: { readonly tasks: number; readonly read: number; readonly write: number; readonly remove: number };
}

type Doc = Record<string, unknown>;

/** The documents whose ids start with `prefix` (one key range of `_all_docs`). */
async function readRange(ctx: PackageContext, dbUrl: string, prefix: string): Promise<CouchDoc[]> {
  const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const reply: { rows?: { doc?: CouchDoc | null }[] } = await readJson(await ctx.fetch(`${dbUrl}/_all_docs?include_docs=true&${range}`), '读取核查任务');
  if (!Array.isArray(reply.rows)) throw new Error('服务器返回的核查任务格式不正确');
  return reply.rows.flatMap((r) => (r.doc && !r.doc._deleted ? [r.doc] : []));
}

async function readAll(ctx: PackageContext, dbUrl: string, ids: readonly string[]): Promise<CouchDoc[]> {
  const out: CouchDoc[] = [];
  for (let i = 0; i < ids.length; i += PACKAGE_READ_BATCH) {
    for (const d of await readDocsById<CouchDoc>(dbUrl, ctx.fetch, ids.slice(i, i + PACKAGE_READ_BATCH), '读取核查任务包')) if (d && !d._deleted) out.push(d);
  }
  return out;
}

const BOOKKEEPING = ['_meta', '_rev', '_attachments', '_deleted'];
function comparable(doc: Doc): string {
  const entries = Object.entries(doc).filter(([k]) => !BOOKKEEPING.includes(k));
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Writes the documents that are new or changed; answers how many. */
async function store(db: WorkstationDb, name: CollectionName, docs: readonly Doc[]): Promise<number> {
  if (docs.length === 0) return 0;
  const collection = db.collections[name];
  const padded = docs.map((d) => padIndexFields(COLLECTIONS[name], d) as AnyDoc);
  const existing = await collection.findByIds(padded.map((d) => d.id)).exec();
  const changed = padded.filter((d) => {
    const local = existing.get(d.id);
    return !local || comparable(local.toJSON() as Doc) !== comparable(d);
  });
  if (changed.length > 0) await collection.bulkUpsert(changed);
  return changed.length;
}

/** Removes local documents, then purges their tombstones from the storage (no personal data stays behind). */
async function drop(db: WorkstationDb, name: CollectionName, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await db.collections[name].bulkRemove([...ids]);
  await db.collections[name].storageInstance.cleanup(0);
  return ids.length;
}

/** Reads the inspector's package from the office database and makes the laptop hold exactly that. */
export async function refreshTaskPackage(ctx: PackageContext): Promise<PackageReport> {
  const base = ctx.couchUrl.replace(/\/+$/, '');
  const dbUrl = `${base}/${officeDbName(ctx.officeId)}`;
  let malformed = 0;
  const accept = (name: CollectionName, docs: readonly CouchDoc[], match: (d: Doc) => boolean): Doc[] => {
    const out: Doc[] = [];
    for (const d of docs) {
      const local = fromCouch(d, typesOf(name), []);
      if (isMalformed(local)) malformed++;
      else if (d.officeId === ctx.officeId && match(local)) out.push(local);
    }
    return out;
  };

  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  // The tasks: assigned to me and not cancelled; my re-inspections not yet on the server stay.
  const serverTasks = accept('field', await readRange(ctx, dbUrl, taskPrefix(ctx.me)), (d) => d.type === 'inspection_task' && d.inspectorId === ctx.me);
  const onServer = new Set(serverTasks.map((t) => String(t.id)));
  const localOwn = (await ctx.db.collections.field.find({ selector: { type: 'inspection_task', inspectorId: ctx.me } }).exec())
    .map((d) => d.toJSON() as Doc)
    .filter((d) => isOwnReinspection(d, ctx.me) && !onServer.has(String(d.id)));
  const tasks = [...serverTasks.filter((t) => t.state === 'assigned'), ...localOwn] as unknown as InspectionTaskDoc[];

  const tasksMs = lap();
  const byId = (name: CollectionName, ids: Iterable<string>, type: string) => readAll(ctx, dbUrl, [...new Set(ids)]).then((docs) => accept(name, docs, (d) => d.type === type));
  const [units, leases, households, cases, enrolments] = await Promise.all([
    byId('field', tasks.map((t) => t.unitId), 'unit'),
    byId('field', tasks.map((t) => t.leaseId), 'lease'),
    byId('people', tasks.map((t) => t.householdId), 'household') as Promise<unknown[]> as Promise<HouseholdDoc[]>,
    byId('cases', tasks.map((t) => t.caseId), 'case'),
    byId('files', tasks.flatMap((t) => t.enrolmentIds ?? []), 'biometric').then((docs) => docs.filter((d) => d.purged !== true)),
  ]);
  const persons = await byId('people', households.flatMap((h) => h.members.map((m) => m.personId)), 'person');
  const readMs = lap();

  let written = 0;
  written += await store(ctx.db, 'field', [...serverTasks.filter((d) => d.state === 'assigned'), ...units, ...leases]);
  written += await store(ctx.db, 'people', [...households, ...persons] as unknown as Doc[]);
  written += await store(ctx.db, 'files', enrolments);
  written += await store(ctx.db, 'cases', cases);
  const writeMs = lap();

  // Whatever the package no longer needs leaves the laptop (my own visits and events stay: they are mine to push).
  const keeping = (docs: readonly unknown[]) => new Set((docs as Doc[]).map((d) => String(d.id)));
  const keep = keeping([...tasks, ...units, ...leases]);
  const keepPeople = keeping([...households, ...persons]);
  const keepFiles = keeping(enrolments);
  const keepCases = keeping(cases);
  const caseSet = new Set(tasks.map((t) => t.caseId));
  const localOf = async (name: CollectionName, types: string[]) => (await ctx.db.collections[name].find({ selector: { type: { $in: types } } }).exec()).map((d) => d.toJSON() as Doc);
  const stale = async (name: CollectionName, types: string[], kept: (d: Doc) => boolean) => drop(ctx.db, name, (await localOf(name, types)).filter((d) => !kept(d)).map((d) => String(d.id)));
  let removed = 0;
  removed += await stale('field', ['inspection_task', 'unit', 'lease'], (d) => keep.has(String(d.id)));
  removed += await stale('people', ['household', 'person'], (d) => keepPeople.has(String(d.id)));
  removed += await stale('files', ['biometric'], (d) => keepFiles.has(String(d.id)));
  removed += await stale('cases', ['case'], (d) => keepCases.has(String(d.id)));
  // Events on the laptop are its own visits' (kept until pushed and beyond); any other is dropped.
  removed += await stale('events', ['case_event'], (d) => caseSet.has(String(d.caseId)) || (d.actor as { userId?: string }).userId === ctx.me);
  return {
    tasks: tasks.length,
    units: units.length,
    tenancies: leases.length,
    households: households.length,
    persons: persons.length,
    enrolments: enrolments.length,
    cases: cases.length,
    written,
    removed,
    malformed,
    at: new Date().toISOString(),
    ms: { tasks: tasksMs, read: readMs, write: writeMs, remove: lap() },
  };
}

export interface TaskPackageState {
  readonly refreshing: boolean;
  readonly last: PackageReport | null;
  readonly error: string | null;
}

/** Refreshes the package now and every PACKAGE_REFRESH_MS; an unreachable server leaves the package as it is. */
export function startTaskPackage(ctx: PackageContext, intervalMs = PACKAGE_REFRESH_MS) {
  const state$ = new BehaviorSubject<TaskPackageState>({ refreshing: false, last: null, error: null });
  let running: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    running ??= (async () => {
      state$.next({ ...state$.value, refreshing: true });
      try {
        state$.next({ refreshing: false, last: await refreshTaskPackage(ctx), error: null });
      } catch (e) {
        state$.next({ ...state$.value, refreshing: false, error: e instanceof Error ? e.message : String(e) });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), intervalMs);
  return { state$, refresh, stop: () => clearInterval(timer) };
}
