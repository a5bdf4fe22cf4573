// A case's events whose signatures do not verify (renderer/sync/signature-check.ts), for its detail view.
import type { CaseEvent } from '../../domain/workflow';
import type { WorkstationDb } from '../db/database';
import type { SignatureCheck } from '../sync/signature-check';

export interface UntrustedEvent {
  readonly event: CaseEvent;
  readonly reason: string;
}

/** The case's events that do not verify, with the reason (empty while the registry cannot be read). */
export async function untrustedEvents(db: WorkstationDb, signatures: SignatureCheck, caseId: string): Promise<UntrustedEvent[]> {
  const events = (await db.events.find({ selector: { caseId } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent);
  const out: UntrustedEvent[] = [];
  for (const event of events) {
    const verdict = await signatures.check(event as unknown as Record<string, unknown>).catch(() => null);
    if (verdict && !verdict.ok) out.push({ event, reason: verdict.reason });
  }
  return out;
}

