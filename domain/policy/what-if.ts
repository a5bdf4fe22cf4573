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
import { ruleIdentityDocuments } from '../rules/identity-rule';
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

const OUTCOMES: readonly Outcome[] = ['pass', 'needs_review', 'fail'];
const CODE: Readonly<Record<Outcome, number>> = { pass: 0, needs_review: 1, fail: 2 };
/** Rules per case in `PreparedWhatIf.outcomes` (RULE_IDS order, as evaluateApplication gives them). */
export const RULE_COUNT = RULE_IDS.length;

/** A case's outcome per rule (RULE_IDS order) coded 0 pass, 1 needs_review, 2 fail, under `thresholds` on `today`. */
export function ruleOutcomes(app: Application, thresholds: Thresholds, today: IsoDate): Uint8Array {
  const results = evaluateApplication(app, thresholds, { today: new Date(`${today}T12:00:00+08:00`) }).results;
  const out = new Uint8Array(RULE_COUNT);
  results.forEach((r, i) => (out[i] = CODE[r.outcome]));
  return out;
}

/**
 * The cases evaluated once under the policy in force: each draft then re-evaluates only the rules it
 * touches. Only each rule's outcome is kept (one byte; the reasons are made again for the few cases
 * a draft changes), so that it can be kept cheaply, also between sessions (what-if-snapshot).
 */
export interface PreparedWhatIf {
  readonly current: Policy;
  readonly today: IsoDate;
  readonly cases: readonly WhatIfCase[];
  /** RULE_COUNT codes per case, in the order of `cases` (see ruleOutcomes). */
  readonly outcomes: Uint8Array;
}

/**
 * `previous`, prepared under the same policy object on the same day, lends its outcomes for the
 * cases that are the same objects (a snapshot keeps unchanged cases as they were), and `known` for
 * the cases it knows (outcomes kept under the same thresholds and day): only the other cases are
 * evaluated.
 */
export function prepareWhatIf(cases: readonly WhatIfCase[], current: Policy, today: IsoDate, previous?: PreparedWhatIf, known?: (c: WhatIfCase) => Uint8Array | undefined): PreparedWhatIf {
  const lent = new Map<WhatIfCase, Uint8Array>();
  if (previous && previous.current === current && previous.today === today) previous.cases.forEach((c, k) => lent.set(c, previous.outcomes.subarray(k * RULE_COUNT, (k + 1) * RULE_COUNT)));
  const outcomes = new Uint8Array(cases.length * RULE_COUNT);
  cases.forEach((c, k) => outcomes.set(lent.get(c) ?? known?.(c) ?? ruleOutcomes(c.application, current.thresholds, today), k * RULE_COUNT));
  return { current, today, cases, outcomes };
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const RULE_INDEX = new Map(RULE_IDS.map((r, i) => [r, i]));

/** Which cases the draft would change. */
export function whatIfPrepared(prepared: PreparedWhatIf, draft: PolicyDraft): WhatIfReport {
  const { current, cases, outcomes, today } = prepared;
  const next = applyDraft(current, draft);
  const offBefore = RULE_IDS.map((r) => current.rulesOff.includes(r));
  const offAfter = RULE_IDS.map((r) => next.rulesOff.includes(r));
  const touched = RULE_IDS.filter((r) => RULE_THRESHOLDS[r].some((k) => !sameValue(current.thresholds[k], next.thresholds[k]))) as Exclude<RuleId, 'identity_documents'>[];
  const touchedAt = touched.map((r) => RULE_INDEX.get(r)!);
  const context = { today: new Date(`${today}T12:00:00+08:00`) };
  const changed: CaseChange[] = [];
  const byStreet: Record<string, { evaluated: number; changed: number; to: Record<Outcome, number> }> = {};
  const after = new Uint8Array(RULE_COUNT);
  const fresh: RuleResult[] = [];
  cases.forEach((c, k) => {
    const street = (byStreet[c.streetId] ??= { evaluated: 0, changed: 0, to: { pass: 0, needs_review: 0, fail: 0 } });
    street.evaluated++;
    const before = outcomes.subarray(k * RULE_COUNT, (k + 1) * RULE_COUNT);
    after.set(before);
    touched.forEach((r, j) => {
      fresh[j] = RULES[r](c.application, next.thresholds);
      after[touchedAt[j]!] = CODE[fresh[j]!.outcome];
    });
    let worstBefore = 0;
    let worstAfter = 0;
    for (let i = 0; i < RULE_COUNT; i++) {
      if (!offBefore[i] && before[i]! > worstBefore) worstBefore = before[i]!;
      if (!offAfter[i] && after[i]! > worstAfter) worstAfter = after[i]!;
    }
    if (worstBefore === worstAfter) return;
    const rules: RuleChange[] = [];
    RULE_IDS.forEach((rule, i) => {
      const b = offBefore[i] ? 'off' : OUTCOMES[before[i]!]!;
      const a = offAfter[i] ? 'off' : OUTCOMES[after[i]!]!;
      if (a === b) return;
      if (a === 'off') return void rules.push({ rule, before: b, after: a, reason: '' });
      // The rule's reason under the draft: evaluated again when the draft touches it, else (a rule
      // switched back on) evaluated alone under the policy in force, whose thresholds it keeps.
      const j = touchedAt.indexOf(i);
      const r = j >= 0 ? fresh[j]! : rule === 'identity_documents' ? ruleIdentityDocuments(c.application, context.today) : RULES[rule](c.application, current.thresholds);
      rules.push({ rule, before: b, after: a, reason: r.reason, ...(r.reasonEn !== undefined ? { reasonEn: r.reasonEn } : {}) });
    });
    const outcomeBefore = OUTCOMES[worstBefore]!;
    const outcomeAfter = OUTCOMES[worstAfter]!;
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
