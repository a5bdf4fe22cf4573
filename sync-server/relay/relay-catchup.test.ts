// The relay's catch-up against a cluster whose copy of a shard lags behind a write: CouchDB
// acknowledges a write once two of its three copies hold it, and the catch-up may read the third.
// A lagging copy cannot be made on demand in a real cluster, so this CouchDB is a small HTTP
// server that answers like one: the first catch-up read misses the write, a later read has it.
// (The relay against Apache CouchDB itself: relay.test.ts.)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from './relay';

const DB = 'office_lagging';
const MISSED = { seq: 'F1-copy3', id: 'person:missed', changes: [{ rev: '1-abc' }] };
let server: http.Server;
let relay: Relay;
const catchUpReads: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://couch');
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === `/${DB}`) return json({ db_name: DB, update_seq: 'R0' });
    if (url.pathname !== `/${DB}/_changes`) return void res.writeHead(404).end('{}');
    if (url.searchParams.get('feed') === 'continuous') {
      // The relay's own feed: it already streamed the write, before the workstation joined.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(JSON.stringify({ ...MISSED, seq: 'R1-copy1' }) + '\n');
      const beat = setInterval(() => res.write('\n'), 1_000);
      res.on('close', () => clearInterval(beat));
      return;
    }
    const since = url.searchParams.get('since') ?? '';
    catchUpReads.push(since);
    // The first read meets the copy that does not hold the write yet.
    if (catchUpReads.length === 1) return json({ results: [], last_seq: 'F0-end', pending: 0 });
    return json({ results: since === 'F1-copy3' ? [] : [MISSED], last_seq: 'F1-copy3', pending: 0 });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  relay = await startRelay({ couchUrl: `http://admin:pw@127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await relay?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => server?.close(() => r()));
});

describe('change relay catch-up on a lagging copy', () => {
  it('brings a write the catch-up read missed once the copy holds it, as CouchDB\'s own feed would', async () => {
    const authorization = `Basic ${Buffer.from('clerk:pw').toString('base64')}`;
    // The relay starts following the office (and streams the write) before the workstation resumes.
    expect((await fetch(`${relay.url}/${DB}`, { headers: { authorization } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const abort = new AbortController();
    const res = await fetch(`${relay.url}/${DB}/_changes?feed=continuous&style=all_docs&heartbeat=1000&since=F0-copy3`, { headers: { authorization }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const deadline = Date.now() + 4_000;
    while (!text.includes(MISSED.id) && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!next || next.done) break;
      text += next.value;
    }
    abort.abort();
    const rows = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; seq: string });
    expect(rows).toContainEqual(expect.objectContaining({ id: MISSED.id, seq: MISSED.seq }));
    // Read again from where the first read ended, not from the start.
    expect(catchUpReads.slice(0, 2)).toEqual(['F0-copy3', 'F0-end']);
  });
});
