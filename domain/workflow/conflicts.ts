// The decisions behind a contradiction flag, side by side, and the statuses a resolution may
// settle on: each contradicting decision's own outcome.
import type { IsoDateTime } from '../model/common';
import type { CaseStatus } from '../model/status';
import type { EventKind } from './events';
import type { CaseState } from './state';
import { itemNext, itemOfState } from './item-engine';

export interface ConflictingDecision {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly actorName: string;
  readonly officeId: string;
  readonly at: IsoDateTime;
  /** The status this decision leads to on its own. */
  readonly outcome: CaseStatus;
}

export function conflictingDecisions(state: CaseState): ConflictingDecision[] {
  if (!state.flagged) return [];
  const ids = new Set(state.flagged.eventIds);
  return state.history
    .filter((h) => ids.has(h.eventId))
    .map((h) => ({
      eventId: h.eventId,
      kind: h.kind,
      actorName: h.actorName,
      officeId: h.officeId,
      at: h.at,
      outcome: h.applied ? h.statusAfter : itemNext(itemOfState(state), h.kind, h.statusBefore, {} as never),
    }));
}

/** The statuses a `resolve_conflict` may choose between. */
export const resolutionChoices = (state: CaseState): CaseStatus[] => [...new Set(conflictingDecisions(state).map((d) => d.outcome))];
