// deriveCase: the status and history of a case from its events, in a deterministic order.
// Events written by different offices offline never conflict as documents; disagreements between
// them surface as a flag on the derived state.
import type { CaseEvent, EventKind, Payloads } from './events';
import { EVENT_LABELS } from './events';
import { canRecord, contradictionOf, withSubmittedItem } from './check';
import { itemNext, itemOfState } from './item-engine';
import type { CaseState, HistoryEntry } from './state';
import { INITIAL_STATE } from './state';
import { DECIDES } from './transitions';

/** Deterministic order: by `at`, then by id, so every device derives the same state. */
export function orderEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function deriveCase(events: readonly CaseEvent[]): CaseState {
  return orderEvents(events).reduce(applyEvent, INITIAL_STATE);
}

/** Applies one recorded event; an event that cannot apply is kept in the history, not thrown. */
export function applyEvent(state: CaseState, event: CaseEvent): CaseState {
  const base = { ...state, caseId: state.caseId ?? event.caseId, lastEventAt: event.at };
  const verdict = canRecord(state, event.kind, event.actor, event.payload as never, event.at, { ignoreFlag: true });
  if (!verdict.ok) {
    const entry = historyEntry(state, event, false, verdict.reason);
    const contradiction = verdict.code === 'CONTRADICTS' ? contradictionOf(state, event.kind) : null;
    const stage = DECIDES[event.kind]?.stage;
    const earlier = stage === undefined ? undefined : state.decisions[stage];
    if (contradiction !== null && earlier !== undefined) {
      const reason = `${contradiction}(${event.actor.name},${event.actor.officeId})`;
      return { ...base, flagged: addFlag(state, reason, [earlier.eventId, event.id]), history: [...state.history, entry] };
    }
    if (verdict.code === 'STATUS' && isDuplicate(state, event)) {
      return { ...base, history: [...state.history, historyEntry(state, event, false, `重复的"${EVENT_LABELS[event.kind]}"操作,已忽略`)] };
    }
    const reason = `${event.actor.name}的"${EVENT_LABELS[event.kind]}"无法生效:${verdict.reason}`;
    return { ...base, flagged: addFlag(state, reason, [event.id]), history: [...state.history, entry] };
  }
  const next = reduce(base, event);
  return { ...next, history: [...state.history, historyEntry(state, event, true, undefined, next.status)] };
}

function reduce(before: CaseState, event: CaseEvent): CaseState {
  // The case's item decides where the event leads (a first submission names the item).
  const state = withSubmittedItem(before, event.kind, event.payload as never);
  const status = itemNext(itemOfState(state), event.kind, state.status, event.payload as never);
  const decides = DECIDES[event.kind];
  const decisions = decides ? { ...state.decisions, [decides.stage]: { outcome: decides.outcome, eventId: event.id } } : state.decisions;
  const changed: CaseState = { ...state, status, decisions };
  switch (event.kind) {
    case 'submit':
      // A (re)submission starts the reviews afresh.
      return { ...changed, decisions: {}, missingMaterials: [] };
    case 'return':
      return { ...changed, missingMaterials: (event.payload as Payloads['return']).missingMaterials };
    case 'publicity': {
      const { startsOn, endsOn } = event.payload as Payloads['publicity'];
      return { ...changed, publicity: { startsOn, endsOn } };
    }
    case 'objection': {
      // Back to 复审: the review is decided afresh (no contradiction with the earlier approval) and
      // published again in a new window if approved.
      const { review: _review, ...decided } = state.decisions;
      return { ...changed, decisions: decided, publicity: null };
    }
    case 'resolve_conflict':
      return { ...changed, flagged: null };
    default:
      return changed;
  }
}

function addFlag(state: CaseState, reason: string, eventIds: readonly string[]) {
  if (!state.flagged) return { reason, eventIds };
  return { reason: `${state.flagged.reason};${reason}`, eventIds: [...state.flagged.eventIds, ...eventIds] };
}

/** The same act recorded twice (e.g. two clerks accepting), harmless. */
function isDuplicate(state: CaseState, event: CaseEvent): boolean {
  const last = [...state.history].reverse().find((h) => h.applied && h.kind === event.kind);
  return last !== undefined && last.statusAfter === state.status && !DECISIONS_NOT_DUPLICABLE.has(event.kind);
}
const DECISIONS_NOT_DUPLICABLE = new Set<EventKind>(['resolve_conflict']);

function historyEntry(
  before: CaseState,
  event: CaseEvent,
  applied: boolean,
  note?: string,
  statusAfter = before.status,
): HistoryEntry {
  return {
    eventId: event.id,
    kind: event.kind,
    at: event.at,
    actorName: event.actor.name,
    officeId: event.actor.officeId,
    applied,
    statusBefore: before.status,
    statusAfter,
    ...(note === undefined ? {} : { note }),
  };
}
