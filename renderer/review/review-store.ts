// Reviewers' queues and decisions in the local database. A queue page is read per office and
// status on the cases' [officeId, status, updatedAt] index (oldest first: first in, first decided),
// the due-soon and overdue tabs on [officeId, status, dueOn] (the projected due date), an ID
// number on idHash — never the whole office. A decision is checked by domain/workflow `decide` against the state
// derived from the case's events, signed and stored through record-events, and the case's
// projected fields are written at once — offline too; sync carries both later.
import { lookupHash, type FieldKeys } from '../../domain/crypto/sealing';
import { AppError } from '../../domain/errors';
import { countdown, stageDeadline, urgencyBounds, type Countdown, type HolidayCalendar } from '../../domain/deadlines';
import { checkIdNumber } from '../../domain/identity/idnumber';
import type { CaseDoc, CaseFlag, IsoDate } from '../../domain/model';
import { nameKey } from '../../domain/model';
import type { BusinessItem } from '../../domain/model/programmes';
import type { CaseStatus } from '../../domain/model/status';
import { decide, deriveCase, handsBackUnit, localDate, tenancyEnds, type HoldingCandidate, projectCase, shippedCalendar, stageLimitsOf, type CaseEvent, type CaseState, type EventKind, type Payloads } from '../../domain/workflow';
import type { WorkstationDb } from '../db/database';
import { loadHolidayCalendar } from '../reference/reference-store';
import { recordEvents, type SigningContext } from '../workflow/record-events';
import { localBenefitEntries } from '../cases/duplicates';
import { afterAllocation, afterContract, checkAllocation, checkContract } from './tenancy-effects';

export const PAGE_SIZE = 20;
/** The shipped calendar; the screens pass the one from reference data (renderer/reference). */
export const DEFAULT_CALENDAR: HolidayCalendar = shippedCalendar();

/** Cases whose running stage is due soon or overdue on `today`, read on [officeId, status, dueOn]. */
export interface DueFilter {
  readonly urgency: 'due_soon' | 'overdue';
  readonly today: IsoDate;
  readonly calendar: HolidayCalendar;
}

export interface QueueQuery {
  readonly officeIds: readonly string[];
  readonly statuses: readonly CaseStatus[];
  /** 0-based. */
  readonly page: number;
  readonly pageSize?: number;
  readonly businessItem?: BusinessItem;
  /** Only cases of these catalogue items (a stage's queue, `stageQueues`: the items at that stage in the status). */
  readonly items?: readonly string[];
  readonly flaggedOnly?: boolean;
  /** Prefix of the applicant's name. */
  readonly name?: string;
  /** Keyed hash of the applicant's full ID number (`idHashOf`): read on the idHash index. */
  readonly idHash?: string;
  /** Any of these review flags (duplicate hit, rule needing review, OCR or identity mismatch). */
  readonly flags?: readonly CaseFlag[];
  /** Received (submitted) between these Beijing dates, both included. */
  readonly receivedFrom?: IsoDate;
  readonly receivedTo?: IsoDate;
  readonly due?: DueFilter;
}

