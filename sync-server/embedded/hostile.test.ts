// Hostile requests against the embedded server: each gets CouchDB's answer (status and error),
// nothing is stored that should not be, and the server still answers afterwards.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCredentials } from '../couch';
import { startEmbeddedServer, type EmbeddedServer } from '../embedded';

let dir: string;
let server: EmbeddedServer;
let admin: string;
const user = { name: 'mallory', password: 'mallory-pw' };
const userAuth = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
const DB = 'hws-office-t1';

async function call(method: string, p: string, opts: { auth?: string; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  if (opts.auth) headers.authorization = opts.auth;
  if (opts.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + p, { method, headers, body: opts.body });
  const text = await res.text();
  let error: string | undefined;
  try {
    error = (JSON.parse(text) as { error?: string }).error;
  } catch {
    error = undefined;
  }
  return { status: res.status, error };
}

/** Sends raw bytes and returns the status line's code (or 0 when the server just closed). */
function raw(bytes: string | Buffer, endAfter = true): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(bytes);
      if (endAfter) socket.end();
    });
    let got = '';
    socket.on('data', (d) => (got += d.toString()));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    socket.on('error', () => resolve(0));
    setTimeout(() => socket.destroy(), 3000);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-hostile-'));
  server = await startEmbeddedServer({ dataDir: path.join(dir, 'data'), designTimeoutMs: 300 });
  admin = splitCredentials(server.adminUrl).authorization!;
  await call('PUT', `/${DB}`, { auth: admin });
  await call('PUT', `/${DB}/_security`, { auth: admin, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [user.name], roles: [] } }) });
  await call('PUT', `/_users/org.couchdb.user:${user.name}`, { auth: admin, body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: [], password: user.password }) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('hostile requests', () => {
  it('are answered as CouchDB answers them, and the server keeps answering', async () => {
    const cases: [string, Promise<{ status: number; error?: string }>, number, string | undefined][] = [];
    const add = (what: string, p: Promise<{ status: number; error?: string }>, status: number, error?: string) => cases.push([what, p, status, error]);
    add('anonymous PUT /anyname', call('PUT', '/anyname'), 401, 'unauthorized');
    add('user PUT /anyname', call('PUT', '/anyname', { auth: userAuth }), 401, 'unauthorized');
    add('anonymous _replicator doc', call('PUT', '/_replicator/r1', { body: '{"source":"http://x/a","target":"http://x/b"}' }), 401, 'unauthorized');
    add('anonymous POST _replicator', call('POST', '/_replicator', { body: '{"source":"http://x/a","target":"http://x/b"}' }), 401, 'unauthorized');
    add('user _replicator doc', call('PUT', '/_replicator/r2', { auth: userAuth, body: '{"source":"a","target":"b"}' }), 403, 'forbidden');
    add('admin _replicator doc (not offered)', call('PUT', '/_replicator/r3', { auth: admin, body: '{"source":"a","target":"b"}' }), 501, 'not_implemented');
    add('anonymous _replicate', call('POST', '/_replicate', { body: '{"source":"a","target":"b"}' }), 401, 'unauthorized');
    add('malformed JSON', call('PUT', `/${DB}/d1`, { auth: userAuth, body: '{"a":' }), 400, 'bad_request');
    add('JSON that is not an object', call('PUT', `/${DB}/d2`, { auth: userAuth, body: '[1,2]' }), 400, 'bad_request');
    add('malformed _bulk_docs', call('POST', `/${DB}/_bulk_docs`, { auth: userAuth, body: '{"docs":{}}' }), 400, 'bad_request');
    add('bad rev in body', call('PUT', `/${DB}/d3`, { auth: userAuth, body: '{"_rev":"bogus"}' }), 400, 'bad_request');
    add('unknown rev', call('PUT', `/${DB}/d4`, { auth: userAuth, body: '{"_rev":"1-abc"}' }), 409, 'conflict');
    add('delete without rev', call('DELETE', `/${DB}/d4`, { auth: userAuth }), 409, 'conflict');
    add('bad special member', call('PUT', `/${DB}/d5`, { auth: userAuth, body: '{"_evil":1}' }), 400, 'doc_validation');
    add('reserved doc id', call('PUT', `/${DB}/_evil`, { auth: userAuth, body: '{}' }), 400, 'illegal_docid');
    add('path traversal as a database name', call('PUT', '/..%2F..%2Fetc', { auth: admin }), 400, 'illegal_database_name');
    add('upper-case database name', call('PUT', '/Evil', { auth: admin }), 400, 'illegal_database_name');
    add('path traversal read', call('GET', '/..%2F..%2Fetc%2Fpasswd', { auth: admin }), 404, 'not_found');
    add('bad URL encoding', call('GET', '/%E0%A4%A', { auth: admin }), 400, 'bad_request');
    add('anonymous _config write', call('PUT', '/_node/_local/_config/admins/evil', { body: '"x"' }), 401, 'unauthorized');
    add('user _config write', call('PUT', '/_config/admins/evil', { auth: userAuth, body: '"x"' }), 401, 'unauthorized');
    add('admin _config write (not offered)', call('PUT', '/_node/_local/_config/admins/evil', { auth: admin, body: '"x"' }), 501, 'not_implemented');
    add('anonymous signup', call('PUT', '/_users/org.couchdb.user:eve', { body: '{"_id":"org.couchdb.user:eve","name":"eve","type":"user","roles":["_admin"],"password":"x"}' }), 401, 'unauthorized');
    add('user gives itself roles', call('PUT', `/_users/org.couchdb.user:${user.name}`, { auth: userAuth, body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: ['reviewer'] }) }), 403, 'forbidden');
    add('user design document', call('PUT', `/${DB}/_design/evil`, { auth: userAuth, body: '{"validate_doc_update":"function(){}"}' }), 403, 'forbidden');
    add('user _security write', call('PUT', `/${DB}/_security`, { auth: userAuth, body: '{}' }), 500, 'error');
    add('anonymous read', call('GET', `/${DB}/_all_docs`), 401, 'unauthorized');
    add('unknown method on /', call('POST', '/'), 405, 'method_not_allowed');
    add('session with bad JSON', call('POST', '/_session', { body: '{"name":' }), 400, 'bad_request');
    const oversized = JSON.stringify({ big: 'x'.repeat(9_000_000) });
    add('document over 8 MB', call('PUT', `/${DB}/big`, { auth: userAuth, body: oversized }), 413, undefined);
    add('request over 64 MB', call('POST', `/${DB}/_bulk_docs`, { auth: userAuth, body: 'x'.repeat(65 * 1024 * 1024) }), 413, 'too_large');
    const got = await Promise.all(cases.map(async ([what, p, status, error]) => ({ what, want: `${status} ${error ?? ''}`.trim(), got: await p })));
    for (const g of got) {
      const actual = `${g.got.status} ${g.want.includes(' ') ? g.got.error : ''}`.trim();
      expect(actual, g.what).toBe(g.want);
    }
    // Nothing escaped the data folder, and nothing was stored by the refused writes.
    expect((await readdir(dir)).sort()).toEqual(['data']);
    expect((await call('GET', `/${DB}/d1`, { auth: admin })).status).toBe(404);
    expect((await call('GET', '/_replicator/r3', { auth: admin })).status).toBe(404);
    expect((await call('GET', '/anyname', { auth: admin })).status).toBe(404);
    expect((await call('GET', '/_up')).status).toBe(200);
  }, 120_000);

  it('answers every request to a system database or an unknown _name, never leaving one hanging', async () => {
    const answered = (method: string, p: string) => Promise.race([call(method, p, { auth: admin }).then((r) => `${r.status} ${r.error ?? ''}`.trim()), new Promise<string>((r) => setTimeout(() => r('no answer'), 5_000))]);
    expect(await answered('PUT', '/_global_changes')).toBe('412 file_exists');
    expect(await answered('PUT', '/_users')).toBe('412 file_exists');
    expect(await answered('GET', '/_global_changes')).toMatch(/^200/);
    expect(await answered('GET', '/_nosuchthing')).toBe('404 not_found');
    expect(await answered('DELETE', '/_nosuchthing')).toBe('404 not_found');
  });

  it('malformed HTTP and a dropped connection get an answer or a close, never a crash', async () => {
    expect(await raw('GARBAGE\r\n\r\n')).toBe(400);
    expect(await raw(`GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n`)).toBe(400);
    expect(await raw(`PUT /${DB}/x HTTP/1.1\r\nHost: x\r\nAuthorization: ${userAuth}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`)).toBe(400);
    expect((await call('GET', `/${DB}/x`, { auth: admin })).status).toBe(404);
    expect((await call('GET', '/')).status).toBe(200);
  });

  it('refuses an attachment upload cut short, and stores nothing of it', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/${DB}/file1/content`, headers: { authorization: userAuth, 'content-type': 'application/octet-stream', 'content-length': 1_000_000 } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(0));
      req.write(Buffer.alloc(400_000, 7));
      setTimeout(() => req.destroy(), 200);
    });
    expect(status).toBe(0); // the client went away before the server could answer
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('GET', `/${DB}/file1`, { auth: admin })).status).toBe(404);
    const whole = await fetch(`${server.url}/${DB}/file2/content`, { method: 'PUT', headers: { authorization: userAuth, 'content-type': 'application/octet-stream' }, body: Buffer.alloc(1000, 1) });
    expect(whole.status).toBe(201);
    const back = await fetch(`${server.url}/${DB}/file2/content`, { headers: { authorization: userAuth } });
    expect((await back.arrayBuffer()).byteLength).toBe(1000);
  });

  it('answers a long-poll whose database is deleted meanwhile, and keeps answering', async () => {
    await call('PUT', '/hws-doomed', { auth: admin });
    const waiting = call('GET', '/hws-doomed/_changes?feed=longpoll&since=0&timeout=10000', { auth: admin });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('DELETE', '/hws-doomed', { auth: admin })).status).toBe(200);
    expect(await waiting).toEqual({ status: 404, error: 'not_found' });
    expect((await call('GET', '/_up')).status).toBe(200);
  });

  it('stops a validate function that loops forever (500), and keeps answering', async () => {
    const put = await call('PUT', `/${DB}/_design/loop`, { auth: admin, body: JSON.stringify({ validate_doc_update: 'function (n) { if (n.loop) { while (true) {} } }' }) });
    expect(put.status).toBe(201);
    const started = Date.now();
    const looped = await call('PUT', `/${DB}/l1`, { auth: userAuth, body: '{"loop":true}' });
    expect(looped).toEqual({ status: 500, error: 'os_process_error' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await call('PUT', `/${DB}/l2`, { auth: userAuth, body: '{"loop":false}' })).status).toBe(201);
    const thrown = await call('PUT', `/${DB}/_design/deny`, { auth: admin, body: JSON.stringify({ validate_doc_update: "function (n, o, u) { if (n.no) throw({ forbidden: 'no' }); if (n.who) throw({ unauthorized: 'who' }); }" }) });
    expect(thrown.status).toBe(201);
    expect(await call('PUT', `/${DB}/l3`, { auth: admin, body: '{"no":1}' })).toEqual({ status: 403, error: 'forbidden' });
    expect(await call('PUT', `/${DB}/l4`, { auth: userAuth, body: '{"who":1}' })).toEqual({ status: 401, error: 'unauthorized' });
    expect((await call('GET', '/')).status).toBe(200);
  }, 30_000);
});
