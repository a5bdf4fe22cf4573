// Live sync at scale: N simulated workstations (half in each of two offices) hold the real
// notifier's long-poll on their office database and on each wake read the filtered changes feed
// as the pull does. One workstation per office writes documents; the figure is the time from a
// write to its arrival at every other workstation of the same office (p50/p95), with the count of
// failed requests. Loopback only; bounded by WRITES and a deadline.
import { officeDbName } from '../domain/sync/databases';
import { startNotifier } from '../renderer/sync/notifier';
import { authFetch, type RemoteDb } from '../renderer/sync/remote';
import { personDocs } from '../renderer/sync/test-data';

const WRITES = 10;
const WRITE_EVERY_MS = 300;
const DEADLINE_MS = 60_000;

export interface LiveFigures {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly delivered: number;
  readonly expected: number;
  readonly errors: number;
}

const OFFICES = [
  { id: 'futian-huafu', user: 'clerk1' },
  { id: 'futian-xiangmihu', user: 'clerk3' },
];

export async function benchLive(url: string, password: string, n: number): Promise<LiveFigures> {
  let errors = 0;
  const written = new Map<string, number>();
  const latencies: number[] = [];
  const stops: (() => void)[] = [];
  for (let i = 0; i < n; i++) {
    const office = OFFICES[i % OFFICES.length]!;
    const counting = authFetch(office.user, password, { report: (ok) => void (ok ? 0 : errors++) });
    const f: typeof fetch = async (input, init) => {
      const res = await counting(input, init);
      if (!res.ok) errors++;
      return res;
    };
    const remote: RemoteDb = { url: `${url}/${officeDbName(office.id)}`, fetch: f, filterMode: 'design' };
    let since: string | number = ((await (await f(remote.url)).json()) as { update_seq: string | number }).update_seq;
    const notifier = startNotifier({ remote, longpollTimeoutMs: 25_000, retryMinMs: 500, retryMaxMs: 5_000 });
    const seen = new Set<string>();
    let reading = false;
    let again = false;
    const read = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        const r = await f(`${remote.url}/_changes?include_docs=true&filter=hws/by_type&types=person&since=${encodeURIComponent(String(since))}`);
        const body = (await r.json()) as { results: { id: string }[]; last_seq: string | number };
        since = body.last_seq;
        for (const row of body.results) {
          const at = written.get(row.id);
          if (at !== undefined && !seen.has(row.id)) {
            seen.add(row.id);
            latencies.push(performance.now() - at);
          }
        }
      } catch {
        errors++;
      } finally {
        reading = false;
      }
      if (again) {
        again = false;
        return read();
      }
    };
    const sub = notifier.wake$.subscribe(() => void read());
    stops.push(() => {
      sub.unsubscribe();
      notifier.stop();
    });
  }
  // Let every long-poll be in place, with its starting sequence read.
  await new Promise((r) => setTimeout(r, 2_000 + n * 5));
  const writers = OFFICES.map((o) => authFetch(o.user, password, { report() {} }));
  for (let w = 0; w < WRITES; w++) {
    for (const [k, office] of OFFICES.entries()) {
      const [doc] = personDocs(office.id, `live${n}-${w}-${Date.now()}`, 1);
      const { id, ...rest } = doc!;
      written.set(id, performance.now());
      const res = await writers[k]!(`${url}/${officeDbName(office.id)}/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rest) });
      if (!res.ok) errors++;
    }
    await new Promise((r) => setTimeout(r, WRITE_EVERY_MS));
  }
  const expected = WRITES * n; // each office's documents reach that office's n/2 workstations
  const end = performance.now() + DEADLINE_MS;
  while (latencies.length < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
  for (const s of stops) s();
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { n, p50: pct(50), p95: pct(95), delivered: latencies.length, expected, errors };
}
