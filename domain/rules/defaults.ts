// Threshold documents for the reference collection as of 2023-08-01. Figures marked 示例 in
// `source` are illustrative (no official number was found) and must be confirmed by the office.
import type { BusinessItem } from '../model/programmes';
import type { RuleThresholdDoc, Thresholds } from '../model/reference';

const AT = '2023-08-01T00:00:00.000Z';

function doc(businessItem: BusinessItem, thresholds: Thresholds, source: string): RuleThresholdDoc {
  return {
    id: `rule_thresholds:${businessItem}:2023-08-01`,
    type: 'rule_thresholds',
    schemaVersion: 0,
    officeId: 'city',
    createdAt: AT,
    updatedAt: AT,
    businessItem,
    effectiveFrom: '2023-08-01',
    thresholds,
    source,
  };
}

const PUBLIC_RENTAL: Thresholds = {
  minApplicantAge: 18,
  requireHukou: true,
  incomePerCapitaMax: 54_000,
  assetLimits: [
    { maxPersons: 3, limit: 660_000 },
    { maxPersons: null, limit: 870_000 },
  ],
  socialInsuranceYears: 3,
  socialInsuranceYearsQualified: 1,
  noOwnedHousing: true,
  noSaleWithinYears: null,
  coApplicantPermitYears: 1,
  violationBanYears: 3,
};

export const DEFAULT_THRESHOLD_DOCS: readonly RuleThresholdDoc[] = [
  doc('public_rental', PUBLIC_RENTAL, '2023年公共租赁住房收入、财产限额;学历职称年限及违规禁入年限为示例'),
  doc(
    'rental_subsidy',
    PUBLIC_RENTAL,
    '示例:按公共租赁住房标准',
  ),
  doc(
    'affordable_rental',
    {
      ...PUBLIC_RENTAL,
      requireHukou: false,
      incomePerCapitaMax: null,
      assetLimits: null,
      socialInsuranceYears: null,
      socialInsuranceYearsQualified: null,
      coApplicantPermitYears: null,
    },
    '示例:面向新市民、青年人,不设收入财产限额',
  ),
  doc(
    'shared_ownership',
    {
      ...PUBLIC_RENTAL,
      incomePerCapitaMax: null,
      assetLimits: null,
      socialInsuranceYears: 5,
      socialInsuranceYearsQualified: null,
      noSaleWithinYears: 5,
    },
    '共有产权住房:户籍、社保满5年、5年内未出售深圳住房',
  ),
  doc(
    'talent_housing',
    {
      ...PUBLIC_RENTAL,
      incomePerCapitaMax: null,
      assetLimits: null,
      socialInsuranceYears: null,
      socialInsuranceYearsQualified: null,
    },
    '示例:历史项目,仅用于存量管理',
  ),
];
