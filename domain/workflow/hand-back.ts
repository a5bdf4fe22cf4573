// A finished 退租 ends the tenancy. An exit item (category 'exit': 退租, 人才住房退出…) is a case of
// its own beside the household's tenancy case; when the district records the hand-back (退房交接)
// on it, the tenancy case of the same programme must end too, or the person would stay a current
// tenant for every reader (the counter's NO_CURRENT_BENEFIT and duplicate-benefit checks, the queues,
// the inspections). `tenancyEnds` builds the `exit` events the committing code records on the
// holding cases in the same write as the hand-back; a withdrawn exit (at the counter) ends nothing.
import { stageAt } from '../catalogue/engine';
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import { benefitStanding } from '../intake/benefits';
import type { IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import { BUSINESS_ITEM_LABELS } from '../model/programmes';
import { decide } from './decide';
import type { CaseEvent } from './events';
import { itemOfState } from './item-engine';
import type { CaseState } from './state';

/**
 * Whether recording `kind` on a case in `state` hands the unit back: an `exit` on a case of an exit
 * item, recorded at a stage whose exit does not lead to the counter's 已撤回 (withdrawn) stage — i.e.
 * at 退房交接, after both reviews. A withdrawal (also an `exit`, from 窗口受理 or 待补正) is not.
 */
export function handsBackUnit(state: CaseState, kind: string): boolean {
  if (kind !== 'exit') return false;
  const item = itemOfState(state);
  if (!item || item.category !== 'exit' || item.subject === 'open_case') return false;
  const action = stageAt(item, state.status)?.actions.find((a) => a.event === 'exit');
  return action !== undefined && action.to !== 'withdrawn';
}

/** A case the person takes part in, as the committing code finds it in its database. */
export interface HoldingCandidate {
  readonly caseId: string;
  readonly officeId: string;
  readonly state: CaseState;
}

export interface TenancyEndInput {
  /** The exit case being handed back and its state before the hand-back. */
  readonly exit: { readonly caseId: string; readonly state: CaseState; readonly receiptNo?: string | null };
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly deviceId?: string;
  readonly newId: () => string;
}

/**
 * The `exit` events that end the benefits the hand-back ends: every candidate of the exit's
 * programme in a holding status (allocated, contracted, in tenancy, violation). Refused, with the
 * reason, when one of them cannot be ended (a contradiction not yet settled, say): the hand-back is
 * then not recorded either, so no exit is finished while the tenancy it ends stays current.
 */
export function tenancyEnds(candidates: readonly HoldingCandidate[], input: TenancyEndInput): Result<CaseEvent<'exit'>[]> {
  const programme = input.exit.state.businessItem;
  const out: CaseEvent<'exit'>[] = [];
  const ref = input.exit.receiptNo || input.exit.caseId;
  for (const c of candidates) {
    if (c.caseId === input.exit.caseId || c.state.businessItem !== programme || benefitStanding(c.state.status) !== 'current') continue;
    const decided = decide(c.state, {
      id: input.newId(),
      caseId: c.caseId,
      kind: 'exit',
      actor: input.actor,
      at: input.at,
      payload: { reason: 'voluntary', note: `退房交接已完成(退租办件 ${ref}),租赁关系终止` },
      ...(input.deviceId === undefined ? {} : { deviceId: input.deviceId }),
      officeId: c.officeId,
    });
    if (!decided.ok) {
      const label = programme ? BUSINESS_ITEM_LABELS[programme] : '';
      return fail('CASE_TENANCY_NOT_ENDED', `该户的${label}案件不能终止,退房交接未登记:${decided.error.message}`);
    }
    out.push(decided.value);
  }
  return ok(out);
}
