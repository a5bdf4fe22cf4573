// Fault tests with real processes: the sync server runs as `hws sync-server start` in a child
// process. In 20 rounds, alternately workstation A writes 80 documents that it pushes and an
// office system writes 80 on the server that workstation B pulls (20 per request); the server is
// SIGKILLed right after the 1st, 2nd or 3rd upload or pull batch of the round reached it (at once,
// or a few milliseconds later while it may be writing) and started again on
// the same data. Then the server, A and B hold the same documents, each exactly once, at its first
// revision with no conflicts: nothing lost, nothing duplicated.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { startChildServer, type ChildServer } from '../../sync-server/child-server';
import { couchClient } from '../../sync-server/couch';
import { startCountingProxy, type CountingProxy } from '../../sync-server/counting-proxy';
import { DEMO_PASSWORD } from '../../sync-server/demo';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';

const OFFICE = 'futian-huafu';
const KILLS = 20;
const PER_ROUND = 80;
const BATCH = 20;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await Promise.race([c().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
}, 90_000);

interface Rig {
  readonly server: ChildServer;
  readonly proxy: CountingProxy;
  readonly serverDocs: () => Promise<{ id: string; doc: { _rev: string; _conflicts?: string[]; name?: string } }[]>;
  readonly kinds: { push: number; pull: number };
  /** Resolves once the server was killed at that point and runs again. */
  readonly killAt: (kind: 'push' | 'pull', k: number) => Promise<void>;
}

/**
 * A child sync server behind a counting proxy. `killAt(kind, k)` arms it: right after the k-th
 * further request of that kind reached the server, SIGKILL it (at once or a few milliseconds
 * later, while it may be writing) and start it again on the same data.
 */
async function rig(): Promise<Rig> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hws-faults-'));
  const server = await startChildServer(dataDir);
  const proxy = await startCountingProxy(server.url, /_bulk_docs|_changes\?style=all_docs/);
  cleanups.push(() => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }), () => server.stop(), () => proxy.close());
  const admin = couchClient(await server.adminUrl());
  const kinds = { push: 0, pull: 0 };
  let armed: { kind: 'push' | 'pull'; left: number; done: () => void } | undefined;
  const restart = async (): Promise<void> => {
    await server.kill();
    // A loaded machine may be slow to start it again: try until it answers.
    for (let tries = 0; ; tries++) {
      try {
        return await server.start();
      } catch (e) {
        if (tries >= 3) throw e;
      }
    }
  };
  proxy.onCounted = (_n, req) => {
    const kind = req.url?.includes('_bulk_docs') ? 'push' : 'pull';
    if (!armed || armed.kind !== kind || --armed.left > 0) return;
    const { done } = armed;
    armed = undefined;
    kinds[kind]++;
    const kills = kinds.push + kinds.pull;
    void new Promise<void>((r) => setTimeout(r, (kills % 3) * 7))
      .then(restart)
      .finally(done);
  };
  return {
    server,
    proxy,
    kinds,
    serverDocs: async () =>
      (await admin.request<{ rows: Awaited<ReturnType<Rig['serverDocs']>> }>('GET', `/${officeDbName(OFFICE)}/_all_docs?include_docs=true&conflicts=true`)).rows.filter(
        (r) => !r.id.startsWith('_design/'),
      ),
    killAt: (kind, k) => new Promise<void>((done) => (armed = { kind, left: k, done })),
  };
}

const open = (r: Rig, name: string, user: string) =>
  openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl: r.proxy.url, accountUrl: r.server.url, username: user, password: DEMO_PASSWORD, retryTimeMs: 200, batchSize: BATCH, collections: ['people'] });

const localNames = async (ws: TestWorkstation) => new Map((await ws.db.people.find().exec()).map((d) => [d.id, String(d.get('name'))]));

async function waitFor(probe: () => Promise<boolean>, ms: number, what: () => Promise<string>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out: ${await what()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function expectSame(r: Rig, ws: TestWorkstation, count: number): Promise<void> {
  const state = async () => {
    const { problems, ...status } = ws.sync.status$.value;
    return JSON.stringify({ kinds: r.kinds, server: (await r.serverDocs().catch(() => [])).length, local: (await localNames(ws)).size, status, problem: problems[0] });
  };
  await waitFor(async () => (await r.serverDocs()).length === count && (await localNames(ws)).size === count, 60_000, state);
  await ws.sync.awaitInSync();
  const rows = await r.serverDocs();
  expect(rows.filter((row) => row.doc._conflicts?.length)).toEqual([]);
  expect(rows.filter((row) => !row.doc._rev.startsWith('1-'))).toEqual([]);
  const onServer = new Map(rows.map((row) => [row.id, row.doc.name]));
  expect(onServer.size).toBe(count);
  expect(new Map([...(await localNames(ws))].sort())).toEqual(new Map([...onServer].sort()));
  expect(ws.sync.status$.value.problems).toEqual([]);
}

/** The office system's own write, retried like any client would if the server is still coming up. */
async function officeWrite(r: Rig, write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (e) {
      if (attempt >= 10) throw new Error(`office write failed, server running: ${r.server.running}: ${String(e)}`);
      await new Promise((res) => setTimeout(res, 1_000));
    }
  }
}

describe('sync through a sync server that is killed 20 times', () => {
  it('loses and duplicates nothing when SIGKILLed during pushes and pulls', async () => {
    const r = await rig();
    const admin = couchClient(await r.server.adminUrl());
    const a = await open(r, 'push', 'clerk1');
    const b = await open(r, 'pull', 'clerk2');
    cleanups.push(() => a.close(), () => b.close());
    for (let round = 0; round < KILLS; round++) {
      const kind = round % 2 === 0 ? 'push' : 'pull';
      const killed = r.killAt(kind, 1 + ((round >> 1) % 3));
      const docs = personDocs(OFFICE, `${kind}${round}`, PER_ROUND);
      if (kind === 'push') await insertInChunks(a.db, 'people', docs);
      else await officeWrite(r, () => admin.request('POST', `/${officeDbName(OFFICE)}/_bulk_docs`, { docs: docs.map(({ id, ...d }) => ({ _id: id, ...d })) }));
      await Promise.race([killed, new Promise((_, reject) => setTimeout(() => reject(new Error(`round ${round}: no ${kind} request reached the server`)), 60_000))]);
    }
    await Promise.all([expectSame(r, a, KILLS * PER_ROUND), expectSame(r, b, KILLS * PER_ROUND)]);
    expect(r.kinds).toEqual({ push: KILLS / 2, pull: KILLS / 2 });
  }, 240_000);
});
