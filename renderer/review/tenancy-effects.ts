// What an allocation (配租配售) and a contract (签约) read and write besides their event, called by
// recordCaseEvent, the one function that commits a case event here: an `allocate` is refused unless
// its unit is one `allocation` offers from this workstation's data (the programme's, in the case's
// district, vacant, offered to no other case), and then marks the unit offered; a `contract` writes
// the lease of a let unit and marks the unit let — for a swap (调换) the household's old lease ends
// and its unit is vacant again.
import { AppError } from '../../domain/errors';
import type { CaseDoc } from '../../domain/model';
import type { HousingUnitDoc, LeaseDoc } from '../../domain/model/field';
import type { HouseholdDoc } from '../../domain/model/people';
import type { AllocationResultDoc } from '../../domain/model/reference';
import { allocation, allocationOf, deriveCase, isSubsidy, leaseOf, type AllocationContext, type CaseEvent, type CaseState, type Payloads } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';

const SWAP_ITEM = 'public_rental.swap';

const plain = <T>(d: { toJSON(): unknown } | null | undefined): T | undefined => (d ? (d.toJSON() as T) : undefined);

/**
 * The district's cases at 已配租配售 held here: read per office on the [officeId, status, updatedAt]
 * index where the district's offices are known (reference data), else by a scan.
 */
async function allocatedCases(db: WorkstationDb, districtId: string): Promise<string[]> {
  const offices = db.reference ? (await db.reference.find({ selector: { type: 'office', districtId } }).exec()).map((d) => String(d.get('officeId'))) : [];
  if (offices.length === 0) return (await db.cases.find({ selector: { status: 'allocated', districtId } }).exec()).map((c) => String(c.primary));
  const parts = await Promise.all(
    offices.map((officeId) =>
      db.cases.find({ selector: { officeId, status: 'allocated', updatedAt: { $gt: '' } }, index: ['officeId', 'status', 'updatedAt'] }).exec(),
    ),
  );
  return parts.flat().map((c) => String(c.primary));
}

/** Units offered to other cases still at 已配租配售 (their unit may not have reached this workstation as `allocated` yet). */
async function offeredElsewhere(db: WorkstationDb, caseId: string, districtId: string): Promise<Set<string>> {
  const others = (await allocatedCases(db, districtId)).filter((id) => id !== caseId);
  if (others.length === 0) return new Set();
  const events = await db.events.find({ selector: { caseId: { $in: others } } }).exec();
  const byCase = new Map<string, CaseEvent[]>();
  for (const d of events) {
    const e = d.toJSON() as unknown as CaseEvent;
    byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  }
  const out = new Set<string>();
  for (const evs of byCase.values()) {
    const a = allocationOf(deriveCase(evs), evs);
    if (a) out.add(a.unitId);
  }
  return out;
}

/** The platform's latest allocation result for the case among the district's held here (reference data). */
async function platformResult(db: WorkstationDb, caseDoc: CaseDoc): Promise<{ unitId: string; round?: string } | null> {
  const docs = await db.reference.find({ selector: { type: 'allocation_result', districtId: caseDoc.districtId } }).exec();
  const mine = docs
    .map((d) => d.toJSON() as unknown as AllocationResultDoc)
    .filter((d) => d.caseId === caseDoc.id && typeof d.unitId === 'string' && d.unitId !== '')
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))
    .pop();
  return mine ? { unitId: mine.unitId, ...(mine.round ? { round: mine.round } : {}) } : null;
}

export async function allocationContext(db: WorkstationDb, caseDoc: CaseDoc, state: CaseState): Promise<AllocationContext> {
  const [elsewhere, platform] = await Promise.all([offeredElsewhere(db, caseDoc.id, caseDoc.districtId), db.reference ? platformResult(db, caseDoc) : null]);
  return { state, districtId: caseDoc.districtId, householdSize: caseDoc.householdSize ?? 1, offeredElsewhere: elsewhere, platform };
}

