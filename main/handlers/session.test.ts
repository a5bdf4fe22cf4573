import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await rm(dataDir, { recursive: true, force: true });
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
