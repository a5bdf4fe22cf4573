// 办理时限: the deadline of a case's current review stage in working days. The preliminary stage
// (初审) runs from acceptance, the review stage (复审) from the preliminary approval. While the
// applicant is asked for corrections (returned → resubmitted) the clock stops: the working days of
// that pause are added to the deadline.
import type { IsoDate } from '../model/common';
import { localDate } from '../workflow/payloads';
import type { HistoryEntry } from '../workflow/state';
import type { Stage } from '../workflow/transitions';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type HolidayCalendar } from './calendar';

/** Working days per stage. Illustrative figures: no published limit was found (reference data). */
export interface StageLimits {
  readonly preliminary: number;
  readonly review: number;
}
export const DEFAULT_STAGE_LIMITS: StageLimits = { preliminary: 10, review: 15 };

/** Due within this many working days counts as "due soon". */
export const DUE_SOON_DAYS = 3;

export interface StageDeadline {
  readonly stage: Stage;
  readonly startedOn: IsoDate;
  /** Working days the clock stood still while the applicant corrected materials. */
  readonly pausedDays: number;
  /** Null while the clock is paused (the case is with the applicant). */
  readonly dueOn: IsoDate | null;
}

/**
 * The clock of the running review stage, advanced one applied history step at a time. The one
 * definition of the clock: `stageDeadline` runs it, and so do the statistics (domain/stats), which
 * count working days with their own fast arithmetic (`between`).
 */
export interface StageClockState {
  readonly stage: Stage | null;
  readonly startedOn: IsoDate;
  readonly pausedDays: number;
  /** The day the case went back to the applicant while a stage ran; null while the clock runs. */
  readonly pausedSince: IsoDate | null;
}
export const STAGE_CLOCK_START: StageClockState = { stage: null, startedOn: '', pausedDays: 0, pausedSince: null };

export function stepStageClock(
  c: StageClockState,
  step: { readonly kind: string; readonly statusAfter: string },
  day: IsoDate,
  between: (from: IsoDate, to: IsoDate) => number,
): StageClockState {
  if (step.kind === 'return' && c.stage !== null) return { ...c, pausedSince: day };
  if (step.kind === 'submit' && c.pausedSince !== null) return { ...c, pausedDays: c.pausedDays + between(c.pausedSince, day), pausedSince: null };
  if (step.statusAfter === 'accepted' && c.stage !== 'preliminary') return { stage: 'preliminary', startedOn: day, pausedDays: 0, pausedSince: c.pausedSince };
  if (step.statusAfter === 'preliminary_approved') return { stage: 'review', startedOn: day, pausedDays: 0, pausedSince: c.pausedSince };
  // Decided (rejected, review approved and later) or closed.
  if (step.statusAfter !== 'submitted' && step.statusAfter !== 'accepted' && step.statusAfter !== 'returned') return c.stage === null ? c : { ...c, stage: null };
  return c;
}

/** The running stage's deadline from a case's history (deriveCase), or null when no review stage runs. */
export function stageDeadline(history: readonly HistoryEntry[], cal: HolidayCalendar, limits: StageLimits = DEFAULT_STAGE_LIMITS): StageDeadline | null {
  const between = (from: IsoDate, to: IsoDate) => workingDaysBetween(from, to, cal);
  let c = STAGE_CLOCK_START;
  for (const h of history) if (h.applied) c = stepStageClock(c, h, localDate(h.at), between);
  if (c.stage === null) return null;
  return { stage: c.stage, startedOn: c.startedOn, pausedDays: c.pausedDays, dueOn: c.pausedSince !== null ? null : addWorkingDays(c.startedOn, limits[c.stage] + c.pausedDays, cal) };
}

export type Urgency = 'ok' | 'due_soon' | 'overdue' | 'paused';

export interface Countdown {
  readonly urgency: Urgency;
  /** Working days left from today (negative: overdue by that many); null while paused. */
  readonly daysLeft: number | null;
  readonly dueOn: IsoDate | null;
}

export function countdown(deadline: StageDeadline, today: IsoDate, cal: HolidayCalendar): Countdown {
  if (deadline.dueOn === null) return { urgency: 'paused', daysLeft: null, dueOn: null };
  const daysLeft = workingDaysBetween(today, deadline.dueOn, cal);
  const urgency: Urgency = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
  return { urgency, daysLeft, dueOn: deadline.dueOn };
}

/**
 * The due dates that make a countdown due soon or overdue on `today`, as bounds for an index range
 * over stored due dates (`dueOn`): overdue ⇔ dueOn < overdueBefore; due soon ⇔ overdueBefore ≤
 * dueOn < dueSoonBefore. They agree with `countdown` for every due date: overdue once a working day
 * has passed since it (a deadline on Friday is not overdue on Saturday), due soon while at most
 * DUE_SOON_DAYS working days are left.
 */
export interface UrgencyBounds {
  /** The latest working day on or before today. */
  readonly overdueBefore: IsoDate;
  /** The (DUE_SOON_DAYS + 1)-th working day after today. */
  readonly dueSoonBefore: IsoDate;
}

export function urgencyBounds(today: IsoDate, cal: HolidayCalendar): UrgencyBounds {
  let last = today;
  // Calendars hold at most a few weeks of consecutive days off; a year guards against a bad one.
  for (let i = 0; i < 366 && !isWorkingDay(last, cal); i++) last = shiftDay(last, -1);
  return { overdueBefore: last, dueSoonBefore: addWorkingDays(today, DUE_SOON_DAYS + 1, cal) };
}

const shiftDay = (d: IsoDate, by: number): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
