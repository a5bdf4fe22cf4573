// `reference` collection: offices, districts, streets, programmes, rule thresholds, the list of
// materials per business item, the reason codes of decisions and the holiday calendar — small,
// mostly read-only documents discriminated by `type`. Reason codes and the calendar are maintained
// by IT (the server's validate_doc_update lets only IT and administrators write them).
import type { BaseDoc, CollectionSchema, IsoDate } from './common';
import { BASE_REQUIRED, ID_MAX, KEY_MAX, baseProperties, bool, int, obj, str } from './common';
import type { BusinessItem } from './programmes';

export interface OfficeDoc extends BaseDoc<'office'> {
  readonly name: string;
  readonly level: 'street' | 'district' | 'city';
  readonly districtId: string;
  readonly streetId: string | null;
}

export interface DistrictDoc extends BaseDoc<'district'> {
  readonly name: string;
  /** Administrative region code, e.g. 440304 for 福田区. */
  readonly regionCode: string;
}

export interface StreetDoc extends BaseDoc<'street'> {
  readonly name: string;
  readonly districtId: string;
}

export interface ProgrammeDoc extends BaseDoc<'programme'> {
  readonly businessItem: BusinessItem;
  readonly name: string;
  readonly acceptsApplications: boolean;
}

/** Asset limit for households up to `maxPersons` members (null = any larger size). */
export interface AssetLimit {
  readonly maxPersons: number | null;
  readonly limit: number;
}

/**
 * Eligibility thresholds. A programme document sets every field; a district override sets only
 * the fields it changes. `null` means "this programme has no such rule".
 */
export interface Thresholds {
  readonly minApplicantAge: number;
  readonly requireHukou: boolean;
  readonly incomePerCapitaMax: number | null;
  /** Sorted by maxPersons ascending; the last entry usually has maxPersons null. */
  readonly assetLimits: readonly AssetLimit[] | null;
  readonly socialInsuranceYears: number | null;
  /** Reduced requirement with a bachelor degree or intermediate title (illustrative older rule). */
  readonly socialInsuranceYearsQualified: number | null;
  readonly noOwnedHousing: boolean;
  /** No housing sold in Shenzhen within this many years (shared ownership: 5). */
  readonly noSaleWithinYears: number | null;
  readonly coApplicantPermitYears: number | null;
  /** Removed from a programme for a violation within this many years bars a new application. */
  readonly violationBanYears: number | null;
}

export interface RuleThresholdDoc extends BaseDoc<'rule_thresholds'> {
  readonly businessItem: BusinessItem;
  /** Absent for the city-wide programme document; set for a district override. */
  readonly districtId?: string;
  readonly effectiveFrom: IsoDate;
  readonly thresholds: Partial<Thresholds>;
  /** Source of the figures, or 示例 when illustrative. */
  readonly source: string;
  /** A district override: eligibility rules the district switched off (domain/policy). */
  readonly rulesOff?: readonly string[];
  /** A district override published on a workstation: who signed it, when, and the signature (domain/policy/override.ts). */
  readonly actor?: { readonly userId: string; readonly name: string; readonly roles: readonly string[]; readonly officeId: string };
  readonly at?: string;
  readonly signature?: { readonly alg: 'ES256'; readonly keyId: string; readonly value: string };
}

export interface MaterialRequirement {
  readonly code: string;
  readonly name: string;
  /** The name in English, where known (the catalogue's). */
  readonly nameEn?: string;
  /** Per member or once per household. */
  readonly per: 'household' | 'member' | 'adult_member';
  readonly original: boolean;
  /** Only when the condition applies, e.g. 'married', 'degree', 'disability'. */
  readonly when?: string;
}

export interface MaterialListDoc extends BaseDoc<'material_list'> {
  readonly businessItem: BusinessItem;
  readonly materials: readonly MaterialRequirement[];
}

/** A reason code of review decisions (domain/workflow/reasons.ts), one document per code. */
export interface ReasonCodeDoc extends BaseDoc<'reason_code'> {
  readonly code: string;
  readonly use: 'return' | 'reject' | 'approve';
  readonly zh: string;
  readonly en: string;
  /** False: no longer offered (kept so stored decisions still name it). */
  readonly active: boolean;
}

/** One year of the holiday calendar (domain/deadlines): days off and adjusted working days (调休). */
export interface HolidayCalendarDoc extends BaseDoc<'holiday_calendar'> {
  readonly year: number;
  readonly entries: readonly { readonly date: IsoDate; readonly kind: 'holiday' | 'workday'; readonly name: string }[];
  /** The notice the dates come from. */
  readonly source: string;
}

