// Reviewers' queues and decisions in the local database. A queue page is read per office and
// status on the cases' [officeId, status, updatedAt] index (oldest first: first in, first decided),
// never the whole office. A decision is checked by domain/workflow `decide` against the state
// derived from the case's events, signed and stored through record-events, and the case's
// projected fields are written at once — offline too; sync carries both later.
import { AppError } from '../../domain/errors';
import { calendarOf, CN_CALENDAR, countdown, stageDeadline, type Countdown, type HolidayCalendar } from '../../domain/deadlines';
import type { CaseDoc } from '../../domain/model';
import { nameKey } from '../../domain/model';
import type { BusinessItem } from '../../domain/model/programmes';
import type { CaseStatus } from '../../domain/model/status';
import { decide, deriveCase, localDate, projectCase, type CaseEvent, type CaseState, type EventKind, type Payloads } from '../../domain/workflow';
import type { WorkstationDb } from '../db/database';
import { recordEvents, type SigningContext } from '../workflow/record-events';

export const PAGE_SIZE = 20;
export const DEFAULT_CALENDAR: HolidayCalendar = calendarOf(CN_CALENDAR);

export interface QueueQuery {
  readonly officeIds: readonly string[];
  readonly statuses: readonly CaseStatus[];
  /** 0-based. */
  readonly page: number;
  readonly pageSize?: number;
  readonly businessItem?: BusinessItem;
  readonly flaggedOnly?: boolean;
  /** Prefix of the applicant's name. */
  readonly name?: string;
}

export interface QueuePage {
  readonly rows: CaseDoc[];
  readonly hasMore: boolean;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One page of a queue: at most (page + 1) × size + 1 cases read per office and status, on the index. */
export async function readQueuePage(db: WorkstationDb, q: QueueQuery): Promise<QueuePage> {
  const size = q.pageSize ?? PAGE_SIZE;
  const key = q.name ? nameKey(q.name) : '';
  const pairs = q.officeIds.flatMap((officeId) => q.statuses.map((status) => ({ officeId, status })));
  const single = pairs.length === 1;
  const parts = await Promise.all(
    pairs.map(async ({ officeId, status }) => {
      const selector: Record<string, unknown> = { officeId, status, updatedAt: { $gt: '' } };
      if (q.businessItem) selector.businessItem = q.businessItem;
      if (q.flaggedOnly) selector.flagged = true;
      if (key) selector.nameKey = { $regex: `^${escapeRegex(key)}` };
      const docs = await db.cases
        .find({
          selector,
          sort: [{ officeId: 'asc' }, { status: 'asc' }, { updatedAt: 'asc' }],
          index: ['officeId', 'status', 'updatedAt'],
          skip: single ? q.page * size : 0,
          limit: single ? size + 1 : (q.page + 1) * size + 1,
        })
        .exec();
      return docs.map((d) => d.toJSON() as unknown as CaseDoc);
    }),
  );
  const merged = parts.flat().sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
  const from = single ? 0 : q.page * size;
  return { rows: merged.slice(from, from + size), hasMore: merged.length > from + size };
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
export async function countdowns(db: WorkstationDb, caseIds: readonly string[], now: Date, cal = DEFAULT_CALENDAR): Promise<Map<string, Countdown>> {
  const today = localDate(now.toISOString());
  const out = new Map<string, Countdown>();
  for (const [id, events] of await eventsByCase(db, caseIds)) {
    const deadline = stageDeadline(deriveCase(events).history, cal);
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
}

/** Checks, signs and stores an event (a decision) on a case, and updates the case's projected fields. */
export async function recordCaseEvent<K extends EventKind>(ctx: DecisionContext, caseId: string, kind: K, payload: Payloads[K]): Promise<CaseState> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const caseDoc = await ctx.db.cases.findOne(caseId).exec();
  if (!caseDoc) throw new AppError('NOT_FOUND', '找不到该办件');
  const events = (await eventsByCase(ctx.db, [caseId])).get(caseId) ?? [];
  const { user } = ctx;
  const decided = decide(deriveCase(events), {
    id: `event:${crypto.randomUUID()}`,
    caseId,
    kind,
    actor: { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId },
    at,
    payload,
    deviceId: ctx.deviceId,
    officeId: String(caseDoc.get('officeId')),
  });
  if (!decided.ok) throw new AppError(decided.error.code, decided.error.message);
  const [stored] = await recordEvents(ctx, [decided.value]);
  const all = [...events, stored!];
  const projection = projectCase(all)!;
  await caseDoc.incrementalPatch({ ...projection, updatedAt: at });
  return deriveCase(all);
}
