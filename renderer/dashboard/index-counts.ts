// Many index counts at once. Through RxDB each count is a transaction of its own; on the Dexie
// storage they are read in one transaction, straight on the index RxDB made (every index is
// prefixed with `_deleted`, stored as '0' / '1'). Other storages count through RxDB.
import Dexie from 'dexie';
import type { RxCollection } from 'rxdb';
import type { AnyDoc } from '../db/database';

/** Documents whose first index fields equal `equals`, and the next one within `range` (if given). */
export interface IndexCount {
  readonly index: readonly string[];
  readonly equals: readonly string[];
  readonly range?: { readonly gt?: string; readonly gte?: string; readonly lt?: string };
}

interface DexieInternals {
  readonly dexieDb?: { transaction<T>(mode: 'r', table: unknown, scope: () => Promise<T>): Promise<T> };
  readonly dexieTable?: { where(index: string): { between(lower: unknown[], upper: unknown[], includeLower: boolean, includeUpper: boolean): { count(): Promise<number> } } };
}

const LIVE = '0';

export async function countMany(collection: RxCollection<AnyDoc>, counts: readonly IndexCount[]): Promise<number[]> {
  const { dexieDb, dexieTable } = ((await (collection.storageInstance as unknown as { internals?: Promise<DexieInternals> }).internals) ?? {}) as DexieInternals;
  if (!dexieDb || !dexieTable) return Promise.all(counts.map((c) => rxCount(collection, c)));
  return dexieDb.transaction('r', dexieTable, () =>
    Promise.all(
      counts.map((c) => {
        const rest = c.index.length - c.equals.length - (c.range ? 1 : 0);
        if (rest < 0 || (c.range && rest > 0)) throw new Error(`a range is counted on the last field of the index only: ${c.index.join(', ')}`);
        const low = c.range ? [c.range.gt ?? c.range.gte ?? Dexie.minKey] : [];
        const high = c.range ? [c.range.lt ?? Dexie.maxKey] : [];
        const pad = (k: unknown) => Array.from({ length: rest }, () => k);
        return dexieTable
          .where(`[_deleted+${c.index.join('+')}]`)
          .between([LIVE, ...c.equals, ...low, ...pad(Dexie.minKey)], [LIVE, ...c.equals, ...high, ...pad(Dexie.maxKey)], c.range?.gt === undefined, c.range?.lt === undefined)
          .count();
      }),
    ),
  );
}

/** The same count through RxDB (storage.count on its prepared query). */
async function rxCount(collection: RxCollection<AnyDoc>, c: IndexCount): Promise<number> {
  const selector: Record<string, unknown> = Object.fromEntries(c.equals.map((v, i) => [c.index[i]!, v]));
  if (c.range) selector[c.index[c.equals.length]!] = Object.fromEntries(Object.entries(c.range).map(([k, v]) => [`$${k}`, v]));
  const prepared = collection.find({ selector, index: [...c.index] }).getPreparedQuery();
  return (await collection.storageInstance.count(prepared)).count;
}