/** The district's units of the case's programme held here (the choice is `unitChoices`). */
export async function districtUnits(db: WorkstationDb, caseDoc: CaseDoc): Promise<HousingUnitDoc[]> {
  const docs = await db.field.find({ selector: { type: 'unit', districtId: caseDoc.districtId, businessItem: caseDoc.businessItem } }).exec();
  return docs.map((d) => d.toJSON() as unknown as HousingUnitDoc);
}

/** Refuses an `allocate` whose payload is not what `allocation` offers now for its unit. */
export async function checkAllocation(db: WorkstationDb, caseDoc: CaseDoc, state: CaseState, payload: Payloads['allocate']): Promise<void> {
  const unit = isSubsidy(state.businessItem) ? undefined : plain<HousingUnitDoc>(await db.field.findOne(payload.unitId).exec());
  const offer = allocation(await allocationContext(db, caseDoc, state), unit, caseDoc.id);
  if (!offer.ok) throw new AppError('UNIT_NOT_AVAILABLE', offer.reason);
  const expected = offer.payload;
  if (expected.unitId !== payload.unitId || expected.monthlyAmount !== payload.monthlyAmount || expected.price !== payload.price) {
    throw new AppError('UNIT_NOT_AVAILABLE', '配租配售的房源或金额与本工作站的房源信息不一致,请重新选择');
  }
}

/** After an `allocate`: the unit is marked offered. */
export async function afterAllocation(db: WorkstationDb, payload: Payloads['allocate'], at: string): Promise<void> {
  const unit = await db.field.findOne(payload.unitId).exec();
  if (unit) await unit.incrementalPatch({ state: 'allocated', updatedAt: at } as never);
}

/** Refuses a `contract` whose offered unit is not held here (its lease could not be written). */
export async function checkContract(db: WorkstationDb, state: CaseState, events: readonly CaseEvent[]): Promise<void> {
  const offered = allocationOf(state, events);
  if (!offered || isSubsidy(state.businessItem)) return;
  if (!(await db.field.findOne(offered.unitId).exec())) throw new AppError('UNIT_NOT_HERE', `配租的房源${offered.unitLabel ?? offered.unitId}尚未同步到本工作站,请同步后再签约`);
}

/** After a `contract`: a let unit gets its lease and is marked let; a swap ends the household's old lease. */
export async function afterContract(db: WorkstationDb, caseDoc: CaseDoc, state: CaseState, events: readonly CaseEvent[], payload: Payloads['contract'], at: string): Promise<void> {
  const offered = allocationOf(state, events);
  if (!offered || isSubsidy(state.businessItem)) return;
  const unitDoc = await db.field.findOne(offered.unitId).exec();
  const unit = plain<HousingUnitDoc>(unitDoc);
  if (!unitDoc || !unit) throw new AppError('UNIT_NOT_HERE', `配租的房源${offered.unitLabel ?? offered.unitId}尚未同步到本工作站,请同步后再签约`);
  const household = plain<HouseholdDoc>(await db.people.findOne(caseDoc.householdId).exec());
  const incomes = household?.members.map((m) => m.annualIncome ?? 0) ?? [];
  const perCapita = incomes.length > 0 ? Math.round(incomes.reduce((a, b) => a + b, 0) / incomes.length) : 0;
  const made = leaseOf({ caseId: caseDoc.id, officeId: caseDoc.officeId, householdId: caseDoc.householdId, streetId: caseDoc.streetId, declaredIncomePerCapita: perCapita }, unit, offered, payload, at);
  if (state.item === SWAP_ITEM) {
    const old = await db.field.find({ selector: { type: 'lease', householdId: caseDoc.householdId, state: 'active' } }).exec();
    for (const l of old) {
      const lease = l.toJSON() as unknown as LeaseDoc;
      await l.incrementalPatch({ state: 'ended', updatedAt: at } as never);
      const u = await db.field.findOne(lease.unitId).exec();
      if (u) await u.incrementalPatch({ state: 'vacant', updatedAt: at } as never);
    }
  }
  if (state.businessItem !== 'shared_ownership') await db.field.insert(made.lease as unknown as AnyDoc);
  // A sold unit is taken like a let one (the unit's states have no "sold").
  await unitDoc.incrementalPatch({ state: 'leased', updatedAt: at } as never);
}
