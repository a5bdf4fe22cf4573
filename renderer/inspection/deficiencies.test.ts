// The deficiency catalogue as reference data: IT changes a deadline, adds an item and withdraws
// another; the visit's correction deadlines follow; anyone else is refused with a reason.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONDITIONS } from '../../domain/inspection';
import { openTestContext } from '../audit/testing';
import { loadCatalogue, saveDeficiency } from './deficiencies';
import { createPlan, loadVisit, saveVisit } from './inspection-store';
import { INSPECTOR, SUPERVISOR, seedTenancies } from './testing';

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});
const IT = { ...INSPECTOR, name: 'it1', displayName: '赵磊', roles: ['it' as const] };

describe('deficiency catalogue', () => {
  it('starts as the shipped table; IT edits reach the checklist and the deadlines of the next visit', async () => {
    const ctx = await openTestContext({ user: INSPECTOR, collections: ['field', 'people', 'events', 'files', 'cases', 'reference'] });
    open.push(ctx);
    expect(await loadCatalogue(ctx.db)).toEqual(DEFAULT_CONDITIONS);
    const it_ = { db: ctx.db, user: IT, now: () => new Date('2024-06-30T00:00:00.000Z') };
    await saveDeficiency(it_, { code: 'water_leak', label: '漏水、渗水', labelEn: 'Water leak', severity: 'moderate', hours: 10 * 24 });
    await saveDeficiency(it_, { code: 'lift_stuck', label: '电梯困人', labelEn: 'Lift stuck', severity: 'life_threatening', hours: 4 });
    await saveDeficiency(it_, { code: 'fixture_worn', label: '洁具、灯具老化', labelEn: 'Worn fixtures', severity: 'low' }, false);
    const catalogue = await loadCatalogue(ctx.db);
    expect(catalogue.map((d) => d.code)).toContain('lift_stuck');
    expect(catalogue.map((d) => d.code)).not.toContain('fixture_worn');
    expect(catalogue.find((d) => d.code === 'water_leak')?.hours).toBe(240);

    await seedTenancies(ctx, 40);
    const [task] = (await createPlan({ ...ctx, user: SUPERVISOR }, { title: 't', seed: 1, sampleRate: 1, startsOn: '2024-07-01', endsOn: '2024-07-12', inspectors: ['inspector1'] })).tasks;
    const v = await loadVisit(ctx, task!.id);
    const draft = {
      task: v.task, lease: v.lease, at: '2024-07-02T02:00:00.000Z', notHome: false, occupant: { result: 'tenant' as const, personId: v.household.applicantPersonId, name: null },
      faceScore: null, fingerprintMatched: null, occupancy: 'tenant_present' as const, arrearsMonths: 0, conditions: [{ code: 'water_leak', note: '' }], photoIds: [], photos: [],
      signature: 'data:image/png;base64,AAAA', signatureRefused: false, note: '',
    };
    const { visit } = await saveVisit(ctx, draft, v.caseState, catalogue);
    // Ten days (IT's figure), not the shipped thirty.
    expect(visit.conditions[0]).toMatchObject({ code: 'water_leak', correctBy: '2024-07-12' });
    await expect(saveVisit(ctx, { ...draft, at: '2024-07-03T02:00:00.000Z', conditions: [{ code: 'fixture_worn', note: '' }] }, v.caseState, catalogue)).rejects.toThrow('未知的房屋状况');
  });

  it('refuses anyone but IT, and a malformed or too lenient item, saying why', async () => {
    const ctx = await openTestContext({ user: INSPECTOR, collections: ['reference'] });
    open.push(ctx);
    const gas = { code: 'gas_leak', label: '燃气泄漏', labelEn: 'Gas leak', severity: 'life_threatening' as const, hours: 12 };
    await expect(saveDeficiency({ db: ctx.db, user: INSPECTOR }, gas)).rejects.toThrow('只能由信息技术人员维护');
    await expect(saveDeficiency({ db: ctx.db, user: IT }, { ...gas, hours: 72 })).rejects.toThrow('24小时内整改');
    await expect(saveDeficiency({ db: ctx.db, user: IT }, { ...gas, code: 'Gas Leak' })).rejects.toThrow('代码');
    await expect(saveDeficiency({ db: ctx.db, user: IT }, { ...gas, label: ' ' })).rejects.toThrow('中文说明');
    expect(await loadCatalogue(ctx.db)).toEqual(DEFAULT_CONDITIONS);
  });
});
