// The bridge as `hws bridge run` in a child process, SIGKILLed at many points of a run (as a
// request arrives at the platform, or a few milliseconds later, i.e. before, during or after the
// platform takes the records, and between the reply and the checkpoint) and started again, while
// offices keep writing. Afterwards every event and the latest revision of every case, person and
// household has arrived, each revision was taken under one key only, and no key was reused for
// another body. CouchDB's changes feed carries only the latest revision of a document, so a case
// edited twice between two reads is sent at its latest revision.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../couch';
import { startTestCouch, type TestCouch } from '../testing';
import { writeCases } from './test-data';
import { startTestPlatform, type TestPlatform } from './test-platform';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KILLS = 6;

let couch: TestCouch;
let platform: TestPlatform;
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  couch = await startTestCouch();
  platform = await startTestPlatform();
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-bridge-'));
  await writeFile(path.join(dir, 'token'), `${platform.token}\n`);
  await chmod(path.join(dir, 'token'), 0o600);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await platform?.close();
  await couch?.dispose();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const output: string[] = [];
let started = 0;
function startChild(): ChildProcess {
  const args = ['bin/hws.mjs', 'bridge', 'run', '--couch-url', couch.adminUrl, '--platform-url', platform.url, '--token-file', path.join(dir, 'token')];
  // Metrics on a port of this suite's range (26250–26269), one per start: a killed child's port may linger.
  // This file's two offices only, no reference data: other files may run bridges on the same server.
  args.push('--office', couch.offices[0]!.id, '--office', couch.offices[1]!.id, '--no-reference');
  args.push('--metrics-port', String(26250 + (started++ % 20)), '--lease-seconds', '2', '--poll-seconds', '1', '--batch', '7');
  const c = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, HWS_BRIDGE_BACKOFF_MS: '20', HWS_BRIDGE_TIMEOUT_MS: '3000' }, stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  c.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return c;
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it(`loses nothing and sends nothing twice when the bridge is killed ${KILLS} times`, async () => {
  const [a, b] = [couch.offices[0]!.id, couch.offices[1]!.id];
  const admin = couchClient(couch.adminUrl);
  const ids = new Map<string, string[]>([[a, []], [b, []]]);
  // A few platform faults on top of the kills: the outcome of those requests is unknown too.
  platform.faults.push('none', 'close-after', 'none', '500-after', 'none', 'timeout-after');
  const revs = async () => {
    const out: [string, string][] = [];
    for (const [office, list] of ids) {
      if (list.length === 0) continue;
      const res = await admin.request<{ rows: { key: string; value: { rev: string } }[] }>('POST', `/${officeDbName(office)}/_all_docs`, { keys: list });
      out.push(...res.rows.map((r): [string, string] => [r.key, r.value.rev]));
    }
    return out;
  };
  const delivered = async () => (await revs()).every(([id, rev]) => platform.taken.has(`${id} ${rev}`));
  for (let round = 0; round < KILLS; round++) {
    const office = round % 2 === 0 ? a : b;
    ids.get(office)!.push(...(await writeCases(couch.adminUrl, office, 2, 1000 + round)).ids);
    // An edit of an earlier case: a new revision to deliver.
    const earlier = ids.get(office)!.find((id) => id.startsWith('case:'));
    if (earlier && round > 1) {
      const doc = await admin.request<Record<string, unknown>>('GET', `/${officeDbName(office)}/${encodeURIComponent(earlier)}`);
      await admin.request('PUT', `/${officeDbName(office)}/${encodeURIComponent(earlier)}`, { ...doc, updatedAt: new Date(Date.now() + round).toISOString() });
    }
    const c = (child = startChild());
    const target = platform.requests + 1 + (round % 3);
    const delay = [0, 3, 12, 30][round % 4]!;
    platform.onRequest = (n) => {
      if (n >= target) setTimeout(() => c.kill('SIGKILL'), delay);
    };
    // Killed as request `target` arrives, or, where the round's work took fewer requests, once it is all delivered.
    await until(`request ${target} or the round delivered`, async () => platform.requests >= target || (await delivered()), 90_000);
    if (platform.requests < target) c.kill('SIGKILL');
    await exited(c);
    platform.onRequest = undefined;
  }
  const final = (child = startChild());
  const finalStart = Date.now();
  await until('every latest revision', delivered, 150_000).catch(async (e: unknown) => {
    const missing = (await revs()).filter(([id, rev]) => !platform.taken.has(`${id} ${rev}`));
    throw new Error(`${String(e)}; missing ${missing.length}: ${missing.slice(0, 5).join(' ')}; bridge said: ${output.join('').slice(-1500)}`);
  });
  const finalMs = Date.now() - finalStart;
  final.kill('SIGTERM');
  await exited(final);
  expect(final.exitCode).toBe(0);
  const events = (await revs()).filter(([id]) => id.startsWith('evt:'));
  expect(events.length).toBeGreaterThan(KILLS);
  expect(events.filter(([id, rev]) => !platform.taken.has(`${id} ${rev}`))).toEqual([]);
  expect([...platform.taken.values()].filter((t) => t.times !== 1).map((t) => `${t.record.id} ${t.record.rev} ×${t.times}`)).toEqual([]);
  expect(platform.keyReuse).toBe(0);
  console.log(`bridge kill test: ${KILLS} kills, ${platform.requests} requests, ${platform.taken.size} revisions taken once each, faults answered ${JSON.stringify(Object.fromEntries(platform.answered))}; the last start caught up in ${finalMs} ms`);
}, 300_000);
