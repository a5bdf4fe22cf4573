// Test and benchmark support: plain documents of the office collections, in bulk.
import type { AnyDoc, WorkstationDb } from '../db/database';
import { COLLECTIONS, type CollectionName } from '../../domain/model';
import { padIndexFields } from '../../domain/model/indexing';
import { BATCH_SIZE } from './sync';

const at = '2024-05-01T08:00:00.000Z';

export function personDocs(officeId: string, prefix: string, count: number): AnyDoc[] {
  return Array.from({ length: count }, (_, i) => padIndexFields(COLLECTIONS.people, {
    id: `person:${prefix}-${String(i).padStart(6, '0')}`,
    type: 'person',
    schemaVersion: 1,
    officeId,
    createdAt: at,
    updatedAt: at,
    name: `测试人${prefix}${i}`,
    nameKey: `测试人${prefix}${i}`.slice(0, 40),
    hukou: 'shenzhen',
  } as AnyDoc));
}

/**
 * Inserts in chunks no larger than the push batch: every chunk gets its own write time, which
 * keeps RxDB's push of the Dexie storage linear (one big bulkInsert makes it quadratic, see
 * STACK-NOTES). The workstation's own writes are small, so only bulk loads need this.
 */
export async function insertInChunks(db: WorkstationDb, collection: CollectionName, docs: readonly AnyDoc[], chunk = BATCH_SIZE): Promise<void> {
  for (let i = 0; i < docs.length; i += chunk) {
    const res = await db.collections[collection].bulkInsert(docs.slice(i, i + chunk));
    if (res.error.length > 0) throw new Error(`insert failed: ${JSON.stringify(res.error[0]).slice(0, 200)}`);
    // A new millisecond for the next chunk's write time.
    await new Promise((r) => setTimeout(r, 2));
  }
}
