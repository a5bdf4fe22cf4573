// docs/centre.md's backup and restore, done as written on the real CouchDB (COUCHDB_URL; the
// embedded server has no replication and skips this): an office database is replicated to a
// backup database with its _security saved beside it, lost, and restored from the backup; every
// document comes back at the same revision, and the office's clerk reads the office again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient, splitCredentials } from '../couch';
import { startTestCouch, type TestCouch } from '../testing';
import { writeCases } from './test-data';

const real = !!process.env.COUCHDB_URL;
let couch: TestCouch;

beforeAll(async () => {
  if (real) couch = await startTestCouch();
});
afterAll(async () => {
  if (!real) return;
  await couchClient(couch.adminUrl).request('DELETE', `/backup-${officeDbName(couch.offices[0]!.id)}`).catch(() => {});
  await couch.dispose();
});

type AllDocs = { rows: { id: string; value: { rev: string } }[] };

/** `_all_docs` once it lists every id (a loaded cluster's _all_docs can miss writes its other shard copies acknowledged). */
async function allDocs(db: string, ids: readonly string[]): Promise<AllDocs> {
  const admin = couchClient(couch.adminUrl);
  const end = Date.now() + 30_000;
  for (;;) {
    const res = await admin.request<AllDocs>('GET', `/${db}/_all_docs`);
    const have = new Set(res.rows.map((r) => r.id));
    if (ids.every((id) => have.has(id)) || Date.now() > end) return res;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Whether the database reads as gone (404) within 10 s: right after DELETE a cluster node whose
 * shard map has not caught up answers 500 "No DB shards could be opened" instead.
 */
async function gone(db: string): Promise<boolean> {
  const admin = couchClient(couch.adminUrl);
  const end = Date.now() + 10_000;
  for (;;) {
    const read = await admin.getOrUndefined(`/${db}`).then(
      (info) => (info === undefined ? 'gone' : 'there'),
      (e: unknown) => (e instanceof Error && /No DB shards could be opened/.test(e.message) ? 'settling' : Promise.reject(e)),
    );
    if (read !== 'settling' || Date.now() > end) return read === 'gone';
    await new Promise((r) => setTimeout(r, 200));
  }
}

it.skipIf(!real)('backs up an office database by replication and restores it with the same revisions and members', async () => {
  const admin = couchClient(couch.adminUrl);
  const office = couch.offices[0]!;
  const db = officeDbName(office.id);
  const backup = `backup-${db}`;
  const written = await writeCases(couch.adminUrl, office.id, 5, 77);
  const before = await allDocs(db, written.ids);
  const security = await admin.request<Record<string, unknown>>('GET', `/${db}/_security`);

  // Backup: a one-shot replication (to a backup cluster in production), and _security saved beside it.
  const self = (name: string) => `${couch.adminUrl.replace(/\/+$/, '')}/${name}`;
  const backupReply = await admin.request<{ ok: boolean; history?: { docs_written: number }[] }>('POST', '/_replicate', { source: self(db), target: self(backup), create_target: true });
  expect(backupReply.ok).toBe(true);
  await admin.request('PUT', `/${backup}/_local/security`, { security });

  // The office database is lost.
  await admin.request('DELETE', `/${db}`);
  expect(await gone(db)).toBe(true);

  // Restore: replicate back, then put the saved _security back.
  expect((await admin.request<{ ok: boolean }>('POST', '/_replicate', { source: self(backup), target: self(db), create_target: true })).ok).toBe(true);
  const saved = await admin.request<{ security: Record<string, unknown> }>('GET', `/${backup}/_local/security`);
  await admin.request('PUT', `/${db}/_security`, saved.security);

  const after = await allDocs(db, before.rows.map((r) => r.id));
  const revs = (r: AllDocs) => r.rows.map((row) => `${row.id} ${row.value.rev}`).sort();
  expect(revs(after)).toEqual(revs(before));
  expect(after.rows.some((r) => r.id === '_design/hws')).toBe(true);
  expect(await admin.request('GET', `/${db}/_security`)).toEqual(security);

  // The office's clerk reads the restored database with their own password.
  const clerk = couch.users.find((u) => u.officeId === office.id && u.roles.includes('clerk'))!;
  const { url } = splitCredentials(couch.adminUrl);
  const res = await fetch(`${url}/${db}/_all_docs?limit=1`, { headers: { authorization: `Basic ${Buffer.from(`${clerk.name}:${clerk.password}`).toString('base64')}` } });
  expect(res.status).toBe(200);
}, 60_000);
