// The publicity page's data from the local database: the cases of the given offices that are
// review-approved (待公示) or in publicity (公示中), each with the state derived from its events and
// the applicant's stored masked ID (never the sealed number). Publishing and objections go through
// domain/workflow `decide` and are signed like every decision (review-store `recordCaseEvent`).
import { itemFor } from '../../domain/catalogue/engine';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import type { Catalogue } from '../../domain/catalogue/types';
import { AppError } from '../../domain/errors';
import type { PublicityListData } from '../../domain/ipc/publicity';
import type { CaseDoc } from '../../domain/model';
import { canRecord, deriveCase, localDate, nextQueueNumbers, queueNumbers, type CaseEvent, type CaseState } from '../../domain/workflow';
import type { Actor } from '../../domain/model/events';
import {
  awaitingPublicity,
  publicityBatches,
  publicityPayload,
  publicityRows,
  PUBLICITY_DAYS,
  type PublicityBatch,
  type PublicityCase,
} from '../../domain/workflow/publicity';
import type { WorkstationDb } from '../db/database';
import { eventsByCase, recordCaseEvent, type DecisionContext } from '../review/review-store';

export interface PublicityEntry {
  readonly case: PublicityCase;
  readonly state: CaseState;
}

export interface PublicityData {
  /** Review-approved, not yet published (oldest first). */
  readonly awaiting: readonly PublicityEntry[];
  /** The publicity lists, one per period, the latest first. */
  readonly batches: readonly PublicityBatch[];
  /** Derived states of the listed cases, by case id (for the objection check). */
  readonly states: ReadonlyMap<string, CaseState>;
}

const STATUSES = ['review_approved', 'in_publicity'] as const;

/** Every review-approved or published case of the offices, read per office and status on the index. */
export async function readPublicity(db: WorkstationDb, offices: readonly { readonly id: string; readonly name: string }[]): Promise<PublicityData> {
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const parts = await Promise.all(
    offices.flatMap((o) =>
      STATUSES.map((status) =>
        db.cases
          .find({ selector: { officeId: o.id, status, updatedAt: { $gt: '' } }, sort: [{ officeId: 'asc' }, { status: 'asc' }, { updatedAt: 'asc' }], index: ['officeId', 'status', 'updatedAt'] })
          .exec(),
      ),
    ),
  );
  const cases = parts.flat().map((d) => d.toJSON() as unknown as CaseDoc);
  const events = await eventsByCase(db, cases.map((c) => c.id));
  const masked = await maskedIds(db, cases.map((c) => c.applicantPersonId));
  const entries = cases.map((c) => ({
    case: {
      caseId: c.id,
      applicantName: c.applicantName,
      idMasked: masked.get(c.applicantPersonId) ?? '',
      businessItem: c.businessItem,
      street: names.get(c.officeId) ?? c.officeId,
      householdSize: c.householdSize ?? null,
    },
    state: deriveCase(events.get(c.id) ?? []),
  }));
  return {
    awaiting: entries.filter((e) => awaitingPublicity(e.state)),
    batches: publicityBatches(publicityRows(entries)),
    states: new Map(entries.map((e) => [e.case.caseId, e.state])),
  };
}

/** The stored masked form of each person's ID number (people not yet synced are absent). */
async function maskedIds(db: WorkstationDb, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const docs = await db.people.findByIds([...new Set(personIds)]).exec();
  return new Map([...docs.values()].map((d) => [d.primary, String(d.get('idMasked') ?? '')]));
}

/**
 * The publicity period (calendar days) of a business item in a district: the 公示 stage of the
 * business-item catalogue (reference data, with the district's overrides), PUBLICITY_DAYS when the
 * item names none or an unusable one.
 */
export function publicityDaysFor(businessItem: string, districtId: string, catalogue: Catalogue = CATALOGUE): number {
  const days = itemFor(catalogue, businessItem, districtId)?.stages.find((s) => s.status === 'in_publicity')?.deadlineDays;
  return typeof days === 'number' && Number.isInteger(days) && days > 0 && days <= 366 ? days : PUBLICITY_DAYS;
}

