import { describe, expect, it } from 'vitest';
import type { LeaseDoc } from '../model/field';
import { assignTasks, riskFlags, samplePlan } from './plan';

const at = '2026-01-05T01:00:00.000Z';
function lease(n: number, estate: string, extra: Partial<LeaseDoc> = {}): LeaseDoc {
  return {
    id: `lease:${String(n).padStart(4, '0')}`, type: 'lease', schemaVersion: 1, officeId: 'futian-huafu', createdAt: at, updatedAt: at,
    unitId: `unit:${n}`, caseId: `case:${n}`, householdId: `household:${n}`, streetId: 'street:440304-06', projectName: estate,
    startDate: '2024-01-01', endDate: '2028-12-31', monthlyRent: 1200, arrearsMonths: 0, priorViolations: 0, complaints: 0,
    declaredIncomePerCapita: 40_000, state: 'active', ...extra,
  };
}
const estates = ['华富安居苑', '华富人才公寓', '华富保障性住房小区'];
const leases = Array.from({ length: 300 }, (_, i) => lease(i, estates[i % 3]!));

describe('riskFlags', () => {
  it('flags arrears, earlier violations, renewal due, income above the limit and complaints', () => {
    const flagged = lease(1, 'x', { arrearsMonths: 4, priorViolations: 1, endDate: '2026-02-15', declaredIncomePerCapita: 61_200, complaints: 2 });
    expect(riskFlags(flagged, '2026-01-05')).toEqual(['arrears', 'prior_violation', 'renewal_due', 'income_above_limit', 'complaints']);
    expect(riskFlags(lease(2, 'x', { arrearsMonths: 2, endDate: '2026-06-30' }), '2026-01-05')).toEqual([]);
    expect(riskFlags(lease(3, 'x'), '2026-01-05', undefined, new Set(['lease:0003']))).toEqual(['prior_violation']);
  });
});

describe('samplePlan', () => {
  it('draws the same sample for the same seed whatever the order, another for another seed', () => {
    const a = samplePlan(leases, { seed: 20260105, sampleRate: 0.1, asOf: '2026-01-05' }).map((i) => i.lease.id);
    const b = samplePlan([...leases].reverse(), { seed: 20260105, sampleRate: 0.1, asOf: '2026-01-05' }).map((i) => i.lease.id);
    const c = samplePlan(leases, { seed: 7, sampleRate: 0.1, asOf: '2026-01-05' }).map((i) => i.lease.id);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('samples each estate in proportion, and adds every risk-flagged tenancy', () => {
    const risky = leases.map((l, i) => (i === 5 || i === 6 ? { ...l, arrearsMonths: 8 } : l));
    const items = samplePlan(risky, { seed: 1, sampleRate: 0.1, asOf: '2026-01-05' });
    for (const e of estates) expect(items.filter((i) => i.reason === 'sample' && i.lease.projectName === e).length).toBeGreaterThanOrEqual(9);
    expect(items.filter((i) => i.reason === 'risk').map((i) => i.lease.id)).toEqual(['lease:0005', 'lease:0006']);
    expect(items.length).toBeLessThanOrEqual(32);
  });

  it('refuses a rate outside (0, 1] with a Chinese reason and leaves out ended tenancies', () => {
    expect(() => samplePlan(leases, { seed: 1, sampleRate: 0, asOf: '2026-01-05' })).toThrow('抽查比例');
    const items = samplePlan([lease(1, 'x', { state: 'ended' }), lease(2, 'x')], { seed: 1, sampleRate: 1, asOf: '2026-01-05' });
    expect(items.map((i) => i.lease.id)).toEqual(['lease:0002']);
  });
});

describe('assignTasks', () => {
  it('gives each estate to one inspector, balances the load and dates visits on working days within the plan', () => {
    const items = samplePlan(leases, { seed: 3, sampleRate: 0.2, asOf: '2026-01-05' });
    const tasks = assignTasks(items, { planId: 'inspection_plan:p1', officeId: 'futian-huafu', inspectors: ['inspector1', 'inspector2'], startsOn: '2026-01-05', endsOn: '2026-01-16', at });
    expect(tasks).toHaveLength(items.length);
    for (const e of estates) expect(new Set(tasks.filter((t) => t.projectName === e).map((t) => t.inspectorId)).size).toBe(1);
    const load = ['inspector1', 'inspector2'].map((i) => tasks.filter((t) => t.inspectorId === i).length);
    expect(Math.min(...load)).toBeGreaterThan(0);
    for (const t of tasks) {
      expect(t.dueDate >= '2026-01-05' && t.dueDate <= '2026-01-16').toBe(true);
      expect([0, 6]).not.toContain(new Date(`${t.dueDate}T00:00:00Z`).getUTCDay());
    }
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(() => assignTasks(items, { planId: 'p', officeId: 'o', inspectors: [], startsOn: '2026-01-05', endsOn: '2026-01-09', at })).toThrow('核查员');
  });
});
