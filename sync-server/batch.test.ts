// Batches by removable media: a batch imports once (twice creates nothing new, revisions kept),
// and a corrupt, truncated or tampered file is refused with a Chinese reason and imports nothing.
// Forged authority cannot ride in a batch: forged decisions are refused document by document.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner } from '../domain/crypto/signing';
import { sealBatch, signedPayload, type BatchDoc } from '../domain/sync/batch-file';
import { keyOf, registerKey } from '../domain/sync/testing/signers';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { exportBatch, importBatch } from './batch';
import { couchClient, type CouchClient } from './couch';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
let admin: CouchClient;
let officeId: string;
let key: string;
let dir: string;
beforeAll(async () => {
  couch = await startTestCouch();
  admin = couchClient(couch.adminUrl);
  officeId = couch.offices[0]!.id;
  key = (await admin.request<{ key: string }>('GET', `/${KEYS_DB}/office:${officeId}`)).key;
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-batch-'));
  for (const u of couch.users) await registerKey(couch.url, u);
}, 60_000);
afterAll(async () => {
  await couch?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const at = '2024-05-01T08:00:00.000Z';
const docs = (prefix: string, n: number): BatchDoc[] =>
  Array.from({ length: n }, (_, i) => ({ _id: `person:${prefix}-${i}`, _rev: `1-${(i + 1).toString(16).padStart(32, 'a')}`, type: 'person', schemaVersion: 1, officeId, createdAt: at, updatedAt: at, name: `批量${i}` }));
/** A batch exported by the office's clerk (signed with their registered key). */
const batch = async (d: BatchDoc[], exporter = couch.users[0]!.name, signerOf = exporter) =>
  sealBatch(key, await signedPayload((await keyOf(signerOf)).signer, { officeId, createdAt: at, source: 'ws-test', since: null, exporter }, d));
// The embedded server runs in this process: run `hws` without blocking it.
const hws = (root: string, args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [path.join(root, 'bin', 'hws.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 }, (_e, stdout, stderr) =>
      resolve({ status: child.exitCode ?? -1, stdout, stderr }),
    );
  });
const readRevs = async () =>
  (await admin.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${officeDbName(officeId)}/_all_docs`)).rows.map((r) => `${r.id} ${r.value.rev}`);
/**
 * Every document's id and revision: equal before and after means nothing was written (a cluster's
 * update_seq strings differ from read to read). On a 3-node cluster `_all_docs` reads one copy of
 * each shard and a copy may still be catching up with the last writes (they are acknowledged by 2
 * of 3), so the list is read until two reads agree.
 */
const seqOf = async () => {
  let last = await readRevs();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await readRevs();
    if (now.join('\n') === last.join('\n')) return now;
    last = now;
  }
  return last;
};

describe('batch import', () => {
  it('imports once with the original revisions; a second import writes nothing', async () => {
    const file = await batch(docs('b1', 450));
    const ticks: number[] = [];
    const first = await importBatch(couch.adminUrl, file, (done) => ticks.push(done));
    expect(first).toMatchObject({ total: 450, written: 450, skipped: 0 });
    expect(ticks.at(-1)).toBe(450);
    const before = await seqOf();
    const second = await importBatch(couch.adminUrl, file);
    expect(second).toMatchObject({ written: 0, skipped: 450 });
    expect(await seqOf()).toEqual(before);
    const doc = await admin.request<{ _rev: string }>('GET', `/${officeDbName(officeId)}/person:b1-7`);
    expect(doc._rev).toBe(`1-${(8).toString(16).padStart(32, 'a')}`);
  });

  it.each([
    ['tampered', (f: Uint8Array) => { const g = f.slice(); g[g.length - 40] = g[g.length - 40]! ^ 1; return g; }, '校验失败'],
    ['truncated', (f: Uint8Array) => f.slice(0, Math.floor(f.length / 2)), '校验失败'],
    ['header changed', (f: Uint8Array) => { const g = f.slice(); g[new TextDecoder('latin1').decode(f).indexOf('"docCount":5') + 11] = 0x36; return g; }, '校验失败'],
    ['not a batch', () => new TextEncoder().encode('hello world'), '不是'],
  ])('refuses a %s file with a Chinese reason and imports nothing', async (_name, spoil, reason) => {
    const good = await batch(docs('bad', 5));
    const before = await seqOf();
    await expect(importBatch(couch.adminUrl, spoil(good))).rejects.toThrow(reason);
    expect(await seqOf()).toEqual(before);
  });

  it('exports an office since a checkpoint and imports it elsewhere; `hws batch import` shows progress', async () => {
    const centre = await generateSigningKey();
    const centreKey = path.join(dir, 'centre.key');
    await writeFile(centreKey, JSON.stringify(centre));
    const ex = await exportBatch(couch.adminUrl, officeId, null, await importSigner(centre));
    expect(ex.docCount).toBeGreaterThanOrEqual(450);
    const file = path.join(dir, 'office.hwsbatch');
    await writeFile(file, ex.file);
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const unvouched = await hws(root, ['batch', 'import', file, '--url', couch.adminUrl]);
    expect(unvouched.status).toBe(3);
    expect(unvouched.stderr).toContain('中心批量密钥');
    const run = await hws(root, ['batch', 'import', file, '--url', couch.adminUrl, '--centre-key', centreKey]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('导入 [');
    expect(run.stdout).toContain(`新写入 0 条`);
    const spoiled = path.join(dir, 'spoiled.hwsbatch');
    await writeFile(spoiled, ex.file.slice(0, ex.file.length - 10));
    const refused = await hws(root, ['batch', 'import', spoiled, '--url', couch.adminUrl]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('批量文件被拒绝');
    const later = await exportBatch(couch.adminUrl, officeId, ex.lastSeq, await importSigner(centre));
    expect(later.docCount).toBe(0);
  }, 90_000);
});
