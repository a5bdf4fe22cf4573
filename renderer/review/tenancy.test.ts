// After publicity, in the local database: the waiting list numbers, the allocation of a unit (only a
// vacant one of the programme and district, never one offered to another case — checked where the
// event is committed, whatever the caller passes), the subsidy granted by household size, the
// contract's lease and the unit let, a swap giving its old unit back, and the notices printed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/model/events';
import type { HousingUnitDoc, LeaseDoc } from '../../domain/model/field';
import { contractFor, deriveCase, type CaseEvent, type EventKind, type Payloads } from '../../domain/workflow';
import { decisionNotice } from '../../domain/workflow/decision-notice';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { moveToWaitingList } from '../publicity/publicity-store';
import { eventsByCase, recordCaseEvent } from './review-store';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import { ev } from '../../domain/workflow/fixtures.test-helpers';
import { afterContract } from './tenancy-effects';
import { allocationPayload, allocationView, contractView } from './tenancy-store';
import { vacantUnit } from './tenancy.test-helpers';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;
const contexts: Ctx[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const day = (n: number) => new Date(T0 + n * DAY);
const date = (n: number) => new Date(T0 + n * DAY + 8 * 3600_000).toISOString().slice(0, 10);

async function setup() {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'audit', 'field', 'reference'] });
  contexts.push(ctx);
  for (const [id, over] of [
    ['unit:a-0101', { areaM2: 40 }],
    ['unit:a-0102', { areaM2: 50 }],
    ['unit:a-0201', { businessItem: 'affordable_rental' as const }],
    ['unit:a-0301', { districtId: 'district:440305' }],
    ['unit:a-0401', { state: 'repair' as const }],
  ] as const) {
    await ctx.db.field.insert(vacantUnit(ctx, id, over) as never);
  }
  return ctx;
}

const as = <K extends EventKind>(ctx: Ctx, role: Role, n: number, caseId: string, kind: K, payload: Payloads[K]) =>
  recordCaseEvent({ ...ctx, user: { ...ctx.user, roles: [role] }, now: () => day(n) }, caseId, kind, payload);

/** A case of `programme` taken through publicity (ended on day 9). */
async function published(ctx: Ctx, name: string, seq: number, programme: 'public_rental' | 'rental_subsidy' = 'public_rental'): Promise<string> {
  const c = await createCase({ ...ctx, now: () => day(0) }, validCase(name, validIdNumber(seq, '44030419880315'), programme));
  await as(ctx, 'clerk', 0.1, c.id, 'accept', { receiptNo: `SZ-FT-2026-00000${seq}` });
  await as(ctx, 'reviewer', 1, c.id, 'preliminary_approve', { opinion: '符合条件' });
  await as(ctx, 'district_reviewer', 2, c.id, 'review_approve', { opinion: '复核通过' });
  await as(ctx, 'district_reviewer', 3, c.id, 'publicity', { startsOn: date(3), endsOn: date(9) });
  return c.id;
}

const district = (ctx: Ctx, n: number) => ({ ...ctx, user: { ...ctx.user, roles: ['district_reviewer' as Role] }, now: () => day(n) });
const unitOf = async (ctx: Ctx, id: string) => (await ctx.db.field.findOne(id).exec())?.toJSON() as unknown as HousingUnitDoc;
const eventsOf = async (ctx: Ctx, id: string): Promise<CaseEvent[]> => (await eventsByCase(ctx.db, [id])).get(id) ?? [];

describe('the waiting list', () => {
  it('is entered after the publicity period only, numbered on from the highest number of the programme here', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    const b = await published(ctx, '李建国', 2);
    const early = await moveToWaitingList(district(ctx, 8), [a]);
    expect(early.listed).toEqual([]);
    expect(early.refused[0]!.reason).toContain('期满后方可列入轮候');
    expect((await moveToWaitingList(district(ctx, 11), [a, b])).listed).toEqual([
      { caseId: a, queueNo: 1 },
      { caseId: b, queueNo: 2 },
    ]);
    const c = await published(ctx, '王芳', 3);
    expect((await moveToWaitingList(district(ctx, 12), [c])).listed).toEqual([{ caseId: c, queueNo: 3 }]);
    // Another programme keeps a list of its own.
    const s = await published(ctx, '赵磊', 4, 'rental_subsidy');
    expect((await moveToWaitingList(district(ctx, 12), [s])).listed).toEqual([{ caseId: s, queueNo: 1 }]);
  });
});

