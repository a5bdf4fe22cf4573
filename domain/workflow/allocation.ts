// After publicity: the waiting list (轮候), the allocation of a unit or a subsidy (配租配售) and the
// contract (签约). The waiting number continues the district's list for the programme; a unit is
// offered only when it is the programme's, in the case's district, vacant and not offered to
// another case; the contract's term follows the programme; the lease the clerk signs is built here.
// Rents, subsidy standards and terms are illustrative (示例): no published table was found.
import type { IsoDate, IsoDateTime } from '../model/common';
import type { HousingUnitDoc, LeaseDoc } from '../model/field';
import { FIELD_SCHEMA_VERSION } from '../model/field';
import type { BusinessItem } from '../model/programmes';
import type { CaseEvent, Payloads } from './events';
import { addYears } from './payloads';
import type { CaseState } from './state';

/** Monthly rent per m² by programme, CNY (示例). A shared-ownership unit is sold: its price per m². */
export const RENT_PER_M2: Readonly<Partial<Record<BusinessItem, number>>> = { public_rental: 28, affordable_rental: 55, talent_housing: 45 };
export const SALE_PRICE_PER_M2 = 32_000;
/** Rental subsidy: CNY per m² a month, and the area a household of n is granted (示例). */
export const SUBSIDY_PER_M2 = 40;
const SUBSIDY_AREA = [0, 30, 45, 60] as const;

/** Contract term in years by programme (rentals 3 to 5, DOMAIN.md §3; the subsidy agreement 1 year, 示例). */
export const TERM_YEARS: Readonly<Record<BusinessItem, { readonly min: number; readonly max: number; readonly default: number }>> = {
  public_rental: { min: 3, max: 5, default: 3 },
  affordable_rental: { min: 3, max: 5, default: 3 },
  talent_housing: { min: 3, max: 5, default: 3 },
  rental_subsidy: { min: 1, max: 1, default: 1 },
  shared_ownership: { min: 70, max: 70, default: 70 },
};

export const isSubsidy = (programme: BusinessItem | null): boolean => programme === 'rental_subsidy';

/** A unit's address as printed: 华富安居苑 3栋 1203. */
export const unitLabel = (u: Pick<HousingUnitDoc, 'projectName' | 'building' | 'room'>): string => `${u.projectName} ${u.building} ${u.room}`;

export function monthlyRentOf(unit: Pick<HousingUnitDoc, 'areaM2' | 'businessItem'>): number {
  return Math.round(unit.areaM2 * (RENT_PER_M2[unit.businessItem] ?? 0));
}

/** What a unit is offered at: its monthly rent, or for a shared-ownership sale its price. */
export function offerTerms(unit: Pick<HousingUnitDoc, 'areaM2' | 'businessItem'>): { readonly monthlyAmount: number } | { readonly price: number } {
  return unit.businessItem === 'shared_ownership' ? { price: Math.round(unit.areaM2 * SALE_PRICE_PER_M2) } : { monthlyAmount: monthlyRentOf(unit) };
}

/** The monthly subsidy for a household of `size` (示例: area by size, capped at 3 or more). */
export function subsidyMonthly(size: number): number {
  return SUBSIDY_AREA[Math.max(1, Math.min(3, size))]! * SUBSIDY_PER_M2;
}

/** The waiting number of each case's latest `waitlist` among the events given. */
export function queueNumbers(events: readonly CaseEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) if (e.kind === 'waitlist') out.set(e.caseId, (e.payload as Payloads['waitlist']).queueNo);
  return out;
}

/** The next waiting numbers for `count` cases, after the highest the district's list holds here. */
export function nextQueueNumbers(taken: Iterable<number>, count: number): number[] {
  let top = 0;
  for (const n of taken) top = Math.max(top, n);
  return Array.from({ length: count }, (_, i) => top + 1 + i);
}

/** Where an allocation stands: the case to allocate, and the units offered to other cases not yet signed. */
export interface AllocationContext {
  readonly state: CaseState;
  readonly districtId: string;
  readonly householdSize: number;
  /** Unit ids offered to other cases still at 已配租配售 (their unit may not be marked offered here yet). */
  readonly offeredElsewhere: ReadonlySet<string>;
  /** The city platform's allocation result for the case (its lottery or choice of units), if any: that unit and no other. */
  readonly platform?: { readonly unitId: string; readonly round?: string } | null;
}

/** The units the case may be offered: the programme's, in its district, vacant, offered to no other case. */
export function unitChoices(units: readonly HousingUnitDoc[], ctx: AllocationContext): HousingUnitDoc[] {
  return units
    .filter((u) => unitProblem(u, ctx) === null)
    .sort((a, b) => Math.abs(a.bedrooms + 1 - ctx.householdSize) - Math.abs(b.bedrooms + 1 - ctx.householdSize) || unitLabel(a).localeCompare(unitLabel(b), 'zh-CN'));
}

