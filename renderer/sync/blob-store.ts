// The workstation's local store of sealed file contents (scans, face photos, fingerprint
// templates): one IndexedDB database beside RxDB's, used directly because RxDB's free edition
// caps open collections (see STACK-NOTES) and RxDB's CouchDB replication carries no attachments.
// Contents are stored sealed (AES-GCM with the office key) exactly as they travel.

export type BlobState = 'pending' | 'synced';

export interface StoredBlob {
  readonly fileId: string;
  readonly officeId: string;
  /** 12-byte IV followed by the AES-GCM ciphertext and tag. */
  readonly sealed: Uint8Array;
  /** SHA-256 (hex) of `sealed`, as recorded in the file document. */
  readonly contentHash: string;
  readonly state: BlobState;
}

export interface BlobStore {
  get(fileId: string): Promise<StoredBlob | undefined>;
  put(blob: StoredBlob): Promise<void>;
  pending(): Promise<StoredBlob[]>;
  close(): void;
}

const STORE = 'blobs';
const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export async function openBlobStore(name: string, idb: IDBFactory = globalThis.indexedDB): Promise<BlobStore> {
  const open = idb.open(`hws-blobs-${name}`, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: 'fileId' });
    store.createIndex('state', 'state');
  };
  const db = await done(open);
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    get: (fileId) => done(tx('readonly').get(fileId) as IDBRequest<StoredBlob | undefined>),
    async put(blob) {
      await done(tx('readwrite').put(blob));
    },
    pending: () => done(tx('readonly').index('state').getAll('pending') as IDBRequest<StoredBlob[]>),
    close: () => db.close(),
  };
}
