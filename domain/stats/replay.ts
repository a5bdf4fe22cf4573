// The applied steps of a case's history, fast. `deriveCase` checks every event in full and keeps
// refused ones with a note, which costs too much for a dashboard over 100,000 cases; most cases are
// a clean run of events each allowed from the status before it. This replay checks exactly that —
// role and status, read from the TRANSITIONS table — and hands any case it cannot replay cleanly
// (a refusal, a conflict, a status that disagrees with the stored projection) to `deriveCase`.
import type { IsoDateTime } from '../model/common';
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import { deriveCase, orderEvents, TRANSITIONS, transitionOf, type CaseEvent, type EventKind } from '../workflow';

/** An applied event: what it did to the status (the fields of a HistoryEntry the statistics read). */
export interface Step {
  readonly kind: EventKind;
  readonly at: IsoDateTime;
  readonly statusBefore: CaseStatus;
  readonly statusAfter: CaseStatus;
  readonly payload: unknown;
}

/** kind → role → statuses it may be recorded from. */
const ALLOWED = new Map<string, ReadonlyMap<Role, ReadonlySet<CaseStatus>>>(
  (Object.keys(TRANSITIONS) as EventKind[]).map((kind) => [
    kind,
    new Map(Object.entries(TRANSITIONS[kind].by).map(([role, from]) => [role as Role, new Set(from)])),
  ]),
);

function allowed(kind: string, roles: readonly Role[], status: CaseStatus): boolean {
  const by = ALLOWED.get(kind);
  if (by === undefined) return false;
  for (const r of roles) if (by.get(r)?.has(status)) return true;
  return false;
}

/** In the order of `orderEvents` already (events read on an [officeId, at] index usually are). */
function ordered(events: readonly CaseEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1]!, events[i]!];
    if (a.at > b.at || (a.at === b.at && a.id > b.id)) return false;
  }
  return true;
}

/** The clean replay, or null when some event would not apply from the status before it. */
export function cleanReplay(events: readonly CaseEvent[]): Step[] | null {
  const steps: Step[] = [];
  let status: CaseStatus = 'new';
  for (const event of events) {
    if (event.kind === 'resolve_conflict' || !allowed(event.kind, event.actor.roles, status)) return null;
    const next = transitionOf(event.kind).to(status, event.payload as never);
    steps.push({ kind: event.kind, at: event.at, statusBefore: status, statusAfter: next, payload: event.payload });
    status = next;
  }
  return steps;
}

/**
 * The applied steps of one case, in the deterministic order of `deriveCase`. `stored`: the case
 * document's projected status and flag; a replay that ends elsewhere is derived in full.
 */
export function appliedSteps(events: readonly CaseEvent[], stored?: { readonly status: CaseStatus; readonly flagged?: boolean }): Step[] {
  const sorted = ordered(events) ? events : orderEvents(events);
  const clean = cleanReplay(sorted);
  const last = clean === null || clean.length === 0 ? 'new' : clean[clean.length - 1]!.statusAfter;
  if (clean !== null && (stored === undefined || (stored.status === last && !stored.flagged))) return clean;
  const steps: Step[] = [];
  deriveCase(sorted).history.forEach((h, i) => h.applied && steps.push({ kind: h.kind, at: h.at, statusBefore: h.statusBefore, statusAfter: h.statusAfter, payload: sorted[i]!.payload }));
  return steps;
}
