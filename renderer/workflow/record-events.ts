// The one place the workstation records case events: each event is signed with the signed-in
// user's key and must name that user as its actor (the server refuses anything else, and every
// reader verifies the signature). Callers build and check the events with domain/workflow `decide`.
import type { Signer } from '../../domain/crypto/signing';
import { signDoc } from '../../domain/crypto/signing';
import { AppError } from '../../domain/errors';
import type { SessionUser } from '../../domain/ipc/session';
import type { CaseEvent } from '../../domain/workflow';
import type { AnyDoc, WorkstationDb } from '../db/database';

/** Who records: the signed-in user and the signer made from their own key pair (session.keys.signing). */
export interface SigningContext {
  readonly db: WorkstationDb;
  readonly user: SessionUser;
  readonly signer: Signer;
}

/** Signs events as the signed-in user; refuses an event that names anyone else as its actor. */
export async function signEvents(ctx: Pick<SigningContext, 'user' | 'signer'>, events: readonly CaseEvent[]): Promise<CaseEvent[]> {
  for (const e of events) {
    if (e.actor.userId !== ctx.user.name) throw new AppError('NOT_YOUR_EVENT', `只能以本人(${ctx.user.displayName})的名义登记办件事件`);
  }
  return Promise.all(events.map((e) => signDoc(ctx.signer, e as unknown as Record<string, unknown>) as Promise<unknown> as Promise<CaseEvent>));
}

/** Signs and stores events (one bulk write); answers the stored, signed events. */
export async function recordEvents(ctx: SigningContext, events: readonly CaseEvent[]): Promise<CaseEvent[]> {
  const signed = await signEvents(ctx, events);
  const result = await ctx.db.events.bulkInsert(signed as unknown as AnyDoc[]);
  if (result.error.length > 0) throw new AppError('WRITE_FAILED', '办件事件未能保存,请重试');
  return signed;
}
