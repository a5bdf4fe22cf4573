// What an attacker or an operator would notice of the embedded server's security: private files,
// CouchDB 3.5's password storage, the password-check cache and lockout, sessions, CORS.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCredentials } from '../couch';
import { startEmbeddedServer, type EmbeddedServer } from '../embedded';

let dir: string;
let dataDir: string;
let server: EmbeddedServer;
let admin: string;
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const ORIGIN = 'http://127.0.0.1:17999';

async function req(method: string, p: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(server.url + p, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { res, json: (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}

const putUser = (name: string, password: string, extra: Record<string, unknown> = {}) =>
  req('PUT', `/_users/org.couchdb.user:${name}`, { authorization: admin }, { _id: `org.couchdb.user:${name}`, name, type: 'user', roles: ['staff'], password, ...extra });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-sec-'));
  dataDir = path.join(dir, 'data');
  // What an older version left behind: a world-readable file in a world-readable folder.
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'config.json'), '{}');
  await chmod(dataDir, 0o755);
  await chmod(path.join(dataDir, 'config.json'), 0o644);
  server = await startEmbeddedServer({ dataDir, corsOrigins: [ORIGIN] });
  admin = splitCredentials(server.adminUrl).authorization!;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('embedded server security', () => {
  it('keeps its data folder private: folders 0700, files 0600, old ones included', async () => {
    await req('PUT', '/hws-private', { authorization: admin });
    for (const p of [dataDir, path.join(dataDir, 'db'), path.join(dataDir, 'db', 'hws-private')]) expect(((await stat(p)).mode & 0o777).toString(8), p).toBe('700');
    for (const f of ['config.json', 'admin.json', 'auth.json', 'security.json', path.join('db', 'hws-private', 'CURRENT')]) {
      expect(((await stat(path.join(dataDir, f))).mode & 0o777).toString(8), f).toBe('600');
    }
  });

  it('has its admin from the first answer on, kept hashed with 600,000 PBKDF2-SHA256 iterations', async () => {
    expect((await req('GET', '/_all_dbs', { authorization: admin })).res.status).toBe(200);
    const auth = JSON.parse(await readFile(path.join(dataDir, 'auth.json'), 'utf8')) as { admins: Record<string, Record<string, unknown>> };
    const { password } = JSON.parse(await readFile(path.join(dataDir, 'admin.json'), 'utf8')) as { password: string };
    expect(auth.admins.admin).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600000 });
    expect(JSON.stringify(auth)).not.toContain(password);
  });

  it('stores user passwords as CouchDB 3.5 does, never in clear', async () => {
    expect((await putUser('u1', 'secret-one')).res.status).toBe(201);
    const { json } = await req('GET', '/_users/org.couchdb.user:u1', { authorization: admin });
    expect(json).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600000, salt: expect.stringMatching(/^[0-9a-f]{32}$/), derived_key: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json).not.toHaveProperty('password');
    expect((await req('GET', '/_session', { authorization: basic('u1', 'secret-one') })).json).toMatchObject({ userCtx: { name: 'u1', roles: ['staff'] } });
  });

  it('checks a good password once (cached), never caches a wrong one, and forgets a changed password', async () => {
    await putUser('u2', 'first');
    const t0 = Date.now();
    expect((await req('GET', '/_session', { authorization: basic('u2', 'first') })).res.status).toBe(200);
    const first = Date.now() - t0;
    const t1 = Date.now();
    for (let i = 0; i < 5; i++) expect((await req('GET', '/_session', { authorization: basic('u2', 'first') })).res.status).toBe(200);
    const cached = (Date.now() - t1) / 5;
    expect(cached).toBeLessThan(first / 3);
    const t2 = Date.now();
    expect((await req('GET', '/', { authorization: basic('u2', 'wrong') })).res.status).toBe(401);
    expect(Date.now() - t2).toBeGreaterThan(cached * 3);
    const doc = (await req('GET', '/_users/org.couchdb.user:u2', { authorization: admin })).json!;
    await req('PUT', '/_users/org.couchdb.user:u2', { authorization: admin }, { ...doc, password: 'second' });
    expect((await req('GET', '/', { authorization: basic('u2', 'first') })).res.status).toBe(401);
    expect((await req('GET', '/', { authorization: basic('u2', 'second') })).res.status).toBe(200);
  }, 60_000);

  it('locks a user out after 5 wrong passwords, as CouchDB 3.5', async () => {
    await putUser('u3', 'right');
    for (let i = 0; i < 5; i++) expect((await req('GET', '/', { authorization: basic('u3', 'wrong') })).res.status).toBe(401);
    expect((await req('GET', '/', { authorization: basic('u3', 'right') })).json).toMatchObject({ error: 'forbidden' });
  }, 60_000);

  it('signs in with a cookie session; a forged or altered cookie is anonymous', async () => {
    await putUser('u4', 'pw4');
    const { res } = await req('POST', '/_session', {}, { name: 'u4', password: 'pw4' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^AuthSession=/);
    expect((await req('GET', '/_session', { cookie })).json).toMatchObject({ userCtx: { name: 'u4' }, info: { authenticated: 'cookie' } });
    const value = Buffer.from(cookie.slice('AuthSession='.length), 'base64url').toString();
    const forged = `AuthSession=${Buffer.from(value.replace(/^u4:/, 'admin:')).toString('base64url')}`;
    expect((await req('GET', '/_session', { cookie: forged })).json).toMatchObject({ userCtx: { name: null } });
    expect((await req('GET', '/_all_dbs', { cookie: forged })).res.status).toBe(401);
    expect((await req('POST', '/_session', {}, { name: 'u4', password: 'nope' })).res.status).toBe(401);
  }, 30_000);

  it('answers CORS for its configured origins only, preflights included', async () => {
    const ok = await fetch(`${server.url}/`, { headers: { origin: ORIGIN } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const pre = await fetch(`${server.url}/hws-private/_all_docs`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    for (const origin of ['http://evil.example', 'http://127.0.0.1:17880', 'null']) {
      const res = await fetch(`${server.url}/`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await fetch(`${server.url}/hws-private/_all_docs`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods'), origin).toBeNull();
    }
  });
});
