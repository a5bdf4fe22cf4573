// The what-if tests' local database: two offices of seeded cases, sealed under each office's own
// key as the counter seals them (shared by what-if-snapshot.test.ts and what-if-persisted.test.ts).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { sealText } from '../../domain/crypto/sealing';
import { generateCases, sealSeed } from '../../domain/seed';
import { openWorkstationDb, type AnyDoc, type WorkstationDb } from '../db/database';

export const OFFICES = ['office-a', 'office-b'];

export interface WhatIfOffice {
  readonly db: WorkstationDb;
  readonly keys: Map<string, CryptoKey>;
  readonly keyFor: (officeId: string) => CryptoKey | undefined;
}

/** `count` seeded cases of `officeId`, sealed under `key` (keyed hashes made up per seed). */
export function sealedSeed(key: CryptoKey, officeId: string, seed: number, count: number) {
  let h = 0;
  return sealSeed(generateCases({ count, officeId, seed }), { encrypt: (clear) => sealText(key, clear), keyedHash: () => `${officeId}-${seed}-${h++}`.padStart(64, '0') });
}

/** Opens `name` and fills it with `count` seeded cases per office (seeds `firstSeed`, `firstSeed + 1`). */
export async function openWhatIfOffice(name: string, firstSeed: number, count = 40): Promise<WhatIfOffice> {
  const db = await openWorkstationDb({ name: `${name}-${Date.now()}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as never, collections: ['cases', 'people'] });
  const keys = new Map<string, CryptoKey>();
  for (const [n, officeId] of OFFICES.entries()) {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    keys.set(officeId, key);
    const sealed = await sealedSeed(key, officeId, firstSeed + n, count);
    await db.people.bulkInsert([...sealed.persons, ...sealed.households] as unknown as AnyDoc[]);
    await db.cases.bulkInsert(sealed.cases as unknown as AnyDoc[]);
  }
  return { db, keys, keyFor: (o) => keys.get(o) };
}
