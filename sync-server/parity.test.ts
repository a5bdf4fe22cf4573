// Parity: the same requests (role × document type × office, `_users` self-edits, databases,
// `_replicator`, `_security`, `_all_dbs`, `_config`, anonymous access) against the embedded
// server and Apache CouchDB 3.5 must get the same answers (status and CouchDB `error`). With
// COUCHDB_URL both servers answer in this run; without it the embedded server is compared with
// sync-server/parity/expected.json, recorded from a real CouchDB 3.5 by
// `COUCHDB_URL=… PARITY_UPDATE=1 npx vitest run sync-server/parity.test.ts`.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProbes } from './parity/probes';
import { cleanUp, runProbes, type Answers } from './parity/run';
import { compare, formatTable } from './parity/table';
import { startTestCouch, type TestCouch } from './testing';

const EXPECTED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parity', 'expected.json');
const started: TestCouch[] = [];
afterAll(async () => {
  for (const c of started) await c.dispose().catch(() => {});
});

/** startTestCouch() picks COUCHDB_URL when set: hide it to get the embedded server. */
async function startEmbedded(): Promise<TestCouch> {
  const saved = process.env.COUCHDB_URL;
  delete process.env.COUCHDB_URL;
  try {
    return await startTestCouch();
  } finally {
    if (saved !== undefined) process.env.COUCHDB_URL = saved;
  }
}

async function answersOf(couch: TestCouch): Promise<Answers> {
  started.push(couch);
  try {
    return await runProbes(couch, buildProbes(couch));
  } finally {
    await cleanUp(couch).catch(() => {});
  }
}

describe('parity with Apache CouchDB 3.5', () => {
  it('the embedded server answers every probe as CouchDB does', async () => {
    const real = process.env.COUCHDB_URL;
    // Started one after the other (startTestCouch reads COUCHDB_URL), then asked side by side.
    const embeddedCouch = await startEmbedded();
    const realCouch = real ? await startTestCouch() : undefined;
    const [embedded, reference] = await Promise.all([
      answersOf(embeddedCouch),
      realCouch ? answersOf(realCouch) : readFile(EXPECTED, 'utf8').then((t) => JSON.parse(t) as Answers),
    ]);
    if (real && process.env.PARITY_UPDATE === '1') {
      const sorted = Object.fromEntries(Object.keys(reference).sort().map((k) => [k, reference[k]]));
      await writeFile(EXPECTED, JSON.stringify(sorted, null, 1) + '\n');
    }
    const rows = compare(embedded, reference);
    console.log(formatTable(rows, real ? 'CouchDB 3.5 (this run)' : 'CouchDB 3.5 (expected.json)'));
    expect(rows.filter((r) => !r.ok).map((r) => `${r.label}: embedded ${r.embedded ?? '-'} / CouchDB ${r.reference ?? '-'}`)).toEqual([]);
  }, 600_000);
});