export interface QueuePage {
  readonly rows: CaseDoc[];
  readonly hasMore: boolean;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DAY_MS = 86_400_000;
/** The UTC instant a Beijing calendar date starts. */
const beijingStart = (d: IsoDate) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();
const beijingEnd = (d: IsoDate) => new Date(Date.parse(`${d}T00:00:00+08:00`) + DAY_MS).toISOString();

/** The lookup hash of a full ID number, as intake stores it on the case; a bad number is refused with its reason. */
export async function idHashOf(keys: Pick<FieldKeys, 'lookup'>, idNumber: string): Promise<string> {
  const check = checkIdNumber(idNumber);
  if (!check.valid) throw new AppError('BAD_ID_NUMBER', check.message);
  return lookupHash(keys.lookup, check.info.idNumber);
}

/** The filters other than office and status, as a selector part (RxDB checks them while walking the index). */
function filterSelector(q: QueueQuery): Record<string, unknown> {
  const selector: Record<string, unknown> = {};
  if (q.businessItem) selector.businessItem = q.businessItem;
  if (q.items) selector.item = { $in: [...q.items] };
  if (q.flaggedOnly) selector.flagged = true;
  const key = q.name ? nameKey(q.name) : '';
  if (key) selector.nameKey = { $regex: `^${escapeRegex(key)}` };
  if (q.flags && q.flags.length > 0) selector.flags = { $in: [...q.flags] };
  if (q.receivedFrom || q.receivedTo) {
    selector.createdAt = { ...(q.receivedFrom ? { $gte: beijingStart(q.receivedFrom) } : {}), ...(q.receivedTo ? { $lt: beijingEnd(q.receivedTo) } : {}) };
  }
  return selector;
}

const byKey = (key: 'updatedAt' | 'dueOn') => (a: CaseDoc, b: CaseDoc) => {
  const [x, y] = [String(a[key] ?? ''), String(b[key] ?? '')];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * One page of a queue, read per office and status on an index, never the whole office: the queue
 * oldest first on [officeId, status, updatedAt]; due soon and overdue most urgent first on
 * [officeId, status, dueOn] within the bounds today gives (urgencyBounds); an ID number on idHash.
 */
export async function readQueuePage(db: WorkstationDb, q: QueueQuery): Promise<QueuePage> {
  const size = q.pageSize ?? PAGE_SIZE;
  const from = q.page * size;
  const filters = filterSelector(q);
  if (q.idHash !== undefined) {
    // A person has a handful of cases: read them all by hash, keep those of this queue.
    const docs = await db.cases.find({ selector: { idHash: q.idHash, ...filters }, index: ['idHash'] }).exec();
    const rows = docs
      .map((d) => d.toJSON() as unknown as CaseDoc)
      .filter((c) => q.officeIds.includes(c.officeId) && q.statuses.includes(c.status) && (!q.due || dueMatches(c, q.due)))
      .sort(byKey(q.due ? 'dueOn' : 'updatedAt'));
    return { rows: rows.slice(from, from + size), hasMore: rows.length > from + size };
  }
  const pairs = q.officeIds.flatMap((officeId) => q.statuses.map((status) => ({ officeId, status })));
  const single = pairs.length === 1;
  const sortKey = q.due ? 'dueOn' : 'updatedAt';
  const parts = await Promise.all(
    pairs.map(async ({ officeId, status }) => {
      const selector: Record<string, unknown> = { officeId, status, [sortKey]: q.due ? dueRange(q.due) : { $gt: '' }, ...filters };
      return fromStorage(db, {
        selector,
        sort: [{ officeId: 'asc' }, { status: 'asc' }, { [sortKey]: 'asc' }],
        index: ['officeId', 'status', sortKey],
        skip: single ? from : 0,
        limit: single ? size + 1 : from + size + 1,
      });
    }),
  );
  const merged = parts.flat().sort(byKey(sortKey));
  const start = single ? 0 : from;
  return { rows: merged.slice(start, start + size), hasMore: merged.length > start + size };
}

/**
 * A page read straight from the storage (RxDB's prepared query: deleted cases excluded, the index
 * walked only as far as the page), without making RxDocuments of it or keeping it in RxDB's query
 * cache: a queue page is shown once and read again on the next change.
 */
async function fromStorage(db: WorkstationDb, query: Parameters<WorkstationDb['cases']['find']>[0]): Promise<CaseDoc[]> {
  const { documents } = await db.cases.storageInstance.query(db.cases.find(query).getPreparedQuery());
  return documents.map((d) => {
    const { _meta, _rev, _attachments, _deleted, ...doc } = d as unknown as Record<string, unknown>;
    return doc as unknown as CaseDoc;
  });
}

function dueRange(due: DueFilter): Record<string, string> {
  const b = urgencyBounds(due.today, due.calendar);
  return due.urgency === 'overdue' ? { $gt: '', $lt: b.overdueBefore } : { $gte: b.overdueBefore, $lt: b.dueSoonBefore };
}

function dueMatches(c: CaseDoc, due: DueFilter): boolean {
  const r = dueRange(due);
  const d = c.dueOn ?? '';
  return (r.$gt === undefined || d > r.$gt) && (r.$gte === undefined || d >= r.$gte) && d < r.$lt!;
}

/** Every event of the given cases held here, by case. */
export async function eventsByCase(db: WorkstationDb, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const out = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const docs = await db.events.find({ selector: { caseId: { $in: [...caseIds] } } }).exec();
  for (const d of docs) {
    const e = d.toJSON() as unknown as CaseEvent;
    out.get(e.caseId)?.push(e);
  }
  return out;
}

/** The countdown of each case's running stage on `today` (Beijing date); absent when no stage runs. */
export async function countdowns(db: WorkstationDb, caseIds: readonly string[], now: Date, cal: HolidayCalendar = DEFAULT_CALENDAR): Promise<Map<string, Countdown>> {
  const today = localDate(now.toISOString());
  const out = new Map<string, Countdown>();
  for (const [id, events] of await eventsByCase(db, caseIds)) {
    const state = deriveCase(events);
    const deadline = stageDeadline(state.history, cal, stageLimitsOf(state));
    if (deadline) out.set(id, countdown(deadline, today, cal));
  }
  return out;
}

export async function caseState(db: WorkstationDb, caseId: string): Promise<CaseState> {
  return deriveCase((await eventsByCase(db, [caseId])).get(caseId) ?? []);
}

export interface DecisionContext extends SigningContext {
  readonly deviceId: string;
  readonly now?: () => Date;
  /** The holiday calendar the due date is projected with; default: the reference data held here. */
  readonly calendar?: HolidayCalendar;
}

/**
 * The cases a finished 退租 may end (`tenancyEnds`): those the exit's applicant takes part in here
 * (as applicant or household member, as the duplicate-benefit check finds them), ended ones too —
 * `tenancyEnds` tells a tenancy already ended from one not here at all — with their state.
 */
async function holdingCandidates(db: WorkstationDb, idHash: string): Promise<HoldingCandidate[]> {
  const entries = await localBenefitEntries(db, idHash, { withEnded: true });
  const events = await eventsByCase(db, entries.map((e) => e.caseId));
  return entries.map((e) => ({ caseId: e.caseId, officeId: e.officeId, state: deriveCase(events.get(e.caseId) ?? []), listed: { businessItem: e.businessItem, holding: e.standing === 'current' } }));
}

/**
 * Checks, signs and stores an event (a decision) on a case, and updates the case's projected fields.
 * A hand-back at 退房交接 (`handsBackUnit`) is stored in one write with the `exit` of every tenancy it
 * ends, or refused with them: no finished exit leaves its tenant a current holder.
 */
export async function recordCaseEvent<K extends EventKind>(ctx: DecisionContext, caseId: string, kind: K, payload: Payloads[K]): Promise<CaseState> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const caseDoc = await ctx.db.cases.findOne(caseId).exec();
  if (!caseDoc) throw new AppError('NOT_FOUND', '找不到该办件');
  const events = (await eventsByCase(ctx.db, [caseId])).get(caseId) ?? [];
  const { user } = ctx;
  const actor = { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId };
  const state = deriveCase(events);
  const decided = decide(state, {
    id: `event:${crypto.randomUUID()}`,
    caseId,
    kind,
    actor,
    at,
    payload,
    deviceId: ctx.deviceId,
    officeId: String(caseDoc.get('officeId')),
  });
  if (!decided.ok) throw new AppError(decided.error.code, decided.error.message);
  const c = caseDoc.toJSON() as unknown as CaseDoc;
  if (kind === 'allocate') await checkAllocation(ctx.db, c, state, payload as Payloads['allocate']);
  if (kind === 'contract') await checkContract(ctx.db, state, events);
  let ends: CaseEvent[] = [];
  if (handsBackUnit(state, kind)) {
    const candidates = await holdingCandidates(ctx.db, String(caseDoc.get('idHash')));
    const r = tenancyEnds(candidates, {
      exit: { caseId, state, receiptNo: caseDoc.get('receiptNo') as string | null },
      actor,
      at,
      deviceId: ctx.deviceId,
      newId: () => `event:${crypto.randomUUID()}`,
      candidatesComplete: true,
    });
    if (!r.ok) throw new AppError(r.error.code, r.error.message);
    ends = r.value;
  }
  const [stored, ...endsStored] = await recordEvents(ctx, [decided.value, ...ends]);
  const calendar = ctx.calendar ?? (await loadHolidayCalendar(ctx.db));
  for (const e of endsStored) {
    const doc = await ctx.db.cases.findOne(e.caseId).exec();
    const all = [...((await eventsByCase(ctx.db, [e.caseId])).get(e.caseId) ?? [])];
    if (!all.some((x) => x.id === e.id)) all.push(e);
    if (doc) await doc.incrementalPatch({ ...projectCase(all, calendar)!, updatedAt: at });
  }
  const all = [...events, stored!];
  const projection = projectCase(all, calendar)!;
  await caseDoc.incrementalPatch({ ...projection, updatedAt: at });
  if (kind === 'allocate') await afterAllocation(ctx.db, payload as Payloads['allocate'], at);
  if (kind === 'contract') await afterContract(ctx.db, c, state, events, payload as Payloads['contract'], at);
  return deriveCase(all);
}
