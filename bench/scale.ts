// `npm run bench:scale` — live delivery at city scale: 500 and 2,000 simulated workstations
// (bench/scale-clients.ts: a long-poll each on its office database, a write per workstation a
// minute) against the 3-node Apache CouchDB 3.5 cluster of ../shared/couchdb, and against the
// embedded server for comparison. Prints p50/p95/max delivery, deliveries, errors, and the
// server's CPU (cores used over the run, from /proc/<pid>/stat of beam.smp and its JavaScript
// processes) and peak resident memory.
//
//   npx tsx bench/scale.ts [--n 500,2000] [--cluster PORT | --couch-url URL --couch-dir DIR]
//                          [--no-embedded] [--offices 40] [--window 60] [--write-every 60]
//                          [--feed app,longpoll,continuous,relay] [--no-tune] [--relay-port PORT] [--trace]
//                          [--processes 4] [--relays 1]
// --relays R: R relay processes, relay k in front of node k (ports --relay-port + k), office k's
// workstations on relay k mod R: the cluster's feeds of the offices spread over its nodes.
// --processes: the workstations' feeds (not app's) are read by that many processes of their own
// (bench/scale-feeds.ts), so that one starved Node thread reading 2,000 sockets does not count as
// the server's delay; 1 reads them all in this process, as before 29 November 2026.
// --trace (with --feed relay): the relay runs as bench/scale-relay.ts and records when it read each
// change from CouchDB and when it had written it to the workstations; the legs of a delivery
// (write → its answer, write → the relay reads it, inside the relay, relay → workstation) are
// printed as p50/p95, for the first and the last third of the writes, with both processes' event
// loop delay.
// --feed: how each workstation follows its office database (bench/scale-clients.ts; default
// app — as the workstation did before its notifier streamed — and continuous, what it does now).
// --feed relay: the workstations follow the change relay (`hws relay`, sync-server/relay), started
// here as its own process on --relay-port (default the cluster's port + 3) in front of node 1; its
// CPU and memory are reported next to the cluster's. Unless --no-tune, RECOMMENDED_CONFIG is applied to every node
// through `_node/_local/_config` first. Errors are printed by kind, requests per node.
// Without --cluster or --couch-url, a cluster is started on HWS_SCALE_PORT (35984) where
// ../shared/couchdb is present. --cluster PORT starts `couchdb.sh start --port PORT --nodes 3` (stopped at the end); --couch-url
// uses a running cluster (admin URL of node 1; nodes at +10 and +20 when --nodes 3), whose
// processes are found by their folder (--couch-dir, default /tmp/couchdb-PORT).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { officeDbName } from '../domain/sync/databases';
import { splitCredentials } from '../sync-server/couch';
import { startChildServer } from '../sync-server/child-server';
import type { OfficeRef, StaffUser } from '../sync-server/demo';
import { setupCouch } from '../sync-server/setup';
import { FEED_MODES, runWorkstations, type DeliveryFigures, type FeedMode, type ScaleTarget } from './scale-clients';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500,2000' },
    cluster: { type: 'string' },
    'couch-url': { type: 'string' },
    'couch-dir': { type: 'string' },
    nodes: { type: 'string', default: '3' },
    'no-embedded': { type: 'boolean', default: false },
    offices: { type: 'string', default: '40' },
    window: { type: 'string', default: '60' },
    'write-every': { type: 'string', default: '60' },
    feed: { type: 'string', default: 'app,continuous' },
    'no-tune': { type: 'boolean', default: false },
    'relay-port': { type: 'string' },
    trace: { type: 'boolean', default: false },
    processes: { type: 'string', default: '4' },
    relays: { type: 'string', default: '1' },
  },
});
const SIZES = values.n.split(',').map(Number);
const OFFICES = Number(values.offices);
const WINDOW_MS = Number(values.window) * 1000;
const WRITE_EVERY_MS = Number(values['write-every']) * 1000;
const COUCHDB_SH = path.resolve(import.meta.dirname, '..', '..', 'shared', 'couchdb', 'couchdb.sh');
const PASSWORD = 'bench-scale-1';
const FEEDS = values.feed.split(',') as FeedMode[];
for (const f of FEEDS) if (!FEED_MODES.includes(f)) throw new Error(`--feed: one of ${FEED_MODES.join(', ')}`);

