// The sync module: replicates the local collections with the office's central databases and
// reports one state the UI can show: offline, syncing, error with reason, or up to date since.
import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, merge, type Observable, type Subscription } from 'rxjs';
import { IT_REFERENCE_TYPES } from '../../domain/model/reference';
import { REFERENCE_DB, officeDbName } from '../../domain/sync/databases';
import type { CollectionName } from '../../domain/model';
import { typesOf, type WorkstationDb } from '../db/database';
import { loadHolidayCalendar } from '../reference/reference-store';
import { caseFieldsFromEvents, startCaseProjection } from './case-projection';
import { openConflictStore, type ConflictStore } from './conflict-store';
import { replicateWithCouch, type Checkpoint, type SyncProblem } from './couch-replication';
import { startNotifier, type Notifier } from './notifier';
import { ownWrites, type OwnWrites } from './own-writes';
import { watchPending } from './pending';
import type { BlobStore } from './blob-store';
import { startBlobSync, type BlobSync } from './blob-sync';
import { authFetch, detectFilterMode, type RemoteDb } from './remote';
import { readStaffKeys } from '../../domain/sync/staff-keys';
import { startSignatureCheck, type SignatureCheck } from './signature-check';
import { assumedMasterStates } from './master-state';
import { inspectorSyncPlan, isFieldInspector } from './task-package';

/** Documents per push request (RxDB's reading of local changes is cheapest in small batches). */
export const BATCH_SIZE = 100;
/** Documents per pull batch: fewer, larger requests and local writes for a fresh workstation. */
export const PULL_BATCH_SIZE = 500;
export const RETRY_TIME_MS = 3_000;
export const LONGPOLL_TIMEOUT_MS = 25_000;
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const MAX_PROBLEMS_KEPT = 200;
/** Browsers open at most six connections per host: beyond this many databases, poll instead of waiting. */
export const MAX_LONGPOLLS = 3;
export const POLL_INTERVAL_MS = 10_000;

export type SyncState = 'connecting' | 'offline' | 'syncing' | 'idle' | 'error';

export interface SyncStatus {
  readonly state: SyncState;
  /** ISO time of the last moment everything was up to date with the server. */
  readonly lastSuccessAt: string | null;
  readonly error: string | null;
  readonly problems: readonly SyncProblem[];
}

export interface SyncTarget {
  readonly collection: CollectionName;
  readonly database: string;
  readonly push: boolean;
  /** false: nothing is pulled (an inspector's task package, renderer/sync/task-package.ts); absent: pulled. */
  readonly pull?: boolean;
  /** Which local documents go to this database; absent: all of the collection. */
  readonly accepts?: (doc: Record<string, unknown>) => boolean;
}

/** Reference records IT edits on a workstation and pushes (reason codes, holiday calendars); the server lets only IT write them. */
const itEdits = (doc: Record<string, unknown>) => (IT_REFERENCE_TYPES as readonly unknown[]).includes(doc.type);
const districtOverride = (doc: Record<string, unknown>) => doc.type === 'rule_thresholds' && typeof doc.districtId === 'string';

/**
 * What a street workstation replicates: its office's records both ways, reference data down —
 * and, for IT, up too, but only the reference records IT edits (the rest is the centre's).
 */
export function officeSyncPlan(officeId: string, collections: readonly CollectionName[], roles: readonly string[] = []): SyncTarget[] {
  const office = officeDbName(officeId);
  const itPushes = roles.includes('it');
  // A district reviewer publishes the district's signed policy overrides (domain/policy/override.ts).
  const supervisorPushes = roles.includes('district_reviewer');
  const accepts = (doc: Record<string, unknown>) => (itPushes && itEdits(doc)) || (supervisorPushes && districtOverride(doc));
  return collections
    .filter((c) => c !== 'staff')
    .map((c) =>
      c === 'reference'
        ? { collection: c, database: REFERENCE_DB, push: itPushes || supervisorPushes, ...(itPushes || supervisorPushes ? { accepts } : {}) }
        : { collection: c, database: office, push: true },
    );
}

