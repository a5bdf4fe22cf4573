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

/** The count, or null when `goOn` said to stop before it was done. */
export async function countPending<C>(
  rep: RxReplicationState<Doc, C>,
  accepts?: (doc: Doc) => boolean,
  goOn: () => boolean = () => true,
): Promise<number | null> {
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
    if (state.events.canceled.getValue() || !goOn()) return null;
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
 * that counting never takes more than PENDING_MAX_LOAD of the time. While `allowed$` says no (a
 * push is under way and getting through: the count would be stale at once and would slow it), no
 * count runs and a running one stops; the count follows when the push is done or stuck.
 */
export function watchPending<C>(
  rep: RxReplicationState<Doc, C>,
  changes$: Observable<unknown>,
  allowed$: Observable<boolean>,
  accepts?: (doc: Doc) => boolean,
): Observable<number> {
  return new Observable<number>((subscriber) => {
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let notBefore = 0;
    let allowed = false;
    let wanted = true;
    const run = async () => {
      timer = undefined;
      if (!allowed) return;
      running = true;
      again = false;
      wanted = false;
      const started = Date.now();
      try {
        const n = await countPending(rep, accepts, () => allowed && !closed);
        if (n === null) wanted = true;
        else if (!closed) subscriber.next(n);
      } catch {
        // The database is closing or the storage is busy: the next trigger counts again.
      }
      const took = Date.now() - started;
      notBefore = Date.now() + Math.max(PENDING_MIN_INTERVAL_MS, (took * (1 - PENDING_MAX_LOAD)) / PENDING_MAX_LOAD);
      running = false;
      if (again && !closed) schedule();
    };
    const schedule = () => {
      wanted = true;
      if (closed || !allowed) return;
      if (running) {
        again = true;
        return;
      }
      if (timer === undefined) timer = setTimeout(() => void run(), Math.max(0, notBefore - Date.now()));
    };
    const gate = allowed$.subscribe((ok) => {
      allowed = ok;
      if (ok && wanted) schedule();
    });
    // active$ replays its current value: the first count starts as soon as it is allowed.
    const sub = merge(changes$, rep.active$).subscribe(() => schedule());
    return () => {
      closed = true;
      gate.unsubscribe();
      sub.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  });
}
