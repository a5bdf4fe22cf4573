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
      const { file, docCount } = await exportFromWorkstation({ db: ws.db, collections: ['people'], officeId, officeKey, deviceId: 'ws-x', since: null, blobs });
      expect(docCount).toBe(150);
      expect((await importBatch(server.couch.adminUrl, file)).written).toBe(150);
      expect((await importBatch(server.couch.adminUrl, file)).written).toBe(0);
      // Nothing written: the same sequence and count (a refused write may still grow the files).
      const dbState = async () => {
        const info = await admin.request<{ update_seq: unknown; doc_count: number }>('GET', `/${officeDbName(officeId)}`);
        return { update_seq: info.update_seq, doc_count: info.doc_count };
      };
      const before = await dbState();
      server.proxy.restore();
      ws.sync.syncNow();
      await new Promise((r) => setTimeout(r, 1_500));
      await ws.sync.awaitInSync();
      expect(await dbState()).toEqual(before);
      const rows = await admin.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${officeDbName(officeId)}/_all_docs?startkey="person:media"&endkey="person:media\uffff"`);
      expect(rows.rows).toHaveLength(150);
      expect(rows.rows.every((r) => r.value.rev.startsWith('1-'))).toBe(true);
    } finally {
      server.proxy.restore();
      await ws.close();
    }
  });
});
