// `npm run bench:local [-- --cases N --runs R --materials M --settle S --keep --profile DIR --reuse]`: loads N cases with their
// households into real IndexedDB in headless Chromium (a fresh profile on disk), then prints load
// time and p50/p95 of the workstation's daily queries and of saving an intake.
// Builds renderer/bench/ with Vite and serves it on 127.0.0.1.
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Figures } from '../renderer/bench/measure';
import type { LoadReport } from '../renderer/bench/load';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { query: 30, save: 50 };
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8000, rollupOptions: { input: path.join(ROOT, 'renderer', 'bench', 'index.html') } },
  });
}

function serve(dir: string, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    const stream = createReadStream(file);
    stream.on('error', () => res.writeHead(404).end());
    stream.on('open', () => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }));
    stream.pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function printFigures(figures: readonly Figures[]): string[] {
  const misses: string[] = [];
  console.log(`\n${'operation'.padEnd(52)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('max ms', 9)}${pad('rows', 6)}  target`);
  for (const f of figures) {
    if (f.name.startsWith('(info)')) {
      console.log(`${f.name.padEnd(52)}${pad(f.p50, 9)}${pad(f.p95, 9)}${pad(f.max, 9)}${pad(f.rows, 6)}  (no target)`);
      continue;
    }
    const target = f.name.startsWith('save') ? TARGETS.save : TARGETS.query;
    const ok = f.p95 <= target;
    if (!ok) misses.push(`${f.name}: p95 ${f.p95} ms, ${Math.round((f.p95 - target) * 10) / 10} ms over the ${target} ms target`);
    console.log(`${f.name.padEnd(52)}${pad(f.p50, 9)}${pad(f.p95, 9)}${pad(f.max, 9)}${pad(f.rows, 6)}  ${ok ? 'ok' : 'MISSED'} (≤ ${target})`);
  }
  return misses;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '100000' }, runs: { type: 'string', default: '200' }, materials: { type: 'string', default: '2000' }, settle: { type: 'string', default: '0' }, keep: { type: 'boolean' },
      profile: { type: 'string' }, reuse: { type: 'boolean' }, port: { type: 'string', default: '17990' } },
  });
  const cases = Number(values.cases);
  const runs = Number(values.runs);
  const work = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-'));
  const pageDir = path.join(work, 'page');
  // IndexedDB belongs to the page's origin: a kept profile is measured again on the same port.
  const profile = values.profile ? path.resolve(values.profile) : path.join(work, 'profile');
  console.log(`building the benchmark page… (work folder ${work})`);
  await buildPage(pageDir);
  const server = await serve(pageDir, Number(values.port));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench/index.html`);
    await page.waitForFunction(() => window.hwsBench !== undefined);
    const write = !values.reuse;
    console.log(`Chromium ${context.browser()?.version() ?? ''}: ${write ? 'loading' : 'reusing'} ${cases} cases (materials for ${values.materials})…`);
    const load: LoadReport = await page.evaluate(([n, m, w]) => window.hwsBench!.load(n, m, w), [cases, Number(values.materials), write] as const);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    if (write) {
      console.log(`\nloaded ${load.cases} cases: ${Object.entries(load.docs).map(([k, v]) => `${k} ${v}`).join(', ')} documents`);
      console.log(`load time ${s(load.totalMs)} (generate ${s(load.generateMs)}, seal ${s(load.sealMs)}, write ${s(load.writeMs)}; ` +
        `${Math.round(Object.values(load.docs).reduce((a, b) => a + b, 0) / (load.writeMs / 1000))} docs/s written)`);
    } else {
      console.log(`samples of the kept database regenerated in ${s(load.totalMs)}`);
    }
    if (Number(values.settle) > 0) {
      console.log(`waiting ${values.settle} s for the storage to settle (LevelDB compaction after the load)…`);
      await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));
    }
    const figures: Figures[] = await page.evaluate((r) => window.hwsBench!.measure(r), runs);
    const misses = printFigures(figures);
    await page.evaluate(() => window.hwsBench!.close());
    console.log(`\nIndexedDB on disk: ${(await du(path.join(profile, 'Default', 'IndexedDB')).catch(() => 0)) / 1e6 | 0} MB`);
    if (misses.length > 0) console.log(`\ntargets missed:\n  ${misses.join('\n  ')}`);
    return 0;
  } finally {
    await context.close();
    server.close();
    if (!values.keep) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
