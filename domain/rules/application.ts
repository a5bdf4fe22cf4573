// The application as the rules see it: clear (decrypted) values held in memory only.
import type { IsoDate } from '../model/common';
import type { HukouKind, MaritalStatus, Relation } from '../model/people';
import type { BusinessItem } from '../model/programmes';
import type { CardFields } from '../identity/checks';

export const INCOME_KINDS = [
  'wage',
  'business',
  'pension',
  'property',
  'other',
  'disability_allowance',
  'orphan_allowance',
  'old_age_allowance',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/** Allowances that do not count as income. */
export const EXCLUDED_INCOME: ReadonlySet<IncomeKind> = new Set([
  'disability_allowance',
  'orphan_allowance',
  'old_age_allowance',
]);

export interface Income {
  readonly kind: IncomeKind;
  /** CNY per year. */
  readonly annualAmount: number;
}

export interface OtherBenefit {
  readonly name: string;
  readonly active: boolean;
}

export interface ApplicationMember {
  readonly personId: string;
  readonly name: string;
  readonly relation: Relation;
  readonly birthDate: IsoDate;
  readonly hukou: HukouKind;
  readonly residencePermitSince: IsoDate | null;
  /** Null: not declared yet. */
  readonly incomes: readonly Income[] | null;
  /** Years of Shenzhen social insurance; matters for the main applicant. */
  readonly socialInsuranceYears: number | null;
  readonly qualification: 'bachelor' | 'intermediate_title' | null;
  /** From the property search (不动产登记查询); null until it is available. */
  readonly ownsHousingInShenzhen: boolean | null;
  readonly soldHousingOn: IsoDate | null;
  readonly otherBenefits: readonly OtherBenefit[];
  readonly removedForViolationOn: IsoDate | null;
  /** Card as read; null when no card was read (e.g. a child's number from the 户口簿 only). */
  readonly card: CardFields | null;
  /** Number from the 户口簿, for children under 16 who need no card. */
  readonly registerIdNumber: string | null;
}

export interface Application {
  readonly businessItem: BusinessItem;
  readonly districtId: string;
  readonly applicationDate: IsoDate;
  readonly maritalStatus: MaritalStatus | null;
  /** Minor children according to birth certificates / 户口簿; null if not established. */
  readonly minorChildren: number | null;
  /** Net household assets, CNY; null until declared. */
  readonly householdAssets: number | null;
  readonly members: readonly ApplicationMember[];
}
