// What one case contributes to the statistics, read from its applied steps: intake, review
// decisions with their stage, return reason codes, and the working days each stage took.
// The stage clock is the one of domain/deadlines (`stepStageClock`, which `stageDeadline` runs): 初审
// from the first acceptance, 复审 from the preliminary approval, and the working days a case spent
// with the applicant (return → resubmission) do not count. 受理 is the counter's time from (re)submission to acceptance.
import { STAGE_CLOCK_START, stepStageClock } from '../deadlines';
import type { IsoDate } from '../model/common';
import type { Payloads, Stage } from '../workflow';
import type { Step } from './replay';

/** A review decision: 初审 / 复审 approve, reject or return. Counter returns (before acceptance) are not review decisions. */
export interface Decision {
  readonly stage: Stage;
  readonly outcome: 'approve' | 'return' | 'reject';
  readonly on: IsoDate;
  /** Reason codes of a return (one each, `OTHER` for free text only), with the label stored on the event. */
  readonly reasons: readonly { readonly code: string; readonly name: string }[];
}

export type TimedStage = 'acceptance' | Stage;
export const TIMED_STAGES: readonly TimedStage[] = ['acceptance', 'preliminary', 'review'];

export interface CaseFacts {
  readonly firstSubmittedOn: IsoDate | null;
  readonly acceptedOn: readonly IsoDate[];
  readonly decisions: readonly Decision[];
  /** Completed stages: working days taken, and the day the stage ended. */
  readonly durations: readonly { readonly stage: TimedStage; readonly days: number; readonly on: IsoDate }[];
  /** The running stage's clock as stageDeadline reads it (replay.test.ts compares them), or null. */
  readonly clock: StageClock | null;
}

export interface StageClock {
  readonly stage: Stage;
  readonly startedOn: IsoDate;
  readonly pausedDays: number;
  /** With the applicant: the clock stands still. */
  readonly paused: boolean;
}

const DECISIONS: Partial<Record<string, { stage: Stage; outcome: Decision['outcome'] }>> = {
  preliminary_approve: { stage: 'preliminary', outcome: 'approve' },
  preliminary_reject: { stage: 'preliminary', outcome: 'reject' },
  review_approve: { stage: 'review', outcome: 'approve' },
  review_reject: { stage: 'review', outcome: 'reject' },
};
const NO_REASONS: Decision['reasons'] = [];
const RETURN_STAGE: Partial<Record<string, Stage>> = { accepted: 'preliminary', preliminary_approved: 'review' };

function returnReasons(payload: Payloads['return']): Decision['reasons'] {
  const seen = new Map<string, string>();
  for (const m of payload.missingMaterials ?? []) if (!seen.has(m.code)) seen.set(m.code, m.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

export function caseFacts(steps: readonly Step[], dayOf: (at: string) => IsoDate, workdays: (from: IsoDate, to: IsoDate) => number): CaseFacts {
  let firstSubmittedOn: IsoDate | null = null;
  let submittedOn: IsoDate | null = null;
  const acceptedOn: IsoDate[] = [];
  const decisions: Decision[] = [];
  const durations: { stage: TimedStage; days: number; on: IsoDate }[] = [];
  let c = STAGE_CLOCK_START;
  for (const h of steps) {
    const day = dayOf(h.at);
    const decided = DECISIONS[h.kind];
    if (decided) decisions.push({ stage: decided.stage, outcome: decided.outcome, on: day, reasons: NO_REASONS });
    if (h.kind === 'return') {
      const returnStage = RETURN_STAGE[h.statusBefore];
      if (returnStage) decisions.push({ stage: returnStage, outcome: 'return', on: day, reasons: returnReasons(h.payload as Payloads['return']) });
    }
    if (h.kind === 'submit') {
      firstSubmittedOn ??= day;
      submittedOn = day;
    }
    if (h.kind === 'accept') {
      acceptedOn.push(day);
      if (submittedOn !== null) durations.push({ stage: 'acceptance', days: workdays(submittedOn, day), on: day });
    }
    if (decided && decided.stage === c.stage) durations.push({ stage: c.stage, days: workdays(c.startedOn, day) - c.pausedDays, on: day });
    c = stepStageClock(c, h, day, workdays);
  }
  const clock = c.stage === null ? null : { stage: c.stage, startedOn: c.startedOn, pausedDays: c.pausedDays, paused: c.pausedSince !== null };
  return { firstSubmittedOn, acceptedOn, decisions, durations, clock };
}
