// Binary contents of `files` documents between the workstation and the office database: sealed
// bytes travel as the CouchDB attachment `content` of the file document (documented attachment
// API: PUT/GET /{db}/{docid}/{attname}), uploaded once the document itself is on the server, and
// fetched on demand by workstations that do not hold them (`getBlob`). Blobs never change: a new
// scan is a new file document. Progress is reported in documents and bytes.
import { BehaviorSubject } from 'rxjs';
import { officeDbName } from '../../domain/sync/databases';
import type { BlobStore, StoredBlob } from './blob-store';
import type { OwnWrites } from './own-writes';
import { readDocsById, readJson, type RemoteDb } from './remote';

export const ATTACHMENT = 'content';
/** Uploads in flight at once: browsers open six connections per host, and sync needs some too. */
export const UPLOADS_IN_FLIGHT = 3;
/** File documents whose current revision is asked for in one request. */
export const REVS_PER_REQUEST = 100;

export interface BlobProgress {
  readonly docsDone: number;
  readonly docsTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly error: string | null;
}

export interface BlobSyncOptions {
  readonly store: BlobStore;
  /** Base URL of the server and an authenticated fetch (see remote.ts). */
  readonly couchUrl: string;
  readonly fetch: RemoteDb['fetch'];
  /** The office data key of an office, for sealing and opening. */
  readonly keyFor: (officeId: string) => CryptoKey | undefined;
  /** Revisions written from here per database, so an upload does not wake this workstation's pulls. */
  readonly ownWrites?: (database: string) => OwnWrites | undefined;
}

export interface BlobSync {
  readonly progress$: BehaviorSubject<BlobProgress>;
  /** Seals and keeps the content locally; it is uploaded by the next `uploadPending`. */
  putBlob(fileId: string, officeId: string, clear: Uint8Array): Promise<{ contentHash: string; byteLength: number }>;
  /** The clear content: from the local store, else fetched from the server, checked and kept. */
  getBlob(fileId: string, officeId: string, contentHash: string): Promise<Uint8Array>;
  /** Uploads what is pending; a failure leaves the rest pending for the next call. */
  uploadPending(): Promise<void>;
}

/**
 * Runs `task(0 … count-1)` with at most `limit` running at once. After a failure nothing new
 * starts; what is running finishes; then the first failure is thrown.
 */
