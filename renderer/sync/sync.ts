// The sync module: replicates the local collections with the office's central databases and
// reports one state the UI can show: offline, syncing, error with reason, or up to date since.
import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, combineLatest } from 'rxjs';
import { REFERENCE_DB, officeDbName } from '../../domain/sync/databases';
import type { CollectionName } from '../../domain/model';
import { typesOf, type WorkstationDb } from '../db/database';
import { replicateWithCouch, type Checkpoint, type SyncProblem } from './couch-replication';
import { startNotifier, type Notifier } from './notifier';
import { authFetch, detectFilterMode, type RemoteDb } from './remote';

export const BATCH_SIZE = 100;
export const RETRY_TIME_MS = 3_000;
export const LONGPOLL_TIMEOUT_MS = 25_000;
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 30_000;
export const MAX_PROBLEMS_KEPT = 200;

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
}

/** What a street workstation replicates: its office's records both ways, reference data down. */
export function officeSyncPlan(officeId: string, collections: readonly CollectionName[]): SyncTarget[] {
  const office = officeDbName(officeId);
  return collections
    .filter((c) => c !== 'staff')
    .map((c) => (c === 'reference' ? { collection: c, database: REFERENCE_DB, push: false } : { collection: c, database: office, push: true }));
}

export interface SyncOptions {
  readonly db: WorkstationDb;
  readonly couchUrl: string;
  readonly username: string;
  readonly password: string;
  readonly targets: readonly SyncTarget[];
}

export interface Sync {
  readonly status$: BehaviorSubject<SyncStatus>;
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
  const f = authFetch(options.username, options.password, connectivity);
  const base = options.couchUrl.replace(/\/+$/, '');
  const filterMode = await detectFilterMode(base, f).catch(() => 'design' as const);

  const notifiers = new Map<string, Notifier>();
  const replications: RxReplicationState<Record<string, unknown>, Checkpoint>[] = [];
  const onProblem = (problem: SyncProblem) => patch({ problems: [...status$.value.problems, problem].slice(-MAX_PROBLEMS_KEPT) });

  for (const target of options.targets) {
    const remote: RemoteDb = { url: `${base}/${target.database}`, fetch: f, filterMode };
    let notifier = notifiers.get(target.database);
    if (!notifier) {
      notifier = startNotifier({ remote, longpollTimeoutMs: LONGPOLL_TIMEOUT_MS, retryMinMs: RETRY_MIN_MS, retryMaxMs: RETRY_MAX_MS });
      notifiers.set(target.database, notifier);
    }
    const collection = options.db.collections[target.collection] as unknown as RxCollection<Record<string, unknown> & { id: string }>;
    const rep = replicateWithCouch({
      collection,
      remote,
      identifier: `couch-${target.database}-${target.collection}`,
      types: typesOf(target.collection),
      push: target.push,
      batchSize: BATCH_SIZE,
      retryTime: RETRY_TIME_MS,
      wake$: notifier.wake$,
      onProblem,
    });
    rep.error$.subscribe((err) => {
      if (reached$.value === false) return; // shown as offline, not as an error
      const cause = (err as { parameters?: { errors?: { message?: string }[] } }).parameters?.errors?.[0]?.message;
      patch({ state: 'error', error: cause ?? err.message });
    });
    replications.push(rep);
  }

  const active$ = combineLatest(replications.map((r) => r.active$));
  const sub = combineLatest([active$, reached$]).subscribe(([actives, reached]) => {
    const busy = actives.some(Boolean);
    if (reached === false) return patch({ state: 'offline' });
    if (busy) return patch({ state: 'syncing' });
    if (reached === true) patch({ state: 'idle', error: null, lastSuccessAt: new Date().toISOString() });
  });

  return {
    status$,
    syncNow() {
      for (const n of notifiers.values()) n.poke();
      for (const r of replications) r.reSync();
    },
    async awaitInSync() {
      await Promise.all(replications.map((r) => r.awaitInSync()));
    },
    async stop() {
      sub.unsubscribe();
      for (const n of notifiers.values()) n.stop();
      await Promise.all(replications.map((r) => r.cancel()));
    },
  };
}
