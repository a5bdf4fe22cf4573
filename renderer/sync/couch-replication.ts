// Replicates one RxDB collection with a CouchDB database that holds several kinds of document:
// pull reads the changes feed filtered to the collection's kinds, push writes with _bulk_docs
// after checking the server's current revisions (as RxDB's CouchDB plugin does), and a shared
// notifier (one long-poll for all collections) tells every collection when to pull.
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject, type Observable } from 'rxjs';
import { COLLECTIONS, type CollectionName } from '../../domain/model/collections';
import { padIndexFields } from '../../domain/model/indexing';
import { mergeEdits } from '../../domain/sync/merge';
import { MERGEABLE_TYPES } from '../../domain/sync/permissions';
import { checkShape } from '../../domain/sync/shape';
import { fromCouch, isMalformed, toCouch, type CouchDoc, type LocalDoc, type Malformed } from './couch-docs';
import { ownWrites, type OwnWrites } from './own-writes';
import { resolveStoredConflict } from './stored-conflicts';
import { readDocsById, readJson, type RemoteDb } from './remote';


export type Checkpoint = { readonly sequence: string | number };

export interface CollectionSyncOptions {
  readonly collection: RxCollection<Record<string, unknown> & { id: string }>;
  readonly remote: RemoteDb;
  readonly identifier: string;
  readonly types: readonly string[];
  readonly push: boolean;
  /** false: push only (an inspector's laptop gets its task package instead, renderer/sync/task-package.ts). */
  readonly pull?: boolean;
  /** Which local documents belong in this database (district plans: one database per street). */
  readonly accepts?: (doc: Record<string, unknown>) => boolean;
  /** Documents per push request. */
  readonly batchSize: number;
  /** Documents per pull batch (absent: as the push). */
  readonly pullBatchSize?: number;
  readonly retryTime: number;
  /** Revisions written to this database from here (shared with its notifier); absent: kept per collection. */
  readonly ownWrites?: OwnWrites;
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
  /** A pulled event or audit entry whose signature does not verify (renderer/sync/signature-check.ts). */
  | { readonly kind: 'signature'; readonly collection: string; readonly id: string; readonly reason: string }
  | {
      readonly kind: 'conflict';
      readonly collection: string;
      readonly id: string;
      readonly reason: string;
      readonly field: string;
      readonly kept: unknown;
      readonly lost: unknown;
    };

/**
 * Per local collection: the office of each pulled document not yet written to it, shared by the
 * replications that fill one collection from several office databases (a district plan: every
 * street of the district), so that two of them pulling one id at once do not both take it. Ids
 * are unique across offices; where two databases hold one id for records of two offices, the
 * first taken stays and the other is reported (`officeClash`), never mixed in.
 */
const takenFrom = new WeakMap<object, Map<string, string>>();
const takenIn = (collection: object): Map<string, string> => {
  if (!takenFrom.has(collection)) takenFrom.set(collection, new Map());
  return takenFrom.get(collection)!;
};

/**
 * Why a document pulled from this target's database may not replace what the local collection
 * holds under its id, or null: a record of another office of the plan (one this target does not
 * write back to). Taking it would turn the local record into the other office's — its next edit
 * (a district's hand-back ending a tenancy, say) would go to that office's database and the
 * record of this one would never change.
 */
function officeClash(taken: Map<string, string>, local: ReadonlyMap<string, { get(field: string): unknown }>, accepts: (doc: Record<string, unknown>) => boolean, doc: LocalDoc): string | null {
  const officeId = String((doc as Record<string, unknown>).officeId ?? '');
  if (!accepts(doc as Record<string, unknown>)) return null;
  const holder = taken.get(doc.id) ?? (local.has(doc.id) ? String(local.get(doc.id)!.get('officeId') ?? '') : undefined);
  if (holder === undefined || holder === officeId || accepts({ ...(doc as Record<string, unknown>), officeId: holder })) {
    taken.set(doc.id, officeId);
    return null;
  }
  return `记录编号 ${doc.id} 已被办事处 ${holder} 的另一条记录使用,本库(${officeId})的同号记录未取入:请信息科核查重复的记录编号`;
}

/** Rounds of a push batch that keeps losing write races on the server before it waits for RxDB's retry. */
export const MAX_RACE_ROUNDS = 5;

/** Editable kinds merged field by field on a conflict (domain/sync/merge.ts); others keep the server's. */
export const MERGED_TYPES = MERGEABLE_TYPES;

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

/** One reply row of `_bulk_docs`; `accepted`: a cluster took it on fewer copies than its write quorum. */
type BulkResult = { id: string; rev?: string; ok?: boolean; accepted?: boolean; error?: string; reason?: string };

export function replicateWithCouch(options: CollectionSyncOptions): RxReplicationState<Record<string, unknown>, Checkpoint> {
  const { collection, remote, types } = options;
  const name = collection.name;
  // The kinds' own required fields. The local schema also requires every indexed field (RxDB's
  // rule), which a central document may lack (an office, a staff key has no business item): those
  // are filled with their empty value, as the local insert hook does, never refused.
  const schema = COLLECTIONS[name as CollectionName];
  const required = schema ? schema.required : ((collection.schema.jsonSchema.required ?? []) as string[]).filter((f) => !f.startsWith('_'));
  const pad = (doc: LocalDoc): LocalDoc => (schema ? padIndexFields(schema, doc as Record<string, unknown>) as LocalDoc : doc);
  const stream$ = new Subject<'RESYNC'>();
  let skipAhead: { from: string | number; to: string | number } | undefined;
  /** Revisions this workstation wrote, so the pull does not fetch them back. */
  const own = options.ownWrites ?? ownWrites();
  const readDocs = (ids: readonly string[], what: string, withConflicts = false) => readDocsById<CouchDoc>(remote.url, remote.fetch, ids, what, withConflicts);
  const conflictContext = { remote, types, derive: options.derive, what: `合并${name}冲突版本` };
  const wakeSub = options.wake$.subscribe(() => stream$.next('RESYNC'));

  /** A document the server holds in conflicting versions, merged (stored-conflicts.ts); as shown where another resolved it first. */
  const resolved = async (found: CouchDoc, fetchBack = false): Promise<CouchDoc> => {
    const resolution = await resolveStoredConflict(conflictContext, found);
    if (!resolution) return found;
    if (!fetchBack) own.remember(resolution.doc._id, String(resolution.doc._rev));
    for (const c of resolution.conflicts) {
      options.onProblem({ kind: 'conflict', collection: name, id: resolution.doc._id, field: c.field, kept: c.kept, lost: c.lost, reason: `字段 ${c.field} 在两处都被修改,已保留较晚的修改` });
    }
    return resolution.doc;
  };

  /** Where this target's database is one of several filling the collection: pulled records that would replace another office's are left out and reported. */
  const withoutOfficeClashes = async (documents: LocalDoc[]): Promise<LocalDoc[]> => {
    const accepts = options.accepts;
    if (!accepts || documents.length === 0) return documents;
    const taken = takenIn(collection);
    const local = await collection.findByIds(documents.map((d) => d.id)).exec();
    return documents.filter((doc) => {
      const clash = officeClash(taken, local, accepts, doc);
      if (clash) options.onProblem({ kind: 'malformed', collection: name, id: doc.id, reason: clash });
      return !clash;
    });
  };

  const state = replicateRxCollection<Record<string, unknown>, Checkpoint>({
    collection: collection as unknown as RxCollection<Record<string, unknown>>,
    replicationIdentifier: options.identifier,
    live: true,
    retryTime: options.retryTime,
    waitForLeadership: false,
    autoStart: true,
    pull: options.pull === false ? undefined : {
      batchSize: options.pullBatchSize ?? options.batchSize,
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
          const wanted = reply.results.filter((row) => !own.take(row.id, (row.changes ?? []).map((c) => c.rev)));
          if (wanted.length > 0) {
            for (let found of await readDocs(wanted.map((r) => r.id), `读取${name}变更`, true)) {
              if (!found) continue;
              if (found._conflicts && MERGED_TYPES.includes(String(found.type))) found = await resolved(found);
              const doc = fromCouch(found, types, required);
              if (isMalformed(doc)) options.onProblem({ kind: 'malformed', collection: name, ...(doc as Malformed) });
              else documents.push(pad(doc));
            }
          }
          if (documents.length >= batchSize || reply.results.length < batchSize) break;
        }
        const taken = await withoutOfficeClashes(documents);
        skipAhead = taken.length === 0 ? { from, to: since } : undefined;
        return { documents: taken as never[], checkpoint: { sequence: since } };
      },
    },
    push: options.push
      ? {
          batchSize: options.batchSize,
          handler: async function pushRows(allRows, round = 0): Promise<never[]> {
            const rows = allRows.filter((row) => {
              const doc = row.newDocumentState as Record<string, unknown>;
              if (options.accepts && !options.accepts(doc)) return false;
              const shapeError = checkShape(toCouch(doc));
              if (shapeError) options.onProblem({ kind: 'malformed', collection: name, id: String(doc.id), reason: shapeError });
              return !shapeError;
            });
            if (rows.length === 0) return [];
            const conflicts: Record<string, unknown>[] = [];
            const mergedIds = new Set<string>();
            /** What to write for a row given the server's current version; conflicts and merges noted. */
            const decide = (row: (typeof rows)[number], remoteDoc: CouchDoc | null | undefined, toWrite: CouchDoc[], merges: Promise<void>[]) => {
              const out = toCouch(row.newDocumentState as Record<string, unknown>);
              if (!remoteDoc) return void toWrite.push(out);
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
                conflicts.push(pad(master));
              } else {
                options.onProblem({ kind: 'malformed', collection: name, id: master.id, reason: master.reason });
              }
            };
            /** Decides every row against the server's current versions, read in one request. */
            const decideAll = async (batch: typeof rows): Promise<CouchDoc[]> => {
              const current = await readDocs(batch.map((r) => String(r.newDocumentState.id)), `读取${name}当前版本`);
              const toWrite: CouchDoc[] = [];
              const merges: Promise<void>[] = [];
              batch.forEach((row, i) => decide(row, current[i], toWrite, merges));
              await Promise.all(merges);
              return toWrite;
            };
            // A document the server has never confirmed (no assumed master state) is written at
            // once: nearly always it is new there. Should it exist after all (a lost reply, another
            // workstation), CouchDB answers `conflict` and the row is decided like a checked one.
            // Rows with an assumed master state are checked first, as RxDB's CouchDB plugin does.
            const checked = rows.filter((r) => r.assumedMasterState);
            const toWrite = checked.length > 0 ? await decideAll(checked) : [];
            for (const row of rows) if (!row.assumedMasterState) toWrite.push(toCouch(row.newDocumentState as Record<string, unknown>));
            const optimistic = new Map(rows.filter((r) => !r.assumedMasterState).map((r) => [String(r.newDocumentState.id), r]));
            const againIds: string[] = [];
            const met: typeof rows = [];
            const unsure: { id: string; rev: string }[] = [];
            const sort = (r: BulkResult, first: boolean) => {
              const row = first && r.error === 'conflict' ? optimistic.get(r.id) : undefined;
              if (row) met.push(row);
              else if (r.error === 'conflict') againIds.push(r.id);
              else if (r.accepted && r.rev) unsure.push({ id: r.id, rev: r.rev });
            };
            for (const r of await bulkDocs(toWrite)) sort(r, true);
            if (met.length > 0) {
              const second = await decideAll(met);
              for (const r of second.length > 0 ? await bulkDocs(second) : []) sort(r, false);
            }
            // A cluster answers `accepted` (HTTP 202) when fewer shard copies than its write quorum
            // took the write: a copy that had not yet seen another writer's version took ours, and
            // ours may end as the losing leaf of a conflict the server stores. Read back: another
            // winner is merged with, as a conflict is; a stored conflict is merged at once and the
            // result fetched back by the pull.
            const unsureMerged = unsure.filter((u) => MERGED_TYPES.includes(String(rows.find((r) => String(r.newDocumentState.id) === u.id)?.newDocumentState.type)));
            if (unsureMerged.length > 0) {
              const found = await readDocs(unsureMerged.map((u) => u.id), `核对${name}上传结果`, true);
              for (const [i, doc] of found.entries()) {
                const stored = (doc as { _conflicts?: string[] } | null)?._conflicts?.length ?? 0;
                if (!doc || (doc._rev === unsureMerged[i]!.rev && stored === 0)) continue;
                if (stored > 0) await resolved(doc, true);
                else againIds.push(doc._id);
              }
            }
            // Another write got in between the check and ours: editable kinds go round again, to be
            // merged with it; the others go to RxDB's conflict handler, which keeps the server's.
            const retry = rows.filter((r) => againIds.includes(String(r.newDocumentState.id)) && MERGED_TYPES.includes(String(r.newDocumentState.type)));
            const rest = againIds.filter((id) => !retry.some((r) => String(r.newDocumentState.id) === id));
            if (rest.length > 0) {
              for (const doc of await readDocs(rest, `读取${name}冲突版本`)) {
                const local = doc && fromCouch(doc, types, []);
                if (local && !isMalformed(local)) conflicts.push(pad(local));
              }
            }
            if (retry.length > 0) {
              // A writer that keeps winning the race: give up for now; RxDB retries the batch later
              // (what was written is then seen as already there).
              if (round + 1 >= MAX_RACE_ROUNDS) throw new Error(`上传${name}时服务器上的记录一再被同时修改,稍后重试`);
              conflicts.push(...(await pushRows(retry, round + 1)));
            }
            /** Writes documents; echoes remembered, refusals reported; returns every reply. */
            async function bulkDocs(docs: CouchDoc[]) {
              const write = async () => {
                const results = await readJson<BulkResult[]>(
                  await remote.fetch(`${remote.url}/_bulk_docs`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ docs }),
                  }),
                  `上传${name}`,
                );
                for (const r of results) if (r.rev && !r.error && !mergedIds.has(r.id)) own.remember(r.id, r.rev);
                return results;
              };
              const results = await own.track(write());
              for (const r of results) {
                if (r.error && r.error !== 'conflict') options.onProblem({ kind: 'refused', collection: name, id: r.id, reason: r.reason ?? r.error });
              }
              return results;
            }
            return conflicts as never[];
          },
        }
      : undefined,
  });
  // Written locally: from now on the local document tells whose it is.
  const writtenSub = options.accepts
    ? state.received$.subscribe((doc) => {
        const taken = takenIn(collection);
        if (taken.get(String(doc.id)) === doc.officeId) taken.delete(String(doc.id));
      })
    : undefined;
  state.canceled$.subscribe((canceled) => {
    if (!canceled) return;
    wakeSub.unsubscribe();
    writtenSub?.unsubscribe();
  });
  return state;
}