function unitProblem(u: HousingUnitDoc, ctx: AllocationContext): string | null {
  const programme = ctx.state.businessItem;
  if (u.businessItem !== programme) return `房源${unitLabel(u)}不属于本案的保障类别`;
  if (u.districtId !== ctx.districtId) return `房源${unitLabel(u)}不在本案所在区`;
  if (u.state !== 'vacant') return `房源${unitLabel(u)}已不是空置房源`;
  if (ctx.offeredElsewhere.has(u.id)) return `房源${unitLabel(u)}已配给其他申请人,尚未签约`;
  if (ctx.platform && ctx.platform.unitId !== u.id) return `市住房保障平台${ctx.platform.round ? `(${ctx.platform.round})` : ''}为本案配定的房源是 ${ctx.platform.unitId},不能改配${unitLabel(u)}`;
  return null;
}

/**
 * The `allocate` payload for a unit (or, for the rental subsidy, the monthly amount), or the reason
 * it cannot be offered. The committing store calls this with what it reads, so no path offers a
 * unit twice from this workstation's data.
 */
export function allocation(ctx: AllocationContext, unit: HousingUnitDoc | undefined, caseId: string): { ok: true; payload: Payloads['allocate'] } | { ok: false; reason: string } {
  if (ctx.state.status !== 'waiting') return { ok: false, reason: '只有轮候中的案件可以配租配售' };
  if (isSubsidy(ctx.state.businessItem)) {
    return { ok: true, payload: { unitId: `subsidy:${caseId.replace(/^case:/, '')}`, monthlyAmount: subsidyMonthly(ctx.householdSize) } };
  }
  if (!unit) {
    if (ctx.platform) return { ok: false, reason: `市住房保障平台为本案配定的房源 ${ctx.platform.unitId} 尚未同步到本工作站,请同步后再配租配售` };
    return { ok: false, reason: '请选择配租配售的房源(本工作站没有该房源)' };
  }
  const problem = unitProblem(unit, ctx);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, payload: { unitId: unit.id, unitLabel: unitLabel(unit), areaM2: unit.areaM2, ...offerTerms(unit) } };
}

/** The case's current allocation: the last applied `allocate`. */
export function allocationOf(state: CaseState, events: readonly CaseEvent[]): Payloads['allocate'] | null {
  const applied = state.history.filter((h) => h.applied && h.kind === 'allocate').pop();
  const e = applied && events.find((x) => x.id === applied.eventId);
  return e ? (e.payload as Payloads['allocate']) : null;
}

export interface ContractInput {
  readonly startDate: IsoDate;
  readonly years: number;
}

/** The `contract` payload for the case's allocation: a new lease id and the term the programme allows. */
export function contractFor(state: CaseState, input: ContractInput, newId: string): { ok: true; payload: Payloads['contract'] } | { ok: false; reason: string } {
  const programme = state.businessItem;
  if (state.status !== 'allocated' || !programme) return { ok: false, reason: '只有已配租配售的案件可以签约' };
  const term = TERM_YEARS[programme];
  if (!Number.isInteger(input.years) || input.years < term.min || input.years > term.max) {
    return { ok: false, reason: term.min === term.max ? `合同期限应为${term.min}年` : `合同期限应为${term.min}至${term.max}年` };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) return { ok: false, reason: '合同开始日期格式应为YYYY-MM-DD' };
  return { ok: true, payload: { leaseId: `lease:${newId}`, startDate: input.startDate, endDate: addYears(input.startDate, input.years, -1) } };
}

/** What the clerk's contract writes besides the event: the lease of a let unit, the unit now let. */
export function leaseOf(
  c: { readonly caseId: string; readonly officeId: string; readonly householdId: string; readonly streetId: string; readonly declaredIncomePerCapita: number },
  unit: HousingUnitDoc,
  allocated: Payloads['allocate'],
  contract: Payloads['contract'],
  at: IsoDateTime,
): { lease: LeaseDoc; unit: HousingUnitDoc } {
  const lease: LeaseDoc = {
    id: contract.leaseId,
    type: 'lease',
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: c.officeId,
    createdAt: at,
    updatedAt: at,
    unitId: unit.id,
    caseId: c.caseId,
    householdId: c.householdId,
    streetId: c.streetId,
    projectName: unit.projectName,
    startDate: contract.startDate,
    endDate: contract.endDate,
    monthlyRent: allocated.monthlyAmount ?? monthlyRentOf(unit),
    arrearsMonths: 0,
    priorViolations: 0,
    complaints: 0,
    declaredIncomePerCapita: c.declaredIncomePerCapita,
    state: 'active',
  };
  return { lease, unit: { ...unit, state: 'leased', updatedAt: at } };
}
