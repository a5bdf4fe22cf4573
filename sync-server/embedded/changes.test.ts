// The changes feeds of the embedded server as the workstation and a bridge use them: filters
// (_selector, _doc_ids, the office design filter run in the vm), long-polls woken by a write, and
// the admins' _db_updates feed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCredentials } from '../couch';
import { loadDesignDoc } from '../design/load';
import { startEmbeddedServer, type EmbeddedServer } from '../embedded';

let dir: string;
let server: EmbeddedServer;
let auth: string;
const DB = 'hws-office-feed';

async function json<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(server.url + p, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, `${method} ${p}`).toBeLessThan(300);
  return (await res.json()) as T;
}
type Changes = { results: { id: string; seq: number; changes: { rev: string }[] }[]; last_seq: number };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-feed-'));
  server = await startEmbeddedServer({ dataDir: dir });
  auth = splitCredentials(server.adminUrl).authorization!;
  await json('PUT', `/${DB}`);
  const { validate_doc_update: _v, ...filtersOnly } = await loadDesignDoc('office');
  await json('PUT', `/${DB}/_design/hws`, filtersOnly);
  await json('POST', `/${DB}/_bulk_docs`, {
    docs: [
      { _id: 'c1', type: 'case' },
      { _id: 'p1', type: 'person' },
      { _id: 'e1', type: 'case_event' },
    ],
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('changes feeds', () => {
  it('filters by selector, by ids and by the office design filter, with limit and since', async () => {
    const bySelector = await json<Changes>('POST', `/${DB}/_changes?filter=_selector&style=all_docs`, { selector: { type: { $in: ['case', 'case_event'] } } });
    expect(bySelector.results.map((r) => r.id)).toEqual(['c1', 'e1']);
    const byIds = await json<Changes>('POST', `/${DB}/_changes?filter=_doc_ids`, { doc_ids: ['p1'] });
    expect(byIds.results.map((r) => r.id)).toEqual(['p1']);
    const byDesign = await json<Changes>('GET', `/${DB}/_changes?filter=hws/by_type&types=person,case`);
    expect(byDesign.results.map((r) => r.id)).toEqual(['c1', 'p1']);
    const first = await json<Changes>('POST', `/${DB}/_changes?filter=_selector&limit=1`, { selector: { type: 'case_event' } });
    expect(first.results.map((r) => r.id)).toEqual(['e1']);
    const after = await json<Changes>('GET', `/${DB}/_changes?since=${first.last_seq}`);
    expect(after.results.map((r) => r.id)).toEqual([]);
  });

  it('answers a long-poll at the next write, and at the timeout when nothing comes', async () => {
    const { update_seq } = await json<{ update_seq: number }>('GET', `/${DB}`);
    const t0 = Date.now();
    const waiting = json<Changes>('GET', `/${DB}/_changes?feed=longpoll&since=${update_seq}&timeout=20000&heartbeat=5000`);
    await new Promise((r) => setTimeout(r, 300));
    await json('PUT', `/${DB}/late`, { type: 'case' });
    const woke = await waiting;
    expect(woke.results.map((r) => r.id)).toEqual(['late']);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const t1 = Date.now();
    const idle = await json<Changes>('GET', `/${DB}/_changes?feed=longpoll&since=${woke.last_seq}&timeout=500`);
    expect(idle.results).toEqual([]);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(450);
  });

  it('lists database creations, updates and deletions to admins in _db_updates', async () => {
    const start = await json<{ last_seq: string }>('GET', '/_db_updates');
    const waiting = json<{ results: { db_name: string; type: string }[]; last_seq: string }>('GET', `/_db_updates?feed=longpoll&since=${start.last_seq}&timeout=10000`);
    await json('PUT', '/hws-office-new');
    expect((await waiting).results).toEqual([expect.objectContaining({ db_name: 'hws-office-new', type: 'created' })]);
    await json('PUT', '/hws-office-new/d1', { type: 'case' });
    await json('DELETE', '/hws-office-feed/late?rev=' + (await json<{ _rev: string }>('GET', `/${DB}/late`))._rev);
    const all = await json<{ results: { db_name: string; type: string }[] }>('GET', `/_db_updates?since=${start.last_seq}`);
    expect(all.results.map((r) => `${r.db_name} ${r.type}`).sort()).toEqual(['hws-office-feed updated', 'hws-office-new updated']);
    // A sequence from before a restart (another run's id) cannot be resumed: every database is listed.
    const stale = await json<{ results: { db_name: string }[] }>('GET', '/_db_updates?since=7-0badc0de');
    expect(stale.results.map((r) => r.db_name).sort()).toEqual(['_global_changes', '_replicator', '_users', 'hws-office-feed', 'hws-office-new']);
    const anonymous = await fetch(`${server.url}/_db_updates`);
    expect(anonymous.status).toBe(401);
  });
});
