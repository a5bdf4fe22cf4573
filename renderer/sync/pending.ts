// Pending counts: how many local documents of a replicated collection the server does not have
// yet. Read from RxDB's own replication bookkeeping, the way its upstream decides what to push:
// documents written after the upstream checkpoint (the fork's `_meta.lwt` order) whose state is
// not the one the meta instance records as the server's (written there after every successful
// push and pull). Documents this target does not send (`accepts`) are not counted.
import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  writeDocToDocState,
  type RxDocumentData,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { Observable, merge } from 'rxjs';

/** Documents read per step while counting. */
export const PENDING_PAGE = 500;
/** Counting may take at most this share of the time (a big backlog is counted less often). */
export const PENDING_MAX_LOAD = 0.1;
export const PENDING_MIN_INTERVAL_MS = 500;

type Doc = Record<string, unknown>;

export async function countPending<C>(rep: RxReplicationState<Doc, C>, accepts?: (doc: Doc) => boolean): Promise<number> {
  await rep.startPromise;
  const state = rep.internalReplicationState as RxStorageInstanceReplicationState<Doc> | undefined;
  if (!state || !rep.push || state.events.canceled.getValue()) return 0;
  const { forkInstance, metaInstance, conflictHandler, identifier } = state.input;
  // The upstream checkpoint as stored (read directly: RxDB's getLastCheckpointDoc also updates its state).
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: '1', itemId: 'up' });
  const [checkpointDoc] = await metaInstance.findDocumentsById([checkpointId], false);
  let since: unknown = checkpointDoc?.checkpointData;
  let pending = 0;
  for (;;) {
    if (state.events.canceled.getValue()) return pending;
    const page = await getChangedDocumentsSince<Doc, unknown>(forkInstance, PENDING_PAGE, since);
    if (page.documents.length === 0) return pending;
    const ids = page.documents.map((d) => String(d[state.primaryPath]));
    const master = await getAssumedMasterState(state, ids);
    for (const doc of page.documents as RxDocumentData<Doc>[]) {
      const docState = writeDocToDocState(doc, state.hasAttachments, !!state.input.keepMeta) as Doc;
      const known = master[String(doc[state.primaryPath])];
      // The two tests RxDB's upstream makes before sending a document (replication-protocol/upstream.ts).
      const onServer =
        known !== undefined &&
        ((known.metaDocument.isResolvedConflict !== doc._rev && conflictHandler.isEqual(known.docData as never, docState as never, 'upstream-check-if-equal')) ||
          ((known.docData as Doc)._rev !== undefined && getHeightOfRevision(doc._rev) === doc._meta[identifier]));
      if (!onServer && (!accepts || accepts(docState))) pending++;
    }
    since = page.checkpoint;
  }
}

/**
 * Emits the pending count now and again after every local write and every change of the
 * replication's activity (a push done, a retry), at most once per `PENDING_MIN_INTERVAL_MS` and so
 * that counting never takes more than PENDING_MAX_LOAD of the time.
 */
export function watchPending<C>(
  rep: RxReplicationState<Doc, C>,
  changes$: Observable<unknown>,
  accepts?: (doc: Doc) => boolean,
): Observable<number> {
  return new Observable<number>((subscriber) => {
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let notBefore = 0;
    const run = async () => {
      timer = undefined;
      running = true;
      again = false;
      const started = Date.now();
      try {
        const n = await countPending(rep, accepts);
        if (!closed) subscriber.next(n);
      } catch {
        // The database is closing or the storage is busy: the next trigger counts again.
      }
      const took = Date.now() - started;
      notBefore = Date.now() + Math.max(PENDING_MIN_INTERVAL_MS, (took * (1 - PENDING_MAX_LOAD)) / PENDING_MAX_LOAD);
      running = false;
      if (again && !closed) schedule();
    };
    const schedule = () => {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      if (timer === undefined) timer = setTimeout(() => void run(), Math.max(0, notBefore - Date.now()));
    };
    // active$ replays its current value: the first count starts at once.
    const sub = merge(changes$, rep.active$).subscribe(() => schedule());
    return () => {
      closed = true;
      sub.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  });
}
