// A pull whose request the network swallows — the connection is taken and no answer ever comes, as
// when a laptop changes networks mid-request — does not hold the collection's sync for good: the
// request is given up after the stall limit and the pull tried again, and the document arrives.
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { forward, listenOnLoopback } from '../../sync-server/forward';
import { startTestCouch } from '../../sync-server/testing';
import { personDocs } from './test-data';
import { openTestWorkstation, until } from './test-workstation';

/** Forwards everything to `target` but the first filtered `_changes` read (a pull), which it swallows. */
async function swallowingProxy(target: URL) {
  let swallowed = 0;
  const server = await listenOnLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (swallowed === 0 && url.pathname.endsWith('/_changes') && url.searchParams.has('filter')) {
      swallowed++;
      req.resume(); // read, never answered
      return;
    }
    forward(req, res, target);
  });
  return {
    ...server,
    get swallowed() {
      return swallowed;
    },
  };
}

describe('a pull request that is never answered', () => {
  it('is given up after the stall limit, and the document still arrives', { timeout: 90_000 }, async () => {
    const couch = await startTestCouch();
    const clerk = couch.users[0]!;
    const database = officeDbName(clerk.officeId);
    const [doc] = personDocs(clerk.officeId, `stall${Date.now()}`, 1).map(({ id, ...d }) => ({ _id: id, ...d }));
    await couchClient(couch.adminUrl).request('POST', `/${database}/_bulk_docs`, { docs: [doc] });
    const proxy = await swallowingProxy(new URL(couch.url));
    const ws = await openTestWorkstation({
      dbName: `stalled-${Date.now()}`,
      couchUrl: proxy.url,
      accountUrl: couch.url,
      username: clerk.name,
      password: clerk.password,
      retryTimeMs: 300,
      requestStallMs: 5_000,
      collections: ['people'],
    });
    const errors: string[] = [];
    const sub = ws.sync.targets$.subscribe((targets) => errors.push(...targets.flatMap((t) => (t.error ? [t.error] : []))));
    try {
      const arrived = await until(async () => (await ws.db.collections.people.findOne(doc!._id).exec()) !== null, 40_000);
      expect(proxy.swallowed).toBe(1);
      expect(arrived).toBe(true);
      // The collection's health told why it waited, in words IT can act on.
      expect(errors.some((e) => /服务器 5 秒没有回应/.test(e))).toBe(true);
    } finally {
      sub.unsubscribe();
      await ws.close();
      await proxy.close();
      await couch.dispose();
    }
  });
});
