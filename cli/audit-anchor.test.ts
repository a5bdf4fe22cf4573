// Anchored audit chain heads: a CouchDB admin who re-hashes (and, with the actor's key, re-signs)
// the last entry, or rebuilds the database without the tail, passes the hash chain and signature
// checks; the heads countersigned by the audit office's anchor key catch both. The anchor log is
// itself checked: an edited line fails it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../domain/audit';
import type { AuditEventDoc } from '../domain/model';
import { officeDbName } from '../domain/sync/databases';
import { registerKey, signAs } from '../domain/sync/testing/signers';
import { couchClient, type CouchClient } from '../sync-server/couch';
import { startTestCouch, type TestCouch } from '../sync-server/testing';

const ROOT = new URL('../', import.meta.url).pathname;
let couch: TestCouch;
let admin: CouchClient;
let db: string;
let dir: string;

function hws(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/hws.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function entries(chainId: string, from: AuditEventDoc | undefined, n: number): Promise<AuditEventDoc[]> {
  const actor = couch.users[0]!.name;
  const out: AuditEventDoc[] = [];
  for (let i = 0; i < n; i++) {
    const prev = out.at(-1) ?? from ?? { chainId };
    const e = appendAudit(prev, { officeId: couch.offices[0]!.id, at: new Date().toISOString(), actor: { userId: actor, name: '测试甲' }, action: 'id_unmask', target: `person:${i}`, detail: { reason: '核对' } });
    out.push((await signAs(actor, e as unknown as Record<string, unknown>)) as unknown as AuditEventDoc);
  }
  return out;
}
const write = (docs: AuditEventDoc[]) => admin.request('POST', `/${db}/_bulk_docs`, { docs: docs.map(({ id, ...rest }) => ({ _id: id, ...rest })) });
const get = (id: string) => admin.request<Record<string, unknown> & { _rev: string }>('GET', `/${db}/${encodeURIComponent(id)}`);

beforeAll(async () => {
  couch = await startTestCouch();
  admin = couchClient(couch.adminUrl);
  db = officeDbName(couch.offices[0]!.id);
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-anchor-'));
  await registerKey(couch.url, couch.users[0]!);
});
afterAll(async () => {
  await couch?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('hws audit anchor', () => {
  it('detects a re-hashed and re-signed last entry and a cut tail that the chain alone does not show', async () => {
    const key = path.join(dir, 'anchor.key');
    const log = path.join(dir, 'anchors.jsonl');
    expect((await hws('audit', 'keygen', '--out', key)).code).toBe(0);
    const office = couch.offices[0]!.id;
    const a = await entries('ws-r', undefined, 3);
    const b = await entries('ws-t', undefined, 4);
    await write([...a, ...b]);
    const verify = (...extra: string[]) => hws('audit', 'verify', '--url', couch.adminUrl, '--office', office, ...extra);
    const anchored = () => verify('--anchors', log, '--anchor-key', `${key}.pub`);
    // Not yet anchored: the chains lack their anchored heads.
    expect((await anchored()).stdout).toContain('没有锚定的链头');
    const first = await hws('audit', 'anchor', '--url', couch.adminUrl, '--office', office, '--key', key, '--log', log);
    expect(first.stdout).toContain('2 条审计链链头');
    expect((await anchored()).code).toBe(0);
    // Later entries are fine until the next anchoring.
    await write(await entries('ws-t', b.at(-1), 1));
    expect((await anchored()).code).toBe(0);

    // ws-r: the last entry's detail changed, hash recomputed, signed again (the clerk's key, an admin's hand).
    const last = await get(a[2]!.id);
    const rewritten = appendAudit(a[1]!, { officeId: office, at: a[2]!.at, actor: a[2]!.actor, action: 'id_unmask', target: a[2]!.target, detail: { reason: '例行核对' } });
    const resigned = (await signAs(couch.users[0]!.name, rewritten as unknown as Record<string, unknown>)) as unknown as AuditEventDoc;
    const { id: _id, ...body } = resigned;
    await admin.request('PUT', `/${db}/${encodeURIComponent(a[2]!.id)}`, { ...body, _rev: last._rev });
    // ws-t: the database rebuilt without the last two entries (no deletion left in its changes feed).
    const all = await admin.request<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `/${db}/_all_docs?include_docs=true`);
    const security = await admin.request<Record<string, unknown>>('GET', `/${db}/_security`);
    await admin.request('DELETE', `/${db}`);
    await admin.request('PUT', `/${db}`);
    await admin.request('PUT', `/${db}/_security`, security);
    const cut = new Set(['audit:ws-t:0000000003', 'audit:ws-t:0000000004']);
    const kept = all.rows.filter((r) => !cut.has(r.id)).map((r) => r.doc);
    await admin.request('POST', `/${db}/_bulk_docs`, { docs: kept, new_edits: false });

    const plain = await verify();
    expect(plain.code).toBe(0); // hash chain and signatures alone see nothing wrong
    const run = await anchored();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('审计链 ws-r:发现篡改 — 序号2的记录与锚定的链头哈希不符');
    expect(run.stdout).toContain('审计链 ws-t:发现篡改 — 锚定的链头(序号3');
    expect(run.stdout).toContain('审计链末尾被截断');
    // Anchoring again refuses to cover up the damage.
    const again = await hws('audit', 'anchor', '--url', couch.adminUrl, '--office', office, '--key', key, '--log', log);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('未锚定任何链头');

    // The log itself: one line's hash edited is caught.
    const text = await readFile(log, 'utf8');
    await writeFile(log, text.replace(/"hash":"[0-9a-f]{4}/, '"hash":"0000'));
    const forged = await anchored();
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('锚定日志');
  }, 90_000);
});
