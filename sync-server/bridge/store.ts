// Where the bridge keeps its state, all in CouchDB through documented APIs:
// - per office database, `_local/hws-bridge`: the checkpoint (the last `_changes` sequence whose
//   records are delivered) and the outbox (the requests being delivered, as document ids and
//   revisions only: never clear values);
// - `hws-bridge` (admin-only): one lease document per office database, `lease:<db>`;
// - `hws-bridge-dead` (admin-only): dead letters, one per refused revision.
import { CouchError, type CouchClient } from '../couch';

export const BRIDGE_DB = 'hws-bridge';
export const DEAD_DB = 'hws-bridge-dead';
export const STATE_ID = '_local/hws-bridge';

export interface Ref {
  readonly id: string;
  readonly rev: string;
}

export interface OutboxRequest {
  readonly schema: string;
  readonly refs: readonly Ref[];
}

export interface BridgeState {
  readonly _rev?: string;
  /** The last sequence whose changes are delivered (0: from the start). */
  readonly seq: string | number;
  readonly outbox: { readonly nextSeq: string | number; readonly requests: readonly OutboxRequest[] } | null;
  readonly owner?: string;
  readonly updatedAt?: string;
}

export const dbPath = (db: string): string => `/${encodeURIComponent(db)}`;

export async function ensureBridgeDatabases(couch: CouchClient): Promise<void> {
  for (const db of [BRIDGE_DB, DEAD_DB]) {
    try {
      await couch.request('PUT', dbPath(db));
    } catch (e) {
      if (!(e instanceof CouchError && e.status === 412)) throw e;
    }
    const wanted = { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } };
    const current = await couch.request<{ members?: { roles?: string[] } }>('GET', `${dbPath(db)}/_security`);
    if (!current.members?.roles?.includes('_admin')) await couch.request('PUT', `${dbPath(db)}/_security`, wanted);
  }
}

export async function readState(couch: CouchClient, db: string): Promise<BridgeState> {
  return (await couch.getOrUndefined<BridgeState>(`${dbPath(db)}/${STATE_ID}`)) ?? { seq: 0, outbox: null };
}

/** Writes the state over `previous` (its _rev); a 409 means another instance wrote it: the caller lost its lease. */
export async function writeState(couch: CouchClient, db: string, previous: BridgeState, next: Omit<BridgeState, '_rev'>): Promise<BridgeState> {
  const body = { ...next, updatedAt: new Date().toISOString(), ...(previous._rev ? { _rev: previous._rev } : {}) };
  const res = await couch.request<{ rev: string }>('PUT', `${dbPath(db)}/${STATE_ID}`, body);
  return { ...body, _rev: res.rev };
}

/** Numeric part of a CouchDB sequence (a cluster's sequences are `N-opaque`; N sums the shards' counters). */
export function seqNumber(seq: string | number): number {
  if (typeof seq === 'number') return seq;
  const n = Number.parseInt(seq, 10);
  return Number.isNaN(n) ? 0 : n;
}

export interface DeadLetter {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'bridge_dead_letter';
  readonly db: string;
  readonly officeId: string;
  readonly docId: string;
  readonly rev: string;
  readonly docType: string;
  readonly schema: string;
  readonly reason: string;
  readonly at: string;
  readonly attempts: number;
  readonly status: 'dead' | 'redriven';
  readonly redrivenAt?: string;
}

export const deadLetterId = (db: string, ref: Ref): string => `dl:${db}:${ref.id}:${ref.rev}`;

/** Records a refused revision once; answers whether it is new. */
export async function putDeadLetter(couch: CouchClient, letter: Omit<DeadLetter, '_id' | 'type' | 'at' | 'attempts' | 'status'>): Promise<boolean> {
  const _id = deadLetterId(letter.db, { id: letter.docId, rev: letter.rev });
  const doc: DeadLetter = { _id, type: 'bridge_dead_letter', ...letter, at: new Date().toISOString(), attempts: 1, status: 'dead' };
  try {
    await couch.request('PUT', `${dbPath(DEAD_DB)}/${encodeURIComponent(_id)}`, doc);
    return true;
  } catch (e) {
    if (e instanceof CouchError && e.status === 409) return false;
    throw e;
  }
}

/** Documents at exactly these revisions (`_bulk_get`); a revision no longer stored is left out. */
export async function fetchRevisions(couch: CouchClient, db: string, refs: readonly Ref[]): Promise<Map<string, Record<string, unknown> & { _id: string; _rev: string }>> {
  const out = new Map<string, Record<string, unknown> & { _id: string; _rev: string }>();
  if (refs.length === 0) return out;
  type Result = { docs: { ok?: Record<string, unknown> & { _id: string; _rev: string } }[] };
  const res = await couch.request<{ results: Result[] }>('POST', `${dbPath(db)}/_bulk_get`, { docs: refs.map((r) => ({ id: r.id, rev: r.rev })) });
  for (const r of res.results) for (const d of r.docs) if (d.ok && !d.ok._deleted) out.set(`${d.ok._id} ${d.ok._rev}`, d.ok);
  return out;
}
