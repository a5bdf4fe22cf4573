// What the district reviewer's allocation (配租配售) and the clerk's contract (签约) show before they
// sign: the units the case may be offered (or the subsidy it is granted), and the offered unit with
// the terms the programme allows. Recording goes through recordCaseEvent, which checks both again
// against what is stored (tenancy-effects.ts).
import { AppError } from '../../domain/errors';
import type { CaseDoc } from '../../domain/model';
import type { HousingUnitDoc } from '../../domain/model/field';
import { allocation, allocationOf, deriveCase, isSubsidy, offerTerms, TERM_YEARS, unitChoices, unitLabel, type CaseState, type Payloads } from '../../domain/workflow';
import type { WorkstationDb } from '../db/database';
import { eventsByCase } from './review-store';
import { allocationContext, districtUnits } from './tenancy-effects';

export interface UnitChoice {
  readonly unitId: string;
  readonly label: string;
  readonly areaM2: number;
  readonly bedrooms: number;
  /** Monthly rent (or, for a sale, the price) as it would be offered. */
  readonly amount: number;
  readonly sale: boolean;
}

export interface AllocationView {
  readonly state: CaseState;
  /** Rental subsidy: the monthly amount granted; no unit. */
  readonly subsidy: number | null;
  readonly units: readonly UnitChoice[];
  /** The platform's allocation result for the case: the one unit offered, or why it cannot be. */
  readonly platform: { readonly unitId: string; readonly round?: string; readonly problem: string | null } | null;
}

async function caseOf(db: WorkstationDb, caseId: string): Promise<{ caseDoc: CaseDoc; state: CaseState; events: Awaited<ReturnType<typeof eventsByCase>> }> {
  const doc = await db.cases.findOne(caseId).exec();
  if (!doc) throw new AppError('NOT_FOUND', '找不到该办件');
  const events = await eventsByCase(db, [caseId]);
  return { caseDoc: doc.toJSON() as unknown as CaseDoc, state: deriveCase(events.get(caseId) ?? []), events };
}

const choiceOf = (u: HousingUnitDoc): UnitChoice => {
  const terms = offerTerms(u);
  return { unitId: u.id, label: unitLabel(u), areaM2: u.areaM2, bedrooms: u.bedrooms, amount: 'price' in terms ? terms.price : terms.monthlyAmount, sale: 'price' in terms };
};

export async function allocationView(db: WorkstationDb, caseId: string): Promise<AllocationView> {
  const { caseDoc, state } = await caseOf(db, caseId);
  const ctx = await allocationContext(db, caseDoc, state);
  if (isSubsidy(state.businessItem)) {
    const offer = allocation(ctx, undefined, caseId);
    return { state, subsidy: offer.ok ? (offer.payload.monthlyAmount ?? null) : null, units: [], platform: null };
  }
  const units = await districtUnits(db, caseDoc);
  let platform: AllocationView['platform'] = null;
  if (ctx.platform) {
    const offer = allocation(ctx, units.find((u) => u.id === ctx.platform!.unitId), caseId);
    platform = { ...ctx.platform, problem: offer.ok ? null : offer.reason };
  }
  return { state, subsidy: null, units: unitChoices(units, ctx).map(choiceOf), platform };
}

/** The `allocate` payload for the unit chosen (none for a subsidy), as `allocation` makes it. */
export async function allocationPayload(db: WorkstationDb, caseId: string, unitId: string | undefined): Promise<Payloads['allocate']> {
  const { caseDoc, state } = await caseOf(db, caseId);
  const unit = unitId ? ((await db.field.findOne(unitId).exec())?.toJSON() as HousingUnitDoc | undefined) : undefined;
  const offer = allocation(await allocationContext(db, caseDoc, state), unit, caseId);
  if (!offer.ok) throw new AppError('UNIT_NOT_AVAILABLE', offer.reason);
  return offer.payload;
}

export interface ContractView {
  readonly state: CaseState;
  readonly offered: Payloads['allocate'] | null;
  readonly term: (typeof TERM_YEARS)[keyof typeof TERM_YEARS] | null;
}

export async function contractView(db: WorkstationDb, caseId: string): Promise<ContractView> {
  const { state, events } = await caseOf(db, caseId);
  return { state, offered: allocationOf(state, events.get(caseId) ?? []), term: state.businessItem ? TERM_YEARS[state.businessItem] : null };
}