/**
 * What a user's workstation replicates. A district reviewer's user document carries the keys of
 * every office of the district, and setup makes the district role a member of each street
 * database: the workstation replicates all of them into its one local database, and pushes each
 * record to the database of its own office. Documents of an office outside the plan go to the
 * user's own database, where the server refuses them with a reason the IT view shows. A field
 * inspector's laptop pulls no office data: it gets the task package of its own tasks instead.
 */
export function userSyncPlan(
  user: { readonly officeId: string; readonly roles: readonly string[]; readonly name?: string },
  keyOffices: readonly string[],
  collections: readonly CollectionName[],
): SyncTarget[] {
  if (isFieldInspector(user.roles)) return inspectorSyncPlan(user.officeId, user.name ?? '', collections);
  const offices = user.roles.includes('district_reviewer') ? [...new Set([user.officeId, ...keyOffices])] : [user.officeId];
  if (offices.length === 1) return officeSyncPlan(user.officeId, collections, user.roles);
  const plan: SyncTarget[] = [];
  for (const officeId of offices) {
    const own = officeId === user.officeId;
    const accepts = (doc: Record<string, unknown>) => doc.officeId === officeId || (own && !offices.includes(String(doc.officeId)));
    for (const t of officeSyncPlan(officeId, collections, user.roles)) {
      if (t.collection === 'reference') {
        if (own) plan.push(t);
        continue;
      }
      plan.push(t.push ? { ...t, accepts } : t);
    }
  }
  return plan;
}

/** One replication's health, for the IT view and the sync_health document. */
export interface TargetHealth {
  readonly collection: CollectionName;
  readonly database: string;
  readonly active: boolean;
  readonly lastSuccessAt: string | null;
  readonly error: string | null;
  /** Local documents not yet on the server (null until first counted; 0 for pull-only targets). */
  readonly pending: number | null;
}

export interface SyncOptions {
  readonly db: WorkstationDb;
  readonly couchUrl: string;
  readonly username: string;
  readonly password: string;
  readonly targets: readonly SyncTarget[];
  /** Retry pause after a failed request (tests shorten it). */
  readonly retryTimeMs?: number;
  /** A request silent this long is given up and tried again (remote.ts REQUEST_STALL_MS; tests shorten it). */
  readonly requestStallMs?: number;
  /** Where sealed file contents are kept; with it the sync also moves file contents. */
  readonly blobStore?: BlobStore;
  /** Office data keys by office id (file contents are sealed with their office's key). */
  readonly keyFor?: (officeId: string) => CryptoKey | undefined;
  /**
   * The centre's change relay (`hws relay`), or none: each database's changes are followed there
   * (one feed per office for the whole fleet at the centre) and still read from CouchDB.
   */
  readonly relayUrl?: string | null;
  /** Documents per push or pull request (fault tests make it small to have many requests). */
  readonly batchSize?: number;
}

