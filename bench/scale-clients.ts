// Lightweight simulated workstations for the scale benchmark (bench/scale.ts). No RxDB: the figure
// is the server's delivery under thousands of waiting feeds, measured from the write request to
// each arrival at every other workstation of the office. Each workstation follows its one office
// database over a keep-alive connection to one node (spread as a load balancer would), in one of
// three ways (`feed`):
//   app        — as the workstation does (renderer/sync/notifier.ts then the pull): a long-poll on
//                the unfiltered feed (style=all_docs, limit 500, timeout 25 s); when it returns a
//                change this workstation did not write, a filtered read of persons (`_selector`,
//                POST) from the pull's own sequence. Arrival = that read's answer.
//   longpoll   — one filtered long-poll (`_selector`) whose answer carries the new ids.
//   continuous — one filtered continuous feed with a heartbeat, held for the whole run.
//   relay      — as the workstation's notifier does pointed at the change relay (sync-server/relay,
//                `target.relay`): its starting sequence from the relay's `GET /{db}`, then one
//                unfiltered continuous feed (style=all_docs) from the relay, which holds one feed
//                per office database on the cluster. Arrival = the row on the stream.
// Workstations come online 10 ms apart (2,000 in 20 s). About once a minute a workstation writes a
// person through the office's validator.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { officeDbName } from '../domain/sync/databases';
import { personDocs } from '../renderer/sync/test-data';

export type FeedMode = 'app' | 'longpoll' | 'continuous' | 'relay';
export const FEED_MODES: readonly FeedMode[] = ['app', 'longpoll', 'continuous', 'relay'];

export interface ScaleTarget {
  /** Node base URLs without credentials (a load balancer spreads workstations over them). */
  readonly nodes: readonly string[];
  readonly offices: readonly { readonly id: string; readonly user: string }[];
  readonly password: string;
  /** The change relay's URL (feed `relay`). */
  readonly relay?: string;
  /** Several relays (one in front of each node): office k's workstations follow relays[k mod length]. */
  readonly relays?: readonly string[];
}

export interface DeliveryFigures {
  readonly n: number;
  readonly feed: FeedMode;
  readonly writes: number;
  readonly expected: number;
  readonly delivered: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Write request to its 201/202, p95. */
  readonly writeP95: number;
  /** HTTP requests made (feeds, reads, writes) and how many went to each node. */
  readonly requests: number;
  readonly perNode: readonly number[];
  readonly errors: number;
  /** Errors by kind: `HTTP 500 timeout`, `ECONNRESET`, `ECONNREFUSED`, `socket hang up`… */
  readonly errorKinds: Readonly<Record<string, number>>;
  readonly firstError: string | null;
  /** This load generator's event loop delay over the run, ms (a starved generator reads late). */
  readonly lag: { readonly p50: number; readonly p99: number; readonly max: number };
  /** With the feeds in processes of their own: each one's event loop delay, ms. */
  readonly feedLag?: readonly { readonly p50: number; readonly p99: number; readonly max: number; readonly cpuMs: number }[];
  /** With `trace`: every write (sent, answered) and every arrival, absolute ms (timeOrigin + now). */
  readonly trace?: {
    readonly writes: ReadonlyMap<string, { readonly sent: number; readonly replied?: number; readonly office: number; readonly node: number }>;
    readonly arrivals: readonly (readonly [id: string, at: number])[];
  };
}

const LONGPOLL_MS = 25_000;
const HEARTBEAT_MS = 10_000;
const CHANGES_PER_LOOK = 500;
const RAMP_MS = 10;
const SELECTOR = JSON.stringify({ selector: { type: 'person' } });

interface Reply {
  readonly status: number;
  readonly text: string;
}

function call(agent: http.Agent, url: string, auth: string, method: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A change row's sequence and id without parsing the whole line (`{"seq":"…","id":"…",…}` as
 * CouchDB and the relay write them; ids and sequences hold no quote or backslash here): the
 * workstation's own parse is its machine's cost, not the server's. Anything else: undefined.
 */
