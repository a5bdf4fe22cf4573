import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMainContext } from '../context';
import { createHandlers } from '../handlers';
import { startHost, type Host } from './server';

let dir: string;
let host: Host;
const token = 'test-token-123';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-host-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>工作站</title>');
  const ctx = await createMainContext({ mode: 'browser', version: 't', couchUrl: 'http://127.0.0.1:5984', dataDir: dir });
  host = await startHost({ staticDir: dir, handlers: createHandlers(ctx), events: ctx.events, couchUrl: ctx.couchUrl, token });
});
afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

function connect(query: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ipc?${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser-mode host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const res = await fetch(`${host.origin}/cases/123`);
    expect(await res.text()).toContain('工作站');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain('http://127.0.0.1:5984');
  });

  it('does not serve files outside its folder', async () => {
    const res = await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('answers calls over the socket for the right token and origin', async () => {
    const ws = await connect(`token=${token}`, host.origin);
    const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    ws.send(JSON.stringify({ kind: 'call', id: 7, name: 'app/info', args: null }));
    expect(await reply).toMatchObject({ kind: 'reply', id: 7, result: { ok: true, value: { mode: 'browser' } } });
    ws.close();
  });

  it('refuses a socket with a wrong token or from another origin', async () => {
    await expect(connect('token=wrong', host.origin)).rejects.toThrow('refused 403');
    await expect(connect(`token=${token}`, 'http://evil.example')).rejects.toThrow('refused 403');
  });

  it('answers bad arguments as data and closes a socket that sends an oversized message', async () => {
    const ws = await connect(`token=${token}`, host.origin);
    const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    ws.send(JSON.stringify({ kind: 'call', id: 8, name: 'devices/configure', args: { kind: 'idcard', port: '/etc/passwd' } }));
    expect(await reply).toMatchObject({ id: 8, result: { ok: false, error: { code: 'BAD_ARGS' } } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ kind: 'call', id: 9, name: 'documents/render', args: { receiptNo: 'X'.repeat(8 * 1024 * 1024) } }));
    expect(await closed).toBe(1009); // message too big
    // The host itself keeps going: a new socket is served.
    const again = await connect(`token=${token}`, host.origin);
    const answer = new Promise<unknown>((resolve) => again.once('message', (d) => resolve(JSON.parse(String(d)))));
    again.send(JSON.stringify({ kind: 'call', id: 10, name: 'devices/configure', args: { kind: 'idcard', port: '/etc/passwd' } }));
    expect(await answer).toMatchObject({ id: 10, result: { ok: false } });
    again.close();
  });
});
