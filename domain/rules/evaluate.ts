// Evaluates an application against the thresholds in force: one result per rule, and an overall outcome.
import type { DuplicateHit } from '../identity/checks';
import type { Thresholds } from '../model/reference';
import { ruleApplicantAgeHukou, ruleSocialInsurance } from './applicant-rules';
import type { Application } from './application';
import { ruleHouseholdComposition, ruleHousing, ruleOtherBenefits } from './household-rules';
import { ruleIdentityDocuments } from './identity-rule';
import { ruleAssets, ruleIncome } from './money-rules';
import type { Outcome, RuleResult } from './result';
import { worst } from './result';

export interface EvaluationContext {
  /** Duplicate-benefit hits per personId, from `findDuplicateBenefits`. */
  readonly duplicates?: ReadonlyMap<string, readonly DuplicateHit[]>;
  /** Clock for ID-number birth-date checks; defaults to now. */
  readonly today?: Date;
}

export interface Evaluation {
  readonly outcome: Outcome;
  readonly results: readonly RuleResult[];
}

export function evaluateApplication(app: Application, t: Thresholds, context: EvaluationContext = {}): Evaluation {
  const results: RuleResult[] = [
    ruleApplicantAgeHukou(app, t),
    ruleIncome(app, t),
    ruleAssets(app, t),
    ruleSocialInsurance(app, t),
    ruleHousing(app, t),
    ruleHouseholdComposition(app, t),
    ruleOtherBenefits(app, t, context.duplicates),
    ruleIdentityDocuments(app, context.today ?? new Date()),
  ];
  return { outcome: worst(results.map((r) => r.outcome)), results };
}
