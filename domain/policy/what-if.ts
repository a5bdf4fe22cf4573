// Policy what-if: a district supervisor's draft (thresholds changed, rules switched off or back on)
// evaluated on the cases at hand against the policy in force — which cases would change outcome,
// counted by street, listed with the rules that change. Nothing here changes anything live: a draft
// takes effect only when it is published (signed) as a district override.
import type { IsoDate } from '../model/common';
import type { Thresholds } from '../model/reference';
import type { Application } from '../rules/application';
import { ruleApplicantAgeHukou, ruleSocialInsurance } from '../rules/applicant-rules';
import { evaluateApplication, type Evaluation, type EvaluationContext } from '../rules/evaluate';
import { ruleHouseholdComposition, ruleHousing, ruleOtherBenefits } from '../rules/household-rules';
import { ruleAssets, ruleIncome } from '../rules/money-rules';
import { RULE_IDS, worst, type Outcome, type RuleId, type RuleResult } from '../rules/result';

/**
 * The thresholds each rule reads: a draft changing none of a rule's thresholds leaves its result as
 * it was, so only the rules a draft touches are evaluated again (the test compares with evaluating
 * everything again, threshold by threshold).
 */
const RULE_THRESHOLDS: Readonly<Record<RuleId, readonly (keyof Thresholds)[]>> = {
  applicant_age_hukou: ['minApplicantAge', 'requireHukou'],
  income: ['incomePerCapitaMax'],
  assets: ['assetLimits'],
  social_insurance: ['socialInsuranceYears', 'socialInsuranceYearsQualified'],
  housing: ['noOwnedHousing', 'noSaleWithinYears'],
  household_composition: ['coApplicantPermitYears'],
  other_benefits: ['violationBanYears'],
  identity_documents: [],
};

const RULES: Readonly<Record<Exclude<RuleId, 'identity_documents'>, (app: Application, t: Thresholds) => RuleResult>> = {
  applicant_age_hukou: ruleApplicantAgeHukou,
  income: ruleIncome,
  assets: ruleAssets,
  social_insurance: ruleSocialInsurance,
  housing: ruleHousing,
  household_composition: ruleHouseholdComposition,
  other_benefits: (app, t) => ruleOtherBenefits(app, t, undefined),
};

export interface Policy {
  readonly thresholds: Thresholds;
  /** Rules that do not count (a district switched them off). */
  readonly rulesOff: readonly RuleId[];
}

export interface PolicyDraft {
  readonly thresholds: Partial<Thresholds>;
  readonly rulesOff: readonly RuleId[];
  /** Rules switched back on that the policy in force has off. */
  readonly rulesOn: readonly RuleId[];
}

/** An application under a policy: the rules the policy has switched off are left out. */
export function evaluateUnderPolicy(app: Application, policy: Policy, context: EvaluationContext = {}): Evaluation {
  const off = new Set(policy.rulesOff);
  const results = evaluateApplication(app, policy.thresholds, context).results.filter((r) => !off.has(r.rule));
  return { outcome: worst(results.map((r) => r.outcome)), results };
}

/** The policy a draft would make of the one in force. */
export function applyDraft(current: Policy, draft: PolicyDraft): Policy {
  const off = new Set([...current.rulesOff, ...draft.rulesOff]);
  for (const r of draft.rulesOn) off.delete(r);
  return { thresholds: { ...current.thresholds, ...draft.thresholds }, rulesOff: [...off] };
}

export interface WhatIfCase {
  readonly caseId: string;
  readonly streetId: string;
  readonly applicantName: string;
  readonly application: Application;
}

export interface RuleChange {
  readonly rule: RuleId;
  readonly before: Outcome | 'off';
  readonly after: Outcome | 'off';
  /** The rule's reason under the draft (empty when switched off), and in English where the rule gives one. */
  readonly reason: string;
  readonly reasonEn?: string;
}

export interface CaseChange {
  readonly caseId: string;
  readonly streetId: string;
  readonly applicantName: string;
  readonly before: Outcome;
  readonly after: Outcome;
  readonly rules: readonly RuleChange[];
}

