// The change relay (the notifier following it: renderer/sync/notifier.test.ts). No one
// receives a database's changes without CouchDB's own yes for their credentials — another office's
// clerk, a wrong password and no credentials get CouchDB's 401/403 and not a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { COLLECTIONS } from '../../domain/model';
import { padIndexFields } from '../../domain/model/indexing';
import { couchClient } from '../couch';
import { startTestCouch, type TestCouch } from '../testing';
import { startRelay, type Relay } from './relay';

let couch: TestCouch;
let relay: Relay;
beforeAll(async () => {
  couch = await startTestCouch();
  relay = await startRelay({ couchUrl: couch.adminUrl, accessTtlMs: 2_000 });
});
afterAll(async () => {
  await relay?.close();
  await couch?.dispose();
});

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

/** A person written straight into an office's database by the office system; its id. */
async function write(officeId: string, label: string): Promise<string> {
  const id = `person:${label}${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const at = new Date().toISOString();
  const doc = padIndexFields(COLLECTIONS.people, { id, type: 'person', schemaVersion: 1, officeId, createdAt: at, updatedAt: at, name: `测试人${label}`, nameKey: `测试人${label}`, hukou: 'shenzhen' });
  const { id: _id, ...rest } = doc as { id: string };
  const [reply] = await couchClient(couch.adminUrl).request<{ ok?: boolean; error?: string }[]>('POST', `/${officeDbName(officeId)}/_bulk_docs`, { docs: [{ _id, ...rest }] });
  if (!reply?.ok) throw new Error(`write refused: ${JSON.stringify(reply)}`);
  return id;
}

/** Reads a relay feed as raw text for `ms`, or until `enough` (what a workstation with these credentials would get). */
async function readFeed(path: string, authorization: string | undefined, ms: number, during?: () => Promise<void>, enough?: (text: string) => boolean): Promise<{ status: number; text: string }> {
  const abort = new AbortController();
  const res = await fetch(`${relay.url}${path}`, { headers: authorization ? { authorization } : {}, signal: abort.signal });
  let text = '';
  const reading = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += value;
      }
    } catch {
      // aborted at the end
    }
  })();
  await during?.();
  const until = Date.now() + ms;
  while (Date.now() < until && !enough?.(text)) await new Promise((r) => setTimeout(r, 50));
  abort.abort();
  await reading;
  return { status: res.status, text };
}

describe('change relay', () => {
  it('gives another office\'s clerk, a wrong password and no credentials CouchDB\'s refusal and no row', async () => {
    const [a, b] = couch.users as [(typeof couch.users)[0], (typeof couch.users)[0]];
    const dbA = officeDbName(a.officeId);
    const dbB = officeDbName(b.officeId);
    const feed = (db: string) => `/${db}/_changes?feed=continuous&style=all_docs&heartbeat=1000&since=now`;
    // A's access is known to the relay (so a cached yes for A must not serve anyone else).
    expect((await fetch(`${relay.url}/${dbA}`, { headers: { authorization: basic(a.name, a.password) } })).status).toBe(200);
    let writtenA = '';
    let writtenB = '';
    const asB = await readFeed(feed(dbA), basic(b.name, b.password), 800, async () => {
      writtenA = await write(a.officeId, 'secretA');
    });
    expect(asB.status).toBe(403);
    expect(asB.text).not.toContain(writtenA);
    expect((await fetch(`${relay.url}/${dbA}`, { headers: { authorization: basic(b.name, b.password) } })).status).toBe(403);
    const wrong = await readFeed(feed(dbA), basic(a.name, 'not-the-password'), 300);
    expect(wrong.status).toBe(401);
    const anonymous = await readFeed(feed(dbA), undefined, 300);
    expect(anonymous.status).toBe(401);
    for (const r of [wrong, anonymous]) expect(r.text).not.toMatch(/"seq"/);
    // A's long-poll and filtered feeds through the relay are CouchDB's own answers, refused alike.
    expect((await fetch(`${relay.url}/${dbA}/_changes?feed=longpoll&since=0&timeout=100`, { headers: { authorization: basic(b.name, b.password) } })).status).toBe(403);
    // B, following its own office, gets its office's change and not A's.
    const own = await readFeed(feed(dbB), basic(b.name, b.password), 1_500, async () => {
      await new Promise((r) => setTimeout(r, 300));
      writtenA = await write(a.officeId, 'secretA2');
      writtenB = await write(b.officeId, 'mineB');
    });
    expect(own.status).toBe(200);
    expect(own.text).toContain(writtenB);
    expect(own.text).not.toContain(writtenA);
    // System databases are not relayed at all.
    expect((await fetch(`${relay.url}/_users`, { headers: { authorization: basic(a.name, a.password) } })).status).toBe(400);
  });

  it('resumes a workstation from a sequence it did not stream, without missing what was written since', async () => {
    const a = couch.users[0]!;
    const db = officeDbName(a.officeId);
    const authorization = basic(a.name, a.password);
    // A sequence taken from the database itself (another node's, or from before the relay ran).
    const info = (await (await fetch(`${couch.url}/${db}`, { headers: { authorization } })).json()) as { update_seq: string };
    const missed = await write(a.officeId, 'missed');
    let live = '';
    // On the cluster the catch-up may read a copy that does not hold `missed` yet: the relay reads
    // again 1 s and 5 s later, so up to 7 s are given.
    const r = await readFeed(`/${db}/_changes?feed=continuous&style=all_docs&heartbeat=1000&since=${encodeURIComponent(info.update_seq)}`, authorization, 7_000, async () => {
      await new Promise((res) => setTimeout(res, 300));
      live = await write(a.officeId, 'live');
    }, (text) => text.includes(missed) && text.includes(live));
    expect(r.status).toBe(200);
    expect(r.text).toContain(missed);
    expect(r.text).toContain(live);
    // Rows carry ids and revisions, never a document's contents.
    const rows = r.text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(expect.arrayContaining(['changes', 'id', 'seq']));
    expect(rows.some((row) => 'doc' in row)).toBe(false);
  });

  it('resumes a workstation from a sequence the relay streamed with the rows after it, one a line, without asking CouchDB', async () => {
    const a = couch.users[0]!;
    const db = officeDbName(a.officeId);
    const authorization = basic(a.name, a.password);
    const feed = (since: string) => `/${db}/_changes?feed=continuous&style=all_docs&heartbeat=1000&since=${encodeURIComponent(since)}`;
    // The relay's own position, then three writes streamed live.
    const start = ((await (await fetch(`${relay.url}/${db}`, { headers: { authorization } })).json()) as { update_seq: string }).update_seq;
    const ids: string[] = [];
    // Read until all three came (a fixed 1.5 s missed the third once on a loaded machine), up to 10 s.
    const first = await readFeed(feed(start), authorization, 10_000, async () => {
      await new Promise((r) => setTimeout(r, 300));
      for (const label of ['one', 'two', 'three']) ids.push(await write(a.officeId, label));
    }, (text) => ids.every((id) => text.includes(id)));
    const streamed = first.text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { seq: string; id: string });
    for (const id of ids) expect(streamed.map((r) => r.id)).toContain(id);
    // A workstation cut after the first of them resumes from its sequence: the other two, from the relay's memory.
    const after = streamed.find((r) => r.id === ids[0])!.seq;
    const catchUps = relay.stats().catchUps;
    const resumed = await readFeed(feed(after), authorization, 5_000, undefined, (text) => text.includes(ids[1]!) && text.includes(ids[2]!));
    const rows = resumed.text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string });
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([ids[1], ids[2]]));
    expect(rows.map((r) => r.id)).not.toContain(ids[0]);
    expect(relay.stats().catchUps).toBe(catchUps);
  });
});
