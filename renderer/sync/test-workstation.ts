// Test support for sync tests in Node: a workstation = a local RxDB on fake-indexeddb with the
// real sync module, signed in as a given user (keys read from the user's own server document).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { importFieldKeys } from '../../domain/crypto/sealing';
import type { SessionUser } from '../../domain/ipc/session';
import type { CollectionName } from '../../domain/model';
import type { CaseContext } from '../cases/case-store';
import { openWorkstationDb, type WorkstationDb } from '../db/database';
import { startSync, userSyncPlan, type Sync } from './sync';

export const TEST_COLLECTIONS: readonly CollectionName[] = ['cases', 'events', 'people'];

export interface TestWorkstation {
  readonly db: WorkstationDb;
  readonly sync: Sync;
  readonly ctx: CaseContext;
  close(): Promise<void>;
}

export async function openTestWorkstation(options: {
  dbName: string;
  couchUrl: string;
  /** Where the user's keys are read from (may differ from couchUrl when that one is cut off). */
  accountUrl: string;
  username: string;
  password: string;
  retryTimeMs?: number;
  batchSize?: number;
  collections?: readonly CollectionName[];
}): Promise<TestWorkstation> {
  const collections = options.collections ?? TEST_COLLECTIONS;
  const auth = `Basic ${btoa(`${options.username}:${options.password}`)}`;
  const res = await fetch(`${options.accountUrl}/_users/org.couchdb.user:${options.username}`, { headers: { authorization: auth } });
  const doc = (await res.json()) as SessionUser & { keys: { lookup: string; offices: Record<string, string> } };
  const user: SessionUser = { ...doc, roles: doc.roles.filter((r) => r !== ('staff' as never)), offline: false };
  const keys = await importFieldKeys(doc.keys.offices[doc.officeId]!, doc.keys.lookup);
  const db = await openWorkstationDb({
    name: options.dbName,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as never,
    collections,
  });
  const sync = await startSync({
    db,
    couchUrl: options.couchUrl,
    username: options.username,
    password: options.password,
    targets: userSyncPlan(user, Object.keys(doc.keys.offices), collections),
    retryTimeMs: options.retryTimeMs,
    batchSize: options.batchSize,
  });
  return {
    db,
    sync,
    ctx: { db, user, keys, deviceId: options.dbName },
    async close() {
      await sync.stop();
      await db.close();
    },
  };
}