export async function inParallel(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < count) {
      const k = next++;
      await task(k).catch((error: unknown) => void (failed ??= { error }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failed) throw failed.error;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startBlobSync(options: BlobSyncOptions): BlobSync {
  const { store } = options;
  const progress$ = new BehaviorSubject<BlobProgress>({ docsDone: 0, docsTotal: 0, bytesDone: 0, bytesTotal: 0, error: null });
  const key = (officeId: string) => {
    const k = options.keyFor(officeId);
    if (!k) throw new Error(`没有办事处 ${officeId} 的数据密钥,无法读取该文件`);
    return k;
  };
  const docUrl = (officeId: string, fileId: string) => `${options.couchUrl}/${officeDbName(officeId)}/${encodeURIComponent(fileId)}`;
  let uploading: Promise<void> | undefined;

  type Pending = { fileId: string; officeId: string; sealed: Uint8Array; contentHash: string };
  type ServerState = { rev: string; length: number | undefined } | null;

  /** The file documents' current revisions and content lengths on the server (null: not there yet). */
  async function serverStates(officeId: string, fileIds: readonly string[]): Promise<ServerState[]> {
    type FileDoc = { _rev: string; _attachments?: Record<string, { length?: number }> };
    const docs = await readDocsById<FileDoc>(`${options.couchUrl}/${officeDbName(officeId)}`, options.fetch, fileIds, '读取文件记录');
    return docs.map((doc) => (doc ? { rev: doc._rev, length: doc._attachments?.[ATTACHMENT]?.length } : null));
  }

  /** Uploads one content given the document's state; true when the server has it afterwards. */
  async function uploadOne(blob: Pending, known: ServerState): Promise<boolean> {
    let state = known;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!state) return false; // the document has not gone up yet: next time
      if (state.length === blob.sealed.length) return true; // uploaded before
      const own = options.ownWrites?.(officeDbName(blob.officeId));
      const rev = state.rev;
      const write = async () => {
        const put = await options.fetch(`${docUrl(blob.officeId, blob.fileId)}/${ATTACHMENT}?rev=${encodeURIComponent(rev)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream' },
          body: blob.sealed as Uint8Array<ArrayBuffer>,
        });
        if (put.status === 409) return false;
        const reply = await readJson<{ rev?: string }>(put, '上传文件内容');
        if (reply.rev) own?.remember(blob.fileId, reply.rev);
        return true;
      };
      if (await (own ? own.track(write()) : write())) return true;
      // The document changed meanwhile: its fresh revision.
      state = (await serverStates(blob.officeId, [blob.fileId]))[0] ?? null;
    }
    return false;
  }

  return {
    progress$,
    async putBlob(fileId, officeId, clear) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key(officeId), clear as Uint8Array<ArrayBuffer>));
      const sealed = new Uint8Array(12 + body.length);
      sealed.set(iv);
      sealed.set(body, 12);
      const contentHash = await sha256Hex(sealed);
      await store.put({ fileId, officeId, sealed, contentHash, state: 'pending' });
      return { contentHash, byteLength: sealed.length };
    },
    async getBlob(fileId, officeId, contentHash) {
      let blob = await store.get(fileId);
      if (!blob) {
        const res = await options.fetch(`${docUrl(officeId, fileId)}/${ATTACHMENT}`, { headers: { accept: 'application/octet-stream' } });
        if (res.status === 404) throw new Error('文件内容尚未上传到中心库,请稍后再试');
        if (!res.ok) throw new Error(`下载文件内容失败:${res.status}`);
        const sealed = new Uint8Array(await res.arrayBuffer());
        if ((await sha256Hex(sealed)) !== contentHash) throw new Error('下载的文件内容与记录的校验值不符,已丢弃');
        blob = { fileId, officeId, sealed, contentHash, state: 'synced' };
        await store.put(blob);
      }
      const sealed = blob.sealed as Uint8Array<ArrayBuffer>;
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12) }, key(officeId), sealed.subarray(12)));
    },
    uploadPending() {
      uploading ??= (async () => {
        const pending = await store.pending();
        const bytesTotal = pending.reduce((n, b) => n + b.sealed.length, 0);
        let p: BlobProgress = { docsDone: 0, docsTotal: pending.length, bytesDone: 0, bytesTotal, error: null };
        progress$.next(p);
        const upload = async (blob: StoredBlob, known: ServerState) => {
          if (!(await uploadOne(blob, known))) return;
          await store.put({ ...blob, state: 'synced' });
          p = { ...p, docsDone: p.docsDone + 1, bytesDone: p.bytesDone + blob.sealed.length };
          progress$.next(p);
        };
        try {
          // Revisions asked for a hundred documents at a time, contents sent a few at once.
          for (let i = 0; i < pending.length; i += REVS_PER_REQUEST) {
            const chunk = pending.slice(i, i + REVS_PER_REQUEST);
            for (const officeId of new Set(chunk.map((b) => b.officeId))) {
              const blobs = chunk.filter((b) => b.officeId === officeId);
              const states = await serverStates(officeId, blobs.map((b) => b.fileId));
              await inParallel(blobs.length, UPLOADS_IN_FLIGHT, (k) => upload(blobs[k]!, states[k] ?? null));
            }
          }
        } catch (e) {
          progress$.next({ ...p, error: e instanceof Error ? e.message : String(e) });
          throw e;
        }
      })().finally(() => (uploading = undefined));
      return uploading;
    },
  };
}