/**
 * A unit-condition deficiency of field inspections (domain/inspection/nspire.ts) with its NSPIRE-style
 * severity and the hours allowed to correct it; one document per code, maintained by IT.
 */
export interface DeficiencyDoc extends BaseDoc<'deficiency'> {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly severity: 'life_threatening' | 'severe' | 'moderate' | 'low';
  readonly hours: number;
  /** False: no longer offered at visits (kept so stored visits still name it). */
  readonly active: boolean;
}

/**
 * A catalogue version of business items published centrally (`hws setup --catalogue`, written by
 * an administrator only). `catalogue` stays unknown here: a workstation checks it before adopting it
 * (renderer/reference/catalogues.ts).
 */
export interface CatalogueDoc extends BaseDoc<'catalogue'> {
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly catalogue: unknown;
}

/**
 * The city platform's allocation of a unit to a case (配租配售结果: its lottery or choice of units),
 * written down by the bridge (sync-server/bridge/reference.ts). Where one names a case, the district
 * allocates that unit and no other (domain/workflow/allocation.ts).
 */
export interface AllocationResultDoc extends BaseDoc<'allocation_result'> {
  readonly caseId: string;
  readonly unitId: string;
  readonly districtId: string;
  readonly businessItem: string;
  /** The platform's allocation round, e.g. 2026年第4批. */
  readonly round?: string;
  readonly source: string;
}

export type ReferenceDoc =
  | AllocationResultDoc
  | CatalogueDoc
  | OfficeDoc
  | DeficiencyDoc
  | ReasonCodeDoc
  | HolidayCalendarDoc
  | DistrictDoc
  | StreetDoc
  | ProgrammeDoc
  | RuleThresholdDoc
  | MaterialListDoc
  | StaffKeyRecord;

/** A staff member's registered signing public key (domain/sync/staff-keys.ts), as a local record. */
export interface StaffKeyRecord extends BaseDoc<'staff_key'> {
  readonly name: string;
  readonly keyId: string;
  readonly publicKey: string;
  readonly workstationId: string;
  readonly revokedAt?: string | null;
}

export const REFERENCE_TYPES = [
  'office',
  'district',
  'street',
  'programme',
  'rule_thresholds',
  'material_list',
  'staff_key',
  'reason_code',
  'holiday_calendar',
  'deficiency',
  'catalogue',
  'allocation_result',
] as const;

/** Types IT maintains on the workstation (and the server lets IT write). */
export const IT_REFERENCE_TYPES = ['reason_code', 'holiday_calendar', 'deficiency'] as const;

export const referenceSchema: CollectionSchema = {
  title: 'reference',
  description: '基础数据',
  version: 6,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(REFERENCE_TYPES),
    name: str(100),
    level: str(10),
    regionCode: str(6),
    districtId: str(KEY_MAX),
    streetId: { type: ['string', 'null'], maxLength: KEY_MAX },
    businessItem: str(KEY_MAX),
    acceptsApplications: bool,
    effectiveFrom: str(10),
    thresholds: obj('准入标准'),
    source: str(500),
    materials: { type: 'array', items: obj('材料要求') },
    keyId: str(16),
    publicKey: str(200),
    workstationId: str(100),
    revokedAt: { type: ['string', 'null'], maxLength: 30 },
    code: str(40),
    use: str(10),
    zh: str(200),
    en: str(200),
    active: bool,
    severity: str(20),
    hours: int(1, 8760),
    year: int(2000, 2100),
    entries: { type: 'array', items: obj('节假日或调休工作日') },
    rulesOff: { type: 'array', items: str(40) },
    actor: obj('签发人'),
    at: str(30),
    signature: obj('签名'),
    version: str(20),
    catalogue: obj('业务事项目录'),
    caseId: str(ID_MAX),
    unitId: str(ID_MAX),
    round: str(40),
  },
  required: [...BASE_REQUIRED],
  indexes: [['type', 'businessItem'], ['type', 'districtId']],
};

/** Version 1 → 2 adds reason codes and the holiday calendar: stored documents are kept as they were. */
export const referenceMigrationStrategies = {
  1: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
  2: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
  /** Version 2 → 3 adds signed district overrides (rulesOff, actor, at, signature): stored documents are kept as they were. */
  3: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
  /** Version 3 → 4 adds inspection deficiencies (severity, hours; codes up to 40 characters): stored documents are kept as they were. */
  4: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
  /** Version 4 → 5 adds the catalogue versions published centrally (version, catalogue): stored documents are kept as they were. */
  5: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
  /** Version 5 → 6 adds the platform's allocation results (caseId, unitId, round): stored documents are kept as they were. */
  6: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
} as const;
