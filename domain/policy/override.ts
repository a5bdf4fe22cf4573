// A district's override of the eligibility policy, published under a district reviewer's signature:
// the policy in force (programme thresholds with the district's latest override merged over them,
// rules the district switched off), the override document a draft makes, and why a draft or an
// override document cannot stand. The server's reference validate_doc_update checks the same shape
// and binds the signer to a district reviewer of that district; readers verify the signature.
import { verifySignature } from '../crypto/signing';
import { fail, ok, type Result } from '../errors';
import type { IsoDate } from '../model/common';
import { BUSINESS_ITEMS, type BusinessItem } from '../model/programmes';
import type { RuleThresholdDoc, Thresholds } from '../model/reference';
import { resolveThresholds } from '../rules/thresholds';
import { RULE_IDS, type RuleId } from '../rules/result';
import { keyForSignature, type StaffKeyDoc } from '../sync/staff-keys';
import { applyDraft, type Policy, type PolicyDraft } from './what-if';

/** The role that may publish a district override (with the server's `district:<id>` role of the district). */
export const OVERRIDE_ROLE = 'district_reviewer';

/** Rules a district may switch off: every eligibility rule but the identity documents (not a policy). */
export const SWITCHABLE_RULES: readonly RuleId[] = RULE_IDS.filter((r) => r !== 'identity_documents');

export interface PolicyInForce {
  readonly policy: Policy;
  /** The district's override in force, if any. */
  readonly override: RuleThresholdDoc | undefined;
  readonly sources: readonly string[];
}

/** The policy in force for `businessItem` in `districtId` on `on`: thresholds merged, rules switched off. */
export function policyInForce(docs: readonly RuleThresholdDoc[], businessItem: BusinessItem, districtId: string, on: IsoDate): Result<PolicyInForce> {
  const resolved = resolveThresholds(docs, businessItem, districtId, on);
  if (!resolved.ok) return resolved;
  const overrideId = resolved.value.sources[1];
  const override = overrideId === undefined ? undefined : docs.find((d) => d.id === overrideId);
  const rulesOff = (override?.rulesOff ?? []).filter((r): r is RuleId => (SWITCHABLE_RULES as readonly string[]).includes(r));
  return ok({ policy: { thresholds: resolved.value.thresholds, rulesOff }, override, sources: resolved.value.sources });
}

const int = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const amount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100_000_000;
const nullOr = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

/** What each threshold may be, with the Chinese name used in refusals. */
const THRESHOLD_CHECKS: Readonly<Record<keyof Thresholds, readonly [string, (v: unknown) => boolean]>> = {
  minApplicantAge: ['主申请人最低年龄(16至70周岁)', (v) => int(v, 16, 70)],
  requireHukou: ['是否要求深圳户籍', (v) => typeof v === 'boolean'],
  incomePerCapitaMax: ['人均可支配收入上限(正数,元)', nullOr(amount)],
  assetLimits: [
    '家庭资产上限(按人数,正数,元)',
    nullOr((v) => Array.isArray(v) && v.length > 0 && v.length <= 10 && v.every((l: { maxPersons?: unknown; limit?: unknown }) => (l.maxPersons === null || int(l.maxPersons, 1, 20)) && amount(l.limit))),
  ],
  socialInsuranceYears: ['社保缴纳年限(0至30年)', nullOr((v) => int(v, 0, 30))],
  socialInsuranceYearsQualified: ['学历职称社保年限(0至30年)', nullOr((v) => int(v, 0, 30))],
  noOwnedHousing: ['是否要求无自有住房', (v) => typeof v === 'boolean'],
  noSaleWithinYears: ['出售住房限制年限(0至30年)', nullOr((v) => int(v, 0, 30))],
  coApplicantPermitYears: ['共同申请人居住证年限(0至30年)', nullOr((v) => int(v, 0, 30))],
  violationBanYears: ['违规禁入年限(0至30年)', nullOr((v) => int(v, 0, 30))],
};

/** Why a draft cannot be published (Chinese), or null. */
export function draftProblem(draft: PolicyDraft): string | null {
  for (const [k, v] of Object.entries(draft.thresholds)) {
    const check = THRESHOLD_CHECKS[k as keyof Thresholds];
    if (!check) return `未知的准入标准项:${k}`;
    if (!check[1](v)) return `${check[0]}填写不正确`;
  }
  for (const r of [...draft.rulesOff, ...draft.rulesOn]) if (!SWITCHABLE_RULES.includes(r)) return `规则 ${r} 不能由区里停用或启用`;
  return null;
}

