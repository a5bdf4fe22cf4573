// Rule results: pass, fail or needs_review, each with a Chinese reason carrying the numbers.

export const RULE_IDS = [
  'applicant_age_hukou',
  'income',
  'assets',
  'social_insurance',
  'housing',
  'household_composition',
  'other_benefits',
  'identity_documents',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  applicant_age_hukou: '主申请人年龄及户籍',
  income: '家庭收入',
  assets: '家庭资产',
  social_insurance: '社会保险缴纳年限',
  housing: '住房情况',
  household_composition: '家庭成员构成',
  other_benefits: '其他住房保障待遇',
  identity_documents: '身份证件',
};

/** The rules' titles in English (the English screens show these; RULE_TITLES stays the Chinese). */
export const RULE_TITLES_EN: Readonly<Record<RuleId, string>> = {
  applicant_age_hukou: 'Age and hukou of the main applicant',
  income: 'Household income',
  assets: 'Household assets',
  social_insurance: 'Years of social insurance',
  housing: 'Housing owned',
  household_composition: 'Household composition',
  other_benefits: 'Other housing benefits',
  identity_documents: 'Identity documents',
};

/** A rule's title in the screen's language ('en' or Chinese). */
export const ruleTitle = (rule: RuleId, lang: string): string => (lang.startsWith('en') ? RULE_TITLES_EN : RULE_TITLES)[rule];

export type Outcome = 'pass' | 'fail' | 'needs_review';

export interface RuleResult {
  readonly rule: RuleId;
  readonly outcome: Outcome;
  readonly reason: string;
  /** The reason in English, where the rule gives one (the English screens show it; otherwise the Chinese, marked as such). */
  readonly reasonEn?: string;
}

const RANK: Readonly<Record<Outcome, number>> = { pass: 0, needs_review: 1, fail: 2 };

/** fail beats needs_review beats pass. */
export function worst(outcomes: readonly Outcome[]): Outcome {
  return outcomes.reduce<Outcome>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/** Collects findings of one rule and reports the worst, listing the reasons that matter (Chinese, and English where given). */
export class Findings {
  private readonly items: { outcome: Outcome; reason: string; en: string | undefined }[] = [];

  add(outcome: Outcome, reason: string, en?: string): this {
    this.items.push({ outcome, reason, en });
    return this;
  }

  /** `passReason` replaces the collected pass reasons when everything passed. */
  result(rule: RuleId, passReason?: string, passReasonEn?: string): RuleResult {
    const outcome = worst(this.items.map((i) => i.outcome));
    const shown = outcome === 'pass' ? this.items : this.items.filter((i) => i.outcome !== 'pass');
    const reason = outcome === 'pass' && passReason !== undefined ? passReason : shown.map((i) => i.reason).join(';');
    const ens = outcome === 'pass' && passReason !== undefined ? [passReasonEn] : shown.map((i) => i.en);
    return ens.every((e): e is string => e !== undefined) ? { rule, outcome, reason, reasonEn: ens.join('; ') } : { rule, outcome, reason };
  }
}
