import { describe, expect, it } from 'vitest';
import { generateCases } from './cases';
import { estatesOf, generateTenancies } from './tenancies';

const data = generateCases({ count: 400, officeId: 'futian-huafu', seed: 42 });
const generated = generateTenancies(data, 42);
const { units, leases, offered, stock } = generated;

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
    expect(generateTenancies(data, 42)).toEqual(generated);
  });

  it('gives each case allocated and not yet signed its offered unit, and each street a vacant stock of the programmes with units', () => {
    const allocated = data.cases.filter((c) => c.status === 'allocated' && c.businessItem !== 'rental_subsidy');
    expect(allocated.length).toBeGreaterThan(0);
    expect([...offered.keys()].sort()).toEqual(allocated.map((c) => c.id).sort());
    for (const c of allocated) {
      const unitId = (data.events.find((e) => e.caseId === c.id && e.kind === 'allocate')!.payload as { unitId: string }).unitId;
      expect(offered.get(c.id)).toMatchObject({ id: unitId, state: 'allocated', businessItem: c.businessItem, districtId: c.districtId, streetId: c.streetId });
    }
    const streets = new Set(data.cases.map((c) => c.streetId));
    expect(stock.length).toBe(streets.size * 3 * 4);
    expect(stock.every((u) => u.state === 'vacant' && streets.has(u.streetId) && estatesOf(u.streetId).includes(u.projectName))).toBe(true);
    expect(new Set(stock.map((u) => u.businessItem))).toEqual(new Set(['public_rental', 'affordable_rental', 'shared_ownership']));
    // No id is used twice across the let, offered and vacant units.
    const ids = [...units, ...offered.values(), ...stock].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
