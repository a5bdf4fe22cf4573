// Replicates one RxDB collection with a CouchDB database that holds several kinds of document:
// pull reads the changes feed filtered to the collection's kinds, push writes with _bulk_docs
// after checking the server's current revisions (as RxDB's CouchDB plugin does), and a shared
// notifier (one long-poll for all collections) tells every collection when to pull.
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject, type Observable } from 'rxjs';
import { mergeEdits } from '../../domain/sync/merge';
import { checkShape } from '../../domain/sync/shape';
import { fromCouch, isMalformed, toCouch, type CouchDoc, type LocalDoc, type Malformed } from './couch-docs';
import { readJson, type RemoteDb } from './remote';

/** Bound on remembered own revisions (a long offline burst is then fetched back, harmlessly). */
const MAX_ECHOES = 50_000;

export type Checkpoint = { readonly sequence: string | number };

export interface CollectionSyncOptions {
  readonly collection: RxCollection<Record<string, unknown> & { id: string }>;
  readonly remote: RemoteDb;
  readonly identifier: string;
  readonly types: readonly string[];
  readonly push: boolean;
  /** Which local documents belong in this database (district plans: one database per street). */
  readonly accepts?: (doc: Record<string, unknown>) => boolean;
  readonly batchSize: number;
  readonly retryTime: number;
  /** Emits whenever the server's database may have changed. */
  readonly wake$: Observable<unknown>;
  /** Documents the server sent that failed the checks, and writes the server refused. */
  readonly onProblem: (problem: SyncProblem) => void;
  /** Fields of a document that are derived from other local data (a case's status from its events), used when merging. */
  readonly derive?: (doc: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;
}

export type SyncProblem =
  | { readonly kind: 'malformed'; readonly collection: string; readonly id: string; readonly reason: string }
  | { readonly kind: 'refused'; readonly collection: string; readonly id: string; readonly reason: string }
  | {
      readonly kind: 'conflict';
      readonly collection: string;
      readonly id: string;
      readonly reason: string;
      readonly field: string;
      readonly kept: unknown;
      readonly lost: unknown;
    };

/** Editable kinds merged field by field on a conflict (domain/sync/merge.ts); others keep the server's. */
export const MERGED_TYPES: readonly string[] = ['person', 'household', 'case'];

interface ChangesReply {
  readonly results: { readonly id: string; readonly changes?: { readonly rev: string }[]; readonly deleted?: boolean }[];
  readonly last_seq: string | number;
}

function changesRequest(remote: RemoteDb, types: readonly string[], since: string | number, limit: number): [string, RequestInit] {
  const base = `${remote.url}/_changes?style=all_docs&limit=${limit}&since=${encodeURIComponent(String(since))}`;
  if (remote.filterMode === 'selector') {
    return [
      `${base}&filter=_selector`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ selector: { type: { $in: types } } }) },
    ];
  }
  return [`${base}&filter=hws/by_type&types=${encodeURIComponent(types.join(','))}`, { method: 'GET' }];
}

