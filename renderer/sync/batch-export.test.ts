// A workstation without network exports its records to a batch file; the centre imports it twice
// (nothing new the second time); when the workstation comes online its sync writes nothing more.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { KEYS_DB, officeDbName } from '../../domain/sync/databases';
import { importBatch } from '../../sync-server/batch';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { exportFromWorkstation } from './batch-export';
import { openBlobStore } from './blob-store';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation } from './test-workstation';

void IDBKeyRange;
const server = useCouchBehindProxy();

/** Every document's id and revision in a database, as the server's admin reads them. */
const revisionsOf = async (db: string): Promise<string[]> =>
  (await couchClient(server.couch.adminUrl).request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${db}/_all_docs`)).rows.map((r) => `${r.id} ${r.value.rev}`);

/** Reads until `done` holds of what was read (at most 10 s), and gives the last reading. */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe('batch export from an offline workstation', () => {
  it('imports at the centre once, and the later online sync adds nothing', async () => {
    const [clerk] = server.couch.users;
    const officeId = clerk!.officeId;
    server.proxy.cut();
    const ws = await openTestWorkstation({ dbName: `bx-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk!.name, password: clerk!.password, retryTimeMs: 300, collections: ['people'] });
    try {
      await insertInChunks(ws.db, 'people', personDocs(officeId, 'media', 150));
      const admin = couchClient(server.couch.adminUrl);
      const officeKey = (await admin.request<{ key: string }>('GET', `/${KEYS_DB}/office:${officeId}`)).key;
      const blobs = await openBlobStore(`bx-${Date.now()}`, indexedDB);
      const exporter = { name: clerk!.name, signer: ws.ctx.signer };
      const { file, docCount } = await exportFromWorkstation({ db: ws.db, collections: ['people'], officeId, officeKey, deviceId: 'ws-x', since: null, blobs, exporter });
      expect(docCount).toBe(150);
      expect((await importBatch(server.couch.adminUrl, file)).written).toBe(150);
      expect((await importBatch(server.couch.adminUrl, file)).written).toBe(0);
      // Nothing written: the same documents at the same revisions (a cluster's update_seq strings differ from read to read).
      const dbState = () => revisionsOf(`/${officeDbName(officeId)}`);
      // On a cluster a read right after the import may go to a shard copy that has not all of it yet
      // (CouchDB answers a write once two of three copies hold it): the snapshot waits for all 150.
      const before = await settled(dbState, (state) => state.filter((r) => r.startsWith('person:media')).length === 150);
      server.proxy.restore();
      ws.sync.syncNow();
      await new Promise((r) => setTimeout(r, 1_500));
      await ws.sync.awaitInSync();
      expect(await settled(dbState, (state) => state.filter((r) => r.startsWith('person:media')).length >= 150)).toEqual(before);
      const rows = await admin.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${officeDbName(officeId)}/_all_docs?startkey="person:media"&endkey="person:media\uffff"`);
      expect(rows.rows).toHaveLength(150);
      expect(rows.rows.every((r) => r.value.rev.startsWith('1-'))).toBe(true);
    } finally {
      server.proxy.restore();
      await ws.close();
    }
  });

  it('carries an offline edit of an already-synced document: it lands on the server\'s branch and the later sync writes nothing', async () => {
    const [clerk] = server.couch.users;
    const officeId = clerk!.officeId;
    const ws = await openTestWorkstation({ dbName: `be-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk!.name, password: clerk!.password, retryTimeMs: 300, collections: ['people'] });
    const admin = couchClient(server.couch.adminUrl);
    const db = `/${officeDbName(officeId)}`;
    try {
      const [person] = personDocs(officeId, 'edit', 1);
      await insertInChunks(ws.db, 'people', [person!]);
      await ws.sync.awaitInSync();
      const synced = await admin.request<{ _rev: string }>('GET', `${db}/${encodeURIComponent(String(person!.id))}`);
      server.proxy.cut();
      const later = new Date(Date.now() + 1_000).toISOString();
      await (await ws.db.people.findOne(String(person!.id)).exec())!.incrementalPatch({ name: '离线修改', updatedAt: later });
      const officeKey = (await admin.request<{ key: string }>('GET', `/${KEYS_DB}/office:${officeId}`)).key;
      const { file } = await exportFromWorkstation({
        db: ws.db, collections: ['people'], officeId, officeKey, deviceId: 'ws-e', since: later, exporter: { name: clerk!.name, signer: ws.ctx.signer },
        masterStates: (c, ids) => ws.sync.masterStates(c, ids),
      });
      const report = await importBatch(server.couch.adminUrl, file);
      expect(report.writtenIds).toEqual([person!.id]);
      const landed = await admin.request<{ name: string; _rev: string; _revisions: { ids: string[] }; _conflicts?: unknown }>('GET', `${db}/${encodeURIComponent(String(person!.id))}?revs=true&conflicts=true`);
      expect(landed.name).toBe('离线修改');
      expect(landed._rev).toMatch(/^2-/);
      expect(landed._revisions.ids[1]).toBe(synced._rev.slice(2));
      expect(landed._conflicts).toBeUndefined();
      // Imported twice: already there.
      expect((await importBatch(server.couch.adminUrl, file)).skippedIds).toEqual([person!.id]);
      const before = await revisionsOf(db);
      server.proxy.restore();
      ws.sync.syncNow();
      await new Promise((r) => setTimeout(r, 1_500));
      await ws.sync.awaitInSync();
      expect(await revisionsOf(db)).toEqual(before);
      expect((await admin.request<{ _rev: string }>('GET', `${db}/${encodeURIComponent(String(person!.id))}`))._rev).toBe(landed._rev);
    } finally {
      server.proxy.restore();
      await ws.close();
    }
  }, 60_000);
});
