// What an intake found that a reviewer must look at, as the case's review flags (CASE_FLAGS): a
// duplicate-benefit block a reviewer let through, an eligibility rule that needs review (or fails),
// the identity evidence disagreeing somewhere. The check step shows the same evaluation; the
// submission records the flags on its submit event and the case carries them (projectCase).
import type { CaseFlag } from '../model/case';
import { CASE_FLAGS } from '../model/case';
import { DEFAULT_THRESHOLD_DOCS, evaluateApplication, resolveThresholds, type Evaluation } from '../rules';
import { toApplication, type IntakeDraft } from './draft';
import { hasMismatch, type IdentityEvidence } from './identity-evidence';

/** The eligibility rules on the draft as the check step shows them; undefined without an item or thresholds in force. */
export function evaluateDraft(draft: IntakeDraft, districtId: string, on: string): Evaluation | undefined {
  const app = toApplication(draft, districtId, on);
  const thresholds = draft.businessItem ? resolveThresholds(DEFAULT_THRESHOLD_DOCS, draft.businessItem, districtId, on) : undefined;
  if (!app || !thresholds?.ok) return undefined;
  return evaluateApplication(app, thresholds.value.thresholds);
}

export function intakeFlags(draft: IntakeDraft, rules: Evaluation | undefined, identity: IdentityEvidence): CaseFlag[] {
  const found = new Set<CaseFlag>();
  if (draft.override) found.add('duplicate_hit');
  if (rules?.results.some((r) => r.outcome !== 'pass')) found.add('rule_review');
  if (hasMismatch(identity)) found.add('identity_mismatch');
  return CASE_FLAGS.filter((f) => found.has(f));
}
