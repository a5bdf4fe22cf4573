// `npm run bench:inspection [-- cases=400 visits=60 packageUnits=200]` — field inspection figures in
// headless Chromium (real IndexedDB):
//   visit save (inspection record + re-inspection + signed inspection_result event): p50/p95 over
//   `visits` saves, against a plain insert of a document of the same size in the same page (ratio);
//   target p95 ≤ 50 ms;
//   a task package of `packageUnits` units reaching a fresh laptop from the embedded server (a child
//   process), inside an office database holding as many tenancies again for another inspector;
//   target ≤ 10 s.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assignTasks, samplePlan } from '../domain/inspection';
import { COLLECTIONS } from '../domain/model';
import { padIndexFields } from '../domain/model/indexing';
import { generateCases, generateTenancies, sealSeed } from '../domain/seed';
import { officeDbName } from '../domain/sync/databases';
import { couchClient } from '../sync-server/couch';
import { freePort, startChildServer } from '../sync-server/child-server';
import { DEMO_PASSWORD } from '../sync-server/demo';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const arg = (name: string, d: number) => Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? d);
const CASES = arg('cases', 400);
const VISITS = arg('visits', 60);
const PACKAGE_UNITS = arg('packageUnits', 200);
const OFFICE = 'futian-huafu';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const toCouch = ({ id, clear: _c, ...rest }: Record<string, unknown>) => ({ _id: id, ...rest });

/** An office with 2 × packageUnits tenancies: half assigned to inspector1, half to another inspector. */
async function seedOffice(adminUrl: string): Promise<number> {
  let cases = 0;
  let data = generateCases({ count: 0, officeId: OFFICE, seed: 9 });
  let tenancies = generateTenancies(data, 9);
  for (cases = PACKAGE_UNITS * 30; tenancies.leases.length < 2 * PACKAGE_UNITS; cases = Math.ceil(cases * 1.3)) {
    data = generateCases({ count: cases, officeId: OFFICE, seed: 9 });
    tenancies = generateTenancies(data, 9);
  }
  const sealed = await sealSeed(data, { encrypt: (c) => `sealed:${c.length}`, keyedHash: (c) => `h${c.length}:${c.slice(-4)}` });
  const leases = tenancies.leases.slice(0, 2 * PACKAGE_UNITS);
  const items = samplePlan(leases, { seed: 1, sampleRate: 1, asOf: '2024-07-01' });
  const tasks = assignTasks(items, { planId: 'inspection_plan:bench', officeId: OFFICE, inspectors: ['inspector1', 'inspector2'], startsOn: '2024-07-01', endsOn: '2024-08-30', at: '2024-06-30T00:00:00.000Z' });
  // Exactly packageUnits tasks for inspector1 (estates go to one inspector each; even out).
  let mine = tasks.filter((t) => t.inspectorId === 'inspector1');
  const others = tasks.filter((t) => t.inspectorId !== 'inspector1');
  const bioOf = new Map(sealed.households.map((h) => [h.id, h.members.map((m) => `biometric:${m.personId}`)]));
  const fixed = [...mine, ...others].map((t, i) => ({ ...t, inspectorId: i < PACKAGE_UNITS ? 'inspector1' : 'inspector2', enrolmentIds: bioOf.get(t.householdId) ?? [] }));
  mine = fixed.filter((t) => t.inspectorId === 'inspector1');
  const enrol = sealed.persons.map((p, i) => ({
    id: `biometric:${p.id}`, type: 'biometric', schemaVersion: 0, officeId: OFFICE, createdAt: p.createdAt, updatedAt: p.createdAt, caseId: '', personId: p.id,
    kind: i % 2 ? 'fingerprint' : 'face', dataEnc: `sealed:${'x'.repeat(i % 2 ? 700 : 2_800)}`, model: 'sim', finger: null, quality: 90, consentId: 'c', purpose: 'intake', purged: false,
  }));
  const docs = [
    ...[...sealed.persons, ...sealed.households].map((d) => toCouch(padIndexFields(COLLECTIONS.people, d as never))),
    ...sealed.cases.map((d) => toCouch(padIndexFields(COLLECTIONS.cases, d as never))),
    ...[...tenancies.units, ...tenancies.leases, ...fixed].map((d) => toCouch(padIndexFields(COLLECTIONS.field, d as never))),
    ...enrol.map((d) => toCouch(padIndexFields(COLLECTIONS.files, d as never))),
    ...data.events.map((e) => toCouch({ ...e, signature: undefined })),
  ];
  const admin = couchClient(adminUrl);
  for (let i = 0; i < docs.length; i += 2_000) await admin.request('POST', `/${officeDbName(OFFICE)}/_bulk_docs`, { docs: docs.slice(i, i + 2_000) });
  console.log(`office database: ${docs.length} documents (${cases} cases, ${leases.length} tenancies, ${mine.length} tasks for inspector1)`);
  return mine.length;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bench-inspection-'));
const pagePort = await freePort();
const server = await startChildServer(dir, undefined, { corsOrigins: [`http://127.0.0.1:${pagePort}`] });
await build({ entryPoints: [path.join(HERE, 'inspection-browser-entry.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: path.join(dir, 'app.js'), logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } });
const js = await readFile(path.join(dir, 'app.js'));
const page = http.createServer((req, res) => {
  if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/app.js"></script>');
});
await new Promise<void>((r) => page.listen(pagePort, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
try {
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
  await tab.waitForFunction(() => typeof window.runVisits === 'function');
  const visits = await tab.evaluate(([c, v]) => window.runVisits(c!, v!), [CASES, VISITS]);
  const f = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;
  console.log(`visit save (${visits.save.length} visits): ${f(visits.save)} (target p95 ≤ 50 ms)`);
  console.log(`  baseline, plain insert of a same-size document: ${f(visits.baseline)}; p95 ratio ${(pct(visits.save, 95) / pct(visits.baseline, 95)).toFixed(1)}`);

  const adminUrl = await server.adminUrl();
  const expected = await seedOffice(adminUrl);
  const fresh = await browser.newPage();
  await fresh.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
  await fresh.waitForFunction(() => typeof window.runPackage === 'function');
  const pkg = await fresh.evaluate(([u, p, o]) => window.runPackage(u!, 'inspector1', p!, o!), [server.url, DEMO_PASSWORD, OFFICE]);
  console.log(`task package of ${expected} units to a fresh laptop: ${(pkg.ms / 1000).toFixed(2)} s (target ≤ 10 s) — ${JSON.stringify(pkg.report)}`);
} finally {
  await browser.close();
  page.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}
