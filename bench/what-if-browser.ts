// Policy what-if in headless Chromium (target: 100,000 cases from IndexedDB in ≤ 5 s). The page
// (bench/what-if-browser-entry.ts, bundled with esbuild) writes N seeded current cases with their
// households and people (ID numbers sealed) into its IndexedDB, then runs the what-if as the page
// does, through the session's snapshot (renderer/policy/what-if-snapshot.ts): read the cases,
// households and people, open the ID numbers, build the applications, evaluate under the policy in
// force and a draft; a second draft on what is prepared; then sync changes 1 % of the households and
// the draft runs again (the snapshot rereads and reopens only what changed, the policy in force is
// evaluated again only for those cases). Printed beside the Node baseline of the same evaluation
// (bench/what-if.ts: the cases held in memory).
//
// Measured on the shared 2-core machine under load (4 engineers; load average given per run), ms:
//                                   read    open   build  evaluate   first    next   after sync changes 1 %
//   20,000, before (load 6–8)       7,765  4,363   1,402    3,106   16,634     374   (everything read again)
//   20,000, after  (load 7)         6,441  3,739   1,300    3,490   15,013     449     375 (update 143 + evaluate 232)
//   100,000, after (load 8–11)     57,453 28,991   5,807   18,322  111,065   1,344   4,054 (update 1,723 + evaluate 2,331)
// The first draft of a session does not meet the 100,000-in-5-s target: every case, household and
// person is read from IndexedDB (~430,000 rows of ~0.9 kB) and one AES-GCM opening per person is
// needed (the rules read the birth date and card, which are sealed), and the rules' evaluation alone
// is ~7 s in Node at 100,000 (bench/what-if.ts). What the page does afterwards — a next draft, or
// the draft again after sync brings changes, which before re-read everything (~111 s at 100,000) —
// is within 5 s at 100,000. Figures are noisy under this load (evaluate varies 2.3–3.5 s at 20,000).
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
