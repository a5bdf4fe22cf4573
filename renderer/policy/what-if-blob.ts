// Where the what-if snapshot is kept between sessions, and the key it is sealed with
// (renderer/policy/what-if-snapshot.ts seals and opens it).

type KeyFor = (officeId: string) => CryptoKey | undefined;

/** The blob's clear part: nothing personal. */
export interface SnapshotHeader {
  readonly version: number;
  readonly offices: readonly string[];
  readonly today: string;
  /** Local write time (ms, RxDB _meta.lwt) from which documents are read again. */
  readonly checkpoint: number;
  readonly cases: number;
  readonly parts: number;
}

/** The sealed body in parts of PART_CASES cases (what-if-snapshot.ts) (each sealed on its own, its index and the header bound to it). */
export interface StoredSnapshot {
  readonly header: SnapshotHeader;
  readonly parts: readonly { readonly iv: Uint8Array; readonly body: ArrayBuffer }[];
}

/** Where the blob is kept. */
export interface SnapshotStore {
  get(name: string): Promise<StoredSnapshot | undefined>;
  put(name: string, value: StoredSnapshot): Promise<void>;
  delete(name: string): Promise<void>;
}

/** The store in an IndexedDB database of its own (`hws-what-if`), one record per workstation database. */
export function indexedDbSnapshotStore(factory: IDBFactory): SnapshotStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('hws-what-if', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('snapshots');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    }));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> => {
    const tx = (await database()).transaction('snapshots', mode);
    return new Promise<T>((resolve, reject) => {
      const req = op(tx.objectStore('snapshots'));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    get: (name) => run<StoredSnapshot | undefined>('readonly', (s) => s.get(name)),
    put: async (name, value) => void (await run('readwrite', (s) => s.put(value, name))),
    delete: async (name) => void (await run('readwrite', (s) => s.delete(name))),
  };
}

const LABEL = new TextEncoder().encode('hws what-if snapshot key v1');
// A fixed nonce used with each office key for this one constant plaintext only (the key's other uses
// take random 96-bit nonces): the output is a pseudo-random function of the office key.
const DERIVE_IV = new Uint8Array(12).fill(0xa5);

/** The blob's key, derived from every office's key (null when the session lacks one). */
export async function snapshotKey(offices: readonly string[], keyFor: KeyFor): Promise<CryptoKey | null> {
  const sorted = [...offices].sort();
  const parts: Uint8Array[] = [];
  for (const o of sorted) {
    const key = keyFor(o);
    if (!key) return null;
    parts.push(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: DERIVE_IV }, key, LABEL)));
  }
  const material = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (material.set(p, at), at + p.length), 0);
  const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: LABEL, info: new TextEncoder().encode(JSON.stringify(sorted)) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