export interface Sync {
  readonly status$: BehaviorSubject<SyncStatus>;
  /** Per collection and database: last success and last error. */
  readonly targets$: BehaviorSubject<readonly TargetHealth[]>;
  /** File contents (present when the options gave a blob store). */
  readonly blobs?: BlobSync;
  /** Conflicts found by merges, kept locally until a person decides. */
  readonly conflicts: ConflictStore;
  /** Signatures of pulled events and audit entries, checked against the registered staff keys. */
  readonly signatures: SignatureCheck;
  /** The server versions this workstation last knew of documents (for a batch export of offline edits). */
  masterStates(collection: CollectionName, ids: readonly string[]): Promise<Record<string, Record<string, unknown> | undefined>>;
  syncNow(): void;
  /** Resolves when every collection has pushed and pulled what it knows of. */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSync(options: SyncOptions): Promise<Sync> {
  const status$ = new BehaviorSubject<SyncStatus>({ state: 'connecting', lastSuccessAt: null, error: null, problems: [] });
  const reached$ = new BehaviorSubject<boolean | null>(null);
  const patch = (p: Partial<SyncStatus>) => status$.next({ ...status$.value, ...p });
  const connectivity = {
    report(reached: boolean) {
      if (reached$.value !== reached) reached$.next(reached);
    },
  };
  const f = authFetch(options.username, options.password, connectivity, options.requestStallMs);
  const base = options.couchUrl.replace(/\/+$/, '');
  const filterMode = await detectFilterMode(base, f).catch(() => 'design' as const);

  const notifiers = new Map<string, Notifier>();
  /** Per database: what this workstation wrote there (its notifier does not wake for it). */
  const written = new Map<string, OwnWrites>();
  const writtenTo = (database: string) => {
    if (!written.has(database)) written.set(database, ownWrites());
    return written.get(database)!;
  };
  const replications: RxReplicationState<Record<string, unknown>, Checkpoint>[] = [];
  const targets$ = new BehaviorSubject<readonly TargetHealth[]>(
    options.targets.map((t) => ({ collection: t.collection, database: t.database, active: false, lastSuccessAt: null, error: null, pending: t.push ? null : 0 })),
  );
  const patchTarget = (i: number, p: Partial<TargetHealth>) => targets$.next(targets$.value.map((t, j) => (j === i ? { ...t, ...p } : t)));
  const subs: Subscription[] = [];
  const conflicts = await openConflictStore(options.db);
  const onProblem = (problem: SyncProblem) => {
    patch({ problems: [...status$.value.problems, problem].slice(-MAX_PROBLEMS_KEPT) });
    if (problem.kind === 'conflict') void conflicts.record(problem).catch(() => {}); // kept in memory above even if the write fails
  };

  // Readers verify: events and audit entries that do not verify are reported and not derived from.
  const signatures = startSignatureCheck({ fetchKeys: () => readStaffKeys(f, base), onProblem });
  // Deadlines projected onto cases count working days by the calendar IT keeps in the reference data.
  const calendar = () => loadHolidayCalendar(options.db);
  const databases = new Set(options.targets.map((t) => t.database)).size;
  // Cases' status is derived from their events wherever both are kept here.
  const projecting = options.db.collections.cases !== undefined && options.db.collections.events !== undefined;
  const arrivedCaseIds: Observable<string>[] = [];
  const retryMinMs = Math.min(RETRY_MIN_MS, options.retryTimeMs ?? RETRY_MIN_MS);
  for (const target of options.targets) {
    const remote: RemoteDb = { url: `${base}/${target.database}`, fetch: f, filterMode };
    let notifier = notifiers.get(target.database);
    if (!notifier) {
      notifier = startNotifier({
        remote,
        longpollTimeoutMs: LONGPOLL_TIMEOUT_MS,
        retryMinMs,
        retryMaxMs: options.retryTimeMs ? Math.min(RETRY_MAX_MS, options.retryTimeMs * 10) : RETRY_MAX_MS,
        pollIntervalMs: databases > MAX_LONGPOLLS ? POLL_INTERVAL_MS : undefined,
        ownWrites: writtenTo(target.database),
        ...(options.relayUrl ? { changesUrl: `${options.relayUrl.replace(/\/+$/, '')}/${target.database}` } : {}),
      });
      notifiers.set(target.database, notifier);
    }
    const collection = options.db.collections[target.collection] as unknown as RxCollection<Record<string, unknown> & { id: string }>;
    const rep = replicateWithCouch({
      collection,
      remote,
      identifier: `couch-${target.database}-${target.collection}`,
      types: typesOf(target.collection),
      push: target.push,
      pull: target.pull,
      accepts: target.accepts,
      batchSize: options.batchSize ?? BATCH_SIZE,
      pullBatchSize: options.batchSize ?? PULL_BATCH_SIZE,
      retryTime: options.retryTimeMs ?? RETRY_TIME_MS,
      ownWrites: writtenTo(target.database),
      wake$: notifier.wake$,
      onProblem,
      derive: target.collection === 'cases' && projecting ? caseFieldsFromEvents(options.db, signatures.trusted, calendar) : undefined,
    });
    const index = replications.length;
    rep.active$.subscribe((active) => {
      const ok = !active && reached$.value !== false;
      patchTarget(index, ok ? { active, lastSuccessAt: new Date().toISOString(), error: null } : { active });
    });
    rep.error$.subscribe((err) => {
      const cause = (err as { parameters?: { errors?: { message?: string }[] } }).parameters?.errors?.[0]?.message;
      patchTarget(index, { error: cause ?? err.message });
      if (reached$.value === false) return; // shown as offline, not as an error
      patch({ state: 'error', error: cause ?? err.message });
    });
    if (projecting && target.collection === 'cases') arrivedCaseIds.push(rep.received$.pipe(map((d) => String(d.id))));
    if (projecting && target.collection === 'events') arrivedCaseIds.push(rep.received$.pipe(map((d) => String(d.caseId))));
    if (target.collection === 'events' || target.collection === 'audit') subs.push(rep.received$.subscribe((d) => void signatures.check(d).catch(() => {})));
    if (target.push) {
      // Counted while nothing is pushing, or while the push is stuck (offline, refused).
      const countable$ = combineLatest([rep.active$, reached$, status$]).pipe(
        map(([active, reached, s]) => !active || reached === false || s.state === 'error'),
        distinctUntilChanged(),
      );
      subs.push(watchPending(rep, collection.$, countable$, target.accepts).subscribe((pending) => patchTarget(index, { pending })));
    }
    replications.push(rep);
  }

  if (arrivedCaseIds.length > 0) {
    // A case whose record verified only on a second look at the registry is derived again with it.
    const caseIds$ = merge(...arrivedCaseIds, signatures.retrusted$);
    subs.push(startCaseProjection(options.db, caseIds$, signatures.trusted, calendar));
  }

  const blobs = options.blobStore
    ? startBlobSync({ store: options.blobStore, couchUrl: base, fetch: f, keyFor: options.keyFor ?? (() => undefined), ownWrites: (db) => written.get(db) })
    : undefined;
  const active$ = combineLatest(replications.map((r) => r.active$));
  const sub = combineLatest([active$, reached$]).subscribe(([actives, reached]) => {
    const busy = actives.some(Boolean);
    if (reached === false) return patch({ state: 'offline' });
    if (busy) return patch({ state: 'syncing' });
    if (reached === true) {
      patch({ state: 'idle', error: null, lastSuccessAt: new Date().toISOString() });
      // Documents are up: their file contents may follow (a failure stays pending for next time).
      blobs?.uploadPending().catch(() => {});
    }
  });

  return {
    status$,
    targets$,
    blobs,
    conflicts,
    signatures,
    async masterStates(collection, ids) {
      const out: Record<string, Record<string, unknown> | undefined> = {};
      for (const [i, t] of options.targets.entries()) {
        if (t.collection !== collection || !t.push) continue;
        for (const [id, doc] of Object.entries(await assumedMasterStates(replications[i]!, ids))) out[id] ??= doc;
      }
      return out;
    },
    syncNow() {
      for (const n of notifiers.values()) n.poke();
      for (const r of replications) r.reSync();
    },
    async awaitInSync() {
      await Promise.all(replications.map((r) => r.awaitInSync()));
    },
    async stop() {
      sub.unsubscribe();
      for (const s of subs) s.unsubscribe();
      for (const n of notifiers.values()) n.stop();
      signatures.stop();
      await Promise.all(replications.map((r) => r.cancel()));
      await conflicts.flush();
    },
  };
}