export function quickRow(line: string): { id: string; seq: string } | undefined {
  if (!line.startsWith('{"seq":"')) return undefined;
  const seqEnd = line.indexOf('"', 8);
  if (seqEnd < 0 || !line.startsWith(',"id":"', seqEnd + 1)) return undefined;
  const idStart = seqEnd + 8;
  const idEnd = line.indexOf('"', idStart);
  if (idEnd < 0) return undefined;
  const seq = line.slice(8, seqEnd);
  const id = line.slice(idStart, idEnd);
  if (seq.includes('\\') || id.includes('\\')) return undefined;
  return { seq, id };
}

/** A continuous feed: calls `onRow` per change line; resolves with the last sequence when the stream ends. */
function stream(agent: http.Agent, url: string, auth: string, body: string | undefined, onRow: (row: { id?: string; seq?: unknown; last_seq?: unknown }) => void, onOpen: () => void): Promise<Reply & { lastSeq?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: body ? 'POST' : 'GET', headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      onOpen();
      let buf = '';
      let lastSeq: string | undefined;
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        if (res.statusCode !== 200) return void (buf += c);
        buf += c;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line) continue; // heartbeat
          const row: { id?: string; seq?: unknown; last_seq?: unknown } = quickRow(line) ?? (JSON.parse(line) as { id?: string; seq?: unknown; last_seq?: unknown });
          if (row.seq !== undefined) lastSeq = String(row.seq);
          if (row.last_seq !== undefined) lastSeq = String(row.last_seq);
          onRow(row);
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: buf, lastSeq }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Short name of a failure, for the error count by kind. */
function kindOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err.code ?? err.message ?? String(e);
}

function httpKind(r: Reply): string {
  try {
    const body = JSON.parse(r.text) as { error?: string };
    return `HTTP ${r.status} ${body.error ?? ''}`.trim();
  } catch {
    return `HTTP ${r.status}`;
  }
}

export interface FeedHooks {
  /** A change `id` read by workstation `i` at `at` (performance.now() of this process). */
  arrived(i: number, id: string, at: number): void;
  fail(kind: string, detail: string): void;
  /** A request to node `node` (undefined: to the relay). */
  counted(node: number | undefined): void;
  /** A workstation's feed is in place. */
  connected(): void;
  running(): boolean;
  /** Feed app: whether any of these ids was written by another workstation than `i`. */
  isNews(ids: readonly string[], i: number): boolean;
}

export interface Workstation {
  readonly i: number;
  readonly office: number;
  readonly node: number;
  readonly base: string;
  readonly relayBase: string | undefined;
  readonly auth: string;
}
type Client = Workstation;

/** Workstation `i`: its office (i mod offices), its node (i mod nodes), its credentials. */
export function clientOf(target: ScaleTarget, i: number): Workstation {
  const office = i % target.offices.length;
  const node = i % target.nodes.length;
  const db = officeDbName(target.offices[office]!.id);
  return { i, office, node, base: `${target.nodes[node]!}/${db}`, relayBase: target.relays?.length ? `${target.relays[office % target.relays.length]!}/${db}` : target.relay ? `${target.relay}/${db}` : undefined, auth: `Basic ${Buffer.from(`${target.offices[office]!.user}:${target.password}`).toString('base64')}` };
}

/**
 * The feeds of the workstations `mine` selects (of `n`), each coming online RAMP_MS × i after the
 * start, in this process (bench/scale-feeds.ts runs a share of them in a process of its own).
 */
