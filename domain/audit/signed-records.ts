// Readers verify: a case event or audit entry counts only when it carries a signature that checks
// against a key registered to the actor it names (`actor.userId`) and not revoked at the time it
// claims. The server binds the actor to the login but cannot check an ECDSA signature (CouchDB's
// QuickJS has no WebCrypto), so every reader — workstation, batch importer, `hws audit verify` —
// checks here, in one place.
import { verifySignature, type Signature } from '../crypto/signing';
import { OVERRIDE_ROLES, overrideProblem, type DuplicateOverride } from '../intake/override';
import { keyForSignature, staffKeyId, type StaffKeyDoc } from '../sync/staff-keys';

/** Document types whose authority rests on their actor's signature. */
export const SIGNED_TYPES: readonly string[] = ['case_event', 'audit_event'];

export type SignatureProblem = 'unsigned' | 'unknown_key' | 'revoked' | 'forged';

export type RecordVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: SignatureProblem; readonly reason: string };

interface SignedRecord {
  readonly actor?: { readonly userId?: unknown };
  readonly signature?: Partial<Signature>;
  readonly at?: unknown;
}

/** Checks one record (workstation form with `id`, or CouchDB form with `_id`); never throws. */
export async function verifyRecord(keys: ReadonlyMap<string, StaffKeyDoc>, doc: Record<string, unknown>): Promise<RecordVerdict> {
  const r = doc as SignedRecord;
  const actor = typeof r.actor?.userId === 'string' ? r.actor.userId : undefined;
  if (!r.signature) return { ok: false, problem: 'unsigned', reason: '记录没有经办人签名,不能作为依据' };
  if (!actor) return { ok: false, problem: 'unsigned', reason: '记录没有注明经办人账号' };
  const at = typeof r.at === 'string' ? r.at : '';
  const key = keyForSignature(keys, actor, r.signature.keyId, at);
  if (!key.ok) return { ok: false, problem: key.reason.includes('吊销') ? 'revoked' : 'unknown_key', reason: key.reason };
  if (!(await verifySignature(key.publicKey, doc))) return { ok: false, problem: 'forged', reason: `签名与记录内容不符(记录被修改,或签名取自另一条记录),经办人 ${actor}` };
  return verifyOverride(keys, doc);
}

/** A submit event that went past a duplicate-benefit block carries the reviewer's signed override: it must verify too, made for this case by a key registered to a reviewer. */
async function verifyOverride(keys: ReadonlyMap<string, StaffKeyDoc>, doc: Record<string, unknown>): Promise<RecordVerdict> {
  const override = doc.type === 'case_event' ? (doc.payload as { override?: unknown } | undefined)?.override : undefined;
  if (override === undefined) return { ok: true };
  const caseId = typeof doc.caseId === 'string' ? doc.caseId : '';
  const shape = overrideProblem(override, caseId, (doc.actor as { userId?: string } | undefined)?.userId);
  if (shape) return { ok: false, problem: 'forged', reason: `重复享受保障的放行无效:${shape}` };
  const o = override as DuplicateOverride;
  const verdict = await verifyRecord(keys, o as unknown as Record<string, unknown>);
  if (!verdict.ok) return { ...verdict, reason: `重复享受保障的放行签名无效:${verdict.reason}` };
  const registered = keys.get(staffKeyId(o.actor.userId, o.signature.keyId))?.roles ?? [];
  if (!registered.some((r) => OVERRIDE_ROLES.includes(r))) {
    return { ok: false, problem: 'forged', reason: `重复享受保障的放行人 ${o.actor.userId} 的签名密钥未登记为初审或复审人员` };
  }
  return { ok: true };
}
