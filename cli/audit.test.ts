// `hws audit verify` against the embedded server: an intact office, then an edited, a reordered
// and a removed event, each reported with its chain, the event and a Chinese reason.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../domain/audit';
import type { AuditEventDoc } from '../domain/model';
import { officeDbName } from '../domain/sync/databases';
import { couchClient, type CouchClient } from '../sync-server/couch';
import { startTestCouch, type TestCouch } from '../sync-server/testing';

const ROOT = new URL('../', import.meta.url).pathname;
let couch: TestCouch;
let admin: CouchClient;
let db: string;

function chain(chainId: string, n: number, officeId: string): AuditEventDoc[] {
  const out: AuditEventDoc[] = [];
  for (let i = 0; i < n; i++) {
    out.push(appendAudit(out.at(-1) ?? { chainId }, {
      officeId,
      at: new Date(Date.UTC(2024, 5, 1, 9, i)).toISOString(),
      actor: { userId: 'clerk1', name: '张敏' },
      action: i === 1 ? 'id_unmask' : 'case_event',
      target: `case:${i}`,
      detail: { op: 'create', n: i },
    }));
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
  const docs = [...chain('ws-a', 4, officeId), ...chain('ws-b', 3, officeId), ...chain('ws-c', 3, officeId)];
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
});