export function followFeeds(target: ScaleTarget, n: number, feed: FeedMode, mine: (i: number) => boolean, hooks: FeedHooks): { feeds: Promise<void>[]; stop: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const { fail, arrived: arrivedAt, connected: connectedOne, running, isNews } = hooks;
  const counted = (node: number) => hooks.counted(node);
  const clients = Array.from({ length: n }, (_, i) => clientOf(target, i)).filter((c) => mine(c.i));
  const pause = () => new Promise((r) => setTimeout(r, 500));

  const arrived = (c: Client, ids: Iterable<string>) => {
    const now = performance.now();
    for (const id of ids) arrivedAt(c.i, id, now);
  };
  /** The database's update sequence, as the notifier starts from. */
  const startSeq = async (c: Client, base = c.base): Promise<string> => {
    for (;;) {
      try {
        if (base === c.base) counted(c.node);
        else hooks.counted(undefined);
        const r = await call(agent, base, c.auth, 'GET');
        if (r.status === 200) return String((JSON.parse(r.text) as { update_seq: unknown }).update_seq);
        fail(httpKind(r), `db info ${r.status} ${r.text.slice(0, 120)}`);
      } catch (e) {
        fail(kindOf(e), `db info: ${kindOf(e)}`);
      }
      await pause();
    }
  };

  /**
   * One `_changes` request (filtered by the office's selector when `filtered`); a failure is counted
   * under `label` and answered with undefined (after a pause unless `pauseOnFailure` is false).
   */
  const changes = async (c: Client, query: string, label: string, filtered: boolean, pauseOnFailure = true): Promise<{ results: { id: string }[]; last_seq: string | number } | undefined> => {
    counted(c.node);
    const res = await call(agent, `${c.base}/_changes?${query}`, c.auth, filtered ? 'POST' : 'GET', filtered ? SELECTOR : undefined);
    if (res.status === 200) return JSON.parse(res.text) as { results: { id: string }[]; last_seq: string | number };
    fail(httpKind(res), `${label} ${res.status} ${res.text.slice(0, 120)}`);
    if (pauseOnFailure) await pause();
    return undefined;
  };

  const longpoll = async (c: Client) => {
    let since = await startSeq(c);
    connectedOne();
    while (running()) {
      try {
        const body = await changes(c, `feed=longpoll&filter=_selector&timeout=${LONGPOLL_MS}&since=${encodeURIComponent(since)}`, 'changes', true);
        if (!body) continue;
        since = String(body.last_seq);
        arrived(c, body.results.map((r) => r.id));
      } catch (e) {
        if (running()) fail(kindOf(e), `changes: ${kindOf(e)}`);
        if (running()) await pause();
      }
    }
  };

  const app = async (c: Client) => {
    let since = await startSeq(c); // the notifier's
    let pulled = since; // the pull's checkpoint
    connectedOne();
    while (running()) {
      try {
        const body = await changes(c, `feed=longpoll&style=all_docs&limit=${CHANGES_PER_LOOK}&timeout=${LONGPOLL_MS}&since=${encodeURIComponent(since)}`, 'changes', false);
        if (!body) continue;
        since = String(body.last_seq);
        // Only this workstation's own writes: not news.
        if (!isNews(body.results.map((r) => r.id), c.i)) continue;
        const rows = await changes(c, `style=all_docs&limit=100&filter=_selector&since=${encodeURIComponent(pulled)}`, 'read', true, false);
        if (!rows) continue;
        pulled = String(rows.last_seq);
        arrived(c, rows.results.map((r) => r.id));
      } catch (e) {
        if (running()) fail(kindOf(e), `changes: ${kindOf(e)}`);
        if (running()) await pause();
      }
    }
  };

  const continuous = async (c: Client) => {
    let since = await startSeq(c);
    let first = true;
    while (running()) {
      try {
        counted(c.node);
        const r = await stream(agent, `${c.base}/_changes?feed=continuous&filter=_selector&heartbeat=${HEARTBEAT_MS}&since=${encodeURIComponent(since)}`, c.auth, SELECTOR, (row) => {
          if (row.id) arrived(c, [row.id]);
        }, () => {
          if (first) connectedOne();
          first = false;
        });
        if (r.lastSeq) since = r.lastSeq;
        if (r.status !== 200) {
          fail(httpKind(r), `changes ${r.status} ${r.text.slice(0, 120)}`);
          await pause();
        }
      } catch (e) {
        if (running()) fail(kindOf(e), `changes: ${kindOf(e)}`);
        if (running()) await pause();
      }
    }
  };

  /** As the notifier pointed at the change relay: its sequence, then its unfiltered stream. */
  const relay = async (c: Client) => {
    if (!c.relayBase) throw new Error('feed relay: no relay URL');
    let since = await startSeq(c, c.relayBase);
    let first = true;
    while (running()) {
      try {
        hooks.counted(undefined);
        const r = await stream(agent, `${c.relayBase}/_changes?feed=continuous&style=all_docs&heartbeat=${HEARTBEAT_MS}&since=${encodeURIComponent(since)}`, c.auth, undefined, (row) => {
          if (row.id) arrived(c, [row.id]);
        }, () => {
          if (first) connectedOne();
          first = false;
        });
        if (r.lastSeq) since = r.lastSeq;
        if (r.status !== 200) {
          fail(`relay ${httpKind(r)}`, `relay changes ${r.status} ${r.text.slice(0, 120)}`);
          await pause();
        }
      } catch (e) {
        if (running()) fail(`relay ${kindOf(e)}`, `relay changes: ${kindOf(e)}`);
        if (running()) await pause();
      }
    }
  };

  const follow = { app, longpoll, continuous, relay }[feed];
  // Workstations come online over a ramp (RAMP_MS apart), as staff log on, not in one instant.
  const feeds = clients.map(async (c) => {
    await new Promise((r) => setTimeout(r, c.i * RAMP_MS));
    return follow(c);
  });
  return { feeds, stop: () => agent.destroy() };
}

