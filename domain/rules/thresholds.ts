// Resolving the thresholds that apply: the programme's document, with a district override merged over it.
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import type { IsoDate } from '../model/common';
import type { BusinessItem } from '../model/programmes';
import { BUSINESS_ITEM_LABELS } from '../model/programmes';
import type { RuleThresholdDoc, Thresholds } from '../model/reference';

const KEYS: readonly (keyof Thresholds)[] = [
  'minApplicantAge',
  'requireHukou',
  'incomePerCapitaMax',
  'assetLimits',
  'socialInsuranceYears',
  'socialInsuranceYearsQualified',
  'noOwnedHousing',
  'noSaleWithinYears',
  'coApplicantPermitYears',
  'violationBanYears',
];

export interface ResolvedThresholds {
  readonly thresholds: Thresholds;
  /** Ids of the documents merged, programme first. */
  readonly sources: readonly string[];
}

/** The latest document in force on `on` among `docs` (by effectiveFrom, then id). */
function inForce(docs: readonly RuleThresholdDoc[], on: IsoDate): RuleThresholdDoc | undefined {
  return docs
    .filter((d) => d.effectiveFrom <= on)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? (a.id < b.id ? -1 : 1) : a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .at(-1);
}

export function resolveThresholds(
  docs: readonly RuleThresholdDoc[],
  businessItem: BusinessItem,
  districtId: string,
  on: IsoDate,
): Result<ResolvedThresholds> {
  const mine = docs.filter((d) => d.businessItem === businessItem);
  const programme = inForce(mine.filter((d) => d.districtId === undefined), on);
  const label = BUSINESS_ITEM_LABELS[businessItem];
  if (!programme) return fail('RULES_MISSING', `未找到${on}适用的${label}准入标准,请联系管理员维护基础数据`);
  const missing = KEYS.filter((k) => programme.thresholds[k] === undefined);
  if (missing.length > 0) {
    return fail('RULES_INCOMPLETE', `${label}准入标准(${programme.id})缺少字段:${missing.join('、')}`);
  }
  const override = inForce(mine.filter((d) => d.districtId === districtId), on);
  const thresholds = { ...programme.thresholds, ...(override?.thresholds ?? {}) } as Thresholds;
  return ok({ thresholds, sources: override ? [programme.id, override.id] : [programme.id] });
}

/** The asset limit for a household of `size` persons, or null when the programme sets none. */
export function assetLimitFor(thresholds: Thresholds, size: number): number | null {
  const limits = thresholds.assetLimits;
  if (!limits || limits.length === 0) return null;
  const sorted = [...limits].sort((a, b) => (a.maxPersons ?? Infinity) - (b.maxPersons ?? Infinity));
  return (sorted.find((l) => l.maxPersons === null || size <= l.maxPersons) ?? sorted.at(-1)!).limit;
}
