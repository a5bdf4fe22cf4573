// `hws audit verify` against the embedded server (or COUCHDB_URL's): an intact office, then an
// edited, a reordered and a removed event, and entries with forged authority (another actor's
// name, unsigned, a replayed or altered signature), each reported with its chain, the event and a
// Chinese reason.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../domain/audit';
import type { AuditEventDoc } from '../domain/model';
import { officeDbName } from '../domain/sync/databases';
import { couchClient, type CouchClient } from '../sync-server/couch';
import { startTestCouch, type TestCouch } from '../sync-server/testing';
import { registerKey, signAs } from '../domain/sync/testing/signers';

const ROOT = new URL('../', import.meta.url).pathname;
let couch: TestCouch;
let admin: CouchClient;
let db: string;

/** A chain as a workstation writes it: each entry signed by its actor (the office's first user, whose key is registered). */
async function chain(chainId: string, n: number, officeId: string, actor = couch.users[0]!.name): Promise<AuditEventDoc[]> {
  const out: AuditEventDoc[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await signAs(actor, appendAudit(out.at(-1) ?? { chainId }, {
      officeId,
      at: new Date(Date.UTC(2024, 5, 1, 9, i)).toISOString(),
      actor: { userId: actor, name: '张敏' },
      action: i === 1 ? 'id_unmask' : 'case_event',
      target: `case:${i}`,
      detail: { op: 'create', n: i },
    }) as unknown as Record<string, unknown>) as unknown as AuditEventDoc);
  }
  return out;
}

function hws(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/hws.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const verify = (...extra: string[]) => hws('audit', 'verify', '--url', couch.adminUrl, '--office', couch.offices[0]!.id, ...extra);
const get = (id: string) => admin.request<Record<string, unknown> & { _rev: string }>('GET', `/${db}/${encodeURIComponent(id)}`);
const put = (doc: Record<string, unknown>) => admin.request('PUT', `/${db}/${encodeURIComponent(String(doc._id))}`, doc);

beforeAll(async () => {
  couch = await startTestCouch();
  admin = couchClient(couch.adminUrl);
  const officeId = couch.offices[0]!.id;
  db = officeDbName(officeId);
  await registerKey(couch.url, couch.users[0]!);
  const docs = [...(await chain('ws-a', 4, officeId)), ...(await chain('ws-b', 3, officeId)), ...(await chain('ws-c', 3, officeId))];
  await admin.request('POST', `/${db}/_bulk_docs`, { docs: docs.map(({ id, ...rest }) => ({ _id: id, ...rest })) });
});
afterAll(() => couch?.dispose());

describe('hws audit verify', () => {
  it('reports every chain of an untouched office as complete, exit 0', async () => {
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('审计链 ws-a:完整,共4条记录');
    expect(run.stdout).toContain('审计链 ws-b:完整,共3条记录');
  }, 60_000);

  it('names the first edited, reordered and removed event, exit 1', async () => {
    // ws-a: someone softens what an unmasking was for.
    const edited = await get('audit:ws-a:0000000001');
    await put({ ...edited, detail: { op: 'create', n: 99 } });
    // ws-b: events 1 and 2 swap places (each id now holds the other's content).
    const [b1, b2] = [await get('audit:ws-b:0000000001'), await get('audit:ws-b:0000000002')];
    await put({ ...b2, _id: b1._id, _rev: b1._rev });
    await put({ ...b1, _id: b2._id, _rev: b2._rev });
    // ws-c: the last event is deleted.
    const last = await get('audit:ws-c:0000000002');
    await admin.request('DELETE', `/${db}/${encodeURIComponent('audit:ws-c:0000000002')}?rev=${last._rev}`);

    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/审计链 ws-a:发现篡改 — 第2条记录\(序号1\)的内容与哈希不符,记录已被修改\(记录 audit:ws-a:0000000001\)/);
    expect(run.stdout).toMatch(/审计链 ws-b:发现篡改 — 第2条记录\(序号2\)排在序号1之前,记录顺序被调换\(记录 audit:ws-b:0000000001\)/);
    expect(run.stdout).toMatch(/审计链 ws-c:发现篡改 — 序号2的记录\(audit:ws-c:0000000002\)已在中心库中被删除/);

    const one = await verify('--chain', 'ws-a');
    expect(one.code).toBe(1);
    expect(one.stdout).not.toContain('ws-b');
    expect((await verify('--chain', 'ws-zz')).stderr).toContain('没有工作站 ws-zz 的审计记录');
  }, 60_000);

  it('fails a chain whose entry names another actor, is unsigned, or carries a replayed or altered signature', async () => {
    const officeId = couch.offices[0]!.id;
    const [clerk, , insp] = couch.users;
    const write = (docs: AuditEventDoc[]) => admin.request('POST', `/${db}/_bulk_docs`, { docs: docs.map(({ id, ...rest }) => ({ _id: id, ...rest })) });
    // Another actor's name, signed with the clerk's key (hash chain intact).
    const other = await chain('ws-f1', 2, officeId);
    const named = appendAudit(other[0]!, { ...other[1]!, actor: { userId: insp!.name, name: '测试核查' } });
    await write([other[0]!, { ...(await signAs(clerk!.name, named as unknown as Record<string, unknown>)) } as unknown as AuditEventDoc]);
    // Unsigned, re-hashed so that the hash chain is intact.
    const unsigned = await chain('ws-f2', 2, officeId);
    const { signature: _s, ...bare } = unsigned[1]!;
    await write([unsigned[0]!, bare as AuditEventDoc]);
    // Replayed: the signature of entry 0 copied onto entry 1. Altered: detail changed, hash recomputed, signature kept.
    const replay = await chain('ws-f3', 2, officeId);
    await write([replay[0]!, { ...replay[1]!, signature: replay[0]!.signature } as AuditEventDoc]);
    const alter = await chain('ws-f4', 2, officeId);
    const rehashed = appendAudit(alter[0]!, { ...alter[1]!, detail: { op: 'create', n: 42 } });
    await write([alter[0]!, { ...rehashed, signature: alter[1]!.signature }]);

    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`审计链 ws-f1:发现篡改 — 第2条记录(序号1,经办人 ${insp!.name})签名无效:签名密钥`);
    expect(run.stdout).toContain('审计链 ws-f2:发现篡改 — 第2条记录(序号1,经办人');
    expect(run.stdout).toMatch(/审计链 ws-f2:.*记录没有经办人签名/);
    expect(run.stdout).toMatch(/审计链 ws-f3:.*签名与记录内容不符/);
    expect(run.stdout).toMatch(/审计链 ws-f4:.*签名与记录内容不符/);
  }, 60_000);
});