/** What a feed process (bench/scale-feeds.ts) tells the benchmark. */
export type FeedMessage =
  | { readonly t: 'connected'; readonly k: number }
  | { readonly t: 'arrived'; readonly rows: readonly (readonly [i: number, id: string, at: number])[] }
  | { readonly t: 'fail'; readonly kind: string; readonly detail: string }
  | { readonly t: 'requests'; readonly perNode: readonly number[]; readonly relay: number }
  | { readonly t: 'lag'; readonly p50: number; readonly p99: number; readonly max: number; readonly cpuMs: number };

/** A share of the feeds (i mod `of` = `part`) in a process of its own; arrivals come back with their time. */
function forkFeeds(target: ScaleTarget, n: number, feed: FeedMode, part: number, of: number, hooks: FeedHooks) {
  const child = fork(path.join(import.meta.dirname, 'scale-feeds.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let lag: { p50: number; p99: number; max: number; cpuMs: number } | undefined;
  child.on('message', (m: FeedMessage) => {
    if (m.t === 'connected') for (let k = 0; k < m.k; k++) hooks.connected();
    else if (m.t === 'arrived') for (const [i, id, at] of m.rows) hooks.arrived(i, id, at - performance.timeOrigin);
    else if (m.t === 'fail') hooks.fail(m.kind, m.detail);
    else if (m.t === 'requests') {
      m.perNode.forEach((k, node) => {
        for (let j = 0; j < k; j++) hooks.counted(node);
      });
      for (let j = 0; j < m.relay; j++) hooks.counted(undefined);
    } else lag = { p50: m.p50, p99: m.p99, max: m.max, cpuMs: m.cpuMs };
  });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ target, n, feed, part, of });
  return { done, stop: () => child.connected && child.send('stop'), lag: () => lag };
}

