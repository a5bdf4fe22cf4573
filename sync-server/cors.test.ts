// CORS answers exactly the configured origins: browser mode's http origins (default port or not),
// the Electron app's hws://app, and never "null" (sandboxed frames, file:// pages).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCors } from './cors';
import { DEFAULT_CORS_ORIGINS } from './embedded';

let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer(withCors((_req, res) => res.end('{}'), [...DEFAULT_CORS_ORIGINS, 'null', 'HTTP://Example.test:80/']));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const allowOrigin = async (origin: string) => (await fetch(url, { headers: { origin } })).headers.get('access-control-allow-origin');

describe('CORS', () => {
  it('answers the workstation origins, the Electron app and a configured origin written loosely', async () => {
    for (const origin of ['http://127.0.0.1:17880', 'http://localhost:17880', 'hws://app', 'http://example.test']) expect(await allowOrigin(origin), origin).toBe(origin);
  });

  it('never answers "null" or an origin that only looks alike', async () => {
    for (const origin of ['null', 'http://127.0.0.1:17881', 'https://127.0.0.1:17880', 'hws://app.evil', 'http://example.test.evil']) expect(await allowOrigin(origin), origin).toBeNull();
  });
});
