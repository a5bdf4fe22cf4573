// `npm run bench:sync` — sync figures in one run against the embedded server (a child process):
//   push of a typical office data set (ours vs PouchDB's replication, ratio; target ≤ 1.0),
//   pull of 50,000 documents into a fresh workstation in headless Chromium (target ≤ 30 s),
//   live delivery to N = 50, 200, 500 simulated workstations (p95, errors).
//   npx tsx bench/sync.ts [cases=10000] [pullDocs=50000] [--push-only]
// --push-only: the push figure alone (skips the pull in Chromium and the live runs).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startChildServer } from '../sync-server/child-server';
import { DEMO_PASSWORD } from '../sync-server/demo';
import { benchLive } from './sync-live';
import { benchPullBrowser } from './sync-pull-browser';
import { benchPush, type CpuFigures } from './sync-push';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const PUSH_ONLY = process.argv.includes('--push-only');
const CASES = Number(args[0] ?? 10_000);
const PULL_DOCS = Number(args[1] ?? 50_000);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-sync-'));
// The pull runs in a page served on its own port: the server answers CORS for that origin only.
const pagePort = await freePort();
const server = await startChildServer(dir, undefined, { corsOrigins: [`http://127.0.0.1:${pagePort}`] });
try {
  const adminUrl = await server.adminUrl();
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);

  const push = await benchPush(adminUrl, CASES, () => server.pid);
  console.log(`push ${CASES} cases = ${push.docs} documents + ${push.blobs} scans: ours ${s(push.oursMs)}, PouchDB ${s(push.pouchMs)}, ratio ${(push.oursMs / push.pouchMs).toFixed(2)} (target ≤ 1.0)`);
  const cpu = (c: CpuFigures) => `${s(c.clientMs)} here + ${c.serverMs === null ? '?' : s(c.serverMs)} server`;
  console.log(`  CPU time: ours ${cpu(push.oursCpu)}, PouchDB ${cpu(push.pouchCpu)}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  if (!PUSH_ONLY) {
    try {
      const pull = await benchPullBrowser(adminUrl, server.url, PULL_DOCS, pagePort);
      console.log(`pull ${pull.count} of ${PULL_DOCS} documents into a fresh workstation in Chromium: ${s(pull.ms)} (target ≤ 30 s)`);
    } catch (e) {
      console.log(`pull in Chromium: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }

    for (const n of [50, 200, 500]) {
      const live = await benchLive(server.url, DEMO_PASSWORD, n);
      console.log(`live, N = ${n}: p50 ${live.p50.toFixed(0)} ms, p95 ${live.p95.toFixed(0)} ms, delivered ${live.delivered}/${live.expected}, errors ${live.errors}`);
    }
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}
