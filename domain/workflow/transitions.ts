// Who may record which event, from which status, and where it leads.
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import type { EventKind, Payloads } from './events';

export type Stage = 'preliminary' | 'review';

export interface Transition<K extends EventKind> {
  /** For each role allowed to record the event, the statuses it may record it from. */
  readonly by: Partial<Readonly<Record<Role, readonly CaseStatus[]>>>;
  /** Stage decided by the event and the outcome, for detecting contradictory decisions. */
  readonly decides?: { readonly stage: Stage; readonly outcome: 'approve' | 'reject' };
  readonly to: (from: CaseStatus, payload: Payloads[K]) => CaseStatus;
}

const IN_TENANCY: readonly CaseStatus[] = ['contracted', 'in_tenancy', 'violation'];
const always = (s: CaseStatus) => (): CaseStatus => s;

export const TRANSITIONS: { readonly [K in EventKind]: Transition<K> } = {
  submit: { by: { clerk: ['new', 'returned'] }, to: always('submitted') },
  accept: { by: { clerk: ['submitted'] }, to: always('accepted') },
  return: {
    by: { clerk: ['submitted'], reviewer: ['accepted'], district_reviewer: ['accepted', 'preliminary_approved'] },
    to: always('returned'),
  },
  preliminary_approve: {
    by: { reviewer: ['accepted'], district_reviewer: ['accepted'] },
    decides: { stage: 'preliminary', outcome: 'approve' },
    to: always('preliminary_approved'),
  },
  preliminary_reject: {
    by: { reviewer: ['accepted'], district_reviewer: ['accepted'] },
    decides: { stage: 'preliminary', outcome: 'reject' },
    to: always('rejected'),
  },
  review_approve: {
    by: { district_reviewer: ['preliminary_approved'] },
    decides: { stage: 'review', outcome: 'approve' },
    to: always('review_approved'),
  },
  review_reject: {
    by: { district_reviewer: ['preliminary_approved', 'in_publicity'] },
    decides: { stage: 'review', outcome: 'reject' },
    to: always('rejected'),
  },
  publicity: { by: { district_reviewer: ['review_approved'] }, to: always('in_publicity') },
  // Back to 复审 (the district reviewer's 待复审 queue); the window is checked in payloads.ts.
  objection: { by: { reviewer: ['in_publicity'], district_reviewer: ['in_publicity'] }, to: always('preliminary_approved') },
  waitlist: { by: { district_reviewer: ['in_publicity'] }, to: always('waiting') },
  allocate: { by: { district_reviewer: ['waiting'] }, to: always('allocated') },
  contract: { by: { clerk: ['allocated'] }, to: always('contracted') },
  inspection_result: {
    by: { inspector: IN_TENANCY },
    to: (from, p) => (p.outcome === 'ok' ? 'in_tenancy' : p.outcome === 'violation' ? 'violation' : from),
  },
  exit: {
    by: {
      clerk: ['submitted', 'returned'],
      district_reviewer: ['waiting', 'allocated', ...IN_TENANCY],
    },
    to: always('exited'),
  },
  resolve_conflict: { by: { district_reviewer: [] }, to: (_from, p) => p.status },
};

export function transitionOf<K extends EventKind>(kind: K): Transition<K> {
  return TRANSITIONS[kind] as Transition<K>;
}

/** Statuses from which any of `roles` may record `kind`. */
export function allowedFrom(kind: EventKind, roles: readonly Role[]): CaseStatus[] {
  const by = TRANSITIONS[kind].by;
  const set = new Set<CaseStatus>();
  for (const role of roles) for (const s of by[role] ?? []) set.add(s);
  return [...set];
}

export function rolesFor(kind: EventKind): Role[] {
  return Object.keys(TRANSITIONS[kind].by) as Role[];
}