/**
 * Publishes the cases from today (Beijing date), each for its item's publicity period in its
 * district (`publicityDaysFor`) unless `days` is given; each is checked and signed.
 */
export async function publish(ctx: DecisionContext, caseIds: readonly string[], days?: number, catalogue: Catalogue = CATALOGUE): Promise<{ published: string[]; refused: { caseId: string; reason: string }[] }> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const published: string[] = [];
  const refused: { caseId: string; reason: string }[] = [];
  for (const caseId of caseIds) {
    try {
      const doc = await ctx.db.cases.findOne(caseId).exec();
      const period = days ?? (doc ? publicityDaysFor(String(doc.get('businessItem')), String(doc.get('districtId')), catalogue) : PUBLICITY_DAYS);
      await recordCaseEvent(ctx, caseId, 'publicity', publicityPayload(at, period));
      published.push(caseId);
    } catch (e) {
      refused.push({ caseId, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { published, refused };
}

/** Records an objection (公示异议): the case goes back to 复审. Refused after the period, by role, without content. */
export function recordObjection(ctx: DecisionContext, caseId: string, reason: string): Promise<CaseState> {
  return recordCaseEvent(ctx, caseId, 'objection', { reason: reason.trim() });
}

/** Can the case go on to the waiting list now (its period over, no objection pending)? */
export function mayWaitlist(state: CaseState, actor: Actor, at: string): boolean {
  return canRecord(state, 'waitlist', actor, { queueNo: 1 }, at).ok;
}

/**
 * Puts the cases whose publicity ended without an objection on the waiting list (轮候), each signed,
 * numbered after the highest waiting number its district's list of its programme holds here (the
 * platform's list is the authority; these numbers are this district's order of entry).
 */
export async function moveToWaitingList(ctx: DecisionContext, caseIds: readonly string[]): Promise<{ listed: { caseId: string; queueNo: number }[]; refused: { caseId: string; reason: string }[] }> {
  const events = (await ctx.db.events.find({ selector: { kind: 'waitlist' } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent);
  const numbers = queueNumbers(events);
  const listedCases = await ctx.db.cases.findByIds([...numbers.keys(), ...caseIds]).exec();
  const listKey = (id: string) => {
    const c = listedCases.get(id);
    return c ? `${String(c.get('districtId'))}|${String(c.get('businessItem'))}` : '';
  };
  const taken = new Map<string, number[]>();
  for (const [caseId, n] of numbers) taken.set(listKey(caseId), [...(taken.get(listKey(caseId)) ?? []), n]);
  const listed: { caseId: string; queueNo: number }[] = [];
  const refused: { caseId: string; reason: string }[] = [];
  for (const caseId of caseIds) {
    const key = listKey(caseId);
    const [queueNo] = nextQueueNumbers(taken.get(key) ?? [], 1);
    try {
      await recordCaseEvent(ctx, caseId, 'waitlist', { queueNo: queueNo! });
      taken.set(key, [...(taken.get(key) ?? []), queueNo!]);
      listed.push({ caseId, queueNo: queueNo! });
    } catch (e) {
      refused.push({ caseId, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { listed, refused };
}

/** The export request for one period's list; refused while an applicant's ID is not here yet. */
export function exportData(batch: PublicityBatch, officeName: string): PublicityListData {
  const missing = batch.rows.find((r) => r.idMasked === '');
  if (missing) throw new AppError('NOT_SYNCED', `${missing.applicantName}的身份信息尚未同步到本工作站,请稍后再导出`);
  return {
    officeName,
    startsOn: batch.window.startsOn,
    endsOn: batch.window.endsOn,
    rows: batch.rows.map(({ applicantName, idMasked, businessItem, street, householdSize }) => ({ applicantName, idMasked, businessItem, street, householdSize })),
  };
}

/** Today's Beijing date, for the period's phase. */
export const todayOf = (now: Date): string => localDate(now.toISOString());
