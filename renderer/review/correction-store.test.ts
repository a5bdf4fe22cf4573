// 补正材料 committed in the local database: a returned case whose applicant brings part of the list
// is returned again with only the rest; bringing the rest accepts it under a new receipt number,
// its materials marked submitted and every event signed by the clerk.
import { afterEach, describe, expect, it } from 'vitest';
import type { MaterialDoc } from '../../domain/model/files';
import type { CaseEvent } from '../../domain/workflow';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import type { AnyDoc } from '../db/database';
import { recordCorrection } from './correction-store';
import { eventsByCase, recordCaseEvent } from './review-store';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;
const contexts: Ctx[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const day = (n: number) => new Date(T0 + n * 86_400_000);
const LISTED = [
  { code: 'marriage_cert', name: '结婚证' },
  { code: 'income_proof', name: '收入证明' },
];

describe('补正材料 recorded at the counter', () => {
  it('returns the case again with what is still missing, then accepts it when the rest is brought', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'files', 'audit'] });
    contexts.push(ctx);
    const clerk = { ...ctx, user: { ...ctx.user, roles: ['clerk' as const] } };
    const c = await createCase({ ...clerk, now: () => day(0) }, validCase('陈晓梅', validIdNumber(9, '44030419880315'), 'public_rental'));
    await recordCaseEvent({ ...clerk, now: () => day(0.01) }, c.id, 'return', { missingMaterials: LISTED, note: '一次性告知' });
    const base = { schemaVersion: 1, officeId: ctx.user.officeId, createdAt: day(0).toISOString(), updatedAt: day(0).toISOString() };
    const material = (code: string): MaterialDoc => ({ ...base, id: `material:${code}`, type: 'material', caseId: c.id, materialCode: code, state: 'missing', note: null, scanIds: [] });
    await ctx.db.files.bulkInsert([material('marriage_cert'), material('income_proof')] as unknown as AnyDoc[]);

    const first = await recordCorrection({ ...clerk, now: () => day(5) }, c.id, ['income_proof']);
    expect(first.state.status).toBe('returned');
    expect(first.stillMissing.map((m) => m.code)).toEqual(['marriage_cert']);
    expect(first.receiptNo).toBeNull();
    const states = async () => Object.fromEntries((await ctx.db.files.find().exec()).map((d) => [(d.toJSON() as unknown as MaterialDoc).materialCode, (d.toJSON() as unknown as MaterialDoc).state]));
    expect(await states()).toEqual({ marriage_cert: 'missing', income_proof: 'submitted' });

    const second = await recordCorrection({ ...clerk, now: () => day(7) }, c.id, ['marriage_cert']);
    expect(second.state.status).toBe('accepted');
    expect(second.receiptNo).toMatch(/^SZ/);
    const caseDoc = (await ctx.db.cases.findOne(c.id).exec())!.toJSON() as unknown as { status: string; receiptNo: string };
    expect(caseDoc).toMatchObject({ status: 'accepted', receiptNo: second.receiptNo });
    expect(await states()).toEqual({ marriage_cert: 'submitted', income_proof: 'submitted' });
    const events: CaseEvent[] = (await eventsByCase(ctx.db, [c.id])).get(c.id) ?? [];
    expect(events.map((e) => e.kind)).toEqual(['submit', 'return', 'submit', 'return', 'submit', 'accept']);
    expect(events.slice(2).every((e) => !!(e as { signature?: unknown }).signature && e.actor.userId === ctx.user.name)).toBe(true);

    // Nothing is written for a case no longer waiting for corrections.
    await expect(recordCorrection({ ...clerk, now: () => day(8) }, c.id, ['marriage_cert'])).rejects.toThrow('不在待补正状态');
    expect(((await eventsByCase(ctx.db, [c.id])).get(c.id) ?? []).length).toBe(6);
  });
});
