// Sync health for IT: every workstation writes a small `sync_health:<workstation>` document to its
// office database (at start and every HEALTH_INTERVAL_MS), so the IT view of any workstation of
// the office sees all of them: state, last success, errors and pending documents per collection,
// problems, open conflicts, file uploads waiting. The document is replicated by no collection (its type belongs to none).
import { officeDbName } from '../../domain/sync/databases';
import { readJson, type RemoteDb } from './remote';
import type { Sync, TargetHealth } from './sync';

export const HEALTH_INTERVAL_MS = 5 * 60_000;

export interface HealthDoc {
  readonly _id: string;
  readonly type: 'sync_health';
  readonly schemaVersion: 1;
  readonly officeId: string;
  readonly workstationId: string;
  readonly userName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly state: string;
  readonly lastSuccessAt: string | null;
  readonly error: string | null;
  readonly problemCount: number;
  /** Conflicts found here that no one has decided yet (absent in reports of older versions). */
  readonly openConflicts?: number;
  readonly pendingFiles: number;
  readonly targets: readonly TargetHealth[];
}

export interface HealthOptions {
  readonly sync: Sync;
  readonly couchUrl: string;
  readonly fetch: RemoteDb['fetch'];
  readonly officeId: string;
  readonly workstationId: string;
  readonly userName: string;
}

export async function writeHealth(o: HealthOptions): Promise<void> {
  const url = `${o.couchUrl}/${officeDbName(o.officeId)}/${encodeURIComponent(`sync_health:${o.workstationId}`)}`;
  const current = await o.fetch(url);
  const old = current.ok ? ((await current.json()) as { _rev: string; createdAt: string }) : undefined;
  const status = o.sync.status$.value;
  const now = new Date().toISOString();
  const progress = o.sync.blobs?.progress$.value;
  const doc: Omit<HealthDoc, '_id'> & { _rev?: string } = {
    ...(old ? { _rev: old._rev } : {}),
    type: 'sync_health',
    schemaVersion: 1,
    officeId: o.officeId,
    workstationId: o.workstationId,
    userName: o.userName,
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
    state: status.state,
    lastSuccessAt: status.lastSuccessAt,
    error: status.error,
    problemCount: status.problems.length,
    openConflicts: o.sync.conflicts.conflicts$.value.filter((c) => c.resolution === null).length,
    pendingFiles: progress ? progress.docsTotal - progress.docsDone : 0,
    targets: o.sync.targets$.value,
  };
  await readJson(await o.fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) }), '写入同步状态');
}

/** Writes now and then every interval; failures are skipped (the next round retries). */
export function startHealthReporter(o: HealthOptions): () => void {
  const tick = () => void writeHealth(o).catch(() => {});
  tick();
  const timer = setInterval(tick, HEALTH_INTERVAL_MS);
  return () => clearInterval(timer);
}

export async function readOfficeHealth(couchUrl: string, f: RemoteDb['fetch'], officeId: string): Promise<HealthDoc[]> {
  const q = `startkey=${encodeURIComponent('"sync_health:"')}&endkey=${encodeURIComponent('"sync_health:\ufff0"')}&include_docs=true`;
  const reply = await readJson<{ rows: { doc: HealthDoc }[] }>(await f(`${couchUrl}/${officeDbName(officeId)}/_all_docs?${q}`), '读取同步状态');
  return reply.rows.map((r) => r.doc);
}
