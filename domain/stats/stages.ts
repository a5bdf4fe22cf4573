// What one case contributes to the statistics, read from its applied steps: intake, review
// decisions with their stage, return reason codes, and the working days each stage took.
// Stage clocks follow `stageDeadline` (domain/deadlines): 初审 runs from the first acceptance, 复审
// from the preliminary approval, and the working days a case spent with the applicant (return →
// resubmission) do not count. 受理 is the counter's time from (re)submission to acceptance.
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
  let stage: Stage | null = null;
  let startedOn: IsoDate = '';
  let paused = 0;
  let pausedSince: IsoDate | null = null;
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
    if (decided && decided.stage === stage) durations.push({ stage, days: workdays(startedOn, day) - paused, on: day });
    // The stage clock, step by step as stageDeadline runs it.
    if (h.kind === 'return' && stage !== null) pausedSince = day;
    else if (h.kind === 'submit' && pausedSince !== null) {
      paused += workdays(pausedSince, day);
      pausedSince = null;
    } else if ((h.statusAfter === 'accepted' && stage !== 'preliminary') || h.statusAfter === 'preliminary_approved') {
      stage = h.statusAfter === 'accepted' ? 'preliminary' : 'review';
      startedOn = day;
      paused = 0;
    } else if (h.statusAfter !== 'submitted' && h.statusAfter !== 'accepted' && h.statusAfter !== 'returned') stage = null;
  }
  const clock = stage === null ? null : { stage, startedOn, pausedDays: paused, paused: pausedSince !== null };
  return { firstSubmittedOn, acceptedOn, decisions, durations, clock };
}
