// Push benchmark: a workstation pushes a typical office data set — cases, their events, persons
// and households, and one scanned page of ~30 KB for every 20 cases — to the embedded server; then
// PouchDB's own replication pushes the same documents to another database of the same server.
//   Ours: RxDB on fake-indexeddb in Node with the real sync module (sync.ts): one replication per
//   collection (4 in parallel, BATCH_SIZE 100 each), its live pull running too; new documents
//   written with `_bulk_docs` without a pre-check; scans uploaded afterwards as attachments
//   (3 at a time). Timed until documents and contents are all on the server.
//   PouchDB: pouchdb-node (LevelDB) `replicate.to` with batch_size 100 (its default): `_revs_diff`
//   then `_bulk_docs` with new_edits=false, attachments inline, push only.
// Wall time is what the ratio compares; CPU time of this process and of the server during each
// side is returned too, as the machine may be shared.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { lookupHash, sealText, toBase64 } from '../domain/crypto/sealing';
import { COLLECTIONS, type CollectionName } from '../domain/model';
import { padIndexFields } from '../domain/model/indexing';
import { generateCases, sealSeed } from '../domain/seed';
import { officeDbName } from '../domain/sync/databases';
import { openWorkstationDb, type AnyDoc } from '../renderer/db/database';
import { openBlobStore } from '../renderer/sync/blob-store';
import { startBlobSync } from '../renderer/sync/blob-sync';
import { officeSyncPlan, startSync } from '../renderer/sync/sync';
import { insertInChunks } from '../renderer/sync/test-data';
import { splitCredentials } from '../sync-server/couch';

const require = createRequire(import.meta.url);
const COLLS: CollectionName[] = ['cases', 'events', 'people', 'files'];
export const SCAN_EVERY = 20;
export const SCAN_BYTES = 30_000;

export interface PushFigures {
  readonly docs: number;
  readonly blobs: number;
  readonly oursMs: number;
  readonly pouchMs: number;
  /** CPU time of this process and of the server during each side's push (less sensitive to load). */
  readonly oursCpu: CpuFigures;
  readonly pouchCpu: CpuFigures;
}

export interface CpuFigures {
  readonly clientMs: number;
  readonly serverMs: number | null;
}

/** User + system CPU time of a process in ms (Linux /proc; clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function cpuMeter(serverPid: () => number | undefined): () => CpuFigures {
  const c0 = process.cpuUsage();
  const s0 = processCpuMs(serverPid());
  return () => {
    const c = process.cpuUsage(c0);
    const s1 = processCpuMs(serverPid());
    return { clientMs: (c.user + c.system) / 1000, serverMs: s0 === null || s1 === null ? null : s1 - s0 };
  };
}

export async function officeDataSet(officeId: string, cases: number): Promise<Record<CollectionName, AnyDoc[]>> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const seed = generateCases({ count: cases, officeId, seed: 7 });
  const sealed = await sealSeed(seed, { encrypt: (c) => sealText(key, c), keyedHash: (c) => lookupHash(mac, c) });
  const pad = (c: CollectionName, docs: readonly unknown[]) => docs.map((d) => padIndexFields(COLLECTIONS[c], d as AnyDoc));
  const at = '2024-06-01T08:00:00.000Z';
  const scans = sealed.cases.filter((_, i) => i % SCAN_EVERY === 0).map((c) => ({
    id: `scan:${c.id}`, type: 'scan', schemaVersion: 1, officeId, createdAt: at, updatedAt: at, caseId: c.id, materialId: `material:${c.id}`,
    mimeType: 'image/jpeg', pages: 1, byteLength: SCAN_BYTES + 28, contentHash: '', blobRef: `attachment:scan:${c.id}`, ocrTextEnc: null, capturedAt: at,
  }));
  return {
    cases: pad('cases', sealed.cases),
    events: pad('events', seed.events),
    people: pad('people', [...sealed.persons, ...sealed.households]),
    files: pad('files', scans),
  } as Record<CollectionName, AnyDoc[]>;
}

export async function benchPush(adminUrl: string, cases: number, serverPid: () => number | undefined = () => undefined): Promise<PushFigures> {
  const { url, authorization } = splitCredentials(adminUrl);
  const [user, pass] = atob(authorization!.slice(6)).split(':') as [string, string];
  const officeId = 'futian-huafu';
  const data = await officeDataSet(officeId, cases);
  const docs = COLLS.reduce((n, c) => n + data[c].length, 0);
  const blobBytes = (i: number) => Uint8Array.from({ length: SCAN_BYTES }, (_, j) => (i * 7 + j * 13) & 0xff);

  // Ours: the workstation's local database filled first (in push-sized chunks, as RxDB needs),
  // then the sync started and timed until documents and file contents are on the server.
  const authed: typeof fetch = (i, init) => fetch(i, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: authorization! } });
  const db = await openWorkstationDb({ name: `bench-push-${Date.now()}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as never, collections: COLLS });
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const blobStore = await openBlobStore(`bench-${Date.now()}`, indexedDB);
  const blobs = startBlobSync({ store: blobStore, couchUrl: url, fetch: authed, keyFor: () => key });
  const files = [];
  for (const [i, f] of data.files.entries()) files.push({ ...f, contentHash: (await blobs.putBlob(f.id, officeId, blobBytes(i))).contentHash });
  data.files = files;
  for (const c of COLLS) await insertInChunks(db, c, data[c]);
  const oursMeter = cpuMeter(serverPid);
  const t0 = performance.now();
  const sync = await startSync({ db, couchUrl: url, username: user, password: pass, targets: officeSyncPlan(officeId, COLLS), blobStore, keyFor: () => key });
  await sync.awaitInSync();
  await sync.blobs!.uploadPending();
  const oursMs = performance.now() - t0;
  const oursCpu = oursMeter();
  await sync.stop();
  await db.close();

  // PouchDB: the same documents (attachments inline) replicated by PouchDB to another database.
  const PouchDB = require('pouchdb-node');
  const os = await import('node:os');
  const local = new PouchDB(`${os.tmpdir()}/bench-pouch-${Date.now()}`);
  const pouchDocs = COLLS.flatMap((c) => data[c]).map(({ id, ...d }, i) => ({
    _id: id,
    ...d,
    ...(d.type === 'scan' ? { _attachments: { content: { content_type: 'application/octet-stream', data: toBase64(blobBytes(i)) } } } : {}),
  }));
  for (let i = 0; i < pouchDocs.length; i += 1000) await local.bulkDocs(pouchDocs.slice(i, i + 1000));
  const remote = new PouchDB(`${url}/${officeDbName('futian-xiangmihu')}`, { fetch: (u: string, o: RequestInit) => authed(u, o) });
  const pouchMeter = cpuMeter(serverPid);
  const t1 = performance.now();
  await local.replicate.to(remote, { batch_size: 100 });
  const pouchMs = performance.now() - t1;
  const pouchCpu = pouchMeter();
  await local.destroy();
  return { docs, blobs: data.files.length, oursMs, pouchMs, oursCpu, pouchCpu };
}
