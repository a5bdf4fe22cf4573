import { describe, expect, it } from 'vitest';
import { generateCases } from './cases';
import { estatesOf, generateTenancies } from './tenancies';

const data = generateCases({ count: 400, officeId: 'futian-huafu', seed: 42 });
const { units, leases } = generateTenancies(data, 42);

describe('generateTenancies', () => {
  it('gives every contracted case its allocated unit and its lease, with the contract term', () => {
    const contracted = data.cases.filter((c) => data.events.some((e) => e.caseId === c.id && e.kind === 'contract'));
    expect(contracted.length).toBeGreaterThan(10);
    expect(leases.map((l) => l.caseId).sort()).toEqual(contracted.map((c) => c.id).sort());
    for (const lease of leases) {
      const c = data.cases.find((x) => x.id === lease.caseId)!;
      const contract = data.events.find((e) => e.caseId === c.id && e.kind === 'contract')!.payload as { leaseId: string; startDate: string; endDate: string };
      expect(lease).toMatchObject({ id: contract.leaseId, startDate: contract.startDate, endDate: contract.endDate, householdId: c.householdId, streetId: c.streetId });
      expect(['contracted', 'in_tenancy']).toContain(c.status);
      const unit = units.find((u) => u.id === lease.unitId)!;
      expect(unit.projectName).toBe(lease.projectName);
      expect(estatesOf(c.streetId)).toContain(unit.projectName);
      expect(lease.monthlyRent).toBeGreaterThan(0);
    }
  });

  it('spreads risk facts: some tenancies in arrears, most not; same seed, same tenancies', () => {
    const inArrears = leases.filter((l) => l.arrearsMonths > 0).length;
    expect(inArrears).toBeGreaterThan(0);
    expect(inArrears).toBeLessThan(leases.length);
    expect(generateTenancies(data, 42)).toEqual({ units, leases });
  });
});
