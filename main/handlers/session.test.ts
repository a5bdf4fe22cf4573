import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, signDoc, verifySignature, type SigningKeyPair } from '../../domain/crypto/signing';
import { verifyRecord } from '../../domain/audit/signed-records';
import type { DuplicateOverride } from '../../domain/intake/override';
import { staffKeyDoc, staffKeyPath, type StaffKeyDoc } from '../../domain/sync/staff-keys';
import { keyOf, signAs } from '../../domain/sync/testing/signers';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { createMainContext } from '../context';
import { dispatch } from '../dispatch';
import { createHandlers } from './index';

let couch: TestCouch;
let dataDir: string;
beforeAll(async () => {
  couch = await startTestCouch();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hws-ws-'));
});
afterAll(async () => {
  await couch?.dispose();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

async function handlersFor(couchUrl: string) {
  return createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl, dataDir }));
}

describe('session/login', () => {
  it('signs a clerk in with the office from their server account', async () => {
    const [clerk] = couch.users;
    const result = await dispatch(await handlersFor(couch.url), 'session/login', { username: clerk!.name, password: clerk!.password });
    expect(result).toMatchObject({
      ok: true,
      value: {
        user: { name: clerk!.name, displayName: clerk!.displayName, roles: ['clerk'], officeId: clerk!.officeId, officeName: couch.offices[0]!.name, districtId: couch.offices[0]!.districtId, offline: false },
      },
    });
    const keys = result.ok ? (result.value as { keys: { lookup: string; offices: Record<string, string> } }).keys : undefined;
    expect(Buffer.from(keys!.lookup, 'base64')).toHaveLength(32);
    expect(Object.keys(keys!.offices)).toEqual([clerk!.officeId]);
  });

  it('refuses a wrong password with a clear message', async () => {
    const [clerk] = couch.users;
    const result = await dispatch(await handlersFor(couch.url), 'session/login', { username: clerk!.name, password: 'nope' });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } });
  });

  it('signs in offline with the cached credential, and still refuses a wrong password', async () => {
    const [clerk, other] = couch.users;
    const unreachable = 'http://127.0.0.1:9'; // discard port: nothing listens
    const handlers = await handlersFor(unreachable);
    const online = await dispatch(await handlersFor(couch.url), 'session/login', { username: clerk!.name, password: clerk!.password });
    const okResult = await dispatch(handlers, 'session/login', { username: clerk!.name, password: clerk!.password });
    expect(okResult).toMatchObject({ ok: true, value: { user: { name: clerk!.name, officeId: clerk!.officeId, offline: true } } });
    expect(okResult.ok && online.ok && (okResult.value as { keys: unknown }).keys).toEqual(online.ok && (online.value as { keys: unknown }).keys);
    const file = await readFile(path.join(dataDir, 'credentials.json'), 'utf8');
    expect(file).not.toContain(clerk!.password);
    if (!online.ok) throw new Error('online sign-in failed');
    expect(file).not.toContain((online.value as { keys: { lookup: string } }).keys.lookup);
    const wrong = await dispatch(handlers, 'session/login', { username: clerk!.name, password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const never = await dispatch(handlers, 'session/login', { username: other!.name, password: other!.password });
    expect(never).toMatchObject({ ok: false, error: { code: 'OFFLINE_FIRST_LOGIN', message: expect.stringContaining('首次登录需要联网') } });
  });

  it('asks for both fields', async () => {
    const result = await dispatch(await handlersFor(couch.url), 'session/login', { username: '', password: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'MISSING_CREDENTIALS' } });
  });
});

