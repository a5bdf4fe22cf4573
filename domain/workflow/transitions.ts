// Where events lead. A business item's own steps come from its stages in the catalogue
// (domain/catalogue, read through item-engine.ts); this file holds what is the engine's own for every
// item — the inspection of a tenancy, the exit of a tenancy, settling contradictory decisions — and
// which review stage a decision decides. `TRANSITIONS` is the public rental application's table as
// the catalogue gives it (the statistics replay it fast), `allowedFrom`/`rolesFor` answer for any
// item of the shipped catalogue (who may do what at all: workspaces, server permissions).
import { transitionTable, nextStatus } from '../catalogue/engine';
import { CATALOGUE } from '../catalogue/shipped';
import type { CatalogueItem } from '../catalogue/types';
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import type { EventKind, Payloads } from './events';
import { EVENT_KINDS } from './events';

export type Stage = 'preliminary' | 'review';

export interface Transition<K extends EventKind> {
  /** For each role allowed to record the event, the statuses it may record it from. */
  readonly by: Partial<Readonly<Record<Role, readonly CaseStatus[]>>>;
  /** Stage decided by the event and the outcome, for detecting contradictory decisions. */
  readonly decides?: { readonly stage: Stage; readonly outcome: 'approve' | 'reject' };
  readonly to: (from: CaseStatus, payload: Payloads[K]) => CaseStatus;
}

const IN_TENANCY: readonly CaseStatus[] = ['contracted', 'in_tenancy', 'violation'];

/** Events of a tenancy and of the engine itself, the same for every item. */
export const ENGINE_TRANSITIONS: { readonly [K in EventKind]?: Transition<K> } = {
  inspection_result: {
    by: { inspector: IN_TENANCY },
    to: (from, p) => (p.outcome === 'ok' ? 'in_tenancy' : p.outcome === 'violation' ? 'violation' : from),
  },
  // The end of a tenancy (violation, expiry, leaving), recorded by the district.
  exit: { by: { district_reviewer: IN_TENANCY }, to: () => 'exited' },
  resolve_conflict: { by: { district_reviewer: [] }, to: (_from, p) => p.status },
};

/** The review stage an event decides, and how. */
export const DECIDES: { readonly [K in EventKind]?: Transition<K>['decides'] } = {
  preliminary_approve: { stage: 'preliminary', outcome: 'approve' },
  preliminary_reject: { stage: 'preliminary', outcome: 'reject' },
  review_approve: { stage: 'review', outcome: 'approve' },
  review_reject: { stage: 'review', outcome: 'reject' },
};

/** Where `kind` leads from the first stage that has it (what a decision would do on its own). */
export function anyTarget(item: CatalogueItem, kind: EventKind): CaseStatus | null {
  for (const stage of item.stages) {
    const action = stage.actions.find((a) => a.event === kind);
    const target = action && item.stages.find((s) => s.id === action.to);
    if (target) return target.status;
  }
  return null;
}

const APPLICATION = CATALOGUE.items.find((i) => i.code === 'public_rental')!;
const APPLICATION_TABLE = transitionTable(APPLICATION);

function applicationTransition<K extends EventKind>(kind: K): Transition<K> {
  const engine = ENGINE_TRANSITIONS[kind] as Transition<K> | undefined;
  const by: Partial<Record<Role, CaseStatus[]>> = {};
  for (const [role, from] of Object.entries(APPLICATION_TABLE[kind] ?? {})) by[role as Role] = [...(from as CaseStatus[])];
  for (const [role, from] of Object.entries(engine?.by ?? {})) by[role as Role] = [...(by[role as Role] ?? []), ...(from as CaseStatus[])];
  const decides = DECIDES[kind];
  const to = (from: CaseStatus, payload: Payloads[K]): CaseStatus =>
    engine && (kind === 'resolve_conflict' || Object.values(engine.by).some((s) => (s as readonly CaseStatus[]).includes(from)))
      ? engine.to(from, payload)
      : ((nextStatus(APPLICATION, from, kind) ?? anyTarget(APPLICATION, kind) ?? from) as CaseStatus);
  return decides ? { by, decides, to } : { by, to };
}

/** The public rental application's transitions (catalogue) with the engine's own. */
export const TRANSITIONS = Object.fromEntries(EVENT_KINDS.map((k) => [k, applicationTransition(k)])) as { readonly [K in EventKind]: Transition<K> };

export function transitionOf<K extends EventKind>(kind: K): Transition<K> {
  return TRANSITIONS[kind] as Transition<K>;
}

/** kind → role → statuses, over every item of the shipped catalogue and the engine's own events. */
const ANY_ITEM = new Map<EventKind, Map<Role, Set<CaseStatus>>>(EVENT_KINDS.map((k) => [k, new Map()]));
for (const item of CATALOGUE.items) {
  for (const [kind, byRole] of Object.entries(transitionTable(item))) {
    for (const [role, from] of Object.entries(byRole ?? {})) {
      const m = ANY_ITEM.get(kind as EventKind)!;
      const set = m.get(role as Role) ?? new Set<CaseStatus>();
      for (const s of from as CaseStatus[]) set.add(s);
      m.set(role as Role, set);
    }
  }
}
for (const kind of EVENT_KINDS) {
  for (const [role, from] of Object.entries(ENGINE_TRANSITIONS[kind]?.by ?? {})) {
    const m = ANY_ITEM.get(kind)!;
    const set = m.get(role as Role) ?? new Set<CaseStatus>();
    for (const s of from as CaseStatus[]) set.add(s);
    m.set(role as Role, set);
  }
}

/** Statuses from which any of `roles` may record `kind` on a case of some item. */
export function allowedFrom(kind: EventKind, roles: readonly Role[]): CaseStatus[] {
  const set = new Set<CaseStatus>();
  for (const role of roles) for (const s of ANY_ITEM.get(kind)?.get(role) ?? []) set.add(s);
  return [...set];
}

/** Roles that may record `kind` on a case of some item. */
export function rolesFor(kind: EventKind): Role[] {
  return [...(ANY_ITEM.get(kind)?.keys() ?? [])];
}
