// The notifier wakes the collections for changes other writers made, not for this workstation's
// own uploads (a push in progress is not news to pull), including an upload whose reply arrives
// after the changes feed already showed it. It follows one continuous feed where the server streams
// (the embedded server and CouchDB 3.5 do): a change arrives over that one request, a cut stream
// resumes from the last sequence read, a malformed line is reported and skipped, and a server
// without a continuous feed is long-polled instead. Pointed at the change relay (sync-server/relay),
// the same code follows it.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { listenOnLoopback } from '../../sync-server/forward';
import { startRelay } from '../../sync-server/relay/relay';
import { startTcpProxy } from '../../sync-server/tcp-proxy';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { startNotifier, type Notifier } from './notifier';
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

const until = async (what: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

/** A small HTTP server speaking a database's info and `_changes` as `handle` says. */
async function fakeServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await listenOnLoopback(handle);
  return { url: `${server.url}/db`, close: server.close };
}

describe('notifier', () => {
  it('wakes for another writer, not for own uploads', async () => {
    const clerk = couch.users[0]!;
    const url = `${couch.url}/${officeDbName(clerk.officeId)}`;
    const f = authFetch(clerk.name, clerk.password, { report() {} });
    const own = ownWrites();
    const notifier = startNotifier({ remote: { url, fetch: f, filterMode: 'design' }, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000, ownWrites: own });
    const wakes: string[] = [];
    let stage = 'start';
    notifier.wake$.subscribe(() => wakes.push(stage));
    try {
      // Once it knows where to start, it wakes the collections for one more pull (a change made
      // while it was finding out would otherwise wake nobody).
      await until(() => wakes.length > 0);
      await new Promise((r) => setTimeout(r, 500)); // the feed is waiting
      stage = 'own';
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
      while (wakes.length === 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(wakes).toEqual(['start', 'theirs']);
    } finally {
      notifier.stop();
    }
  });

  it('delivers another writer\'s change over one continuous feed, and resumes a cut feed without missing a change made during the cut', async () => {
    const clerk = couch.users[0]!;
    const db = officeDbName(clerk.officeId);
    const proxy = await startTcpProxy(couch.url);
    const requests: string[] = [];
    const auth = authFetch(clerk.name, clerk.password, { report() {} });
    const f: typeof fetch = (input, init) => {
      requests.push(String(input));
      return auth(input, init);
    };
    const notifier = startNotifier({ remote: { url: `${proxy.url}/${db}`, fetch: f, filterMode: 'selector' }, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000 });
    const wakes: string[] = [];
    let stage = 'idle';
    notifier.wake$.subscribe(() => wakes.push(stage));
    const admin = couchClient(couch.adminUrl);
    const write = (label: string) => admin.request('POST', `/${db}/_bulk_docs`, { docs: personDocs(clerk.officeId, `${label}${Date.now()}`, 1).map(({ id, ...d }) => ({ _id: id, ...d })) });
    try {
      await until(() => requests.some((u) => u.includes('feed=continuous')));
      await new Promise((r) => setTimeout(r, 500));
      stage = 'first';
      await write('first');
      await until(() => wakes.length > 1);
      expect(wakes).toEqual(['idle', 'first']);
      // One request carried it: the feed, no long-poll and no new request after the change.
      expect(requests.filter((u) => u.includes('_changes'))).toHaveLength(1);
      expect(requests.filter((u) => u.includes('feed=longpoll'))).toEqual([]);

      // The network is cut; a change is made meanwhile; then the network is back.
      proxy.cut();
      await new Promise((r) => setTimeout(r, 500));
      stage = 'cut';
      await write('during-cut');
      await new Promise((r) => setTimeout(r, 1_000));
      const before = wakes.length;
      proxy.restore();
      // Back: one wake for the outage (local writes may wait to go up), and one for the change
      // made during the cut, read from the feed resumed at the last sequence it had read.
      await until(() => wakes.length >= before + 2);
      expect(wakes.slice(before)).toEqual(['cut', 'cut']);
      const resumed = requests.filter((u) => u.includes('feed=continuous')).slice(1);
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.every((u) => !u.includes('since=now'))).toBe(true);
      const third = requests.length;
      stage = 'after';
      await write('after');
      await until(() => wakes.length >= before + 3);
      expect(wakes.slice(before + 2)).toEqual(['after']);
      expect(requests.slice(third).filter((u) => u.includes('_changes'))).toEqual([]);
    } finally {
      notifier.stop();
      await proxy.close();
    }
  }, 60_000);

  it('reports a malformed line and skips it without losing the changes after it', async () => {
    let feed: http.ServerResponse | undefined;
    const server = await fakeServer((req, res) => {
      if (!req.url!.includes('_changes')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ update_seq: '1-a' }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('\n');
      feed = res;
    });
    const malformed: string[] = [];
    const notifier = startNotifier({ remote: { url: server.url, fetch, filterMode: 'selector' }, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000, onMalformed: (l) => malformed.push(l) });
    let wakes = 0;
    notifier.wake$.subscribe(() => wakes++);
    try {
      await until(() => feed !== undefined);
      feed!.write('{"seq":"2-a","id":"p1","changes":[{"rev":"1-x"}]}\n');
      await until(() => wakes === 1);
      // A line cut short, a line that is no change, then a change split over two writes.
      feed!.write('{"seq":"3-a","id":"p2","chan\n["not a row"]\n{"seq":"4-a","id":');
      await new Promise((r) => setTimeout(r, 100));
      feed!.write('"p3","changes":[{"rev":"1-y"}]}\n');
      await until(() => wakes === 2);
      expect(wakes).toBe(2);
      expect(malformed).toEqual(['{"seq":"3-a","id":"p2","chan', '["not a row"]']);
    } finally {
      notifier.stop();
      await server.close();
    }
  });

  it('after an outage wakes the collections once the server answers, and again after the follow-up delays', async () => {
    let down = true;
    const server = await fakeServer((req, res) => {
      if (down) return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      if (!req.url!.includes('_changes')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ update_seq: '1-a' }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('\n'); // a feed with no change: the server is back, nothing new on it yet
    });
    const notifier = startNotifier({ remote: { url: server.url, fetch, filterMode: 'selector' }, longpollTimeoutMs: 5_000, retryMinMs: 100, retryMaxMs: 200, followUpMs: [300, 600] });
    const wakes: number[] = [];
    notifier.wake$.subscribe(() => wakes.push(Date.now()));
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(wakes).toEqual([]);
      const back = Date.now();
      down = false;
      // The wake on reaching it, then the two follow-ups: another workstation's write kept while
      // the server was away may land on a copy the first pull did not read.
      await until(() => wakes.length >= 3, 5_000);
      await new Promise((r) => setTimeout(r, 700));
      expect(wakes).toHaveLength(3);
      expect(wakes[2]! - back).toBeGreaterThanOrEqual(600);
    } finally {
      notifier.stop();
      await server.close();
    }
  });

  it('long-polls a server that offers no continuous feed', async () => {
    const seen: string[] = [];
    let answered = false;
    const server = await fakeServer((req, res) => {
      seen.push(req.url!);
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (!req.url!.includes('_changes')) return json(200, { update_seq: '1-a' });
      if (req.url!.includes('feed=continuous')) return json(501, { error: 'not_implemented', reason: 'feed=continuous is not supported' });
      if (answered) return; // the next long-poll waits
      answered = true;
      setTimeout(() => json(200, { results: [{ seq: '2-a', id: 'p1', changes: [{ rev: '1-x' }] }], last_seq: '2-a' }), 200);
    });
    const notifier = startNotifier({ remote: { url: server.url, fetch, filterMode: 'selector' }, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000 });
    let wakes = 0;
    notifier.wake$.subscribe(() => wakes++);
    try {
      await until(() => wakes === 1);
      expect(wakes).toBe(1);
      expect(seen.filter((u) => u.includes('feed=continuous'))).toHaveLength(1);
      expect(seen.filter((u) => u.includes('feed=longpoll')).length).toBeGreaterThan(0);
    } finally {
      notifier.stop();
      await server.close();
    }
  });
  it('follows the change relay with the same code: the notifiers of an office share one upstream feed, and are not woken by another office\'s changes', async () => {
    const [a, b] = couch.users as [(typeof couch.users)[0], (typeof couch.users)[0]];
    const dbA = officeDbName(a.officeId);
    const notifiers: Notifier[] = [];
    const wakes = [0, 0, 0];
    const requests: string[] = [];
    const start = (i: number, user: typeof a) => {
      const auth = authFetch(user.name, user.password, { report() {} });
      const f: typeof fetch = (input, init) => {
        requests.push(String(input));
        return auth(input, init);
      };
      const db = officeDbName(user.officeId);
      const n = startNotifier({ remote: { url: `${couch.url}/${db}`, fetch: f, filterMode: 'selector' }, changesUrl: `${relay.url}/${db}`, longpollTimeoutMs: 5_000, retryMinMs: 200, retryMaxMs: 1_000 });
      n.wake$.subscribe(() => wakes[i]!++);
      notifiers.push(n);
    };
    const relay = await startRelay({ couchUrl: couch.adminUrl });
    const write = async (officeId: string, label: string) => {
      const docs = personDocs(officeId, `${label}${Date.now()}`, 1).map(({ id, ...d }) => ({ _id: id, ...d }));
      await couchClient(couch.adminUrl).request('POST', `/${officeDbName(officeId)}/_bulk_docs`, { docs });
    };
    try {
      start(0, a);
      start(1, a);
      start(2, b);
      await until(() => requests.filter((u) => u.includes('feed=continuous')).length === 3);
      await until(() => relay.stats().clients === 3);
      expect(relay.stats().clients).toBe(3);
      // Two workstations of office A and one of B: one upstream feed per office, not per workstation.
      expect(relay.stats().upstreamFeeds).toBe(2);
      expect(wakes).toEqual([1, 1, 1]); // each woke once on finding where to start
      await write(a.officeId, 'relayA');
      await until(() => wakes[0]! > 1 && wakes[1]! > 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(wakes).toEqual([2, 2, 1]);
      await write(b.officeId, 'relayB');
      await until(() => wakes[2]! > 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(wakes).toEqual([2, 2, 2]);
      // Every request went to the relay; none bypassed it to the database.
      expect(requests.every((u) => u.startsWith(relay.url))).toBe(true);
      expect(requests.filter((u) => u.includes(`/${dbA}/_changes`)).every((u) => u.includes('feed=continuous'))).toBe(true);
    } finally {
      for (const n of notifiers) n.stop();
      await relay.close();
    }
  });
});
