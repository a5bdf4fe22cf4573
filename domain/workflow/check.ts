// canApply: may this actor record this event on a case in this state? Refusals carry a Chinese reason.
import { FIRST_CATALOGUE_VERSION } from '../model/case';
import type { IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import { ROLE_LABELS } from '../model/events';
import { CASE_STATUS_LABELS } from '../model/status';
import type { EventKind, Payloads } from './events';
import { EVENT_VERBS } from './events';
import { payloadProblem } from './payloads';
import type { CaseState } from './state';
import { itemAllowedFrom, itemOfState, itemProblem, itemRolesFor } from './item-engine';
import { DECIDES } from './transitions';

export type RefusalCode = 'FLAGGED' | 'CLOSED' | 'ROLE' | 'STATUS' | 'CONTRADICTS' | 'PAYLOAD' | 'NOT_FLAGGED';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly code: RefusalCode; readonly reason: string };

const refuse = (code: RefusalCode, reason: string): Verdict => ({ ok: false, code, reason });
const quoted = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join('、');

export interface CheckOptions {
  /** Deriving replays recorded events: a flag raised earlier does not stop later events. */
  readonly ignoreFlag?: boolean;
}

/** Role and status check without the payload (for enabling buttons). */
export function canApply(
  state: CaseState,
  kind: EventKind,
  actor: Actor,
  options: CheckOptions = {},
): Verdict {
  const verb = EVENT_VERBS[kind];
  if (kind === 'resolve_conflict') {
    if (!actor.roles.includes('district_reviewer')) return refuse('ROLE', `${roleNames(actor)}无权${verb}`);
    return state.flagged ? { ok: true } : refuse('NOT_FLAGGED', '案件没有待处理的冲突');
  }
  if (state.flagged && !options.ignoreFlag) {
    return refuse('FLAGGED', `案件存在冲突待处理(${state.flagged.reason}),请区复审员先处理冲突`);
  }
  if (state.status === 'exited') return refuse('CLOSED', '案件已退出,不能再办理');
  if (state.status === 'completed') return refuse('CLOSED', '案件已办结,不能再办理');
  // The case's own item (catalogue version it started under); a first submission names it.
  const item = itemOfState(state);
  if (!item) return refuse('STATUS', `本工作站没有事项目录 ${state.catalogueVersion ?? ''},请同步基础数据后再办理`);
  const roles = itemRolesFor(item, kind);
  if (!actor.roles.some((r) => roles.includes(r))) return refuse('ROLE', `${roleNames(actor)}无权${verb}`);
  const from = itemAllowedFrom(item, kind, actor.roles);
  if (!from.includes(state.status)) {
    const contradiction = contradictionOf(state, kind);
    if (contradiction) return refuse('CONTRADICTS', contradiction);
    const now = CASE_STATUS_LABELS[state.status];
    const need = quoted(from.map((s) => CASE_STATUS_LABELS[s]));
    return refuse('STATUS', `案件当前状态为"${now}",不能${verb}(需为${need}状态)`);
  }
  return { ok: true };
}

/** Full check including the payload and the time of the act. */
export function canRecord<K extends EventKind>(
  state: CaseState,
  kind: K,
  actor: Actor,
  payload: Payloads[K],
  at: IsoDateTime,
  options: CheckOptions = {},
): Verdict {
  if (kind === 'submit' && state.item === null && state.businessItem === null) {
    const problem = itemProblem(payload as Payloads['submit']);
    if (problem) return refuse('PAYLOAD', problem);
  }
  const verdict = canApply(withSubmittedItem(state, kind, payload), kind, actor, options);
  if (!verdict.ok) return verdict;
  const problem = payloadProblem(kind, payload, state, at);
  return problem === null ? verdict : refuse('PAYLOAD', problem);
}

/** A case's first submission names the item (and catalogue version) it runs under. */
export function withSubmittedItem<K extends EventKind>(state: CaseState, kind: K, payload: Payloads[K]): CaseState {
  if (kind !== 'submit' || state.item !== null || state.businessItem !== null) return state;
  const p = payload as Payloads['submit'];
  return { ...state, businessItem: p.businessItem, item: p.item ?? p.businessItem, catalogueVersion: p.catalogueVersion ?? FIRST_CATALOGUE_VERSION };
}

/** The stage was already decided the other way: two offices disagree. */
export function contradictionOf(state: CaseState, kind: EventKind): string | null {
  const decides = DECIDES[kind];
  if (!decides) return null;
  const earlier = state.decisions[decides.stage];
  if (!earlier || earlier.outcome === decides.outcome) return null;
  const stage = decides.stage === 'preliminary' ? '初审' : '复审';
  const was = earlier.outcome === 'approve' ? '通过' : '不通过';
  const now = decides.outcome === 'approve' ? '通过' : '不通过';
  return `${stage}已作出"${was}"决定,与本次"${now}"决定相互矛盾`;
}

function roleNames(actor: Actor): string {
  if (actor.roles.length === 0) return '未分配角色的用户';
  return actor.roles.map((r) => ROLE_LABELS[r]).join('、');
}
