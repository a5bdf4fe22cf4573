// The audit chain written by the renderer's data functions reaches the office database through
// the real sync, where `hws audit verify` (a child process) finds it intact, then finds an edit.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { registerKey } from '../../domain/sync/testing/signers';
import { createCase, loadApplicant, renameApplicant, UNMASK_REASON_CASE_DETAIL } from '../cases/case-store';
import { officeSyncPlan, startSync } from '../sync/sync';
import { recordAudit } from './audit-log';
import { openTestContext, TEST_USER, validCase, validIdNumber } from './testing';

const ROOT = new URL('../../', import.meta.url).pathname;
let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

function hws(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['bin/hws.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe('audit chain from the workstation to the office database', () => {
  it('is verified by hws audit verify, and an edit on the server is caught', async () => {
    const clerk = couch.users[0]!;
    const user = { ...TEST_USER, name: clerk.name, officeId: clerk.officeId, officeName: couch.offices[0]!.name };
    const ctx = await openTestContext({ user, deviceId: 'ws-sync-1', signing: await registerKey(couch.url, clerk) });
    const sync = await startSync({ db: ctx.db, couchUrl: couch.url, username: clerk.name, password: clerk.password, targets: officeSyncPlan(clerk.officeId, ['cases', 'events', 'people', 'audit']) });
    try {
      const created = await createCase(ctx, validCase('周明', validIdNumber(61)));
      await renameApplicant(ctx, created.id, '周明亮');
      await (await loadApplicant(ctx, created))!.revealIdNumber(UNMASK_REASON_CASE_DETAIL);
      await recordAudit(ctx, 'export', null, { rows: 1, format: 'xlsx', reason: '月度统计报表' });

      const admin = couchClient(couch.adminUrl);
      const db = officeDbName(clerk.officeId);
      const head = `/${db}/${encodeURIComponent('audit:ws-sync-1:0000000003')}`;
      for (let end = Date.now() + 15_000; !(await admin.getOrUndefined(head)); ) {
        if (Date.now() > end) throw new Error('audit events did not reach the server');
        await new Promise((r) => setTimeout(r, 100));
      }
      await firstValueFrom(sync.status$.pipe(filter((s) => s.state === 'idle'), timeout(15_000)));

      const ok = await hws('audit', 'verify', '--url', couch.adminUrl, '--office', clerk.officeId, '--chain', 'ws-sync-1');
      expect(ok).toEqual({ code: 0, stdout: '审计链 ws-sync-1:完整,共4条记录\n' });

      const unmask = await admin.request<Record<string, unknown>>('GET', `/${db}/${encodeURIComponent('audit:ws-sync-1:0000000002')}`);
      await admin.request('PUT', `/${db}/${encodeURIComponent('audit:ws-sync-1:0000000002')}`, { ...unmask, actor: { userId: 'someone', name: '某人' } });
      const bad = await hws('audit', 'verify', '--url', couch.adminUrl, '--office', clerk.officeId);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('审计链 ws-sync-1:发现篡改 — 第3条记录(序号2)的内容与哈希不符,记录已被修改');
    } finally {
      await sync.stop();
      await ctx.close();
    }
  }, 60_000);
});