/**
 * The recommended settings for thousands of workstations (docs/centre.md §6), applied to every
 * node through its configuration API. chttpd's listen backlog is 128 by default: when hundreds of
 * workstations (re)connect at once — at the start of the day, after a network cut, after a node
 * restart — the kernel drops the connections beyond it (`ListenOverflows` in `nstat`) and each
 * waits for a SYN retransmission (1 s, 3 s, 7 s…).
 */
export const RECOMMENDED_CONFIG: readonly (readonly [section: string, key: string, value: string])[] = [
  ['chttpd', 'server_options', '[{backlog, 4096}, {acceptor_pool_size, 64}, {max, 65536}]'],
  // One shard range per new database (3 copies with n = 3): every change that wakes a feed sends
  // the feed's coordinator to each range for the rows, so q = 2 doubles that work. An office
  // database (about 100,000 documents) is far below the size where more ranges pay.
  ['cluster', 'q', '1'],
];

async function tune(nodes: readonly string[], authorization: string): Promise<void> {
  for (const node of nodes) {
    for (const [section, key, value] of RECOMMENDED_CONFIG) {
      const res = await fetch(`${node}/_node/_local/_config/${section}/${key}`, { method: 'PUT', headers: { authorization }, body: JSON.stringify(value) });
      if (!res.ok) throw new Error(`${node} [${section}] ${key}: ${res.status} ${await res.text()}`);
    }
  }
}

const offices: OfficeRef[] = Array.from({ length: OFFICES }, (_, i) => ({
  id: `bench-scale-${String(i + 1).padStart(2, '0')}`, name: `压测街道${i + 1}`, districtId: 'bench-scale', districtName: '压测区', level: 'street',
}));
const users: StaffUser[] = offices.map((o, i) => ({ name: `scale${String(i + 1).padStart(2, '0')}`, password: PASSWORD, displayName: `压测${i + 1}`, roles: ['clerk'], officeId: o.id }));

/** CPU ticks (user + system) and resident memory of a server's processes. */
async function sample(pids: () => Promise<number[]>): Promise<{ ticks: number; rssKb: number }> {
  let ticks = 0;
  let rssKb = 0;
  for (const pid of await pids()) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return { ticks, rssKb };
}

/** Processes whose command line names `marker` (a cluster's folder), or one pid and its children. */
function processesOf(marker: string | number): () => Promise<number[]> {
  return async () => {
    const out: number[] = [];
    for (const e of await readdir('/proc')) {
      if (!/^\d+$/.test(e)) continue;
      try {
        if (typeof marker === 'number') {
          const stat = await readFile(`/proc/${e}/stat`, 'utf8');
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          if (Number(e) === marker || ppid === marker) out.push(Number(e));
        } else if ((await readFile(`/proc/${e}/cmdline`, 'utf8')).includes(marker)) out.push(Number(e));
      } catch {
        // gone
      }
    }
    return out;
  };
}

interface Measured extends DeliveryFigures {
  readonly cores: number;
  readonly peakRssMb: number;
  /** The change relay's own (feed relay). */
  readonly relayCores?: number;
  readonly relayRssMb?: number;
  readonly benchCores: number;
  readonly seconds: number;
}

