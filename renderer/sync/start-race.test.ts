// A document another writer puts on the server while a workstation is starting its sync — after
// the collections' first pull has read the server, before the change feed has found its starting
// point — still reaches the workstation, with no further write to wake it. Here a proxy holds the
// feed's first question (the database's current sequence) until the document has been written.
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { forward, listenOnLoopback } from '../../sync-server/forward';
import { startTestCouch } from '../../sync-server/testing';
import { personDocs } from './test-data';
import { openTestWorkstation, until } from './test-workstation';

/** Forwards everything to `target`, holding back `GET /{database}` (its info) until released. */
async function holdingProxy(target: URL, database: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = 0;
  const server = await listenOnLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (req.method === 'GET' && url.pathname.replace(/\/+$/, '') === `/${database}`) {
      held++;
      void released.then(() => forward(req, res, target));
      return;
    }
    forward(req, res, target);
  });
  return {
    ...server,
    get held() {
      return held;
    },
    release,
  };
}

describe('a change made while the sync is starting', () => {
  it('reaches the workstation though the change feed started after it', { timeout: 60_000 }, async () => {
    const couch = await startTestCouch();
    const clerk = couch.users[0]!;
    const database = officeDbName(clerk.officeId);
    const proxy = await holdingProxy(new URL(couch.url), database);
    const ws = await openTestWorkstation({ dbName: `start-race-${Date.now()}`, couchUrl: proxy.url, accountUrl: couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 300, collections: ['people'] });
    try {
      await ws.sync.awaitInSync(); // the first pull has read the server
      expect(proxy.held).toBeGreaterThan(0); // the feed is still asking where to start
      const [doc] = personDocs(clerk.officeId, `race${Date.now()}`, 1).map(({ id, ...d }) => ({ _id: id, ...d }));
      await couchClient(couch.adminUrl).request('POST', `/${database}/_bulk_docs`, { docs: [doc] });
      proxy.release();
      const arrived = await until(async () => (await ws.db.collections.people.findOne(doc!._id).exec()) !== null, 20_000);
      expect(arrived).toBe(true);
    } finally {
      await ws.close();
      await proxy.close();
      await couch.dispose();
    }
  });
});