export interface Publisher {
  readonly name: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly officeId: string;
  readonly districtId: string;
}

export const overrideId = (businessItem: BusinessItem, districtId: string, at: string): string => `rule_thresholds:${businessItem}:${districtId}:${at}`;

/**
 * The override document a draft makes of the one in force (unsigned): every threshold the district
 * sets and every rule it has off, in force from the day it is published. A new document each time
 * (never an edit), so the history of a district's policy stays readable.
 */
export function overrideFromDraft(inForce: PolicyInForce, draft: PolicyDraft, businessItem: BusinessItem, who: Publisher, at: string, source: string): Result<RuleThresholdDoc> {
  const problem = draftProblem(draft);
  if (problem) return fail('BAD_DRAFT', problem);
  if (!who.roles.includes(OVERRIDE_ROLE)) return fail('FORBIDDEN', '只有区复审人员可以发布本区的准入政策调整');
  const next = applyDraft(inForce.policy, draft);
  const thresholds = { ...(inForce.override?.thresholds ?? {}), ...draft.thresholds };
  const unchanged = JSON.stringify(next.thresholds) === JSON.stringify(inForce.policy.thresholds) && [...next.rulesOff].sort().join() === [...inForce.policy.rulesOff].sort().join();
  if (unchanged) return fail('NO_CHANGE', '草案与现行政策相同,无需发布');
  if (source.trim() === '') return fail('BAD_DRAFT', '请填写调整依据(文件名或会议纪要)');
  return ok({
    id: overrideId(businessItem, who.districtId, at),
    type: 'rule_thresholds',
    schemaVersion: 0,
    officeId: who.officeId,
    createdAt: at,
    updatedAt: at,
    businessItem,
    districtId: who.districtId,
    effectiveFrom: at.slice(0, 10),
    thresholds,
    rulesOff: [...next.rulesOff].sort(),
    source: source.trim().slice(0, 500),
    actor: { userId: who.name, name: who.displayName, roles: [...who.roles], officeId: who.officeId },
    at,
  });
}

/** Why a district override document is not well formed (Chinese), or null; city programme documents are not overrides. */
export function overrideProblem(doc: Record<string, unknown>): string | null {
  const d = doc as Partial<RuleThresholdDoc> & { _id?: string };
  const id = d._id ?? d.id;
  if (d.type !== 'rule_thresholds' || typeof d.districtId !== 'string' || d.districtId === '') return '不是区级准入政策调整记录';
  if (!(BUSINESS_ITEMS as readonly string[]).includes(String(d.businessItem))) return '政策调整的业务事项不正确';
  if (typeof d.at !== 'string' || id !== overrideId(d.businessItem as BusinessItem, d.districtId, d.at)) return '政策调整记录的编号不符';
  if (typeof d.effectiveFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom)) return '政策调整的生效日期不正确';
  if (!d.thresholds || typeof d.thresholds !== 'object') return '政策调整缺少准入标准';
  const shape = draftProblem({ thresholds: d.thresholds, rulesOff: Array.isArray(d.rulesOff) ? (d.rulesOff as RuleId[]) : [], rulesOn: [] });
  if (!Array.isArray(d.rulesOff)) return '政策调整缺少停用规则列表';
  if (shape) return shape;
  if (!d.actor || typeof d.actor.userId !== 'string' || !Array.isArray(d.actor.roles)) return '政策调整没有注明签发人';
  if (!d.signature) return '政策调整缺少签发人签名';
  return null;
}

/**
 * The threshold documents a workstation may apply: the programme documents, and the district
 * overrides that are well formed and whose signature checks against a key registered to their
 * signer (not revoked then). The server has already bound the signer to a district reviewer of the
 * district; an override forged on the way, or written past the server, is left out.
 */
export async function trustedPolicyDocs(docs: readonly RuleThresholdDoc[], keys: ReadonlyMap<string, StaffKeyDoc>): Promise<RuleThresholdDoc[]> {
  const out: RuleThresholdDoc[] = [];
  for (const d of docs) {
    if (d.districtId === undefined) {
      out.push(d);
      continue;
    }
    if (overrideProblem(d as unknown as Record<string, unknown>)) continue;
    const key = keyForSignature(keys, d.actor?.userId, d.signature?.keyId, d.at ?? '');
    if (key.ok && (await verifySignature(key.publicKey, d as unknown as Record<string, unknown>))) out.push(d);
  }
  return out;
}
