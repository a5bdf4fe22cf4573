// Pull benchmark in headless Chromium: a fresh workstation pulls 50,000 documents of an office
// (real IndexedDB, the real sync module bundled with esbuild) from the server.
import { build } from 'esbuild';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { officeDbName } from '../domain/sync/databases';
import { personDocs } from '../renderer/sync/test-data';
import { couchClient } from '../sync-server/couch';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** `pagePort`: the page's port, whose origin the server must allow (CORS). */
export async function benchPullBrowser(adminUrl: string, url: string, docs: number, pagePort = 0): Promise<{ ms: number; count: number }> {
  // The district office's database, empty in the demo setup; its reviewer may read it.
  const officeId = 'futian-district';
  const admin = couchClient(adminUrl);
  const all = personDocs(officeId, 'pull', docs).map(({ id, ...d }) => ({ _id: id, ...d }));
  for (let i = 0; i < all.length; i += 2_000) await admin.request('POST', `/${officeDbName(officeId)}/_bulk_docs`, { docs: all.slice(i, i + 2_000) });

  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-pull-'));
  await build({ entryPoints: [path.join(HERE, 'sync-browser-entry.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: path.join(dir, 'app.js'), logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } });
  const js = await readFile(path.join(dir, 'app.js'));
  const server = http.createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>((r) => server.listen(pagePort, '127.0.0.1', r));
  const page = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(page);
    await tab.waitForFunction(() => typeof window.runPull === 'function');
    return await tab.evaluate(([u, n]) => window.runPull(u as string, 'dreviewer1', 'demo1234', 'futian-district', n as number), [url, docs] as const);
  } finally {
    await browser.close();
    server.close();
  }
}
