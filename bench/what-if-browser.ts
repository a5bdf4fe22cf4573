// Policy what-if in headless Chromium (target: 100,000 cases from IndexedDB in ≤ 5 s). The page
// (bench/what-if-browser-entry.ts, bundled with esbuild) writes N seeded current cases with their
// households and people (ID numbers sealed) into its IndexedDB, then runs the what-if as the page
// does, through the snapshot (renderer/policy/what-if-snapshot.ts), over three sessions:
//   1. the first draft ever: every case, household and person read, the ID numbers opened, the
//      applications built, evaluated under the policy in force and the draft; a next draft; the
//      snapshot stored (encrypted blob, in the page's background);
//   2. a new session, nothing changed: the blob taken, the draft (the figure for the target);
//   3. sync changes 1 % of the households between sessions: the blob taken, what was written since
//      read and rebuilt, the draft; then another 1 % within the session.
// Printed beside the Node baseline of the same evaluation (bench/what-if.ts: cases held in memory).
//
// Measured on the shared 2-core machine under load (4 engineers; load average given per run), ms:
//                                        first draft   blob taken   policy+draft   next draft
//   20,000  kept session (load 9)             2,124          826          1,176          385
//   20,000  first ever                       21,447     (read 8,686, open 5,581, build 2,057, evaluate 4,981)
//   100,000 kept session (load 6–14)          7,867        5,932          1,615          677
//   100,000 kept, after 1 % changed           8,602        5,120  (1,000 documents read again 1,332, rebuild 147, evaluate 1,621)
//   100,000 first ever                       57,717     (read 35,075, open 12,022, build 3,749, evaluate 6,368)
//   100,000 storing the blob (128 MB sealed, background): 5,061; in-session after 1 % changed: 5,865
// (before this snapshot was kept between sessions, each session's first draft at 100,000 was ~111 s
// under load 8–11, and 57.7 s now under lighter load.) The target is NOT met: taking the 128 MB
// blob (IndexedDB read, AES-GCM, UTF-8 decoding and JSON parsing of 100,000 applications) is ~5–6 s
// alone; the draft on what is kept is within 2 s. A single 128 MB part took 25.6 s under load 43
// (heap strain); parts of 5,000 cases opened at once and parsed as they come are what is measured.
import { build } from 'esbuild';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.HWS_BENCH_CASES ?? 100_000);
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-whatif-'));
await build({ entryPoints: [path.join(HERE, 'what-if-browser-entry.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: path.join(dir, 'app.js'), logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } });
const js = await readFile(path.join(dir, 'app.js'));
const server = http.createServer((req, res) => {
  if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/app.js"></script>');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
try {
  const tab = await browser.newPage();
  tab.on('console', (m) => console.log(`  [page] ${m.text()}`));
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await tab.waitForFunction(() => typeof window.runWhatIf === 'function');
  const r = await tab.evaluate((n) => window.runWhatIf(n), N);
  const ms = (x: number | undefined) => `${(x ?? 0).toFixed(0)} ms`;
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`what-if in Chromium over ${r.evaluated!.toLocaleString('en')} cases from IndexedDB (written in ${(r.setupMs! / 1000).toFixed(0)} s, not timed; load average now ${load} on ${os.cpus().length} cores):`);
  console.log(`  first draft of a session, snapshot kept from the last one:  ${ms(r.keptMs)}   (target ≤ 5,000 ms; baseline first draft ever ${ms(r.firstMs)}, ratio ${(r.keptMs! / r.firstMs!).toFixed(3)})`);
  console.log(`      blob taken ${ms(r.keptRestoreMs)} (${(r.blobBytes! / 1e6).toFixed(0)} MB sealed), changes since read ${ms(r.keptReadMs! - r.keptRestoreMs!)}, policy in force (kept) + draft ${ms(r.keptEvaluateMs)}`);
  console.log(`  … after sync changed ${r.syncedHouseholds} households between sessions:  ${ms(r.changedMs)}   (blob ${ms(r.changedRestoreMs)}, ${r.changedSince} documents changed since read ${ms(r.changedReadMs! - r.changedRestoreMs!)}, open + build ${ms(r.changedOpenBuildMs)}, evaluate ${ms(r.changedEvaluateMs)})`);
  console.log(`  first draft ever (no blob): read ${ms(r.readMs)}, open IDs ${ms(r.openMs)}, build ${ms(r.buildMs)}, evaluate ${ms(r.evaluateMs)}, total ${ms(r.firstMs)}   cases that change: ${r.changed}`);
  console.log(`  next draft (prepared):  ${ms(r.nextMs)}`);
  console.log(`  blob stored after the first draft (in the background): ${ms(r.persistMs)}; after the changes: ${ms(r.persistAgainMs)}`);
  console.log(`  in the session, sync changes another 1 %: snapshot and policy in force brought up to date ${ms(r.againRefreshMs)}, draft ${ms(r.againEvaluateMs)}, total ${ms(r.againRefreshMs! + r.againEvaluateMs!)}`);
} finally {
  await browser.close();
  server.close();
}
// The Node baseline: the same evaluation with the cases in memory (no IndexedDB, no opening).
const node = await import('node:child_process');
node.execFileSync('npx', ['tsx', path.join(HERE, 'what-if.ts')], { stdio: 'inherit', env: { ...process.env, HWS_BENCH_CASES: String(N) } });
