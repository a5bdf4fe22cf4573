// The face check in headless Chromium, the engine the app really runs: the camera's detector
// (bundled with esbuild) on the same counter-like frames as bench/intake-face.ts, sent as JPEG as a
// camera still would be, against SSD alone. CPU time is read from /proc for Chromium's processes.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FACE_ASSETS } from '../build/vite-face-assets';
import type { BrowserFaceRun } from './face-browser-entry';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu'];
const TICK_MS = 10; // /proc/<pid>/stat counts clock ticks of 1/100 s on Linux

/** utime + stime of every process below this one (Chromium and its renderers), in ms. */
function childrenCpuMs(): number {
  let total = 0;
  const visit = (pid: number, self: boolean) => {
    try {
      if (!self) {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      }
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      for (const c of children ? children.split(' ') : []) visit(Number(c), false);
    } catch {
      // the process ended meanwhile
    }
  };
  visit(process.pid, true);
  return total;
}

export interface BrowserFigures extends BrowserFaceRun {
  readonly which: 'shipped' | 'ssd';
  readonly cpuMsPerFrame: number;
}

/**
 * `isolated`: the page is served with COOP/COEP headers (cross-origin isolation), so tfjs may use
 * its multi-threaded wasm build; the app itself is not served that way (yet).
 */
export async function benchFaceBrowser(jpegs: readonly Buffer[], isolated = false): Promise<BrowserFigures[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-face-'));
  await build({ entryPoints: [path.join(HERE, 'face-browser-entry.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: path.join(dir, 'app.js'), logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } });
  const js = await readFile(path.join(dir, 'app.js'));
  const server = http.createServer((req, res) => {
    if (isolated) {
      res.setHeader('cross-origin-opener-policy', 'same-origin');
      res.setHeader('cross-origin-embedder-policy', 'require-corp');
    }
    const url = new URL(req.url ?? '/', 'http://x').pathname;
    const asset = FACE_ASSETS.get(url.slice(1));
    const frame = /^\/frame\/(\d+)\.jpg$/.exec(url);
    if (url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    if (asset) return res.writeHead(200, { 'content-type': asset.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' }).end(readFileSync(asset));
    if (frame) return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpegs[Number(frame[1])]);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const urls = jpegs.map((_, i) => `${origin}/frame/${i}.jpg`);
    const out: BrowserFigures[] = [];
    for (const which of ['ssd', 'shipped'] as const) {
      const tab = await browser.newPage();
      await tab.goto(origin);
      await tab.waitForFunction(() => typeof window.benchFaces === 'function');
      const cpu0 = childrenCpuMs();
      const run = await tab.evaluate(([u, w]) => window.benchFaces(u as string[], w as 'shipped' | 'ssd'), [urls, which] as const);
      const cpu = childrenCpuMs() - cpu0;
      // The CPU figure includes decoding the JPEGs and the two warm-up frames: a slight overestimate.
      out.push({ ...run, which, cpuMsPerFrame: cpu / run.ms.length });
      await tab.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}
