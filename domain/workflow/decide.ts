// decide: check a new act against the derived state and, if allowed, build the event document.
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import type { IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import { canRecord } from './check';
import type { CaseEvent, EventKind, Payloads } from './events';
import type { CaseState } from './state';

export interface DecideInput<K extends EventKind> {
  readonly id: string;
  readonly caseId: string;
  readonly kind: K;
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly payload: Payloads[K];
  readonly deviceId?: string;
  /** The office whose database holds the case (a district reviewer decides a street's case); default the actor's. */
  readonly officeId?: string;
}

export const CASE_EVENT_SCHEMA_VERSION = 0;

export function decide<K extends EventKind>(state: CaseState, input: DecideInput<K>): Result<CaseEvent<K>> {
  const verdict = canRecord(state, input.kind, input.actor, input.payload, input.at);
  if (!verdict.ok) return fail(`CASE_${verdict.code}`, verdict.reason);
  const event = {
    id: input.id,
    type: 'case_event',
    schemaVersion: CASE_EVENT_SCHEMA_VERSION,
    officeId: input.officeId ?? input.actor.officeId,
    createdAt: input.at,
    updatedAt: input.at,
    caseId: input.caseId,
    kind: input.kind,
    actor: input.actor,
    at: input.at,
    payload: input.payload,
    deviceId: input.deviceId ?? null,
  } as CaseEvent<K>;
  return ok(event);
}
