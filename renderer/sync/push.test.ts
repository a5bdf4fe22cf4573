// The push writes documents the server has never confirmed without asking first. When such a
// document is on the server after all (the reply to an earlier upload was lost, or another
// workstation wrote it), the write is refused and the document is decided as a checked one would
// be: the same content is no conflict and is not written again; a different version is merged
// by the merge rule (or, for other kinds, replaced by the server's).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Subject } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { openWorkstationDb } from '../db/database';
import { replicateWithCouch, type SyncProblem } from './couch-replication';
import { authFetch, detectFilterMode } from './remote';
import { personDocs } from './test-data';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.dispose();
});

describe('push of documents the server has not confirmed', () => {
  it('meets the same document without a conflict, and a different one with a merge', async () => {
    const clerk = couch.users[0]!;
    const admin = couchClient(couch.adminUrl);
    const dbPath = `/${officeDbName(clerk.officeId)}`;
    const f = authFetch(clerk.name, clerk.password, { report() {} });
    const db = await openWorkstationDb({ name: `push-${Date.now()}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as never, collections: ['people'] });
    const problems: SyncProblem[] = [];
    // No wakes before the push: the documents written on the server below are not pulled first.
    const wake$ = new Subject<void>();
    const rep = replicateWithCouch({
      collection: db.people as never,
      remote: { url: `${couch.url}${dbPath}`, fetch: f, filterMode: await detectFilterMode(couch.url, f) },
      identifier: 'push-test',
      types: ['person', 'household'],
      push: true,
      batchSize: 50,
      retryTime: 300,
      wake$,
      onProblem: (p) => problems.push(p),
    });
    try {
      await rep.awaitInitialReplication();
      const [same, other, fresh] = personDocs(clerk.officeId, `opt${Date.now()}`, 3);
      const serverOther = { ...other!, name: '服务器上的名字', updatedAt: '2030-01-01T00:00:01.000Z' };
      await admin.request('POST', `${dbPath}/_bulk_docs`, { docs: [same!, serverOther].map(({ id, ...d }) => ({ _id: id, ...d })) });
      const revBefore = (await admin.request<{ _rev: string }>('GET', `${dbPath}/${encodeURIComponent(same!.id)}`))._rev;
      const localOther = { ...other!, name: '本地的名字', updatedAt: '2030-01-01T00:00:02.000Z' };
      await db.people.bulkInsert([same!, localOther, fresh!]);
      await rep.awaitInSync();

      // The same content: left as it is, nothing reported.
      expect((await admin.request<{ _rev: string }>('GET', `${dbPath}/${encodeURIComponent(same!.id)}`))._rev).toBe(revBefore);
      // A different version: merged by the rule (no common base: the later edit's value, the
      // other one listed), written over the server's revision, leaving no conflicting branch. (On
      // a cluster a shard copy that had not yet seen the server's version may take the push's
      // first write, 202 `accepted`: that branch is closed by the push or, once the copies meet,
      // by the next pull — hence the wakes.)
      let merged: Record<string, unknown> = {};
      await expect.poll(async () => {
        wake$.next();
        await rep.awaitInSync();
        merged = await admin.request<Record<string, unknown>>('GET', `${dbPath}/${encodeURIComponent(other!.id)}?conflicts=true`);
        return { name: merged.name, updatedAt: merged.updatedAt, conflicts: merged._conflicts ?? [] };
      }, { timeout: 20_000, interval: 300 }).toEqual({ name: '本地的名字', updatedAt: '2030-01-01T00:00:02.000Z', conflicts: [] });
      expect(String(merged._rev)).not.toMatch(/^1-/);
      expect(problems).toEqual([expect.objectContaining({ kind: 'conflict', id: other!.id, field: 'name', kept: '本地的名字', lost: '服务器上的名字' })]);
      // A new document: written once.
      expect((await admin.request<{ _rev: string }>('GET', `${dbPath}/${encodeURIComponent(fresh!.id)}`))._rev).toMatch(/^1-/);
    } finally {
      await rep.cancel();
      await db.close();
    }
  });
});
