// A finished 退租 ends the tenancy in the local database: the district's hand-back at 退房交接 is
// stored with the exit of the tenant's public rental case, so the counter then refuses the same
// person a 续租 with NO_CURRENT_BENEFIT; an exit withdrawn at the counter leaves the tenancy current.
import { afterEach, describe, expect, it } from 'vitest';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import type { Role } from '../../domain/model/events';
import type { EventKind, Payloads } from '../../domain/workflow';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { allocationPayload } from './tenancy-store';
import { vacantUnit } from './tenancy.test-helpers';
import { createCase } from '../cases/case-store';
import { IDBFactory } from 'fake-indexeddb';
import { openBlobStore } from '../sync/blob-store';
import { startBlobSync } from '../sync/blob-sync';
import { requirementsFor } from '../intake/materials';
import { putScanContent } from '../intake/scan-store';
import { submitIntake } from '../intake/submit';
import { recordCaseEvent } from './review-store';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;
const contexts: Ctx[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

const ID = validIdNumber(7, '44030419880315');
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const day = (n: number) => new Date(T0 + n * DAY);
const date = (n: number) => new Date(T0 + n * DAY + 8 * 3600_000).toISOString().slice(0, 10);

async function setup() {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'files', 'audit', 'field'] });
  await ctx.db.field.insert(vacantUnit(ctx, 'unit:ft-001-0101') as never);
  contexts.push(ctx);
  const store = await openBlobStore(`hb${Math.random()}`, new IDBFactory());
  const contents = startBlobSync({ store, couchUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('offline')), keyFor: () => ctx.keys.data });
  return { ctx, contents };
}

/** Records `kind` on the case as a user of `role` (same person and key, another hat) on day `n`. */
const act = <K extends EventKind>(ctx: Ctx, role: Role, n: number, caseId: string, kind: K, payload: Payloads[K]) =>
  recordCaseEvent({ ...ctx, user: { ...ctx.user, roles: [role] }, now: () => day(n) }, caseId, kind, payload);

/** 陈晓梅's public rental case walked from the counter to the signed lease. */
async function tenancy(ctx: Ctx): Promise<string> {
  const c = await createCase({ ...ctx, now: () => day(0) }, validCase('陈晓梅', ID, 'public_rental'));
  await act(ctx, 'clerk', 0.1, c.id, 'accept', { receiptNo: 'SZ-FT-2026-000001' });
  await act(ctx, 'reviewer', 1, c.id, 'preliminary_approve', { opinion: '符合条件' });
  await act(ctx, 'district_reviewer', 2, c.id, 'review_approve', { opinion: '复核通过' });
  await act(ctx, 'district_reviewer', 3, c.id, 'publicity', { startsOn: date(3), endsOn: date(9) });
  await act(ctx, 'district_reviewer', 11, c.id, 'waitlist', { queueNo: 3 });
  await act(ctx, 'district_reviewer', 12, c.id, 'allocate', await allocationPayload(ctx.db, c.id, 'unit:ft-001-0101'));
  await act(ctx, 'clerk', 13, c.id, 'contract', { leaseId: 'lease:1', startDate: date(14), endDate: date(14 + 3 * 365) });
  return c.id;
}

/** Submits `item` for 陈晓梅 at the counter with every material; answers the case id or the refusals. */
async function submit(setupd: Awaited<ReturnType<typeof setup>>, item: string): Promise<{ caseId?: string; refusals: string[][] }> {
  const { ctx, contents } = setupd;
  const contentId = await putScanContent(ctx.db, ctx.keys, new TextEncoder().encode('PNG'));
  const page = { fileName: 'p.png', mimeType: 'image/png', contentId, byteLength: 3, fields: {}, text: '' };
  const d: IntakeDraft = {
    ...newDraft(`case:${crypto.randomUUID()}`, day(40).toISOString()),
    businessItem: 'public_rental',
    item,
    maritalStatus: 'single',
    householdAssets: 100_000,
    members: [{ ...blankMember('a', 'applicant'), name: '陈晓梅', idNumber: ID, annualIncome: 40_000, socialInsuranceYears: 5, ownsHousingInShenzhen: false }],
    fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 },
    face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
    scans: requirementsFor(item).map((r, i) => ({ ...page, key: `k${i}`, materialCode: r.code })),
  };
  const items = checklist(d, requirementsFor(item), date(40));
  const outcome = await submitIntake({ ...ctx, now: () => day(40) }, { ...d, received: items.map((i) => i.id) }, items, contents);
  return outcome.ok ? { caseId: outcome.caseDoc.id, refusals: [] } : { refusals: outcome.reasons.map((r) => [r.code, r.message]) };
}

const statusOf = async (ctx: Ctx, id: string) => String((await ctx.db.cases.findOne(id).exec())!.get('status'));

describe('a finished 退租 ends the tenancy in the local database', () => {
  it('the hand-back exits the tenancy case too; the same person is then refused a 续租 with NO_CURRENT_BENEFIT', async () => {
    const s = await setup();
    const lease = await tenancy(s.ctx);
    expect(await statusOf(s.ctx, lease)).toBe('contracted');
    const exit = await submit(s, 'public_rental.exit');
    expect(exit.refusals).toEqual([]);
    await act(s.ctx, 'reviewer', 41, exit.caseId!, 'preliminary_approve', { opinion: '租金已缴清,同意退租' });
    await act(s.ctx, 'district_reviewer', 42, exit.caseId!, 'review_approve', { opinion: '同意退租' });
    // Until the unit is handed back the tenant still holds the lease.
    expect(await statusOf(s.ctx, lease)).toBe('contracted');
    const handedBack = await act(s.ctx, 'district_reviewer', 43, exit.caseId!, 'exit', { reason: 'voluntary', note: '钥匙已交回' });
    expect(handedBack.status).toBe('exited');
    expect(await statusOf(s.ctx, lease)).toBe('exited');
    const leaseEvents = (await s.ctx.db.events.find({ selector: { caseId: lease } }).exec()).map((e) => e.toJSON() as unknown as { kind: string; payload: { note?: string }; signature?: unknown });
    const end = leaseEvents.find((e) => e.kind === 'exit')!;
    expect(end.payload.note).toContain('退房交接已完成');
    expect(end.signature).toBeTruthy();

    const renewal = await submit(s, 'public_rental.renewal');
    expect(renewal.refusals).toEqual([['NO_CURRENT_BENEFIT', '陈晓梅目前没有正在享受的公共租赁住房,不能办理“公共租赁住房续租”:该事项只为现有公共租赁住房的承租人或保障对象办理']]);
  });

  it('an exit withdrawn at the counter ends nothing: the tenant may still renew', async () => {
    const s = await setup();
    const lease = await tenancy(s.ctx);
    const exit = await submit(s, 'public_rental.exit');
    await act(s.ctx, 'reviewer', 41, exit.caseId!, 'return', { missingMaterials: [{ code: 'handover', name: '房屋交接确认单' }] });
    const withdrawn = await act(s.ctx, 'clerk', 42, exit.caseId!, 'exit', { reason: 'withdrawn' });
    expect(withdrawn.status).toBe('exited');
    expect(await statusOf(s.ctx, lease)).toBe('contracted');
    const renewal = await submit(s, 'public_rental.renewal');
    expect(renewal.refusals).toEqual([]);
    expect(await statusOf(s.ctx, renewal.caseId!)).toBe('accepted');
  });
});
