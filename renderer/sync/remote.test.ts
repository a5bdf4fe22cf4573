// A sync request that stops moving is given up with a clear reason, so the sync tries again instead
// of waiting for good: no answer at all, or an answer that stops half way. A slow answer that keeps
// moving is never cut, a large upload is given its time, and a caller with its own signal (the
// change feed, which has its own watchdog) is left alone.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../sync-server/forward';
import { RequestStalled, withStallLimit } from './remote';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handle: http.RequestListener): Promise<string> {
  const server = await listenOnLoopback(handle);
  servers.push(server);
  return server.url;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the stall limit of sync requests', () => {
  it('gives up a request the server never answers, saying so', async () => {
    const url = await serve(() => {}); // accepts, never answers
    const started = Date.now();
    const error = await withStallLimit(fetch, 300)(`${url}/db/_changes`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestStalled);
    expect((error as Error).message).toMatch(/服务器 \d+ 秒没有回应/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up an answer that stops half way, when its body is read', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results":[{"id":"a"'); // and nothing more
    });
    const res = await withStallLimit(fetch, 300)(`${url}/db/_changes`);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toBeInstanceOf(RequestStalled);
  });

  it('lets a slow answer that keeps moving finish, well past the limit', async () => {
    const url = await serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"rows":[');
      for (let i = 0; i < 8; i++) {
        await sleep(150);
        res.write(`${i ? ',' : ''}${i}`);
      }
      res.end(']}');
    });
    const started = Date.now();
    const res = await withStallLimit(fetch, 400)(`${url}/db/_all_docs`);
    expect(await res.json()).toEqual({ rows: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(Date.now() - started).toBeGreaterThan(1_000);
  });

  it('gives a large upload the time its size needs before the answer begins', async () => {
    // The server answers only after 900 ms; 32 KiB at the slowest rate allowed (16 KiB/s) is 2 s more.
    const url = await serve((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}'), 900));
    });
    const res = await withStallLimit(fetch, 300)(`${url}/db/doc/content`, { method: 'PUT', body: new Uint8Array(32 * 1024) });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('leaves a caller with its own signal to it', async () => {
    const url = await serve((_req, res) => void setTimeout(() => res.writeHead(200).end('{}'), 700));
    const res = await withStallLimit(fetch, 200)(`${url}/db`, { signal: new AbortController().signal });
    expect(await res.json()).toEqual({});
  });
});