export function replicateWithCouch(options: CollectionSyncOptions): RxReplicationState<Record<string, unknown>, Checkpoint> {
  const { collection, remote, types } = options;
  const name = collection.name;
  // RxDB adds its own bookkeeping fields (_rev, _meta, …) to the schema's required list.
  const required = ((collection.schema.jsonSchema.required ?? []) as string[]).filter((f) => !f.startsWith('_'));
  const stream$ = new Subject<'RESYNC'>();
  let skipAhead: { from: string | number; to: string | number } | undefined;
  /** Revisions this replication wrote, so the pull does not fetch them back. */
  const pushedRevs = new Map<string, string>();
  const wakeSub = options.wake$.subscribe(() => stream$.next('RESYNC'));

  const state = replicateRxCollection<Record<string, unknown>, Checkpoint>({
    collection: collection as unknown as RxCollection<Record<string, unknown>>,
    replicationIdentifier: options.identifier,
    live: true,
    retryTime: options.retryTime,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: options.batchSize,
      stream$: stream$.asObservable(),
      async handler(checkpoint, batchSize) {
        // RxDB keeps the old checkpoint when a batch brings no documents, so a collection with
        // nothing new would re-read the whole feed on every wake: remember how far it got.
        const from = checkpoint?.sequence ?? 0;
        let since = skipAhead && skipAhead.from === from ? skipAhead.to : from;
        const documents: LocalDoc[] = [];
        // RxDB ends a pull at a batch smaller than batchSize: read on until the batch is full or
        // the feed ends, since our own uploads (echoes) and malformed documents are left out.
        for (;;) {
          const [url, init] = changesRequest(remote, types, since, batchSize);
          const reply = await readJson<ChangesReply>(await remote.fetch(url, init), `读取${name}变更`);
          if (!Array.isArray(reply.results)) throw new Error(`服务器返回的${name}变更格式不正确`);
          since = reply.last_seq;
          const wanted = reply.results.filter((row) => {
            const revs = row.changes ?? [];
            const echo = revs.length === 1 && pushedRevs.get(row.id) === revs[0]!.rev;
            if (echo) pushedRevs.delete(row.id);
            return !echo;
          });
          if (wanted.length > 0) {
            const rows = await readJson<{ rows: { id: string; doc?: unknown }[] }>(
              await remote.fetch(`${remote.url}/_all_docs?include_docs=true`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ keys: wanted.map((r) => r.id) }),
              }),
              `读取${name}变更`,
            );
            for (const row of rows.rows) {
              if (!row.doc) continue;
              const doc = fromCouch(row.doc, types, required);
              if (isMalformed(doc)) options.onProblem({ kind: 'malformed', collection: name, ...(doc as Malformed) });
              else documents.push(doc);
            }
          }
          if (documents.length >= batchSize || reply.results.length < batchSize) break;
        }
        skipAhead = documents.length === 0 ? { from, to: since } : undefined;
        return { documents: documents as never[], checkpoint: { sequence: since } };
      },
    },
    push: options.push
      ? {
          batchSize: options.batchSize,
          async handler(allRows) {
            const rows = allRows.filter((row) => {
              const doc = row.newDocumentState as Record<string, unknown>;
              if (options.accepts && !options.accepts(doc)) return false;
              const shapeError = checkShape(toCouch(doc));
              if (shapeError) options.onProblem({ kind: 'malformed', collection: name, id: String(doc.id), reason: shapeError });
              return !shapeError;
            });
            if (rows.length === 0) return [];
            const ids = rows.map((r) => String(r.newDocumentState.id));
            const current = await readJson<{ rows: { key: string; value?: { rev: string }; doc?: CouchDoc | null }[] }>(
              await remote.fetch(`${remote.url}/_all_docs?include_docs=true`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ keys: ids }),
              }),
              `读取${name}当前版本`,
            );
            const conflicts: Record<string, unknown>[] = [];
            const toWrite: CouchDoc[] = [];
            const mergedIds = new Set<string>();
            const merges: Promise<void>[] = [];
            rows.forEach((row, i) => {
              const remoteDoc = current.rows[i]?.doc;
              const out = toCouch(row.newDocumentState as Record<string, unknown>);
              if (!remoteDoc) return toWrite.push(out);
              const master = fromCouch(remoteDoc, types, []);
              const assumed = row.assumedMasterState;
              // Already there (e.g. the reply to an earlier upload was lost): nothing to write.
              if (!isMalformed(master) && collection.conflictHandler.isEqual(master as never, row.newDocumentState as never, 'push')) return;
              if (!isMalformed(master) && assumed && collection.conflictHandler.isEqual(master as never, assumed as never, 'push')) {
                // Keep the attachment stubs: an update without them would drop the file content.
                toWrite.push({ ...out, _rev: remoteDoc._rev, ...(remoteDoc._attachments ? { _attachments: remoteDoc._attachments } : {}) });
              } else if (!isMalformed(master) && MERGED_TYPES.includes(String(master.type))) {
                // Edited on both sides while apart: merge (derived fields derived again from local
                // data), write the result over the server's version, keep the losing values for a
                // person to review (the IT view).
                const base = assumed ? (assumed as Record<string, unknown>) : null;
                const derived = options.derive ? options.derive(master) : Promise.resolve(undefined);
                merges.push(derived.then((d) => {
                  const { merged, conflicts: lost } = mergeEdits(base, row.newDocumentState as Record<string, unknown>, master, d);
                  for (const c of lost) {
                    options.onProblem({ kind: 'conflict', collection: name, id: master.id, field: c.field, kept: c.kept, lost: c.lost, reason: `字段 ${c.field} 在两处都被修改,已保留较晚的修改` });
                  }
                  const attachments = remoteDoc._attachments ? { _attachments: remoteDoc._attachments } : {};
                  mergedIds.add(master.id); // the merged version must come back down: not an echo
                  toWrite.push({ ...toCouch({ ...merged, id: master.id, _deleted: false }), _rev: remoteDoc._rev, ...attachments });
                }));
              } else if (!isMalformed(master)) {
                conflicts.push(master);
              } else {
                options.onProblem({ kind: 'malformed', collection: name, id: master.id, reason: master.reason });
              }
            });
            await Promise.all(merges);
            if (toWrite.length === 0) return conflicts as never[];
            const results = await readJson<{ id: string; rev?: string; ok?: boolean; error?: string; reason?: string }[]>(
              await remote.fetch(`${remote.url}/_bulk_docs`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ docs: toWrite }),
              }),
              `上传${name}`,
            );
            const againIds: string[] = [];
            for (const r of results) {
              if (r.rev && !r.error && !mergedIds.has(r.id) && pushedRevs.size < MAX_ECHOES) pushedRevs.set(r.id, r.rev);
              if (r.error === 'conflict') againIds.push(r.id);
              else if (r.error) options.onProblem({ kind: 'refused', collection: name, id: r.id, reason: r.reason ?? r.error });
            }
            if (againIds.length > 0) {
              const again = await readJson<{ rows: { doc?: CouchDoc }[] }>(
                await remote.fetch(`${remote.url}/_all_docs?include_docs=true`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ keys: againIds }),
                }),
                `读取${name}冲突版本`,
              );
              for (const row of again.rows) {
                const doc = row.doc && fromCouch(row.doc, types, []);
                if (doc && !isMalformed(doc)) conflicts.push(doc);
              }
            }
            return conflicts as never[];
          },
        }
      : undefined,
  });
  state.canceled$.subscribe((canceled) => {
    if (canceled) wakeSub.unsubscribe();
  });
  return state;
}