async function measure(target: ScaleTarget, pids: () => Promise<number[]>, n: number, feed: FeedMode, relayPids?: () => Promise<number[]>, traceFile?: string): Promise<Measured> {
  const hz = 100; // USER_HZ on Linux
  let peak = 0;
  let relayPeak = 0;
  const relay = feed === 'relay' ? relayPids : undefined;
  const relayBefore = relay ? await sample(relay) : undefined;
  const before = await sample(pids);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sampler = setInterval(() => {
    void sample(pids).then((s) => (peak = Math.max(peak, s.rssKb)));
    if (relay) void sample(relay).then((s) => (relayPeak = Math.max(relayPeak, s.rssKb)));
  }, 2_000);
  try {
    const figures = await runWorkstations(target, n, WINDOW_MS, WRITE_EVERY_MS, feed, 30_000, feed === 'relay' && traceFile !== undefined, Number(values.processes));
    if (figures.trace && traceFile) await printLegs(figures, traceFile);
    const seconds = (performance.now() - t0) / 1000;
    const after = await sample(pids);
    const cpu = process.cpuUsage(cpu0);
    const relayAfter = relay ? await sample(relay) : undefined;
    const relayFigures = relayAfter && relayBefore ? { relayCores: (relayAfter.ticks - relayBefore.ticks) / hz / seconds, relayRssMb: Math.max(relayPeak, relayAfter.rssKb) / 1024 } : {};
    // This process and its feed processes (their whole life: they live for this run only).
    const feedCpuS = (figures.feedLag ?? []).reduce((sum, l) => sum + l.cpuMs / 1000, 0);
    return { ...figures, ...relayFigures, seconds, cores: (after.ticks - before.ticks) / hz / seconds, peakRssMb: Math.max(peak, after.rssKb) / 1024, benchCores: ((cpu.user + cpu.system) / 1e6 + feedCpuS) / seconds };
  } finally {
    clearInterval(sampler);
  }
}

const q = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

/** Where a delivery's time went, from the load generator's trace joined with the relay's (by id). */
async function printLegs(m: DeliveryFigures, traceFile: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 1_000)); // the relay's trace stream flushed
  const relayed = new Map<string, { readAt: number; sentAt: number }>();
  const dir = path.dirname(traceFile);
  const texts = await Promise.all((await readdir(dir)).filter((f) => f.startsWith(path.basename(traceFile))).map((f) => readFile(path.join(dir, f), 'utf8')));
  for (const line of texts.join('\n').split('\n')) {
    const [id, readAt, sentAt] = line.split(' ');
    if (id && !id.startsWith('#') && sentAt) relayed.set(id, { readAt: Number(readAt), sentAt: Number(sentAt) });
  }
  const writes = [...m.trace!.writes.entries()].sort((a, b) => a[1].sent - b[1].sent);
  const thirds = [writes.slice(0, Math.floor(writes.length / 3)), writes.slice(Math.floor((2 * writes.length) / 3))];
  const f = (xs: number[]) => (xs.length ? `${q(xs, 50).toFixed(0)}/${q(xs, 95).toFixed(0)}` : '—');
  const byNode = (k: number) => writes.filter(([, w]) => w.node === k);
  for (const [name, part] of [['all writes', writes], ['first third', thirds[0]!], ['last third', thirds[1]!], ...[0, 1, 2].map((k) => [`written on node ${k + 1}`, byNode(k)] as const)] as const) {
    if (part.length === 0) continue;
    const ids = new Set(part.map(([id]) => id));
    const reply: number[] = [];
    const toRelay: number[] = [];
    const afterReply: number[] = [];
    const inRelay: number[] = [];
    for (const [id, w] of part) {
      if (w.replied !== undefined) reply.push(w.replied - w.sent);
      const r = relayed.get(id);
      if (!r) continue;
      toRelay.push(r.readAt - w.sent);
      if (w.replied !== undefined) afterReply.push(r.readAt - w.replied);
      inRelay.push(r.sentAt - r.readAt);
    }
    const toClient: number[] = [];
    const total: number[] = [];
    for (const [id, at] of m.trace!.arrivals) {
      if (!ids.has(id)) continue;
      const w = m.trace!.writes.get(id)!;
      total.push(at - w.sent);
      const r = relayed.get(id);
      if (r) toClient.push(at - r.sentAt);
    }
    console.log(
      `  legs (${name}, ${part.length} writes, ms p50/p95): write → answer ${f(reply)}; write → relay reads it ${f(toRelay)} (answer → relay reads it ${f(afterReply)}); ` +
        `inside the relay ${f(inRelay)}; relay wrote → workstation read ${f(toClient)}; total ${f(total)}; ${relayed.size ? '' : 'no relay trace; '}${part.length - toRelay.length} writes never read by the relay`,
    );
  }
  const lag = (l: { p50: number; p99: number; max: number }) => `${l.p50.toFixed(1)}/${l.p99.toFixed(1)}/${l.max.toFixed(0)}`;
  console.log(`  event loop delay ms p50/p99/max: load generator ${lag(m.lag)}${m.feedLag?.length ? `; its feed processes ${m.feedLag.map(lag).join(', ')}` : ''}`);
}

