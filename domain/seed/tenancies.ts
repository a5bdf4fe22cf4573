// Demo units and tenancies: every seeded case that reached a contract gets the unit it was
// allocated (the `allocate` event's unitId) and its lease (the `contract` event's leaseId, term),
// in one of its street's estates, with rent, arrears and the facts inspection plans read for risk.
// A separate generator seeded from the same seed, so the cases themselves stay as they were.
import type { HousingUnitDoc, LeaseDoc, UnitType } from '../model/field';
import { FIELD_SCHEMA_VERSION } from '../model/field';
import type { Payloads } from '../workflow/events';
import type { SeedData } from './cases';
import { SHENZHEN_STREETS } from './places';
import { createRng, type Rng } from './prng';

const ESTATE_SUFFIXES = ['安居苑', '保障性住房小区', '人才公寓'] as const;
const TYPES: readonly (readonly [UnitType, number, number, number])[] = [
  // type, bedrooms, area from, area to (m²)
  ['studio', 0, 28, 38],
  ['one_bed', 1, 38, 52],
  ['two_bed', 2, 52, 68],
  ['three_bed', 3, 68, 85],
];

/** The estates of a street, e.g. 华富安居苑. */
export function estatesOf(streetId: string): string[] {
  const street = SHENZHEN_STREETS.find((s) => s.id === streetId);
  const short = (street?.name ?? '保障').replace('街道', '');
  return ESTATE_SUFFIXES.map((s) => `${short}${s}`);
}

export interface SeedTenancies {
  readonly units: readonly HousingUnitDoc[];
  readonly leases: readonly LeaseDoc[];
  /** Units of cases allocated and not yet signed (state `allocated`), by case id. */
  readonly offered: ReadonlyMap<string, HousingUnitDoc>;
  /** Vacant units of the streets' estates, for the district to allocate (配租配售). */
  readonly stock: readonly HousingUnitDoc[];
}

/** Vacant units per street and programme in the demo stock. */
const STOCK_PER_PROGRAMME = 4;
const STOCK_PROGRAMMES = ['public_rental', 'affordable_rental', 'shared_ownership'] as const;

function unitDoc(rng: Rng, c: { officeId: string; districtId: string; streetId: string; businessItem: HousingUnitDoc['businessItem'] }, id: string, size: number, at: string, state: HousingUnitDoc['state']): HousingUnitDoc {
  const [unitType, bedrooms, minArea, maxArea] = TYPES[Math.min(TYPES.length - 1, Math.max(0, size - 1 + rng.int(-1, 0)))]!;
  return {
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: c.officeId,
    createdAt: at,
    updatedAt: at,
    id,
    type: 'unit',
    projectName: rng.pick(estatesOf(c.streetId)),
    districtId: c.districtId,
    streetId: c.streetId,
    building: `${rng.int(1, 12)}栋`,
    room: `${rng.int(2, 32)}${String(rng.int(1, 10)).padStart(2, '0')}`,
    areaM2: Math.round((minArea + rng.next() * (maxArea - minArea)) * 10) / 10,
    bedrooms,
    unitType,
    businessItem: c.businessItem,
    state,
  };
}

/**
 * The units of allocated cases not yet signed, and a vacant stock in each street's estates — drawn
 * from a generator of their own, so the tenancies of `generateTenancies` stay as they were.
 */
function offeredAndStock(data: SeedData, seed: number): Pick<SeedTenancies, 'offered' | 'stock'> {
  const rng = createRng(seed ^ 0x570c4a11);
  const offered = new Map<string, HousingUnitDoc>();
  const households = new Map(data.households.map((h) => [h.id, h]));
  for (const c of data.cases) {
    if (data.events.some((e) => e.caseId === c.id && e.kind === 'contract')) continue;
    const allocate = data.events.find((e) => e.caseId === c.id && e.kind === 'allocate');
    if (!allocate || c.businessItem === 'rental_subsidy') continue;
    const unitId = (allocate.payload as Payloads['allocate']).unitId;
    offered.set(c.id, unitDoc(rng, c, unitId, households.get(c.householdId)?.members.length ?? 1, allocate.at, 'allocated'));
  }
  const stock: HousingUnitDoc[] = [];
  const first = data.cases[0];
  const at = data.cases.reduce((m, c) => (c.createdAt < m ? c.createdAt : m), first?.createdAt ?? '2024-01-01T00:00:00.000Z');
  const streets = new Map(data.cases.map((c) => [c.streetId, c]));
  for (const [streetId, c] of streets) {
    for (const businessItem of STOCK_PROGRAMMES) {
      for (let i = 1; i <= STOCK_PER_PROGRAMME; i++) {
        const id = `unit:stock-${streetId.replace(/^street:/, '')}-${businessItem}-${i}`;
        stock.push(unitDoc(rng, { officeId: c.officeId, districtId: c.districtId, streetId, businessItem }, id, i, at, 'vacant'));
      }
    }
  }
  return { offered, stock };
}

function arrears(rng: Rng): number {
  if (rng.chance(0.75)) return 0;
  return rng.chance(0.6) ? rng.int(1, 3) : rng.int(4, 12);
}

export function generateTenancies(data: SeedData, seed: number): SeedTenancies {
  const rng = createRng(seed ^ 0x5eed7e4a);
  const units: HousingUnitDoc[] = [];
  const leases: LeaseDoc[] = [];
  const households = new Map(data.households.map((h) => [h.id, h]));
  for (const c of data.cases) {
    const contract = data.events.find((e) => e.caseId === c.id && e.kind === 'contract');
    const allocate = data.events.find((e) => e.caseId === c.id && e.kind === 'allocate');
    if (!contract || !allocate) continue;
    const { leaseId, startDate, endDate } = contract.payload as Payloads['contract'];
    const unitId = (allocate.payload as Payloads['allocate']).unitId;
    const household = households.get(c.householdId);
    const size = household?.members.length ?? 1;
    const [unitType, bedrooms, minArea, maxArea] = TYPES[Math.min(TYPES.length - 1, Math.max(0, size - 1 + rng.int(-1, 0)))]!;
    const areaM2 = Math.round((minArea + rng.next() * (maxArea - minArea)) * 10) / 10;
    const projectName = rng.pick(estatesOf(c.streetId));
    const base = { schemaVersion: FIELD_SCHEMA_VERSION, officeId: c.officeId, createdAt: contract.at, updatedAt: contract.at };
    units.push({
      ...base,
      id: unitId,
      type: 'unit',
      projectName,
      districtId: c.districtId,
      streetId: c.streetId,
      building: `${rng.int(1, 12)}栋`,
      room: `${rng.int(2, 32)}${String(rng.int(1, 10)).padStart(2, '0')}`,
      areaM2,
      bedrooms,
      unitType,
      businessItem: c.businessItem,
      state: 'leased',
    });
    const income = household ? household.members.reduce((a, m) => a + (m.annualIncome ?? 0), 0) / size : 0;
    leases.push({
      ...base,
      id: leaseId,
      type: 'lease',
      unitId,
      caseId: c.id,
      householdId: c.householdId,
      streetId: c.streetId,
      projectName,
      startDate,
      endDate,
      // Public rental rent is well under market: about 20–35 CNY per m² a month.
      monthlyRent: Math.round(areaM2 * rng.int(20, 35)),
      arrearsMonths: arrears(rng),
      priorViolations: rng.chance(0.05) ? 1 : 0,
      complaints: rng.chance(0.08) ? rng.int(1, 3) : 0,
      declaredIncomePerCapita: Math.round(income),
      state: 'active',
    });
  }
  return { units, leases, ...offeredAndStock(data, seed) };
}
