// What each role works on: the pages of its workspace, and the acts it may take, derived from the
// transition table (transitions.ts) rather than a second list of permissions.
import { stageAt } from '../catalogue/engine';
import { CATALOGUE } from '../catalogue/shipped';
import type { Text } from '../catalogue/types';
import type { Actor, Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import { canApply } from './check';
import type { EventKind } from './events';
import { itemOfState } from './item-engine';
import type { CaseState } from './state';
import { allowedFrom, rolesFor, type Stage } from './transitions';

export type WorkspacePage = 'review' | 'cases' | 'intake' | 'returned' | 'contracts' | 'tasks' | 'inspection' | 'publicity' | 'dashboard' | 'sync' | 'devices' | 'reference' | 'policy';

/** Pages per role, the first being where the role lands. */
const ROLE_PAGES: Readonly<Record<Role, readonly WorkspacePage[]>> = {
  // `contracts`: cases allocated a unit or a subsidy, waiting for the counter to sign (待签约).
  clerk: ['cases', 'intake', 'returned', 'contracts', 'devices', 'sync'],
  // `inspection`: the street reviewer plans field inspections; both read the findings they bring.
  reviewer: ['review', 'publicity', 'dashboard', 'inspection'],
  // `policy`: the district supervisor's what-if and signed publication of the district's overrides.
  district_reviewer: ['review', 'publicity', 'dashboard', 'inspection', 'policy'],
  inspector: ['tasks', 'devices'],
  it: ['sync', 'devices', 'reference'],
};

export interface Workspace {
  readonly home: WorkspacePage;
  readonly pages: readonly WorkspacePage[];
}

/** The union of the roles' pages, in the order of the first role that has them. */
export function workspaceOf(roles: readonly Role[]): Workspace {
  const pages = [...new Set(roles.flatMap((r) => ROLE_PAGES[r]))];
  return { home: pages[0] ?? 'sync', pages: pages.length > 0 ? pages : ['sync'] };
}

/** May any of `roles` record `kind` at all (from some status)? */
export function mayRecord(roles: readonly Role[], kind: EventKind): boolean {
  return roles.some((r) => rolesFor(kind).includes(r)) && allowedFrom(kind, roles).length > 0;
}

/** Starting a case is recording its first `submit` from the status `new`. */
export const mayStartCase = (roles: readonly Role[]): boolean => allowedFrom('submit', roles).includes('new');

export const DECISION_KINDS = {
  preliminary: ['preliminary_approve', 'preliminary_reject', 'return'],
  review: ['review_approve', 'review_reject', 'return'],
} as const satisfies Record<Stage, readonly EventKind[]>;
export type DecisionKind = (typeof DECISION_KINDS)[Stage][number];

/** The stage a reviewer's queue is for: the later one the roles may decide (district: 复审). */
export function queueStage(roles: readonly Role[]): Stage | null {
  if (allowedFrom('review_approve', roles).length > 0) return 'review';
  if (allowedFrom('preliminary_approve', roles).length > 0) return 'preliminary';
  return null;
}

/** Statuses of the cases waiting for the roles' decision (待初审: accepted; 待复审: preliminary approved). */
export function queueStatuses(roles: readonly Role[]): CaseStatus[] {
  const stage = queueStage(roles);
  return stage === null ? [] : allowedFrom(`${stage}_approve`, roles);
}

/** The decisions the roles may record on a case in `status` under some item, approve first. */
export function decisionsFor(status: CaseStatus, roles: readonly Role[]): DecisionKind[] {
  const kinds = [...DECISION_KINDS.preliminary, ...DECISION_KINDS.review];
  return [...new Set(kinds)].filter((k) => allowedFrom(k, roles).includes(status)) as DecisionKind[];
}

/**
 * What is recorded on a case's review screen: the stage decisions, a return, a unit handed back
 * (退房交接) or a case leaving, the allocation of a unit or subsidy (配租配售, the district) and the
 * contract (签约, the counter).
 */
export const REVIEW_ACTS = ['preliminary_approve', 'review_approve', 'preliminary_reject', 'review_reject', 'return', 'exit', 'allocate', 'contract'] as const satisfies readonly EventKind[];
export type ReviewAct = (typeof REVIEW_ACTS)[number];

/**
 * The acts `actor` may record on this case now, as the case's own item says (its stage at the case's
 * status, in the catalogue version the case started under) — the same engine `decide` checks them
 * with, so a button shown is an act the committing function accepts. Approve first.
 */
export function caseActions(state: CaseState, actor: Actor): ReviewAct[] {
  if (state.flagged) return [];
  const item = itemOfState(state);
  const stage = item && stageAt(item, state.status);
  if (!stage) return [];
  const mine = (a: (typeof stage.actions)[number]) => (a.roles ?? stage.roles).some((r) => actor.roles.includes(r));
  return REVIEW_ACTS.filter((k) => stage.actions.some((a) => a.event === k && mine(a)) && canApply(state, k, actor).ok);
}

/**
 * Statuses the roles' stage decisions lead to under any item of the shipped catalogue (初审: 初审通过,
 * 不予通过, or 已办结 where the street decides alone), for the "decided" tab.
 */
export function decidedStatuses(roles: readonly Role[]): CaseStatus[] {
  const stage = queueStage(roles);
  if (stage === null) return [];
  const from = new Set<string>(queueStatuses(roles));
  const kinds = new Set<EventKind>([`${stage}_approve`, `${stage}_reject`]);
  const out = new Set<CaseStatus>();
  for (const item of CATALOGUE.items) {
    for (const s of item.stages) {
      if (!from.has(s.status)) continue;
      for (const a of s.actions) {
        const to = kinds.has(a.event) ? item.stages.find((x) => x.id === a.to) : undefined;
        if (to) out.add(to.status);
      }
    }
  }
  return [...out];
}

/** A queue of cases at one stage of their item's lifecycle, beyond 初审 / 复审 (e.g. 退房交接). */
export interface StageQueue {
  /** The stage's id in the items' lifecycles (e.g. `handover`). */
  readonly stage: string;
  readonly name: Text;
  /** The status a case at that stage is in (cases of other items share it at other stages). */
  readonly status: CaseStatus;
  /** The codes of the items whose case at `status` is at this stage. */
  readonly items: readonly string[];
}

/**
 * The stages, besides the roles' 初审 / 复审 queue, at which the roles record an act on the review
 * screen (every act of the stage is a REVIEW_ACTS one, theirs by the stage's roles): for a district
 * reviewer 退房交接, where exit cases wait for the unit to be handed back. Selected by the stage each
 * case's item is at (`stageAt`), not by status alone — 退房交接 shares 复审通过 with an application's
 * 待公示 and a renewal's 已核准. Acts on an open case (放弃轮候…) have no queue of their own.
 */
export function stageQueues(roles: readonly Role[]): StageQueue[] {
  const reviewed = new Set<CaseStatus>(['accepted', 'preliminary_approved']);
  const acts = new Set<EventKind>(REVIEW_ACTS);
  const out = new Map<string, { stage: string; name: Text; status: CaseStatus; items: string[] }>();
  for (const item of CATALOGUE.items) {
    if (item.subject === 'open_case') continue;
    for (const s of item.stages) {
      if (s.actions.length === 0 || reviewed.has(s.status as CaseStatus) || stageAt(item, s.status) !== s) continue;
      if (!s.actions.every((a) => acts.has(a.event))) continue;
      if (!s.actions.some((a) => (a.roles ?? s.roles).some((r) => roles.includes(r)))) continue;
      const key = `${s.id}|${s.status}`;
      const q = out.get(key) ?? { stage: s.id, name: s.name, status: s.status as CaseStatus, items: [] };
      q.items.push(item.code);
      out.set(key, q);
    }
  }
  return [...out.values()];
}
