// A case's signed history for its dossier: every event in the order the status is derived from,
// with who recorded it, when, on which workstation, what it said, whether it changed the case, and
// whether its signature verified against the registered staff keys (renderer/sync/signature-check).
import { deriveCase, type CaseEvent, type CaseState, type EventKind } from '../../../domain/workflow';
import type { CaseStatus } from '../../../domain/model/status';
import type { SignatureCheck } from '../../sync/signature-check';
import { eventsByCase } from '../review-store';
import type { WorkstationDb } from '../../db/database';

export type SignatureState = { readonly kind: 'verified' } | { readonly kind: 'invalid'; readonly reason: string } | { readonly kind: 'unchecked' };

export interface TimelineRow {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly officeId: string;
  /** The workstation that recorded it; null on events imported without one. */
  readonly deviceId: string | null;
  readonly statusAfter: CaseStatus;
  readonly applied: boolean;
  /** Why it did not change the case (duplicate, contradiction…). */
  readonly note?: string;
  /** What the event said: an opinion, a reason, a receipt number, the corrections asked for. */
  readonly detail: string;
  readonly signature: SignatureState;
}

export interface Timeline {
  readonly state: CaseState;
  readonly rows: readonly TimelineRow[];
  readonly events: readonly CaseEvent[];
}

function detailOf(e: CaseEvent): string {
  const p = e.payload as Record<string, unknown>;
  if (e.kind === 'return') {
    const list = (p.missingMaterials as { name: string; reason?: string }[]).map((m) => (m.reason ? `${m.name}:${m.reason}` : m.name));
    return list.join(';');
  }
  for (const key of ['opinion', 'reason', 'receiptNo', 'note'] as const) if (typeof p[key] === 'string' && p[key] !== '') return p[key];
  return '';
}

async function verdictOf(signatures: SignatureCheck | undefined, e: CaseEvent): Promise<SignatureState> {
  if (!signatures) return { kind: 'unchecked' };
  try {
    const v = await signatures.check(e as unknown as Record<string, unknown>);
    return v.ok ? { kind: 'verified' } : { kind: 'invalid', reason: v.reason };
  } catch {
    return { kind: 'unchecked' }; // the key registry could not be read (never read online yet)
  }
}

/** The case's events as rows of its timeline, oldest first, with the state they derive. */
export async function readTimeline(db: WorkstationDb, signatures: SignatureCheck | undefined, caseId: string): Promise<Timeline> {
  const events = (await eventsByCase(db, [caseId])).get(caseId) ?? [];
  const state = deriveCase(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  const rows: TimelineRow[] = [];
  for (const h of state.history) {
    const e = byId.get(h.eventId);
    if (!e) continue;
    rows.push({
      eventId: e.id,
      kind: e.kind,
      at: e.at,
      actorId: e.actor.userId ?? '',
      actorName: e.actor.name,
      officeId: e.officeId,
      deviceId: e.deviceId ?? null,
      statusAfter: h.statusAfter,
      applied: h.applied,
      ...(h.note ? { note: h.note } : {}),
      detail: detailOf(e),
      signature: await verdictOf(signatures, e),
    });
  }
  return { state, rows, events };
}
