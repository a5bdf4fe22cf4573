import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../domain/audit';
import type { AuditEventDoc } from '../../domain/model';
import type { AnyDoc } from '../db/database';
import { createCase, loadApplicant, renameApplicant, UNMASK_REASON_CASE_DETAIL } from '../cases/case-store';
import { chainHead, readChain, recordAudit } from './audit-log';
import { openTestContext, validCase, validIdNumber } from './testing';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});
const context = async (deviceId?: string) => {
  const ctx = await openTestContext({ deviceId });
  open.push(ctx);
  return ctx;
};

describe('audit chain in the local database', () => {
  it('records create, change and unmask in one verifiable chain naming who, what and why', async () => {
    const ctx = await context('ws-a');
    const idNumber = validIdNumber(1);
    const created = await createCase(ctx, validCase('王小明', idNumber));
    await renameApplicant(ctx, created.id, '王晓明');
    const applicant = await loadApplicant(ctx, created);
    expect(await applicant!.revealIdNumber(UNMASK_REASON_CASE_DETAIL)).toBe(idNumber);

    const chain = await readChain(ctx.db, 'ws-a');
    expect(chain.map((e) => [e.seq, e.action, e.target, e.detail.op ?? null])).toEqual([
      [0, 'case_event', created.id, 'create'],
      [1, 'case_event', created.id, 'update'],
      [2, 'id_unmask', created.applicantPersonId, null],
    ]);
    expect(chain[2]).toMatchObject({
      officeId: 'futian-huafu',
      chainId: 'ws-a',
      actor: { userId: 'clerk1', name: '张敏' },
      detail: { caseId: created.id, field: 'idNumber', reason: UNMASK_REASON_CASE_DETAIL },
    });
    expect(chain[1]!.detail).toMatchObject({ from: '王小明', to: '王晓明' });
    expect(JSON.stringify(chain)).not.toContain(idNumber);
    expect(verifyChain(chain)).toMatchObject({ ok: true, count: 3 });
  });

  it('refuses to unmask without a purpose, and writes nothing', async () => {
    const ctx = await context();
    const created = await createCase(ctx, validCase('李四', validIdNumber(2)));
    const applicant = await loadApplicant(ctx, created);
    await expect(applicant!.revealIdNumber('  ')).rejects.toMatchObject({ code: 'UNMASK_REASON' });
    expect((await readChain(ctx.db, ctx.deviceId)).map((e) => e.action)).toEqual(['case_event']);
  });

  it('never unmasks on a database that keeps no audit chain', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events', 'people'] });
    open.push(ctx);
    const created = await createCase(ctx, validCase('赵五', validIdNumber(3)));
    const applicant = await loadApplicant(ctx, created);
    await expect(applicant!.revealIdNumber(UNMASK_REASON_CASE_DETAIL)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  });

  it('gives concurrent actions distinct, consecutive sequence numbers', async () => {
    const ctx = await context();
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordAudit(ctx, 'export', `case:${i}`, { rows: i })));
    const chain = await readChain(ctx.db, ctx.deviceId);
    expect(chain.map((e) => e.seq)).toEqual([...Array(12).keys()]);
    expect(verifyChain(chain).ok).toBe(true);
  });

  it('continues a chain already in the database (e.g. pulled back), and finds the head past a gap', async () => {
    const ctx = await context('ws-p');
    const pulled: AuditEventDoc[] = [];
    for (let i = 0; i < 5; i++) {
      pulled.push(appendAudit(pulled.at(-1) ?? { chainId: 'ws-p' }, { officeId: 'futian-huafu', at: `2024-06-0${i + 1}T08:00:00.000Z`, actor: { userId: 'clerk1', name: '张敏' }, action: 'export', target: null, detail: {} }));
    }
    await ctx.db.audit.bulkInsert(pulled.filter((e) => e.seq !== 3) as unknown as AnyDoc[]);
    expect((await chainHead(ctx.db, 'ws-p'))?.seq).toBe(4);
    await ctx.db.audit.insert(pulled[3] as unknown as AnyDoc);
    const next = await recordAudit(ctx, 'print', 'case:1', { copies: 1 });
    expect(next).toMatchObject({ seq: 5, prevHash: pulled[4]!.hash });
    expect(verifyChain(await readChain(ctx.db, 'ws-p'))).toMatchObject({ ok: true, count: 6 });
  });

  it('detects an event edited in the database', async () => {
    const ctx = await context();
    for (const i of [0, 1, 2]) await recordAudit(ctx, 'export', `case:${i}`, { rows: 10 });
    const doc = await ctx.db.audit.findOne({ selector: { seq: 1 } }).exec();
    await doc!.incrementalPatch({ detail: { rows: 0 } });
    const verdict = verifyChain(await readChain(ctx.db, ctx.deviceId));
    expect(verdict).toEqual({ ok: false, index: 1, reason: expect.stringContaining('记录已被修改') });
  });
});
