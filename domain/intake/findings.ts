// What an intake found that a reviewer must look at, as the case's review flags (CASE_FLAGS): a
// duplicate-benefit block a reviewer let through, an eligibility rule that needs review (or fails),
// the identity evidence disagreeing somewhere. The check step shows the same evaluation; the
// submission records the flags on its submit event and the case carries them (projectCase).
import type { CaseFlag } from '../model/case';
import { CASE_FLAGS } from '../model/case';
import type { RuleThresholdDoc } from '../model/reference';
import { policyInForce } from '../policy/override';
import { evaluateUnderPolicy } from '../policy/what-if';
import { DEFAULT_THRESHOLD_DOCS, type Evaluation } from '../rules';
import { toApplication, type IntakeDraft } from './draft';
import { hasMismatch, type IdentityEvidence } from './identity-evidence';

/**
 * The eligibility rules on the draft as the check step shows them, under the policy in force for the
 * district (`policyDocs`: the programme documents and the district's signed overrides the workstation
 * trusts, domain/policy/override.ts); undefined without an item or thresholds in force.
 */
export function evaluateDraft(draft: IntakeDraft, districtId: string, on: string, policyDocs: readonly RuleThresholdDoc[] = DEFAULT_THRESHOLD_DOCS): Evaluation | undefined {
  const app = toApplication(draft, districtId, on);
  const policy = draft.businessItem ? policyInForce(policyDocs, draft.businessItem, districtId, on) : undefined;
  if (!app || !policy?.ok) return undefined;
  return evaluateUnderPolicy(app, policy.value.policy);
}

export function intakeFlags(draft: IntakeDraft, rules: Evaluation | undefined, identity: IdentityEvidence): CaseFlag[] {
  const found = new Set<CaseFlag>();
  if (draft.override) found.add('duplicate_hit');
  if (rules?.results.some((r) => r.outcome !== 'pass')) found.add('rule_review');
  if (hasMismatch(identity)) found.add('identity_mismatch');
  return CASE_FLAGS.filter((f) => found.has(f));
}