describe('session/authorize', () => {
  it("refuses a clerk's sign-off and a wrong password, so only reviewers can override at the counter", async () => {
    const [clerk] = couch.users;
    const handlers = await handlersFor(couch.url);
    expect(await dispatch(handlers, 'session/authorize', { username: clerk!.name, password: clerk!.password })).toMatchObject({
      ok: false,
      error: { code: 'NOT_REVIEWER', message: expect.stringContaining('不是初审或复审人员') },
    });
    expect(await dispatch(handlers, 'session/authorize', { username: clerk!.name, password: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });
});

describe('dispatch', () => {
  it('answers an unknown call as data', async () => {
    expect(await dispatch(await handlersFor(couch.url), 'nope/nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('turns an unexpected failure into a generic message with an id, logged once', async () => {
    const lines: string[] = [];
    const handlers = { ...(await handlersFor(couch.url)), 'app/info': () => Promise.reject(new Error('disk on fire')) };
    const result = await dispatch(handlers, 'app/info', undefined, (l) => lines.push(l));
    expect(result.ok).toBe(false);
    const id = !result.ok ? result.error.id : undefined;
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(!result.ok && result.error.message).toContain(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('disk on fire');
  });
});

describe('signing keys', () => {
  it('makes a key pair at the first online sign-in, registers only its public key, and keeps the same pair offline', async () => {
    const [clerk] = couch.users;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-ws-sign-'));
    try {
      const handlers = createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl: couch.url, dataDir: dir }));
      const first = await dispatch(handlers, 'session/login', { username: clerk!.name, password: clerk!.password });
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      const signing = (first.value as { keys: { signing: SigningKeyPair } }).keys.signing;
      const registered = await couchClient(couch.adminUrl).request<Record<string, unknown>>('GET', staffKeyPath(clerk!.name, signing.keyId));
      expect(registered).toMatchObject({ type: 'staff_key', name: clerk!.name, publicKey: signing.publicKey });
      expect(JSON.stringify(registered)).not.toContain(signing.privateKey.slice(10, 60));
      const doc = { id: 'x', kind: 'accept' };
      expect(await verifySignature(signing.publicKey, await signDoc(await importSigner(signing), doc))).toBe(true);
      // Signing in again (online, then offline) keeps the pair: earlier signatures stay checkable.
      const again = await dispatch(handlers, 'session/login', { username: clerk!.name, password: clerk!.password });
      expect(again.ok && (again.value as { keys: { signing: SigningKeyPair } }).keys.signing).toEqual(signing);
      const offline = createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl: 'http://127.0.0.1:9', dataDir: dir }));
      const off = await dispatch(offline, 'session/login', { username: clerk!.name, password: clerk!.password });
      expect(off.ok && (off.value as { keys: { signing: SigningKeyPair } }).keys.signing).toEqual(signing);
      expect(await readFile(path.join(dir, 'credentials.json'), 'utf8')).not.toContain(signing.privateKey.slice(10, 60));
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });

  it('signs a reviewer in again when the server takes too long to confirm a key registered before, but never with a new key', async () => {
    const [, , , reviewer] = couch.users;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-ws-slow-'));
    // Forwards every request to the server, except that it never answers about staff keys.
    const proxy = http.createServer((req, res) => {
      if (decodeURIComponent(req.url ?? '').includes('staff_key:')) return;
      const target = new URL(req.url ?? '/', couch.url);
      const out = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const fresh = createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl: slowUrl, dataDir: dir }));
      const first = await dispatch(fresh, 'session/authorize', { username: reviewer!.name, password: reviewer!.password });
      expect(first).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE', message: expect.stringContaining('登记签名密钥') } });
      const online = createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl: couch.url, dataDir: dir }));
      const signedIn = await dispatch(online, 'session/login', { username: reviewer!.name, password: reviewer!.password });
      if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
      const again = await dispatch(fresh, 'session/authorize', { username: reviewer!.name, password: reviewer!.password });
      expect(again).toMatchObject({ ok: true, value: { name: reviewer!.name } });
      const override = await dispatch(fresh, 'session/override', { username: reviewer!.name, password: reviewer!.password, caseId: 'case:x', reason: '核实无重复' });
      const key = (signedIn.value as { keys: { signing: SigningKeyPair } }).keys.signing;
      expect(override.ok && (override.value as { signature: { keyId: string } }).signature.keyId).toBe(key.keyId);
      expect(await dispatch(fresh, 'session/authorize', { username: reviewer!.name, password: 'nope' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }, 30_000);

  it('lets nobody register a key in another user’s name, nor change a registered key', async () => {
    const [clerk, , , reviewer] = couch.users;
    const asClerk = new URL(couch.url);
    asClerk.username = clerk!.name;
    asClerk.password = clerk!.password;
    const client = couchClient(asClerk.toString());
    const pair = await generateSigningKey();
    const forged = staffKeyDoc({ name: reviewer!.name, officeId: reviewer!.officeId }, pair.publicKey, 'ws-x', new Date().toISOString());
    await expect(client.request('PUT', staffKeyPath(reviewer!.name, pair.keyId), forged)).rejects.toMatchObject({ status: 403 });
    const own = staffKeyDoc({ name: clerk!.name, officeId: clerk!.officeId }, pair.publicKey, 'ws-x', new Date().toISOString());
    // w=3: on a cluster every shard copy holds the key before the change is tried, so the refusal
    // comes from validate_doc_update (403), not from a lagging copy's conflict (409).
    const { rev } = await client.request<{ rev: string }>('PUT', `${staffKeyPath(clerk!.name, pair.keyId)}?w=3`, own);
    const other = await generateSigningKey();
    await expect(client.request('PUT', staffKeyPath(clerk!.name, pair.keyId), { ...own, _rev: rev, publicKey: other.publicKey })).rejects.toMatchObject({ status: 403 });
    const stored = await client.request<{ _rev: string; publicKey: unknown }>('GET', staffKeyPath(clerk!.name, pair.keyId));
    expect(stored).toMatchObject({ _rev: rev, publicKey: pair.publicKey });
  });
});

