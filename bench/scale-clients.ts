// Lightweight simulated workstations for the scale benchmark (bench/scale.ts): each holds a
// long-poll on its office database's changes feed, filtered to persons by `_selector` as the
// workstation's pull is, and re-polls from the returned sequence; once a minute on average a
// workstation writes a person through the office's validator. No RxDB: the figure is the server's
// delivery under thousands of waiting feeds, measured from the write request to each arrival at
// every other workstation of the office.
import http from 'node:http';
import { officeDbName } from '../domain/sync/databases';
import { personDocs } from '../renderer/sync/test-data';

export interface ScaleTarget {
  /** Node base URLs without credentials (a load balancer spreads workstations over them). */
  readonly nodes: readonly string[];
  readonly offices: readonly { readonly id: string; readonly user: string }[];
  readonly password: string;
}

export interface DeliveryFigures {
  readonly n: number;
  readonly writes: number;
  readonly expected: number;
  readonly delivered: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly errors: number;
  readonly firstError: string | null;
}

const LONGPOLL_MS = 25_000;
const SELECTOR = JSON.stringify({ selector: { type: 'person' } });

function call(agent: http.Agent, url: string, auth: string, method: string, body?: string): Promise<{ status: number; text: string }> {
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

/** Runs `n` workstations for `windowMs` of writes, then waits up to `drainMs` for the last deliveries. */
export async function runWorkstations(target: ScaleTarget, n: number, windowMs: number, writeEveryMs: number, drainMs = 30_000): Promise<DeliveryFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const writeAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const auth = (user: string) => `Basic ${Buffer.from(`${user}:${target.password}`).toString('base64')}`;
  let errors = 0;
  let firstError: string | null = null;
  const fail = (what: string) => {
    errors++;
    firstError ??= what;
  };
  const written = new Map<string, { at: number; office: number; by: number }>();
  const latencies: number[] = [];
  let expected = 0;
  let running = true;
  let connected = 0;
  const perOffice = target.offices.map(() => 0);
  const clients = Array.from({ length: n }, (_, i) => {
    const office = i % target.offices.length;
    perOffice[office]!++;
    return { i, office, node: target.nodes[i % target.nodes.length]!, seen: new Set<string>() };
  });

  const poll = async (c: (typeof clients)[number]) => {
    const o = target.offices[c.office]!;
    const db = `${c.node}/${officeDbName(o.id)}`;
    let since = 'now';
    let first = true;
    while (running) {
      try {
        if (first) connected++;
        first = false;
        const res = await call(agent, `${db}/_changes?feed=longpoll&filter=_selector&timeout=${LONGPOLL_MS}&since=${encodeURIComponent(since)}`, auth(o.user), 'POST', SELECTOR);
        if (res.status !== 200) {
          fail(`changes ${res.status} ${res.text.slice(0, 120)}`);
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        const body = JSON.parse(res.text) as { results: { id: string }[]; last_seq: string | number };
        since = String(body.last_seq);
        const now = performance.now();
        for (const row of body.results) {
          const w = written.get(row.id);
          if (w && w.by !== c.i && !c.seen.has(row.id)) {
            c.seen.add(row.id);
            latencies.push(now - w.at);
          }
        }
      } catch (e) {
        if (running) fail(`changes: ${e instanceof Error ? e.message : String(e)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const polls = clients.map((c) => poll(c));
  // Every feed in place (requests sent, `since=now` taken) before the first write.
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
    written.set(id, { at: performance.now(), office: by.office, by: by.i });
    expected += perOffice[by.office]! - 1;
    writes.push(
      call(writeAgent, `${by.node}/${officeDbName(o.id)}/${encodeURIComponent(id)}`, auth(o.user), 'PUT', JSON.stringify(rest)).then(
        (r) => void (r.status === 201 || r.status === 202 ? 0 : fail(`write ${r.status} ${r.text.slice(0, 120)}`)),
        (e: Error) => fail(`write: ${e.message}`),
      ),
    );
  }
  await Promise.all(writes);
  const end = performance.now() + drainMs;
  while (latencies.length < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
  running = false;
  agent.destroy();
  writeAgent.destroy();
  await Promise.allSettled(polls);
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { n, writes: total, expected, delivered: latencies.length, p50: pct(50), p95: pct(95), max: sorted.at(-1) ?? NaN, errors, firstError };
}
