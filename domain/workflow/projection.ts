// The fields of a case document that are a projection of its events (status, flag, time of the
// last event). The device that appends an event writes them; when two versions of a case meet
// (sync), they are derived again from the events, never taken from the later writer.
import type { IsoDateTime } from '../model/common';
import type { CaseStatus } from '../model/status';
import { deriveCase } from './derive';
import type { CaseEvent } from './events';

export interface CaseProjection {
  readonly status: CaseStatus;
  readonly flagged: boolean;
  readonly lastEventAt: IsoDateTime;
}

/** The projection of the given events of one case; null without events (nothing to derive from). */
export function projectCase(events: readonly CaseEvent[]): CaseProjection | null {
  if (events.length === 0) return null;
  const state = deriveCase(events);
  return { status: state.status, flagged: state.flagged !== null, lastEventAt: state.lastEventAt ?? events[0]!.at };
}

export const differsFromProjection = (doc: Readonly<Record<string, unknown>>, p: CaseProjection): boolean =>
  doc.status !== p.status || doc.flagged !== p.flagged || doc.lastEventAt !== p.lastEventAt;
