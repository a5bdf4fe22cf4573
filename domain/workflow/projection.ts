// The fields of a case document that are a projection of its events (status, flag, time of the
// last event, the running stage's due date and the review flags). The device that appends an event
// writes them; when two versions of a case meet (sync), they are derived again from the events,
// never taken from the later writer.
import type { CaseFlag } from '../model/case';
import { CASE_FLAGS } from '../model/case';
import type { IsoDate, IsoDateTime } from '../model/common';
import type { CaseStatus } from '../model/status';
import { calendarOf, type HolidayCalendar } from '../deadlines/calendar';
import { DEFAULT_STAGE_LIMITS, stageDeadline, type StageLimits } from '../deadlines/case-deadline';
import { CN_CALENDAR } from '../deadlines/cn-holidays';
import { deriveCase } from './derive';
import type { CaseEvent } from './events';
import { itemOfState } from './item-engine';
import type { CaseState } from './state';

export interface CaseProjection {
  readonly status: CaseStatus;
  readonly flagged: boolean;
  readonly lastEventAt: IsoDateTime;
  /** The running stage's due date, '' when none runs or its clock is paused. */
  readonly dueOn: IsoDate | '';
  readonly flags: readonly CaseFlag[];
}

let defaultCalendar: HolidayCalendar | undefined;
/** China's official calendar as shipped (used when the caller has no reference data at hand). */
export const shippedCalendar = (): HolidayCalendar => (defaultCalendar ??= calendarOf(CN_CALENDAR));

/**
 * The flags the events carry: a duplicate-benefit block a reviewer overrode at submission, and the
 * intake checks a submission lists under `flags` (eligibility rules needing review, OCR or card data
 * disagreeing with the entries). Unknown values are ignored.
 */
export function flagsOf(events: readonly CaseEvent[]): CaseFlag[] {
  const found = new Set<CaseFlag>();
  for (const e of events) {
    if (e.kind !== 'submit') continue;
    const payload = e.payload as { override?: unknown; flags?: unknown };
    if (payload.override) found.add('duplicate_hit');
    if (Array.isArray(payload.flags)) for (const f of payload.flags) if (CASE_FLAGS.includes(f as CaseFlag)) found.add(f as CaseFlag);
  }
  return CASE_FLAGS.filter((f) => found.has(f));
}

/** 办理时限 of the case's review stages, from its item as its district sees it. */
export function stageLimitsOf(state: Pick<CaseState, 'item' | 'businessItem' | 'catalogueVersion'>, districtId = ''): StageLimits {
  const stages = itemOfState(state, districtId)?.stages ?? [];
  const days = (id: keyof StageLimits) => stages.find((s) => s.id === id)?.deadlineDays ?? DEFAULT_STAGE_LIMITS[id];
  return { preliminary: days('preliminary'), review: days('review') };
}

/**
 * The projection of the given events of one case; null without events (nothing to derive from).
 * `districtId`: the case's district, whose variant of the item sets the deadlines.
 */
export function projectCase(events: readonly CaseEvent[], cal: HolidayCalendar = shippedCalendar(), districtId = ''): CaseProjection | null {
  if (events.length === 0) return null;
  const state = deriveCase(events);
  return {
    status: state.status,
    flagged: state.flagged !== null,
    lastEventAt: state.lastEventAt ?? events[0]!.at,
    dueOn: stageDeadline(state.history, cal, stageLimitsOf(state, districtId))?.dueOn ?? '',
    flags: flagsOf(events),
  };
}

export const differsFromProjection = (doc: Readonly<Record<string, unknown>>, p: CaseProjection): boolean =>
  doc.status !== p.status ||
  doc.flagged !== p.flagged ||
  doc.lastEventAt !== p.lastEventAt ||
  (doc.dueOn ?? '') !== p.dueOn ||
  JSON.stringify(doc.flags ?? []) !== JSON.stringify(p.flags);
