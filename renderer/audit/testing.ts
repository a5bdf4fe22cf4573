// Test support: a signed-in case context (with the user's signing key) on a fresh RxDB database in fake-indexeddb.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { importFieldKeys, toBase64 } from '../../domain/crypto/sealing';
import { generateSigningKey, importSigner, type SigningKeyPair } from '../../domain/crypto/signing';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase, type ValidNewCase } from '../../domain/intake/new-case';
import type { SessionUser } from '../../domain/ipc/session';
import type { CollectionName } from '../../domain/model';
import type { CaseContext } from '../cases/case-store';
import { openWorkstationDb } from '../db/database';

export const TEST_USER: SessionUser = {
  name: 'clerk1',
  displayName: '张敏',
  roles: ['clerk'],
  officeId: 'futian-huafu',
  officeName: '福田区华富街道办事处',
  districtId: 'futian',
  offline: false,
};

const randomKey = () => toBase64(crypto.getRandomValues(new Uint8Array(32)));

/** A context on its own database; pass shared keys to compare hashes across databases. */
export async function openTestContext(options: {
  collections?: readonly CollectionName[];
  user?: SessionUser;
  deviceId?: string;
  keys?: { data: string; lookup: string };
  /** The user's signing key pair (a fresh one if absent). */
  signing?: SigningKeyPair;
} = {}): Promise<CaseContext & { readonly signing: SigningKeyPair; close(): Promise<void> }> {
  const db = await openWorkstationDb({
    name: `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as never,
    collections: options.collections ?? ['cases', 'events', 'people', 'audit'],
  });
  const raw = options.keys ?? { data: randomKey(), lookup: randomKey() };
  const signing = options.signing ?? (await generateSigningKey());
  return {
    signing,
    signer: await importSigner(signing),
    db,
    user: options.user ?? TEST_USER,
    keys: await importFieldKeys(raw.data, raw.lookup),
    deviceId: options.deviceId ?? 'ws-test-1',
    close: () => db.remove().then(() => undefined),
  };
}

export function validIdNumber(seq: number, prefix = '44030419880101'): string {
  const first17 = `${prefix}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export function validCase(name: string, idNumber: string, businessItem: ValidNewCase['businessItem'] = 'public_rental'): ValidNewCase {
  const r = checkNewCase({ businessItem, applicantName: name, idNumber });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
