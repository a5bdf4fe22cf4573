// Key protection of the offline credential cache, and its wiring into the session handlers.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { createMainContext } from '../context';
import { dispatch } from '../dispatch';
import { fakeKeyProtector } from '../keys/fake-protector';
import { CredentialCache } from './credential-cache';
import { createHandlers } from './index';
import { sessionHandlers } from './session';

const KEYS = { lookup: 'L'.repeat(44), offices: { 'office-a': 'A'.repeat(44) } };
const USER = { name: 'clerk1', displayName: '张敏', roles: ['clerk' as const], officeId: 'office-a', officeName: '甲街道', districtId: 'd1' };

const dirs: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'hws-cred-'));
  dirs.push(d);
  return d;
};
let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 5 })));
});

describe('credential cache', () => {
  it('browser mode: keys sealed with the password-derived key only', async () => {
    const dir = await tmp();
    const cache = new CredentialCache(dir);
    await cache.remember('clerk1', 'pw-1', USER, KEYS);
    const entry = JSON.parse(await readFile(path.join(dir, 'credentials.json'), 'utf8')).clerk1;
    expect(entry.protection).toBe('password');
    expect(JSON.stringify(entry)).not.toContain(KEYS.lookup);
    expect(await cache.verify('clerk1', 'pw-1')).toEqual({ kind: 'ok', user: USER, keys: KEYS });
    expect(await cache.verify('clerk1', 'pw-2')).toEqual({ kind: 'wrong' });
  });

  it('Electron: the password-sealed keys are sealed again by the protector', async () => {
    const dir = await tmp();
    const protector = fakeKeyProtector();
    await new CredentialCache(dir, { protector }).remember('clerk1', 'pw-1', USER, KEYS);
    const entry = JSON.parse(await readFile(path.join(dir, 'credentials.json'), 'utf8')).clerk1;
    expect(entry).toMatchObject({ protection: 'os', sealedKeys: expect.stringMatching(/^fake:/) });
    expect(await new CredentialCache(dir, { protector }).verify('clerk1', 'pw-1')).toMatchObject({ kind: 'ok', keys: KEYS });
    expect(protector.calls).toEqual(['protect', 'unprotect']);
    // Without the OS store (the same folder served in browser mode) the keys cannot be opened.
    expect(await new CredentialCache(dir).verify('clerk1', 'pw-1')).toEqual({ kind: 'unknown' });
    // A wrong password is refused before the OS store is asked.
    expect(await new CredentialCache(dir, { protector }).verify('clerk1', 'nope')).toEqual({ kind: 'wrong' });
    expect(protector.calls).toHaveLength(2);
  });
});

describe('session handlers with a key protector (the Electron wiring)', () => {
  it('online sign-in caches OS-protected keys; offline sign-in opens them through the protector', async () => {
    const dataDir = await tmp();
    const protector = fakeKeyProtector();
    const [clerk] = couch.users;
    const login = { username: clerk!.name, password: clerk!.password };
    // As main/electron/index.ts composes them.
    const wire = async (couchUrl: string) => {
      const ctx = await createMainContext({ mode: 'electron', version: 't', couchUrl, dataDir });
      return { ...createHandlers(ctx), ...sessionHandlers(ctx, { keyProtector: protector }) };
    };
    const online = await wire(couch.url);
    const first = await dispatch(online, 'session/login', login);
    expect(first.ok).toBe(true);
    const offline = await wire('http://127.0.0.1:9');
    const second = await dispatch(offline, 'session/login', login);
    expect(second).toMatchObject({ ok: true, value: { user: { offline: true } } });
    expect(second.ok && first.ok && (second.value as { keys: unknown }).keys).toEqual(first.ok && (first.value as { keys: unknown }).keys);
    expect(protector.calls).toEqual(['protect', 'unprotect']);
    const file = await readFile(path.join(dataDir, 'credentials.json'), 'utf8');
    expect(JSON.parse(file)[clerk!.name].protection).toBe('os');
  });
});
