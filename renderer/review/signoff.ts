// Signing a decision: first the proof that the signed-in reviewer is at the workstation and means it
// — their password again (session/authorize) or a press of their enrolled finger (signoff/fingerprint,
// see main/handlers/signoff.ts for why that is an equal proof and no more) — then the event is
// checked, signed with the session's key and stored. A refused proof records nothing.
import { AppError } from '../../domain/errors';
import type { EventKind, Payloads, CaseState } from '../../domain/workflow';
import type { Api } from '../api/client';
import { recordCaseEvent, type DecisionContext } from './review-store';

export type SignOff = { readonly method: 'password'; readonly password: string } | { readonly method: 'fingerprint' };

export async function signAndRecord<K extends EventKind>(api: Pick<Api, 'invoke'>, ctx: DecisionContext, caseId: string, kind: K, payload: Payloads[K], signOff: SignOff): Promise<CaseState> {
  const username = ctx.user.name;
  const signer =
    signOff.method === 'password'
      ? await api.invoke('session/authorize', { username, password: signOff.password })
      : await api.invoke('signoff/fingerprint', { username });
  if (signer.name !== username) throw new AppError('NOT_YOU', '签名须由当前登录的本人确认');
  return recordCaseEvent(ctx, caseId, kind, payload);
}