describe('配租配售 and 签约', () => {
  it('offers only vacant units of the programme in the district, and never one offered to another case', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    const b = await published(ctx, '李建国', 2);
    await moveToWaitingList(district(ctx, 11), [a, b]);
    const view = await allocationView(ctx.db, a);
    expect(view.units.map((u) => u.unitId).sort()).toEqual(['unit:a-0101', 'unit:a-0102']);
    expect(view.units.find((u) => u.unitId === 'unit:a-0101')).toMatchObject({ label: '华富安居苑 3栋 0101', areaM2: 40, amount: 40 * 28, sale: false });

    const offered = await allocationPayload(ctx.db, a, 'unit:a-0101');
    const state = await as(ctx, 'district_reviewer', 12, a, 'allocate', offered);
    expect(state.status).toBe('allocated');
    expect((await unitOf(ctx, 'unit:a-0101')).state).toBe('allocated');
    // The other case is offered the remaining unit only; the taken one is refused however it is passed.
    expect((await allocationView(ctx.db, b)).units.map((u) => u.unitId)).toEqual(['unit:a-0102']);
    await expect(as(ctx, 'district_reviewer', 12, b, 'allocate', offered)).rejects.toThrow('已不是空置房源');
    await expect(allocationPayload(ctx.db, b, 'unit:a-0201')).rejects.toThrow('不属于本案的保障类别');
    await expect(allocationPayload(ctx.db, b, 'unit:a-0301')).rejects.toThrow('不在本案所在区');
    // A payload that names a vacant unit with another rent than the unit's is refused too.
    await expect(as(ctx, 'district_reviewer', 12, b, 'allocate', { ...(await allocationPayload(ctx.db, b, 'unit:a-0102')), monthlyAmount: 1 })).rejects.toThrow('不一致');
    expect(deriveCase(await eventsOf(ctx, b)).status).toBe('waiting');
  });

  it('refuses a unit offered to a case whose unit has not been marked here yet (two offers from one list)', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    const b = await published(ctx, '李建国', 2);
    await moveToWaitingList(district(ctx, 11), [a, b]);
    await as(ctx, 'district_reviewer', 12, a, 'allocate', await allocationPayload(ctx.db, a, 'unit:a-0102'));
    // As if the unit's own update had not reached this workstation: still vacant, but offered to 陈晓梅.
    await (await ctx.db.field.findOne('unit:a-0102').exec())!.incrementalPatch({ state: 'vacant' } as never);
    await expect(allocationPayload(ctx.db, b, 'unit:a-0102')).rejects.toThrow('已配给其他申请人');
    // Found the same way when the district's offices are known and each is read on its index.
    const at = day(12).toISOString();
    await ctx.db.reference.insert({ id: `office:${ctx.user.officeId}`, type: 'office', schemaVersion: 1, officeId: ctx.user.officeId, createdAt: at, updatedAt: at, name: ctx.user.officeName, level: 'street', districtId: ctx.user.districtId, streetId: null } as never);
    await expect(allocationPayload(ctx.db, b, 'unit:a-0102')).rejects.toThrow('已配给其他申请人');
  });

  it('allocates the unit the city platform allocated (reference data) and no other', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    const b = await published(ctx, '李建国', 2);
    await moveToWaitingList(district(ctx, 11), [a, b]);
    const result = (caseId: string, unitId: string) => ({
      id: `allocation_result:${caseId.slice(5)}`, type: 'allocation_result', schemaVersion: 1, officeId: 'city', createdAt: day(11).toISOString(), updatedAt: day(11).toISOString(),
      caseId, unitId, districtId: ctx.user.districtId, businessItem: 'public_rental', round: '2026年第4批', source: '城市平台',
    });
    await ctx.db.reference.bulkInsert([result(a, 'unit:a-0102'), result(b, 'unit:z-9999')] as never);
    const view = await allocationView(ctx.db, a);
    expect(view.platform).toEqual({ unitId: 'unit:a-0102', round: '2026年第4批', problem: null });
    expect(view.units.map((u) => u.unitId)).toEqual(['unit:a-0102']);
    await expect(allocationPayload(ctx.db, a, 'unit:a-0101')).rejects.toThrow('市住房保障平台(2026年第4批)为本案配定的房源是 unit:a-0102,不能改配华富安居苑 3栋 0101');
    expect((await as(ctx, 'district_reviewer', 12, a, 'allocate', await allocationPayload(ctx.db, a, 'unit:a-0102'))).status).toBe('allocated');
    // A platform unit this workstation does not hold yet: nothing can be offered, and the clerk is told why.
    const other = await allocationView(ctx.db, b);
    expect(other.units).toEqual([]);
    expect(other.platform?.problem).toContain('尚未同步到本工作站');
  });

  it('grants the rental subsidy by household size, with no unit', async () => {
    const ctx = await setup();
    const s = await published(ctx, '赵磊', 4, 'rental_subsidy');
    await moveToWaitingList(district(ctx, 11), [s]);
    const view = await allocationView(ctx.db, s);
    expect(view).toMatchObject({ subsidy: 1_200, units: [] });
    const state = await as(ctx, 'district_reviewer', 12, s, 'allocate', await allocationPayload(ctx.db, s, undefined));
    expect(state.status).toBe('allocated');
    const notice = decisionNotice(state, await eventsOf(ctx, s), { applicantName: '赵磊', idMasked: '440304********0047', officeName: '福田区华富街道办事处', districtId: 'futian', now: day(12) });
    expect(notice.title).toBe('配租配售通知书');
    expect(notice.opinion).toBe('核定租赁补贴每月1,200元');
  });

  it('signs the contract at the counter: the lease is written with the unit’s rent and the unit is let; the notices say what was settled', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    await moveToWaitingList(district(ctx, 11), [a]);
    await as(ctx, 'district_reviewer', 12, a, 'allocate', await allocationPayload(ctx.db, a, 'unit:a-0102'));
    const allocatedNotice = decisionNotice(deriveCase(await eventsOf(ctx, a)), await eventsOf(ctx, a), { applicantName: '陈晓梅', idMasked: '440304********0012', officeName: '福田区华富街道办事处', districtId: 'futian', now: day(12) });
    expect(allocatedNotice).toMatchObject({ title: '配租配售通知书', opinion: '房源:华富安居苑 3栋 0102,建筑面积50平方米,月租金1,400元' });
    expect(allocatedNotice.nextSteps[0]).toContain('30日内');

    const view = await contractView(ctx.db, a);
    expect(view.term).toEqual({ min: 3, max: 5, default: 3 });
    expect(contractFor(view.state, { startDate: date(14), years: 6 }, 'x')).toEqual({ ok: false, reason: '合同期限应为3至5年' });
    const made = contractFor(view.state, { startDate: '2026-03-20', years: 3 }, 'L1');
    if (!made.ok) throw new Error(made.reason);
    expect(made.payload).toEqual({ leaseId: 'lease:L1', startDate: '2026-03-20', endDate: '2029-03-19' });
    const signed = await as(ctx, 'clerk', 14, a, 'contract', made.payload);
    expect(signed.status).toBe('contracted');
    const lease = (await ctx.db.field.findOne('lease:L1').exec())?.toJSON() as unknown as LeaseDoc;
    expect(lease).toMatchObject({ unitId: 'unit:a-0102', caseId: a, monthlyRent: 1_400, startDate: '2026-03-20', endDate: '2029-03-19', state: 'active', arrearsMonths: 0 });
    expect((await unitOf(ctx, 'unit:a-0102')).state).toBe('leased');
    const confirmation = decisionNotice(signed, await eventsOf(ctx, a), { applicantName: '陈晓梅', idMasked: '440304********0012', officeName: '福田区华富街道办事处', districtId: 'futian', now: day(14) });
    expect(confirmation.title).toBe('签约确认书');
    expect(confirmation.opinion).toBe('合同编号:L1;合同期限:2026-03-20至2029-03-19;房源:华富安居苑 3栋 0102,建筑面积50平方米,月租金1,400元');
  });

  it('refuses a contract whose unit is not held here, writing nothing', async () => {
    const ctx = await setup();
    const a = await published(ctx, '陈晓梅', 1);
    await moveToWaitingList(district(ctx, 11), [a]);
    await as(ctx, 'district_reviewer', 12, a, 'allocate', await allocationPayload(ctx.db, a, 'unit:a-0101'));
    await (await ctx.db.field.findOne('unit:a-0101').exec())!.remove();
    const made = contractFor((await contractView(ctx.db, a)).state, { startDate: date(14), years: 3 }, 'L2');
    if (!made.ok) throw new Error(made.reason);
    await expect(as(ctx, 'clerk', 14, a, 'contract', made.payload)).rejects.toThrow('尚未同步到本工作站');
    expect(deriveCase(await eventsOf(ctx, a)).status).toBe('allocated');
    expect(await ctx.db.field.findOne('lease:L2').exec()).toBeNull();
  });

  it('a swap’s contract ends the household’s old lease and gives the old unit back', async () => {
    const ctx = await setup();
    const householdId = 'household:swap';
    const old = vacantUnit(ctx, 'unit:a-0901', { state: 'leased' });
    await ctx.db.field.insert(old as never);
    const oldLease: LeaseDoc = {
      id: 'lease:old', type: 'lease', schemaVersion: 1, officeId: ctx.user.officeId, createdAt: old.createdAt, updatedAt: old.createdAt,
      unitId: old.id, caseId: 'case:old', householdId, streetId: old.streetId, projectName: old.projectName,
      startDate: '2024-01-01', endDate: '2026-12-31', monthlyRent: 900, arrearsMonths: 0, priorViolations: 0, complaints: 0, declaredIncomePerCapita: 30_000, state: 'active',
    };
    await ctx.db.field.insert(oldLease as never);
    const events = [
      ev('submit', 'clerk', day(0).toISOString(), { businessItem: 'public_rental', item: 'public_rental.swap', catalogueVersion: CATALOGUE.version }),
      ev('accept', 'clerk', day(1).toISOString(), { receiptNo: 'SZ-FT-2026-000009' }),
      ev('preliminary_approve', 'reviewer', day(2).toISOString(), { opinion: '同意调换' }),
      ev('review_approve', 'district_reviewer', day(3).toISOString(), { opinion: '同意调换' }),
      ev('allocate', 'district_reviewer', day(5).toISOString(), { unitId: 'unit:a-0102', unitLabel: '华富安居苑 3栋 0102', areaM2: 50, monthlyAmount: 1_400 }),
    ].map((e) => ({ ...e, caseId: 'case:swap' }));
    const state = deriveCase(events);
    expect(state.status).toBe('allocated');
    const caseDoc = { id: 'case:swap', officeId: ctx.user.officeId, householdId, streetId: old.streetId, districtId: old.districtId } as never;
    await afterContract(ctx.db, caseDoc, state, events, { leaseId: 'lease:new', startDate: '2026-04-01', endDate: '2029-03-31' }, day(6).toISOString());
    expect(((await ctx.db.field.findOne('lease:old').exec())!.toJSON() as unknown as LeaseDoc).state).toBe('ended');
    expect((await unitOf(ctx, 'unit:a-0901')).state).toBe('vacant');
    expect((await ctx.db.field.findOne('lease:new').exec())!.toJSON()).toMatchObject({ householdId, unitId: 'unit:a-0102', monthlyRent: 1_400, state: 'active' });
    expect((await unitOf(ctx, 'unit:a-0102')).state).toBe('leased');
  });
});
