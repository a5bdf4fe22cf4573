// The notifier wakes the collections for changes other writers made, not for this workstation's
// own uploads (a push in progress is not news to pull), including an upload whose reply arrives
// after the changes feed already showed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { startNotifier } from './notifier';
import { ownWrites } from './own-writes';
import { authFetch } from './remote';
import { personDocs } from './test-data';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.dispose();
});

describe('notifier', () => {
  it('wakes for another writer, not for own uploads', async () => {
    const clerk = couch.users[0]!;
    const url = `${couch.url}/${officeDbName(clerk.officeId)}`;
    const f = authFetch(clerk.name, clerk.password, { report() {} });
    const own = ownWrites();
    const notifier = startNotifier({ remote: { url, fetch: f, filterMode: 'design' }, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000, ownWrites: own });
    const wakes: string[] = [];
    let stage = 'own';
    notifier.wake$.subscribe(() => wakes.push(stage));
    try {
      await new Promise((r) => setTimeout(r, 500)); // the long-poll is waiting
      const [mine, theirs] = personDocs(clerk.officeId, `wake${Date.now()}`, 2).map(({ id, ...d }) => ({ _id: id, ...d }));
      // Own upload: the reply is held back a moment, so the feed shows the change first.
      await own.track(
        (async () => {
          const res = await f(`${url}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: [mine] }) });
          const [reply] = (await res.json()) as { id: string; rev: string }[];
          await new Promise((r) => setTimeout(r, 300));
          own.remember(reply!.id, reply!.rev);
        })(),
      );
      await new Promise((r) => setTimeout(r, 1_000));
      stage = 'theirs';
      await couchClient(couch.adminUrl).request('POST', `/${officeDbName(clerk.officeId)}/_bulk_docs`, { docs: [theirs] });
      const end = Date.now() + 20_000;
      while (wakes.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(wakes).toEqual(['theirs']);
    } finally {
      notifier.stop();
    }
  });
});
