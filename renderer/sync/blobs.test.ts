// File contents: sealed on the workstation that captured them, uploaded as the attachment of the
// file document once the document is up, fetched on demand elsewhere; a network cut in the middle
// of an upload leaves it pending and the next attempt completes it, once.
import { readAccount } from '../../domain/sync/account';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { openBlobStore } from './blob-store';
import { startBlobSync, type BlobSync } from './blob-sync';
import { authFetch } from './remote';
import { openTestWorkstation } from './test-workstation';

void IDBKeyRange;
const server = useCouchBehindProxy();

const at = new Date().toISOString();
const scanDoc = (id: string, officeId: string, contentHash: string, byteLength: number) => ({
  id, type: 'scan', schemaVersion: 1, officeId, createdAt: at, updatedAt: at, caseId: 'case:blob', materialId: 'material:x', personId: '',
  mimeType: 'image/jpeg', pages: 1, byteLength, contentHash, blobRef: `attachment:${id}`, ocrTextEnc: null, capturedAt: at,
});

async function blobsFor(name: string, user: { name: string; password: string; officeId: string }, url: string): Promise<BlobSync> {
  const account = await readAccount(fetch, server.couch.url, user.name, user.password);
  const raw = Uint8Array.from(atob(account!.keys.offices[user.officeId]!), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return startBlobSync({ store: await openBlobStore(name, indexedDB), couchUrl: url, fetch: authFetch(user.name, user.password, { report() {} }), keyFor: (o) => (o === user.officeId ? key : undefined) });
}

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('file contents', () => {
  it('reach the server with the document and are fetched on demand by another workstation', async () => {
    const [clerk, clerkB] = server.couch.users;
    const ws = await openTestWorkstation({ dbName: `bl-${Date.now()}`, couchUrl: server.couch.url, accountUrl: server.couch.url, username: clerk!.name, password: clerk!.password, collections: ['files'] });
    try {
      const a = await blobsFor(`a-${Date.now()}`, clerk!, server.couch.url);
      const photo = bytes(200_000, 7);
      const fileId = `scan:photo-${Date.now()}`;
      const sealed = await a.putBlob(fileId, clerk!.officeId, photo);
      await ws.db.files.insert(scanDoc(fileId, clerk!.officeId, sealed.contentHash, sealed.byteLength));
      await ws.sync.awaitInSync();
      await a.uploadPending();
      expect(a.progress$.value).toMatchObject({ docsDone: 1, docsTotal: 1, bytesDone: sealed.byteLength, error: null });
      const b = await blobsFor(`b-${Date.now()}`, clerk!, server.couch.url);
      expect(await b.getBlob(fileId, clerk!.officeId, sealed.contentHash)).toEqual(photo);
      // What the server holds is sealed: no clear bytes.
      const onServer = new Uint8Array(await (await fetch(`${server.couch.adminUrl.replace(/\/\/.*@/, '//')}/${officeDbName(clerk!.officeId)}/${fileId}/content`, { headers: { authorization: `Basic ${btoa(decodeURIComponent(new URL(server.couch.adminUrl).username) + ':' + decodeURIComponent(new URL(server.couch.adminUrl).password))}` } })).arrayBuffer());
      expect(onServer.length).toBe(sealed.byteLength);
      expect(Buffer.from(onServer).includes(Buffer.from(photo.subarray(0, 64)))).toBe(false);
      // A workstation of another office has no key for it and no access to the database.
      const other = await blobsFor(`o-${Date.now()}`, clerkB!, server.couch.url);
      await expect(other.getBlob(fileId, clerk!.officeId, sealed.contentHash)).rejects.toThrow();
      // An edit of the file document keeps its content.
      await (await ws.db.files.findOne(fileId).exec())!.incrementalPatch({ updatedAt: new Date().toISOString(), pages: 2 });
      await ws.sync.awaitInSync();
      const after = await couchClient(server.couch.adminUrl).request<{ pages: number; _attachments?: Record<string, unknown> }>('GET', `/${officeDbName(clerk!.officeId)}/${fileId}`);
      expect(after.pages).toBe(2);
      expect(Object.keys(after._attachments ?? {})).toEqual(['content']);
    } finally {
      await ws.close();
    }
  });

  it('survives a network cut in the middle of an upload and uploads once afterwards', async () => {
    const [clerk] = server.couch.users;
    const ws = await openTestWorkstation({ dbName: `bc-${Date.now()}`, couchUrl: server.couch.url, accountUrl: server.couch.url, username: clerk!.name, password: clerk!.password, collections: ['files'] });
    try {
      const a = await blobsFor(`c-${Date.now()}`, clerk!, server.proxy.url);
      const scan = bytes(6_000_000, 3);
      const fileId = `scan:big-${Date.now()}`;
      const sealed = await a.putBlob(fileId, clerk!.officeId, scan);
      await ws.db.files.insert(scanDoc(fileId, clerk!.officeId, sealed.contentHash, sealed.byteLength));
      await ws.sync.awaitInSync();
      server.proxy.cutAfterBytes(1_000_000);
      await expect(a.uploadPending()).rejects.toThrow();
      expect(a.progress$.value).toMatchObject({ docsDone: 0, docsTotal: 1, error: expect.any(String) });
      const admin = couchClient(server.couch.adminUrl);
      const db = `/${officeDbName(clerk!.officeId)}`;
      const mid = await admin.request<{ _attachments?: unknown }>('GET', `${db}/${fileId}`);
      expect(mid._attachments).toBeUndefined();
      server.proxy.restore();
      await a.uploadPending();
      type Doc = { _rev: string; _conflicts?: string[]; _attachments: Record<string, { length: number }> };
      const doc = await admin.request<Doc>('GET', `${db}/${fileId}?conflicts=true`);
      // CouchDB refuses the cut request; the embedded server may keep a truncated attachment,
      // which the next attempt sees by its length and replaces.
      expect(doc._rev).toMatch(/^[23]-/);
      expect(doc._conflicts).toBeUndefined();
      await a.uploadPending(); // nothing left: no second upload
      expect((await admin.request<Doc>('GET', `${db}/${fileId}`))._rev).toBe(doc._rev);
      expect(doc._attachments.content!.length).toBe(sealed.byteLength);
      const b = await blobsFor(`d-${Date.now()}`, clerk!, server.couch.url);
      const got = await b.getBlob(fileId, clerk!.officeId, sealed.contentHash);
      expect(Buffer.from(got).equals(Buffer.from(scan))).toBe(true); // (toEqual on 6 MB is slow)
    } finally {
      server.proxy.restore();
      await ws.close();
    }
  });
});
