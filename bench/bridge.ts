// Bridge benchmark (after a warm-up run on a small office): an office database of N cases (with households, persons and events, written
// as workstations store them, sealed) is delivered by `startBridge` to the test platform; timed
// from start until the platform holds every revision. Baseline, in the same process against the
// same database: only reading the same documents from `_changes` with include_docs in batches of
// 500 (what any bridge must do at least). The ratio is bridge / baseline. Then the same with the
// platform failing one request in five; changes are read 100 at a time, so each run makes many requests (500 after taking, or a closed connection) to show what
// the retries cost. `COUCHDB_URL` runs it against a real CouchDB; otherwise the embedded server.
//   npm run bench:bridge [-- CASES]   (or: npx tsx bench/bridge.ts 300)
import { officeDbName } from '../domain/sync/databases';
import { couchClient } from '../sync-server/couch';
import { startBridge } from '../sync-server/bridge/bridge';
import { writeCases } from '../sync-server/bridge/test-data';
import { startTestPlatform, type TestPlatform } from '../sync-server/bridge/test-platform';
import { startTestCouch, type TestCouch } from '../sync-server/testing';

const CASES = Number(process.argv[2] ?? 300);

async function readAll(couch: TestCouch, db: string): Promise<number> {
  const admin = couchClient(couch.adminUrl);
  let since: string | number = 0;
  let n = 0;
  for (;;) {
    const res: { results: unknown[]; last_seq: string | number } = await admin.request('GET', `/${db}/_changes?since=${encodeURIComponent(String(since))}&limit=500&include_docs=true`);
    if (res.results.length === 0) return n;
    n += res.results.length;
    since = res.last_seq;
  }
}

async function deliver(couch: TestCouch, platform: TestPlatform, ids: readonly string[], office: string): Promise<{ ms: number; requests: number; retried: number }> {
  const started = performance.now();
  const bridge = await startBridge({ couchUrl: couch.adminUrl, platformUrl: platform.url, token: platform.token, offices: couch.offices.map((o) => o.id), leaseMs: 10_000, pollMs: 500, batchSize: 100, backoffBaseMs: 20, timeoutMs: 5_000, log: () => {} });
  const admin = couchClient(couch.adminUrl);
  const res = await admin.request<{ rows: { key: string; value: { rev: string } }[] }>('POST', `/${officeDbName(office)}/_all_docs`, { keys: ids });
  const wanted = res.rows.map((r) => `${r.key} ${r.value.rev}`);
  while (!wanted.every((k) => platform.taken.has(k))) await new Promise((r) => setTimeout(r, 20));
  const ms = performance.now() - started;
  const { requests, retried } = bridge.metrics;
  await bridge.stop();
  return { ms, requests, retried };
}

async function main(): Promise<void> {
  const couch = await startTestCouch();
  try {
    const [clean, faulty, warm] = [couch.offices[0]!.id, couch.offices[1]!.id, couch.offices[2]!.id];
    // Warm-up (JIT, schema compilation, key import, the bridge databases) on a small third office.
    // Each office is written just before its run, so that no earlier run delivers it.
    const w = await writeCases(couch.adminUrl, warm, 10, 9000);
    const warmPlatform = await startTestPlatform();
    await deliver(couch, warmPlatform, w.ids, warm);
    await warmPlatform.close();
    const a = await writeCases(couch.adminUrl, clean, CASES, 9001);
    const t0 = performance.now();
    const read = await readAll(couch, officeDbName(clean));
    const baselineMs = performance.now() - t0;
    const platform = await startTestPlatform();
    const first = await deliver(couch, platform, a.ids, clean);
    const b = await writeCases(couch.adminUrl, faulty, CASES, 9002);
    const faults = await startTestPlatform();
    for (let i = 0; i < 400; i++) faults.faults.push(...(['none', 'none', 'none', 'none', i % 2 ? '500-after' : 'close-after'] as const));
    const second = await deliver(couch, faults, b.ids, faulty);
    await platform.close();
    await faults.close();
    const server = process.env.COUCHDB_URL ? 'CouchDB (COUCHDB_URL)' : 'embedded server';
    console.log(`bridge bench, ${server}, ${CASES} cases (${a.ids.length} documents per office):`);
    console.log(`  baseline: read ${read} changes with documents in ${baselineMs.toFixed(0)} ms`);
    console.log(`  bridge, clean platform: ${first.ms.toFixed(0)} ms, ${(a.ids.length / (first.ms / 1000)).toFixed(0)} records/s, ${first.requests} requests; ratio to baseline ${(first.ms / baselineMs).toFixed(2)}`);
    console.log(`  bridge, 1 request in 5 failing after the platform took it: ${second.ms.toFixed(0)} ms, ${second.requests} requests, ${second.retried} retried; ratio to the clean run ${(second.ms / first.ms).toFixed(2)}`);
    console.log(`  every record taken once: ${[...platform.taken.values(), ...faults.taken.values()].every((t) => t.times === 1)}, keys reused: ${platform.keyReuse + faults.keyReuse}`);
  } finally {
    await couch.dispose();
  }
}

await main();
