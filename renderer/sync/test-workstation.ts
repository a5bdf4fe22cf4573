// Test support for sync tests in Node: a workstation = a local RxDB on fake-indexeddb with the
// real sync module, signed in as a given user (profile and keys read as a workstation reads them).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { importFieldKeys } from '../../domain/crypto/sealing';
import { generateSigningKey, importSigner, type SigningKeyPair } from '../../domain/crypto/signing';
import { staffKeyDoc, staffKeyPath } from '../../domain/sync/staff-keys';
import type { SessionUser } from '../../domain/ipc/session';
import { readAccount } from '../../domain/sync/account';
import type { CollectionName } from '../../domain/model';
import type { CaseContext } from '../cases/case-store';
import { openWorkstationDb, type WorkstationDb } from '../db/database';
import { startSync, userSyncPlan, type Sync } from './sync';

export const TEST_COLLECTIONS: readonly CollectionName[] = ['cases', 'events', 'people'];

export interface TestWorkstation {
  readonly db: WorkstationDb;
  readonly sync: Sync;
  readonly ctx: CaseContext;
  /** The user's signing key pair, registered on the server as their staff_key (as a first sign-in does). */
  readonly signing: SigningKeyPair;
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
  requestStallMs?: number;
  batchSize?: number;
  collections?: readonly CollectionName[];
  /** The centre's change relay the workstation follows changes on. */
  relayUrl?: string;
}): Promise<TestWorkstation> {
  const collections = options.collections ?? TEST_COLLECTIONS;
  // A loaded test machine (two workers, a cluster, password hashing) can take longer than a
  // workstation's 5 s sign-in budget; a test is about sync, not about that budget.
  const account = await readAccount(fetch, options.accountUrl, options.username, options.password, 30_000);
  if (!account) throw new Error(`test workstation: ${options.accountUrl} not reachable`);
  const user: SessionUser = { ...account.user, offline: false };
  const keys = await importFieldKeys(account.keys.offices[user.officeId]!, account.keys.lookup);
  const signing = await generateSigningKey();
  const registered = await fetch(options.accountUrl.replace(/\/+$/, '') + staffKeyPath(user.name, signing.keyId), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(`${options.username}:${options.password}`)}` },
    body: JSON.stringify(staffKeyDoc(user, signing.publicKey, options.dbName, new Date().toISOString())),
  });
  if (!registered.ok) throw new Error(`test workstation: signing key not registered (${registered.status})`);
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
    targets: userSyncPlan(user, Object.keys(account.keys.offices), collections),
    retryTimeMs: options.retryTimeMs,
    requestStallMs: options.requestStallMs,
    batchSize: options.batchSize,
    relayUrl: options.relayUrl,
  });
  return {
    db,
    sync,
    ctx: { db, user, keys, deviceId: options.dbName, signer: await importSigner(signing) },
    signing,
    async close() {
      await sync.stop();
      await db.close();
    },
  };
}

/** Polls `what` every 100 ms for up to `ms`; whether it came true. */
export async function until(what: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return what();
}