describe('session/override', () => {
  it('signs a duplicate-benefit override with the reviewer’s own key, registered as a reviewer’s; a clerk cannot give one', async () => {
    const [clerk, , , reviewer] = couch.users;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-ws-override-'));
    try {
      const handlers = createHandlers(await createMainContext({ mode: 'browser', version: 'test', couchUrl: couch.url, dataDir: dir }));
      const args = { username: reviewer!.name, password: reviewer!.password, caseId: 'case:dup-1', reason: '原补贴已申请停发' };
      const result = await dispatch(handlers, 'session/override', args);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const override = result.value as DuplicateOverride;
      expect(override).toMatchObject({ type: 'duplicate_override', caseId: 'case:dup-1', reason: '原补贴已申请停发', actor: { userId: reviewer!.name, roles: ['reviewer'] } });
      const key = await couchClient(couch.adminUrl).request<StaffKeyDoc>('GET', staffKeyPath(reviewer!.name, override.signature.keyId));
      expect(key.roles).toEqual(['reviewer']);
      const event = await signAs(clerk!.name, { id: 'event:o', type: 'case_event', caseId: 'case:dup-1', kind: 'submit', actor: { userId: clerk!.name }, at: override.at, payload: { override } });
      const clerkKey = (await keyOf(clerk!.name)).pair;
      const registry = new Map([[key._id, key], [`staff_key:${clerk!.name}:${clerkKey.keyId}`, staffKeyDoc({ name: clerk!.name, officeId: clerk!.officeId }, clerkKey.publicKey, 'ws', override.at)]]);
      expect(await verifyRecord(registry, event)).toEqual({ ok: true });
      expect(await dispatch(handlers, 'session/override', { ...args, username: clerk!.name, password: clerk!.password })).toMatchObject({ ok: false, error: { code: 'NOT_REVIEWER' } });
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });

  it('the server refuses a key registration claiming roles the account does not have', async () => {
    const [clerk] = couch.users;
    const u = new URL(couch.url);
    u.username = clerk!.name;
    u.password = clerk!.password;
    const pair = await generateSigningKey();
    const claim = staffKeyDoc({ name: clerk!.name, officeId: clerk!.officeId, roles: ['clerk', 'reviewer'] }, pair.publicKey, 'ws-x', new Date().toISOString());
    await expect(couchClient(u.toString()).request('PUT', staffKeyPath(clerk!.name, pair.keyId), claim)).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('岗位') });
  });
});
