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
  /** Derived from the case's events held here. */
  readonly state: CaseState;
  /**
   * What the case's own document says (its programme, and whether its status holds the benefit):
   * the events behind it may not all have reached this workstation yet.
   */
  readonly listed?: { readonly businessItem: string; readonly holding: boolean };
}

export interface TenancyEndInput {
  /** The exit case being handed back and its state before the hand-back. */
  readonly exit: { readonly caseId: string; readonly state: CaseState; readonly receiptNo?: string | null };
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly deviceId?: string;
  readonly newId: () => string;
  /**
   * The candidates are every case of the person held here, ended ones included: none of the
   * programme then means the tenancy is not here (yet), and the hand-back is refused.
   */
  readonly candidatesComplete?: boolean;
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
  const label = programme ? BUSINESS_ITEM_LABELS[programme] : '';
  // An exit is taken for a tenant (the counter checked the benefit): with no case of the programme
  // here at all, the tenancy has not reached this workstation, and finishing the exit would leave it current.
  const ofProgramme = candidates.filter((c) => c.caseId !== input.exit.caseId && (c.state.businessItem ?? c.listed?.businessItem) === programme);
  if (input.candidatesComplete && ofProgramme.length === 0) {
    return fail('CASE_NOT_SYNCED', `本工作站还没有该户的${label}租赁办件记录(可能尚未同步),退房交接未登记:请同步完成后再确认`);
  }
  for (const c of candidates) {
    if (c.caseId === input.exit.caseId || (c.state.businessItem ?? c.listed?.businessItem) !== programme) continue;
    if (benefitStanding(c.state.status) !== 'current') {
      // The case is listed as holding the benefit but its events here say otherwise: they have not
      // all arrived. Ending nothing would finish the exit and leave the tenant current everywhere.
      if (c.listed?.holding) return fail('CASE_NOT_SYNCED', `该户的${label}办件的办理记录尚未全部同步到本工作站,退房交接未登记:请同步完成后再确认`);
      continue;
    }
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
      return fail('CASE_TENANCY_NOT_ENDED', `该户的${label}案件不能终止,退房交接未登记:${decided.error.message}`);
    }
    out.push(decided.value);
  }
  return ok(out);
}
