// A reviewer's override of a duplicate-benefit block at the counter, as a signed document: the
// reviewer enters their password on the clerk's workstation, the main process signs the override
// with the reviewer's own key (never the clerk's), and it travels in the case's `submit` event,
// where every reader verifies it against the staff-key registry (domain/audit/signed-records.ts).
// The submitting function only accepts one that is well formed, names this case and a reviewer
// other than the clerk; a renderer cannot make one, since it holds no reviewer's key.
import type { Signature } from '../crypto/signing';

/** Roles that may override a duplicate-benefit block. */
export const OVERRIDE_ROLES: readonly string[] = ['reviewer', 'district_reviewer'];

export interface DuplicateOverride {
  readonly id: string;
  readonly type: 'duplicate_override';
  readonly caseId: string;
  readonly reason: string;
  readonly actor: { readonly userId: string; readonly name: string; readonly roles: readonly string[]; readonly officeId: string };
  readonly at: string;
  readonly signature: Signature;
}

export function overrideBody(caseId: string, reason: string, actor: DuplicateOverride['actor'], at: string): Omit<DuplicateOverride, 'signature'> {
  return { id: `override:${caseId}`, type: 'duplicate_override', caseId, reason, actor: { ...actor, roles: [...actor.roles] }, at };
}

/** Why an override cannot stand for this case (null when it is well formed); the signature itself is checked by readers. */
export function overrideProblem(o: unknown, caseId: string, clerkName?: string): string | null {
  if (!o || typeof o !== 'object') return '没有审核人员的放行';
  const d = o as Partial<DuplicateOverride>;
  const sig = d.signature as Partial<Signature> | undefined;
  if (d.type !== 'duplicate_override' || !sig || sig.alg !== 'ES256' || typeof sig.keyId !== 'string' || typeof sig.value !== 'string') {
    return '放行没有审核人员的签名,请审核人员重新输入密码放行';
  }
  if (d.caseId !== caseId || d.id !== `override:${caseId}`) return '放行签给的是另一宗申请';
  if (typeof d.reason !== 'string' || d.reason.trim() === '') return '放行缺少理由';
  if (!d.actor || typeof d.actor.userId !== 'string' || !Array.isArray(d.actor.roles) || !d.actor.roles.some((r) => OVERRIDE_ROLES.includes(r))) {
    return '放行人不是初审或复审人员';
  }
  if (clerkName !== undefined && d.actor.userId === clerkName) return '受理人员不能为自己放行';
  return null;
}
