// Bulk approval: one authorisation, one signed approval event per clean case, each checked by
// `decide`; a flagged case, one with a material missing and one no longer in the queue are left
// out with their reasons while the others are approved.
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../../domain/crypto/signing';
import type { CaseDoc, CaseFlag } from '../../domain/model';
import { nameKey } from '../../domain/model';
import { decide, deriveCase, projectCase, type CaseEvent } from '../../domain/workflow';
import { openTestContext, TEST_USER } from '../audit/testing';
import type { AnyDoc } from '../db/database';
import { bulkApprove } from './bulk-approve';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const clerk = { userId: 'clerk1', name: '张敏', roles: ['clerk' as const], officeId: 'futian-huafu' };
const REVIEWER = { ...TEST_USER, name: 'reviewer1', displayName: '李审', roles: ['reviewer' as const] };

function acceptedCase(n: number, flags: CaseFlag[] = []): { doc: CaseDoc; events: CaseEvent[] } {
  const caseId = `case:${n}`;
  const events: CaseEvent[] = [];
  for (const [kind, payload, at] of [
    ['submit', { businessItem: 'public_rental', flags }, '2026-09-17T01:00:00.000Z'],
    ['accept', { receiptNo: `SZ-${n}` }, '2026-09-17T02:00:00.000Z'],
  ] as const) {
    const r = decide(deriveCase(events), { id: `event:${n}-${kind}`, caseId, kind, actor: clerk, at, payload: payload as never });
    if (!r.ok) throw new Error(r.error.message);
    events.push(r.value);
  }
  const name = `申请人${n}`;
  return {
    events,
    doc: {
      id: caseId, type: 'case', schemaVersion: 1, officeId: 'futian-huafu', createdAt: events[0]!.at, updatedAt: events[1]!.at, businessItem: 'public_rental',
      districtId: 'futian', streetId: 'futian-huafu', householdId: `household:${n}`, applicantPersonId: `person:${n}`, applicantName: name, nameKey: nameKey(name),
      idHash: `h${n}`, householdSize: 1, receiptNo: `SZ-${n}`, dueAt: null, ...projectCase(events)!,
    },
  };
}

describe('bulk approve', () => {
  it('approves the clean cases under one authorisation, each with its own signed event, and refuses the others with reasons', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events', 'files'], user: REVIEWER, deviceId: 'ws-review' });
    open.push(ctx);
    const cases = [acceptedCase(1), acceptedCase(2), acceptedCase(3, ['duplicate_hit']), acceptedCase(4)];
    await ctx.db.cases.bulkInsert(cases.map((c) => c.doc) as unknown as AnyDoc[]);
    await ctx.db.events.bulkInsert(cases.flatMap((c) => c.events) as unknown as AnyDoc[]);
    await ctx.db.files.insert({
      id: 'material:4-income', type: 'material', schemaVersion: 0, officeId: 'futian-huafu', createdAt: cases[3]!.doc.createdAt, updatedAt: cases[3]!.doc.createdAt,
      caseId: 'case:4', materialCode: 'income_proof', state: 'missing', note: null, scanIds: [],
    } as AnyDoc);

    const now = () => new Date('2026-09-30T02:00:00.000Z');
    const outcome = await bulkApprove({ ...ctx, now }, ['case:1', 'case:2', 'case:3', 'case:4', 'case:9'], '材料齐全,符合准入条件');
    expect(outcome.approved).toEqual(['case:1', 'case:2']);
    expect(outcome.refused).toEqual([
      { caseId: 'case:3', applicantName: '申请人3', reason: '重复享受保障核查有命中,请逐件审核' },
      { caseId: 'case:4', applicantName: '申请人4', reason: '有1项材料未齐,请逐件审核' },
      { caseId: 'case:9', applicantName: '', reason: '找不到该办件' },
    ]);
    const approvals = (await ctx.db.events.find({ selector: { kind: 'preliminary_approve' } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent & { signature: unknown });
    expect(approvals.map((e) => e.caseId).sort()).toEqual(['case:1', 'case:2']);
    for (const e of approvals) {
      expect(e.actor).toMatchObject({ userId: 'reviewer1', roles: ['reviewer'] });
      expect(await verifySignature(ctx.signing.publicKey, e as unknown as Record<string, unknown>)).toBe(true);
    }
    // The approved cases move to the review stage (15 working days from 30 Sep, over the holiday).
    const stored = await ctx.db.cases.findByIds(['case:1', 'case:3']).exec();
    expect(stored.get('case:1')!.toJSON()).toMatchObject({ status: 'preliminary_approved', dueOn: '2026-10-27' });
    expect(stored.get('case:3')!.toJSON()).toMatchObject({ status: 'accepted', flags: ['duplicate_hit'] });

    // Approving again: each case goes through `decide`, which refuses a decision from the wrong status.
    const again = await bulkApprove({ ...ctx, now }, ['case:1'], '复核');
    expect(again.approved).toEqual([]);
    expect(again.refused[0]!.reason).toContain('不能由您作出通过决定');
  });

  it('refuses an empty selection, a missing opinion and a clerk', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events'] });
    open.push(ctx);
    await expect(bulkApprove(ctx, [], '同意')).rejects.toThrow('请先勾选');
    await expect(bulkApprove(ctx, ['case:1'], ' ')).rejects.toThrow('请选择至少一项理由');
    const c = acceptedCase(1);
    await ctx.db.cases.insert(c.doc as unknown as AnyDoc);
    await ctx.db.events.bulkInsert(c.events as unknown as AnyDoc[]);
    expect((await bulkApprove(ctx, ['case:1'], '同意')).refused[0]!.reason).toContain('不能由您作出通过决定');
  });
});