/** Runs `n` workstations for `windowMs` of writes, then waits up to `drainMs` for the last deliveries. */
export async function runWorkstations(target: ScaleTarget, n: number, windowMs: number, writeEveryMs: number, feed: FeedMode = 'app', drainMs = 30_000, trace = false, processes = 1): Promise<DeliveryFigures> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const abs = () => performance.timeOrigin + performance.now();
  const traceWrites = new Map<string, { sent: number; replied?: number; office: number; node: number }>();
  const traceArrivals: [string, number][] = [];
  const writeAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let errors = 0;
  let firstError: string | null = null;
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string, detail: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    firstError ??= detail;
  };
  const perNode = target.nodes.map(() => 0);
  let requests = 0;
  const counted = (node: number | undefined) => {
    requests++;
    if (node !== undefined) perNode[node]!++;
  };
  const written = new Map<string, { at: number; office: number; by: number }>();
  const latencies: number[] = [];
  const writeTimes: number[] = [];
  let expected = 0;
  let running = true;
  let connected = 0;
  const perOffice = target.offices.map(() => 0);
  const clients = Array.from({ length: n }, (_, i) => {
    perOffice[i % target.offices.length]!++;
    return { ...clientOf(target, i), seen: new Set<string>() };
  });
  const hooks: FeedHooks = {
    arrived: (i, id, now) => {
      const c = clients[i]!;
      const w = written.get(id);
      if (w && w.by !== i && !c.seen.has(id)) {
        c.seen.add(id);
        latencies.push(now - w.at);
        if (trace) traceArrivals.push([id, performance.timeOrigin + now]);
      }
    },
    fail,
    counted,
    connected: () => void connected++,
    running: () => running,
    isNews: (ids, i) => ids.some((id) => written.get(id)?.by !== i),
  };
  // The feeds: here, or shared out over `processes` processes of their own (not the feed app,
  // which asks which workstation wrote a change).
  const split = processes > 1 && feed !== 'app';
  const local = split ? undefined : followFeeds(target, n, feed, () => true, hooks);
  const children = split ? Array.from({ length: processes }, (_, p) => forkFeeds(target, n, feed, p, processes, hooks)) : [];
  const feeds = local ? local.feeds : children.map((c) => c.done);
  // Every feed in place (starting sequence read, request sent) before the first write.
  while (connected < n) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 3_000 + n));

  const writes: Promise<void>[] = [];
  const total = Math.round((n * windowMs) / writeEveryMs);
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    const due = start + (k * windowMs) / total;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const by = clients[Math.floor(Math.random() * n)]!;
    const o = target.offices[by.office]!;
    const [doc] = personDocs(o.id, `scale${n}-${k}-${Date.now().toString(36)}`, 1);
    const { id, ...rest } = doc!;
    const at = performance.now();
    written.set(id, { at, office: by.office, by: by.i });
    const traced = trace ? { sent: performance.timeOrigin + at, replied: undefined as number | undefined, office: by.office, node: by.node } : undefined;
    if (traced) traceWrites.set(id, traced);
    expected += perOffice[by.office]! - 1;
    counted(by.node);
    writes.push(
      call(writeAgent, `${by.base}/${encodeURIComponent(id)}`, by.auth, 'PUT', JSON.stringify(rest)).then(
        (r) => {
          writeTimes.push(performance.now() - at);
          if (traced) traced.replied = abs();
          if (r.status !== 201 && r.status !== 202) fail(`write ${httpKind(r)}`, `write ${r.status} ${r.text.slice(0, 120)}`);
        },
        (e: unknown) => fail(`write ${kindOf(e)}`, `write: ${kindOf(e)}`),
      ),
    );
  }
  await Promise.all(writes);
  const end = performance.now() + drainMs;
  while (latencies.length < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
  running = false;
  local?.stop();
  for (const c of children) c.stop();
  writeAgent.destroy();
  await Promise.allSettled(feeds);
  lag.disable();
  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  };
  return {
    n, feed, writes: total, expected, delivered: latencies.length, p50: pct(latencies, 50), p95: pct(latencies, 95), max: latencies.reduce((m, x) => Math.max(m, x), latencies.length ? 0 : NaN),
    writeP95: pct(writeTimes, 95), requests, perNode, errors, errorKinds, firstError,
    lag: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    feedLag: children.map((c) => c.lag()).filter((l) => l !== undefined),
    ...(trace ? { trace: { writes: traceWrites, arrivals: traceArrivals } } : {}),
  };
}
