// Public surface of the eligibility rules.
export * from './application';
export * from './result';
export * from './format';
export * from './thresholds';
export * from './defaults';
export * from './evaluate';
export { ruleApplicantAgeHukou, ruleSocialInsurance, mainApplicant } from './applicant-rules';
export { ruleIncome, ruleAssets, summariseIncome } from './money-rules';
export { ruleHousing, ruleHouseholdComposition, ruleOtherBenefits } from './household-rules';
export { ruleIdentityDocuments } from './identity-rule';