function print(label: string, m: Measured): void {
  const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
  const kinds = Object.entries(m.errorKinds).map(([k, c]) => `${c} ${k}`).join(', ');
  console.log(
    `${label}, ${m.feed} feeds, N = ${m.n}: p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, max ${ms(m.max)}; delivered ${m.delivered}/${m.expected} (${m.writes} writes, write p95 ${ms(m.writeP95)}), errors ${m.errors}${kinds ? ` (${kinds}; first: ${m.firstError})` : ''}; ` +
      `${m.requests} requests (per node ${m.perNode.join('/')}); server CPU ${m.cores.toFixed(2)} cores (${m.delivered ? ((m.cores * m.seconds * 1000) / m.delivered).toFixed(1) : '—'} ms per delivery), peak RSS ${m.peakRssMb.toFixed(0)} MB; ${m.relayCores !== undefined ? `relay CPU ${m.relayCores.toFixed(2)} cores, peak RSS ${m.relayRssMb!.toFixed(0)} MB (cluster + relay ${(m.cores + m.relayCores).toFixed(2)} cores, ${m.delivered ? (((m.cores + m.relayCores) * m.seconds * 1000) / m.delivered).toFixed(2) : '—'} ms per delivery); ` : ''}this load generator ${m.benchCores.toFixed(2)} cores (event loop delay p99 ${m.lag.p99.toFixed(0)} ms, max ${m.lag.max.toFixed(0)} ms); ${m.seconds.toFixed(0)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
}

/**
 * Sets the offices and their users up, then waits until every node lets every office's user read
 * its database: a cluster just made copies new users and shards between its nodes for a while
 * (401 or 500 from a node that has not got them yet), which a city's cluster is long past.
 */
async function prepare(adminUrl: string, nodes: readonly string[]): Promise<void> {
  await setupCouch({ url: adminUrl, offices, users, log: () => {} });
  const deadline = performance.now() + 180_000;
  for (const node of nodes) {
    for (const [i, o] of offices.entries()) {
      const authorization = `Basic ${Buffer.from(`${users[i]!.name}:${PASSWORD}`).toString('base64')}`;
      for (;;) {
        const res = await fetch(`${node}/${officeDbName(o.id)}`, { headers: { authorization } }).catch(() => null);
        if (res?.ok) break;
        if (performance.now() > deadline) throw new Error(`${node}: ${officeDbName(o.id)} not readable by ${users[i]!.name} (${res?.status ?? 'no answer'})`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

/** `hws relay` in front of node 1, as its own process (its CPU is measured apart from the cluster's). */
async function startRelayProcess(couchUrl: string, port: number, traceFile?: string): Promise<{ url: string; child: ChildProcess }> {
  const args = traceFile
    ? ['--import', 'tsx', path.resolve(import.meta.dirname, 'scale-relay.ts'), couchUrl, String(port), traceFile]
    : [path.resolve(import.meta.dirname, '..', 'bin', 'hws.mjs'), 'relay', '--couch-url', couchUrl, '--port', String(port)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /http:\/\/\S+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`hws relay exited (${code})`)));
  });
  return { url, child };
}

export async function benchScale(): Promise<void> {
  console.log(`scale: ${OFFICES} offices, a write per workstation every ${WRITE_EVERY_MS / 1000} s for ${WINDOW_MS / 1000} s; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, open files limit ${await promisify(execFile)('sh', ['-c', 'ulimit -n']).then((r) => r.stdout.trim())}`);
  let couchUrl = values['couch-url'];
  let started: string | undefined;
  // Where ../shared/couchdb is present (as in CI) a cluster is started on HWS_SCALE_PORT (35984).
  const cluster = values.cluster ?? (couchUrl || !existsSync(COUCHDB_SH) ? undefined : (process.env.HWS_SCALE_PORT ?? '35984'));
  if (!couchUrl && cluster) {
    started = cluster;
    couchUrl = (await promisify(execFile)(COUCHDB_SH, ['start', '--port', started, '--nodes', values.nodes], { timeout: 180_000 })).stdout.trim().split('\n').at(-1)!;
  }
  try {
    if (couchUrl) {
      const { url, authorization } = splitCredentials(couchUrl);
      const port = Number(new URL(url).port);
      const nodes = Array.from({ length: Number(values.nodes) }, (_, i) => `http://127.0.0.1:${port + i * 10}`);
      // Before the databases are made: q applies to databases created afterwards.
      if (!values['no-tune']) await tune(nodes, authorization!);
      await prepare(couchUrl, nodes);
      const pids = processesOf(`${values['couch-dir'] ?? `/tmp/couchdb-${port}`}/node`);
      const label = `CouchDB 3.5, ${nodes.length} nodes${values['no-tune'] ? ', default settings' : ''}`;
      const traceFile = values.trace && FEEDS.includes('relay') ? path.join(os.tmpdir(), `hws-scale-relay-trace-${process.pid}.txt`) : undefined;
      const relayCount = FEEDS.includes('relay') ? Number(values.relays) : 0;
      const relayPort = Number(values['relay-port'] ?? port + 3);
      const relays: { url: string; child: ChildProcess }[] = [];
      const relayPids = async () => (await Promise.all(relays.map((r) => processesOf(r.child.pid!)()))).flat();
      try {
        for (let k = 0; k < relayCount; k++) {
          const node = new URL(couchUrl);
          node.port = String(port + (k % nodes.length) * 10);
          relays.push(await startRelayProcess(node.toString().replace(/\/$/, ''), relayPort + k, traceFile && (relayCount > 1 ? `${traceFile}.${k}` : traceFile)));
        }
        for (const n of SIZES) for (const feed of FEEDS) print(label, await measure({ nodes, offices: offices.map((o, i) => ({ id: o.id, user: users[i]!.name })), password: PASSWORD, relay: relays[0]?.url, relays: relays.map((r) => r.url) }, pids, n, feed, relays.length ? relayPids : undefined, traceFile));
      } finally {
        for (const relay of relays) {
          const exited = new Promise((r) => relay.child.once('exit', r));
          relay.child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        }
        if (traceFile) {
          const dir = path.dirname(traceFile);
          for (const f of (await readdir(dir)).filter((name) => name.startsWith(path.basename(traceFile)))) {
            const lag = (await readFile(path.join(dir, f), 'utf8').catch(() => '')).split('\n').find((l) => l.startsWith('#lag'));
            if (lag) console.log(`  relay event loop delay ms p50/p99/max over its life (${f}): ${lag.split(' ').slice(1).join('/')}`);
            await rm(path.join(dir, f), { force: true });
          }
        }
      }
    }
    if (!values['no-embedded'] && FEEDS.some((f) => f !== 'relay')) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-scale-'));
      const server = await startChildServer(dir);
      try {
        await prepare(await server.adminUrl(), [server.url]);
        const pid = server.pid!;
        // The embedded server answers long-polls only (no continuous feed).
        if (FEEDS.includes('continuous')) console.log('embedded server: no continuous feed (long-poll only), not measured with it');
        for (const n of SIZES) for (const feed of FEEDS.filter((f) => f !== 'continuous' && f !== 'relay')) print('embedded server', await measure({ nodes: [server.url], offices: offices.map((o, i) => ({ id: o.id, user: users[i]!.name })), password: PASSWORD }, processesOf(pid), n, feed));
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true, maxRetries: 5 });
      }
    }
  } finally {
    if (started) await promisify(execFile)(COUCHDB_SH, ['stop', '--port', started]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScale();
