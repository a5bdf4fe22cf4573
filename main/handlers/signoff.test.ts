// Fingerprint sign-off end to end on the main side: real sign-in against the embedded CouchDB, the
// real fingerprint driver over a pty against the simulator (a "finger" is a number), the handlers
// behind the same dispatch the adapters use.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintSimulator } from '../../devices/sim/fingerprint-sim';
import { openPtyPair, type PtyPair } from '../../devices/sim/pty';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { createMainContext, type MainContext } from '../context';
import { dispatch, type HandlerImpls } from '../dispatch';
import { createHandlers } from './index';
import { MAX_MISSES } from './signoff';

let couch: TestCouch;
let dataDir: string;
let pty: PtyPair;
let sim: FingerprintSimulator;
let ctx: MainContext;
beforeAll(async () => {
  couch = await startTestCouch();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hws-signoff-'));
  pty = await openPtyPair();
  sim = new FingerprintSimulator({ pty }, { finger: 1 });
  await sim.start();
  ctx = await createMainContext({ mode: 'browser', version: 'test', couchUrl: couch.url, dataDir });
  await ctx.devices.configure('fingerprint', pty.appPath);
}, 60_000);
afterAll(async () => {
  await ctx?.devices.stop();
  await sim?.stop();
  await pty?.close();
  await couch?.dispose();
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

const user = (role: string) => couch.users.find((u) => u.roles.includes(role as never))!;
const call = (h: HandlerImpls, name: string, args: unknown) => dispatch(h, name, args, () => {});
const login = (h: HandlerImpls, u: { name: string; password: string }) => call(h, 'session/login', { username: u.name, password: u.password });

describe('fingerprint sign-off', () => {
  it('a reviewer enrols after the password; the same finger then signs as them, another finger is refused', async () => {
    const rev = user('reviewer');
    const h = createHandlers(ctx);
    expect(await login(h, rev)).toMatchObject({ ok: true });
    expect(await call(h, 'signoff/status', { username: rev.name })).toEqual({ ok: true, value: { enrolled: false, ready: false } });
    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_NOT_ENROLLED', message: expect.stringContaining('尚未在本工作站登记签名指纹') } });
    expect(await call(h, 'signoff/enroll', { username: rev.name, password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });

    sim.placeFinger(1);
    expect(await call(h, 'signoff/enroll', { username: rev.name, password: rev.password })).toEqual({ ok: true, value: { enrolled: true, ready: true } });
    // Kept sealed: the file holds no template and no password.
    const stored = await readFile(path.join(dataDir, 'signoff-fingerprints.json'), 'utf8');
    expect(stored).not.toContain(rev.password);
    expect(JSON.parse(stored)[rev.name]).toMatchObject({ protection: 'password', iterations: 210_000 });

    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: true, value: { name: rev.name, roles: ['reviewer'] } });
    sim.placeFinger(2);
    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH', message: expect.stringContaining('不符,未签名') } });
    sim.placeFinger(1);
    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: true, value: { name: rev.name } });
  }, 60_000);

  it('signs nothing before a password sign-in (a restarted workstation, after logout); the next sign-in opens it again', async () => {
    const rev = user('reviewer');
    const restarted = createHandlers(ctx);
    expect(await call(restarted, 'signoff/status', { username: rev.name })).toEqual({ ok: true, value: { enrolled: true, ready: false } });
    expect(await call(restarted, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_NOT_OPEN', message: expect.stringContaining('请输入密码签名') } });
    expect(await login(restarted, rev)).toMatchObject({ ok: true });
    sim.placeFinger(1);
    expect(await call(restarted, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: true, value: { name: rev.name } });
    await call(restarted, 'session/logout', undefined);
    expect(await call(restarted, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_NOT_OPEN' } });
    // Another user's sign-in does not open the reviewer's template.
    const clerk = user('clerk');
    expect(await login(restarted, clerk)).toMatchObject({ ok: true });
    expect(await call(restarted, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_NOT_OPEN' } });
    expect(await call(restarted, 'signoff/enroll', { username: clerk.name, password: clerk.password })).toMatchObject({ ok: false, error: { code: 'NOT_REVIEWER' } });
  }, 60_000);

  it(`stops signing by fingerprint after ${MAX_MISSES} wrong presses in a row; the password still signs`, async () => {
    const rev = user('reviewer');
    const h = createHandlers(ctx);
    expect(await login(h, rev)).toMatchObject({ ok: true });
    sim.placeFinger(3);
    for (let i = 1; i < MAX_MISSES; i++) expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_MISMATCH' } });
    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_LOCKED' } });
    sim.placeFinger(1);
    expect(await call(h, 'signoff/fingerprint', { username: rev.name })).toMatchObject({ ok: false, error: { code: 'FINGERPRINT_NOT_OPEN' } });
    expect(await call(h, 'session/authorize', { username: rev.name, password: rev.password })).toMatchObject({ ok: true, value: { name: rev.name } });
  }, 90_000);
});
