// The conflicts list, kept in one local document of the workstation's database (never
// replicated, no extra collection) so it survives a restart. A person keeps the merged value or
// uses the other one: that value is written into the local document, which then syncs as an
// ordinary edit, and the choice goes into the audit trail.
import { BehaviorSubject } from 'rxjs';
import { AppError } from '../../domain/errors';
import type { CollectionName } from '../../domain/model';
import { addConflict, conflictKey, followingValues, type ConflictChoice, type ConflictRecord } from '../../domain/sync/conflicts';
import { recordAudit, type AuditContext } from '../audit/audit-log';
import type { WorkstationDb } from '../db/database';
import type { SyncProblem } from './couch-replication';

export const CONFLICTS_LOCAL_ID = 'sync-conflicts';

export interface ConflictStore {
  /** Every kept conflict, open and resolved, oldest first. */
  readonly conflicts$: BehaviorSubject<readonly ConflictRecord[]>;
  record(problem: Extract<SyncProblem, { kind: 'conflict' }>): Promise<void>;
  /** Keeps the merged value: the conflict is closed, the document is not touched. */
  keep(key: string, by?: AuditContext): Promise<void>;
  /** Writes the value the merge set aside into the local document and closes the conflict. */
  useOther(key: string, by?: AuditContext): Promise<void>;
  /** Resolves when every write so far is stored. */
  flush(): Promise<void>;
}

export async function openConflictStore(db: WorkstationDb): Promise<ConflictStore> {
  const stored = await db.getLocal<{ items: ConflictRecord[] }>(CONFLICTS_LOCAL_ID);
  const conflicts$ = new BehaviorSubject<readonly ConflictRecord[]>(stored?.get('items') ?? []);
  let queue: Promise<unknown> = Promise.resolve();
  /** Serialised read-change-write of the list. */
  const update = (change: (items: readonly ConflictRecord[]) => readonly ConflictRecord[]): Promise<void> => {
    const next = queue.then(async () => {
      const items = change(conflicts$.value);
      await db.upsertLocal(CONFLICTS_LOCAL_ID, { items });
      conflicts$.next(items);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const open = (key: string) => {
    const c = conflicts$.value.find((x) => x.key === key && x.resolution === null);
    if (!c) throw new AppError('NOT_FOUND', '该冲突已处理或不存在');
    return c;
  };
  const close = async (c: ConflictRecord, choice: ConflictChoice, by?: AuditContext) => {
    const at = new Date().toISOString();
    await update((items) => items.map((x) => (x.key === c.key ? { ...x, resolution: { choice, at, by: by?.user.name ?? null } } : x)));
    if (by) await recordAudit(by, 'sync_conflict', c.docId, { op: choice, collection: c.collection, field: c.field });
  };
  return {
    conflicts$,
    record(p) {
      const c: ConflictRecord = {
        key: conflictKey(p.collection, p.id, p.field),
        collection: p.collection,
        docId: p.id,
        field: p.field,
        // An absent value (field missing on that side) stays absent: stored JSON drops undefined.
        kept: p.kept,
        lost: p.lost,
        at: new Date().toISOString(),
        resolution: null,
      };
      return update((items) => addConflict(items, c));
    },
    async keep(key, by) {
      await close(open(key), 'keep', by);
    },
    async useOther(key, by) {
      const c = open(key);
      const collection = db.collections[c.collection as CollectionName];
      const doc = collection ? await collection.findOne(c.docId).exec() : null;
      if (!doc) throw new AppError('NOT_FOUND', '找不到该记录,无法改用另一值');
      const updatedAt = new Date().toISOString();
      // A name brings its search key along; that field's own conflict is then settled too.
      const following = followingValues(String(doc.get('type')), c.field, c.lost);
      await doc.incrementalModify((d) => {
        const out: Record<string, unknown> = { ...d, ...following, updatedAt };
        if (c.lost === undefined) delete out[c.field];
        else out[c.field] = c.lost;
        return out as typeof d;
      });
      await close(c, 'use_other', by);
      for (const f of Object.keys(following)) {
        const settled = conflicts$.value.find((x) => x.key === conflictKey(c.collection, c.docId, f) && x.resolution === null);
        if (settled) await close(settled, 'use_other', by);
      }
    },
    flush: () => queue.then(() => undefined),
  };
}
