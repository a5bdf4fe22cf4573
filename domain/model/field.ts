// `field` collection: housing units, leases, and field inspections (入户核查) with their findings.
import type { BaseDoc, CollectionSchema, IsoDate, IsoDateTime } from './common';
import {
  BASE_REQUIRED,
  ID_MAX,
  KEY_MAX,
  baseProperties,
  int,
  nullableStr,
  num,
  obj,
  str,
  strEnum,
} from './common';
import type { BusinessItem } from './programmes';

export interface HousingUnitDoc extends BaseDoc<'unit'> {
  readonly projectName: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly building: string;
  readonly room: string;
  readonly areaM2: number;
  readonly bedrooms: number;
  readonly businessItem: BusinessItem;
  readonly state: 'vacant' | 'allocated' | 'leased' | 'repair';
}

export interface LeaseDoc extends BaseDoc<'lease'> {
  readonly unitId: string;
  readonly caseId: string;
  readonly householdId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly monthlyRent: number;
  readonly state: 'active' | 'ended' | 'terminated';
}

export const FINDING_KINDS = [
  'occupant_not_tenant',
  'sublet',
  'lent',
  'vacant_6_months',
  'use_changed',
  'structure_changed',
  'rent_arrears_6_months',
  'owns_other_housing',
  'income_exceeds',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  occupant_not_tenant: '实际居住人非承租人',
  sublet: '转租',
  lent: '出借',
  vacant_6_months: '闲置6个月以上',
  use_changed: '擅自改变用途',
  structure_changed: '擅自改变房屋结构',
  rent_arrears_6_months: '拖欠租金6个月以上',
  owns_other_housing: '已另购住房',
  income_exceeds: '收入超过准入标准',
};

export interface Finding {
  readonly kind: FindingKind;
  readonly note: string;
  /** Ids of photos in the `files` collection. */
  readonly evidenceIds: readonly string[];
}

export interface InspectionDoc extends BaseDoc<'inspection'> {
  readonly unitId: string;
  readonly leaseId: string | null;
  readonly caseId: string | null;
  readonly inspectorId: string;
  readonly visitedAt: IsoDateTime;
  readonly outcome: 'ok' | 'violation' | 'not_home';
  readonly findings: readonly Finding[];
  /** GPS position if the device had one, "lat,lng". */
  readonly position: string | null;
}

export type FieldDoc = HousingUnitDoc | LeaseDoc | InspectionDoc;

export const fieldSchema: CollectionSchema = {
  title: 'field',
  description: '房源、租约与入户核查',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['unit', 'lease', 'inspection']),
    projectName: str(200),
    districtId: str(KEY_MAX),
    streetId: str(KEY_MAX),
    building: str(50),
    room: str(20),
    areaM2: num(0),
    bedrooms: int(0, 20),
    businessItem: str(KEY_MAX),
    state: str(KEY_MAX),
    unitId: str(ID_MAX),
    caseId: nullableStr(ID_MAX),
    householdId: str(ID_MAX),
    startDate: str(10),
    endDate: str(10),
    monthlyRent: num(0),
    leaseId: nullableStr(ID_MAX),
    inspectorId: str(ID_MAX),
    visitedAt: str(30),
    outcome: strEnum(['ok', 'violation', 'not_home']),
    findings: {
      type: 'array',
      items: {
        ...obj('核查发现'),
        properties: {
          kind: strEnum(FINDING_KINDS),
          note: str(1000),
          evidenceIds: { type: 'array', items: str(ID_MAX) },
        },
        required: ['kind', 'note', 'evidenceIds'],
      },
    },
    position: nullableStr(60),
  },
  required: [...BASE_REQUIRED],
  indexes: [['type', 'unitId'], ['type', 'streetId'], ['officeId', 'type', 'updatedAt']],
};
