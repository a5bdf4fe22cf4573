// The events of many cases at once. Through RxDB each case is a query of its own (a transaction
// each); on the Dexie storage the [caseId, at] index is read in one transaction, a range per case
// read with getAll, the requests pipelined. Other storages fall back to a query per case.
import type { RxCollection } from 'rxdb';
import type { CaseEvent } from '../../domain/workflow';
import type { AnyDoc } from '../db/database';
import { rawFind } from './dashboard-full';

/** The part of RxDB's Dexie storage internals read here (rxdb/plugins/storage-dexie, pinned version). */
interface DexieInternals {
  readonly dexieDb?: { transaction<T>(mode: 'r', table: unknown, scope: () => Promise<T>): Promise<T> };
  readonly dexieTable?: {
    where(index: string): { between(lower: unknown[], upper: unknown[]): { toArray(): Promise<Record<string, unknown>[]> } };
  };
}

const BATCH = 200;
/** RxDB's Dexie storage prefixes every index with `_deleted`, stored as '0' / '1'. */
const LIVE = '0';

/** Each case's events in the order of their time. Deleted events are left out. */
export async function histories(events: RxCollection<AnyDoc>, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const out = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const internals = (await (events.storageInstance as unknown as { internals?: Promise<DexieInternals> | DexieInternals }).internals) ?? {};
  const { dexieDb, dexieTable } = internals;
  if (dexieDb && dexieTable) {
    // One read transaction; each case's range is read with getAll, the requests pipelined.
    await dexieDb.transaction('r', dexieTable, () =>
      Promise.all(
        caseIds.map(async (id) => {
          const docs = await dexieTable.where('[_deleted+caseId+at]').between([LIVE, id, ''], [LIVE, id, '\uffff']).toArray();
          out.set(id, docs as unknown as CaseEvent[]);
        }),
      ),
    );
    return out;
  }
  for (let i = 0; i < caseIds.length; i += BATCH) {
    await Promise.all(
      caseIds.slice(i, i + BATCH).map(async (caseId) => {
        const list = await rawFind(events, { selector: { caseId, at: { $gt: '' } }, index: ['caseId', 'at'], sort: [{ caseId: 'asc' }, { at: 'asc' }] });
        out.set(caseId, list as unknown as CaseEvent[]);
      }),
    );
  }
  return out;
}
