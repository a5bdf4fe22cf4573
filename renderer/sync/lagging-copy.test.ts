// On a CouchDB cluster the changes feed that wakes a workstation and the pull that follows may read
// different copies of a shard, and a copy can lag behind an acknowledged write (internal
// replication; a node just back from an outage). Here a proxy plays that lagging copy: while it
// lags, the pulls' `_changes` reads find nothing new, though the feed already showed the change.
// The workstation still gets the document once the copy has caught up, with no further write to
// wake it (the notifier's follow-up wakes, renderer/sync/notifier.ts FOLLOW_UP_MS).
import { describe, expect, it } from 'vitest';
import { forward, listenOnLoopback } from '../../sync-server/forward';
import { startTestCouch } from '../../sync-server/testing';
import { FOLLOW_UP_MS } from './notifier';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation, until } from './test-workstation';

/** Forwards everything to `target`, except that while `lagging` a pull's `_changes` read (not the feed) answers "nothing since". */
async function laggingCopyProxy(target: URL) {
  const state = { lagging: false, laggedReads: 0 };
  const server = await listenOnLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (state.lagging && url.pathname.endsWith('/_changes') && !url.searchParams.has('feed')) {
      req.resume();
      req.on('end', () => {
        state.laggedReads++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ results: [], last_seq: url.searchParams.get('since') ?? 0 }));
      });
      return;
    }
    forward(req, res, target);
  });
  return { state, ...server };
}

describe('a pull that reads a lagging copy', () => {
  it('still brings the other workstation\'s document once the copy has caught up, with no further write', { timeout: 90_000 }, async () => {
    const couch = await startTestCouch();
    const proxy = await laggingCopyProxy(new URL(couch.url));
    const clerk = couch.users[0]!;
    const open = (name: string, couchUrl: string) =>
      openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl, accountUrl: couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 300, collections: ['people'] });
    const a = await open('lag-a', proxy.url);
    const b = await open('lag-b', couch.url);
    try {
      await a.sync.awaitInSync();
      proxy.state.lagging = true;
      const [person] = personDocs(clerk.officeId, `lag${Date.now()}`, 1);
      await insertInChunks(b.db, 'people', [person!]);
      await b.sync.awaitInSync();
      // A's feed shows the change and A pulls, from the copy that has not got it yet.
      expect(await until(async () => proxy.state.laggedReads > 0, 20_000)).toBe(true);
      await a.sync.awaitInSync();
      expect(await a.db.people.findOne(person!.id).exec()).toBeNull();
      proxy.state.lagging = false; // the copy catches up; nobody writes again
      const arrived = await until(async () => (await a.db.people.findOne(person!.id).exec()) !== null, FOLLOW_UP_MS[FOLLOW_UP_MS.length - 1]! + 10_000);
      expect(arrived).toBe(true);
      expect((await a.db.people.findOne(person!.id).exec())!.get('name')).toBe(person!.name);
    } finally {
      await a.close();
      await b.close();
      await proxy.close();
      await couch.dispose();
    }
  });
});
