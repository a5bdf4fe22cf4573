// `npm run bench:dashboard [-- --cases N --runs R --baseline-runs B --keep --profile DIR --reuse --compare]`:
// loads N generated cases with their events (ten Futian streets, one office each) into real
// IndexedDB in headless Chromium, then prints the first load (which builds the dashboard view from
// every case and event, once), median and p95 of the counted dashboard (renderer/dashboard/
// dashboard-store: index counts + the view's day sums), of the dashboard after 20 cases changed, and — the baseline, in the same page — of the full reading and aggregation it
// replaced (B runs, default 2), and whether both give the same figures. --compare also times
// reading through RxDocuments. Target: the dashboard over 100,000 cases ≤ 500 ms.
// Builds renderer/bench/dashboard-index.html with Vite and serves it on 127.0.0.1.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AGGREGATE_TARGET_MS = 500;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8000, rollupOptions: { input: path.join(ROOT, 'renderer', 'bench', 'dashboard-index.html') } },
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

const pad = (s: string | number, n: number) => String(s).padStart(n);

interface Figures {
  readonly name: string;
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly detail: string;
}

function figures_(name: string, times: readonly number[], detail = ''): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { name, runs: times.length, median: r(at(0.5)), p95: r(at(0.95)), max: r(sorted.at(-1)!), detail };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' }, keep: { type: 'boolean' }, profile: { type: 'string' }, reuse: { type: 'boolean' }, compare: { type: 'boolean' }, 'baseline-runs': { type: 'string', default: '2' }, port: { type: 'string', default: '17991' } },
  });
  const cases = Number(values.cases);
  const runs = Number(values.runs);
  const baselineRuns = Number(values['baseline-runs']);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--cases and --runs must be whole numbers ≥ 1');
  const work = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-dashboard-'));
  const profile = values.profile ? path.resolve(values.profile) : path.join(work, 'profile');
  console.log(`building the dashboard benchmark page… (work folder ${work})`);
  await buildPage(path.join(work, 'page'));
  const server = await serve(path.join(work, 'page'), Number(values.port));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bench/dashboard-index.html`);
    await page.waitForFunction(() => window.hwsDashboardBench !== undefined);
    const write = !values.reuse;
    console.log(`Chromium ${context.browser()?.version() ?? ''}: ${write ? `loading ${cases} cases` : 'reusing the kept database'}…`);
    const load = await page.evaluate(([n, w]) => window.hwsDashboardBench!.load(n, w), [cases, write] as const);
    if (write) console.log(`loaded ${load.cases} cases and ${load.events} events in ${(load.ms / 1000).toFixed(1)} s`);
    // The page's main-thread CPU time (Chrome's ThreadTime metric) beside the wall clock: on a
    // shared machine the wall clock also counts the time other processes held the cores.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    // The counted dashboard first (cold: nothing of the full reading in memory yet), then its update
    // after 20 cases changed, then the full reading + aggregation it replaces, as the baseline.
    const counted: number[] = [];
    const countedRead: number[] = [];
    const countedSum: number[] = [];
    const countedCpu: number[] = [];
    const updates: number[] = [];
    let countedDetail = '';
    let first: { ms: number; detail: string } | undefined;
    for (let i = 0; i <= runs; i++) {
      const before = await threadTime();
      const c = await page.evaluate(() => window.hwsDashboardBench!.counted());
      const used = ((await threadTime()) - before) * 1000;
      const u = await page.evaluate((run) => window.hwsDashboardBench!.update(20, run), i);
      if (i === 0) {
        first = { ms: c.ms, detail: c.detail };
        continue; // builds the view when there is none yet: reported apart
      }
      countedDetail = c.detail;
      counted.push(c.ms);
      countedRead.push(c.readMs);
      countedSum.push(c.aggregateMs);
      countedCpu.push(used);
      updates.push(u);
    }
    const read: number[] = [];
    const wall: number[] = [];
    let detail = '';
    let documents = 0;
    let same: boolean | null = null;
    for (let i = 0; i < baselineRuns; i++) {
      const r = await page.evaluate(() => window.hwsDashboardBench!.read());
      const a = await page.evaluate(() => window.hwsDashboardBench!.aggregate());
      [detail, documents] = [a.detail, r.documents];
      read.push(r.ms);
      wall.push(a.ms);
      if (i === 0) same = (await page.evaluate(() => window.hwsDashboardBench!.counted())).same;
    }
    const viaDocs: number[] = [];
    for (let i = 0; values.compare && i < Math.min(3, runs); i++) viaDocs.push(await page.evaluate((n) => window.hwsDashboardBench!.readViaDocuments(n), i));
    const figures = [
      figures_('counted dashboard, total (wall clock)', counted, countedDetail),
      figures_('(info) first load (builds the view if none)', [first!.ms], first!.detail),
      figures_('  of which counts and reading', countedRead),
      figures_('  of which summing the figures', countedSum),
      figures_('counted dashboard, main-thread CPU time', countedCpu, '(includes the page call, a few ms)'),
      figures_('dashboard after 20 cases changed', updates, 'the view takes them in, all counts redone'),
      figures_('(baseline) full read of cases + events', read, `${documents} documents, 20 indexed queries`),
      figures_('(baseline) full aggregation (domain/stats)', wall, detail),
      figures_('(baseline) full dashboard, read + aggregate', read.map((r, i) => r + wall[i]!)),
      ...(values.compare ? [figures_('(info) read through RxDocuments instead', viaDocs, 'find().exec() per office')] : []),
    ];
    console.log(`\n${'operation'.padEnd(52)}${pad('median ms', 11)}${pad('p95 ms', 9)}${pad('max ms', 9)}${pad('runs', 6)}  notes`);
    for (const f of figures) console.log(`${f.name.padEnd(52)}${pad(f.median, 11)}${pad(f.p95, 9)}${pad(f.max, 9)}${pad(f.runs, 6)}  ${f.detail}`);
    console.log(`load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);
    const [total, cpu, full] = [figures[0]!, figures[4]!, figures[8]!];
    const verdict = (f: Figures) => (f.p95 <= AGGREGATE_TARGET_MS ? 'ok' : 'MISSED');
    console.log(`\nsame figures as the full computation: ${same === null ? 'not checked (no baseline run)' : same ? 'yes' : 'NO'}`);
    console.log(`counted dashboard p95: wall ${total.p95} ms ${verdict(total)}, CPU ${cpu.p95} ms ${verdict(cpu)} (target ≤ ${AGGREGATE_TARGET_MS} ms over ${cases} cases)`);
    if (read.length > 0) console.log(`against the full read + aggregation (median ${full.median} ms): ${(full.median / total.median).toFixed(1)}× faster`);
    await page.evaluate(() => window.hwsDashboardBench!.close());
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