export interface StreetCount {
  readonly evaluated: number;
  readonly changed: number;
  /** Changes by the outcome the case would get. */
  readonly to: Readonly<Record<Outcome, number>>;
}

export interface WhatIfReport {
  readonly evaluated: number;
  readonly changed: readonly CaseChange[];
  readonly byStreet: Readonly<Record<string, StreetCount>>;
}

const outcomeOf = (results: readonly RuleResult[], off: ReadonlySet<RuleId>): Outcome => worst(results.filter((r) => !off.has(r.rule)).map((r) => r.outcome));

/** The cases evaluated once under the policy in force: each draft then re-evaluates only what it touches. */
export interface PreparedWhatIf {
  readonly current: Policy;
  readonly today: IsoDate;
  readonly cases: readonly WhatIfCase[];
  readonly before: readonly (readonly RuleResult[])[];
}

/**
 * `previous`, prepared under the same policy object on the same day, lends its results for the
 * cases that are the same objects (a snapshot keeps unchanged cases as they were): only the cases
 * new or changed since are evaluated again.
 */
export function prepareWhatIf(cases: readonly WhatIfCase[], current: Policy, today: IsoDate, previous?: PreparedWhatIf): PreparedWhatIf {
  const context = { today: new Date(`${today}T12:00:00+08:00`) };
  const known = new Map<WhatIfCase, readonly RuleResult[]>();
  if (previous && previous.current === current && previous.today === today) previous.cases.forEach((c, k) => known.set(c, previous.before[k]!));
  return { current, today, cases, before: cases.map((c) => known.get(c) ?? evaluateApplication(c.application, current.thresholds, context).results) };
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Which cases the draft would change. */
export function whatIfPrepared(prepared: PreparedWhatIf, draft: PolicyDraft): WhatIfReport {
  const { current, cases, before: allBefore } = prepared;
  const next = applyDraft(current, draft);
  const offBefore = new Set(current.rulesOff);
  const offAfter = new Set(next.rulesOff);
  const touched = new Set(
    RULE_IDS.filter((r) => RULE_THRESHOLDS[r].some((k) => !sameValue(current.thresholds[k], next.thresholds[k]))),
  ) as Set<Exclude<RuleId, 'identity_documents'>>;
  const changed: CaseChange[] = [];
  const byStreet: Record<string, { evaluated: number; changed: number; to: Record<Outcome, number> }> = {};
  cases.forEach((c, k) => {
    const street = (byStreet[c.streetId] ??= { evaluated: 0, changed: 0, to: { pass: 0, needs_review: 0, fail: 0 } });
    street.evaluated++;
    const before = allBefore[k]!;
    const after = touched.size === 0 ? before : before.map((r) => (touched.has(r.rule as never) ? RULES[r.rule as keyof typeof RULES](c.application, next.thresholds) : r));
    const outcomeBefore = outcomeOf(before, offBefore);
    const outcomeAfter = outcomeOf(after, offAfter);
    if (outcomeBefore === outcomeAfter) return;
    const rules: RuleChange[] = [];
    after.forEach((r, i) => {
      const b = offBefore.has(r.rule) ? 'off' : before[i]!.outcome;
      const a = offAfter.has(r.rule) ? 'off' : r.outcome;
      if (a !== b) rules.push({ rule: r.rule, before: b, after: a, reason: a === 'off' ? '' : r.reason, ...(a !== 'off' && r.reasonEn !== undefined ? { reasonEn: r.reasonEn } : {}) });
    });
    changed.push({ caseId: c.caseId, streetId: c.streetId, applicantName: c.applicantName, before: outcomeBefore, after: outcomeAfter, rules });
    street.changed++;
    street.to[outcomeAfter]++;
  });
  return { evaluated: cases.length, changed, byStreet };
}

/** Which cases the draft would change, on `today` (the identity rule reads card validity against it). */
export function whatIf(cases: readonly WhatIfCase[], current: Policy, draft: PolicyDraft, today: IsoDate): WhatIfReport {
  return whatIfPrepared(prepareWhatIf(cases, current, today), draft);
}
