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

/**
 * The business item an event names: a submission's item (its programme's application when it names
 * none), else the `item` `decide` adds to the payload of every later act. Undefined on an event of
 * an older workstation. The server's validate_doc_update reads it the same way.
 */
export function eventItem(event: { readonly kind: string; readonly payload: unknown }): string | undefined {
  const p = (event.payload ?? {}) as { item?: unknown; businessItem?: unknown };
  const item = p.item ?? (event.kind === 'submit' ? p.businessItem : undefined);
  return typeof item === 'string' ? item : undefined;
}

export function decide<K extends EventKind>(state: CaseState, input: DecideInput<K>): Result<CaseEvent<K>> {
  const verdict = canRecord(state, input.kind, input.actor, input.payload, input.at);
  if (!verdict.ok) return fail(`CASE_${verdict.code}`, verdict.reason);
  // The case's item and catalogue version go with every later act, in the payload (a first
  // submission names them already), so the server can refuse an act the item has no stage for in
  // the version the case started under (see eventItem).
  const item = input.kind === 'submit' ? undefined : (state.item ?? state.businessItem ?? undefined);
  const stamp = item === undefined ? {} : { item, ...(state.catalogueVersion ? { catalogueVersion: state.catalogueVersion } : {}) };
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
    payload: item === undefined ? input.payload : { ...input.payload, ...stamp },
    deviceId: input.deviceId ?? null,
  } as CaseEvent<K>;
  return ok(event);
}
