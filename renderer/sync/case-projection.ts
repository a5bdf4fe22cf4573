// A case's status, flags, last event time and due date are a projection of its events (domain/workflow).
// Sync keeps them so: a merge of two versions of a case takes them derived from the local events
// (`caseFieldsFromEvents`, given to the replication of cases), and when events or a case arrive
// from the server the case is derived again and corrected locally if it differs
// (`startCaseProjection`); the correction then syncs as an ordinary edit.
import type { Observable, Subscription } from 'rxjs';
import type { HolidayCalendar } from '../../domain/deadlines';
import type { CaseStatus } from '../../domain/model/status';
import { projectCase, differsFromProjection, shippedCalendar, type CaseEvent, type CaseProjection } from '../../domain/workflow';
import type { WorkstationDb } from '../db/database';

/** Cases derived together in one read of the events. */
export const PROJECTION_BATCH = 100;

/** Keeps only the events a case may be derived from (renderer/sync/signature-check.ts: those whose signatures verify). */
export type TrustFilter = (events: readonly CaseEvent[]) => Promise<CaseEvent[]>;
const trustAll: TrustFilter = (events) => Promise.resolve([...events]);

/** The holiday calendar due dates are projected with: reference data (renderer/reference) or the shipped one. */
export type CalendarSource = () => Promise<HolidayCalendar>;
const shipped: CalendarSource = () => Promise.resolve(shippedCalendar());

async function projections(db: WorkstationDb, caseIds: readonly string[], trusted: TrustFilter, calendar: CalendarSource = shipped): Promise<Map<string, CaseProjection>> {
  const docs = await db.events.find({ selector: { caseId: { $in: [...caseIds] } } }).exec();
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of await trusted(docs.map((d) => d.toJSON() as unknown as CaseEvent))) {
    byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  }
  const out = new Map<string, CaseProjection>();
  const cal = await calendar();
  for (const [id, events] of byCase) {
    const p = projectCase(events, cal);
    if (p) out.set(id, p);
  }
  return out;
}

/**
 * The projected fields of a case, derived from this workstation's events of it; undefined when it
 * has none, or when the case claims a later event than any held here (its events are still on the way).
 */
export function caseFieldsFromEvents(db: WorkstationDb, trusted: TrustFilter = trustAll, calendar: CalendarSource = shipped) {
  return async (doc: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
    const p = (await projections(db, [String(doc.id)], trusted, calendar)).get(String(doc.id));
    if (!p || String(doc.lastEventAt ?? '') > p.lastEventAt) return undefined;
    return { ...p };
  };
}

/** After a failed derivation (the key registry could not be read, say), the cases are derived again this long after. */
export const PROJECTION_RETRY_MS = 2_000;

/**
 * Derives again every case named by `caseIds$` (ids of received cases and of received events'
 * cases). A batch that fails — the signature check cannot read the key registry (offline, a
 * server too loaded to answer), nothing may be derived then — is kept and tried again after
 * PROJECTION_RETRY_MS: the arrival that named those cases will not come again.
 */
export function startCaseProjection(db: WorkstationDb, caseIds$: Observable<string>, trusted: TrustFilter = trustAll, calendar: CalendarSource = shipped): Subscription {
  const waiting = new Set<string>();
  let running: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const drain = async () => {
    while (waiting.size > 0 && !stopped && !db.closed) {
      const ids = [...waiting].slice(0, PROJECTION_BATCH);
      for (const id of ids) waiting.delete(id);
      try {
        await projectCases(db, ids, trusted, calendar);
      } catch (e) {
        for (const id of ids) waiting.add(id);
        throw e;
      }
    }
  };
  const kick = () => {
    running ??= drain()
      .then(() => true, () => false)
      .then((ok) => {
        running = null;
        if (waiting.size === 0 || stopped || db.closed) return;
        if (ok) kick();
        else retry ??= setTimeout(() => {
          retry = undefined;
          kick();
        }, PROJECTION_RETRY_MS);
      });
  };
  const sub = caseIds$.subscribe((id) => {
    waiting.add(id);
    if (!retry) kick();
  });
  sub.add(() => {
    stopped = true;
    clearTimeout(retry);
  });
  return sub;
}

/** Derives the given cases again and writes the projected fields where they differ; answers how many changed. */
export async function projectCases(db: WorkstationDb, ids: readonly string[], trusted: TrustFilter = trustAll, calendar: CalendarSource = shipped): Promise<number> {
  const derived = await projections(db, ids, trusted, calendar);
  const cases = await db.cases.findByIds([...ids]).exec();
  let changed = 0;
  for (const [id, p] of derived) {
    const doc = cases.get(id);
    if (!doc) continue;
    const current = doc.getLatest().toJSON() as Record<string, unknown>;
    // A case ahead of the events held here waits for them (a later arrival derives it again).
    if (String(current.lastEventAt ?? '') > p.lastEventAt || !differsFromProjection(current, p)) continue;
    await doc.incrementalModify((d) => (differsFromProjection(d, p) ? { ...d, ...p } : d));
    changed += 1;
  }
  return changed;
}

/**
 * Cases of a running review stage whose due date is not projected yet — migrated from cases schema
 * 1, pulled from an older workstation, or written by a path that stores a case without it — are
 * derived from their events (read on [officeId, status, dueOn] where dueOn is ''; a case whose
 * clock is paused stays ''). With `all`, every running case is derived again: after the holiday
 * calendar changed. Answers how many cases changed.
 */
export async function projectPendingCases(
  db: WorkstationDb,
  scope: { readonly officeIds: readonly string[]; readonly statuses: readonly CaseStatus[]; readonly all?: boolean },
  calendar: CalendarSource = shipped,
): Promise<number> {
  let changed = 0;
  for (const officeId of scope.officeIds) {
    for (const status of scope.statuses) {
      const docs = await db.cases
        .find({ selector: { officeId, status, dueOn: scope.all ? { $gte: '' } : '' }, index: ['officeId', 'status', 'dueOn'] })
        .exec();
      const ids = docs.map((d) => d.primary);
      for (let i = 0; i < ids.length; i += PROJECTION_BATCH) changed += await projectCases(db, ids.slice(i, i + PROJECTION_BATCH), trustAll, calendar);
    }
  }
  return changed;
}
