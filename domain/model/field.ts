// `field` collection: what inspectors work with — housing units, tenancies (leases), inspection
// plans and their tasks, and the visits (入户核查) with their findings. Version 1 added the
// tenancy's arrears and risk facts, plans, tasks and the visit's checks; version 0 documents are
// kept as they were, with the new fields given their empty values (`fieldMigrationStrategies`).
import type { BaseDoc, CollectionSchema, IsoDate, IsoDateTime } from './common';
import { BASE_REQUIRED, ID_MAX, KEY_MAX, baseProperties, bool, int, nullableStr, num, obj, str, strArray, strEnum } from './common';
import { padIndexFields } from './indexing';
import type { BusinessItem } from './programmes';

export const FIELD_SCHEMA_VERSION = 1;

export const UNIT_TYPES = ['studio', 'one_bed', 'two_bed', 'three_bed'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** A housing unit: estate (小区) `projectName`, building, unit number `room`. */
export interface HousingUnitDoc extends BaseDoc<'unit'> {
  readonly projectName: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly building: string;
  readonly room: string;
  readonly areaM2: number;
  readonly bedrooms: number;
  readonly unitType: UnitType;
  readonly businessItem: BusinessItem;
  readonly state: 'vacant' | 'allocated' | 'leased' | 'repair';
}

/** A tenancy: the contract of a household for a unit, with what the risk flags read. */
export interface LeaseDoc extends BaseDoc<'lease'> {
  readonly unitId: string;
  readonly caseId: string;
  readonly householdId: string;
  readonly streetId: string;
  readonly projectName: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly monthlyRent: number;
  readonly arrearsMonths: number;
  /** Violations found at earlier inspections (before this workstation's records). */
  readonly priorViolations: number;
  readonly complaints: number;
  /** Per-capita income at the household's last declaration, CNY a year. */
  readonly declaredIncomePerCapita: number;
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
  'unit_condition',
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
  unit_condition: '房屋状况需整改',
};

export interface Finding {
  readonly kind: FindingKind;
  readonly note: string;
  /** Ids of photos in the `files` collection. */
  readonly evidenceIds: readonly string[];
}

export const RISK_FLAGS = ['arrears', 'prior_violation', 'renewal_due', 'income_above_limit', 'complaints'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** A plan a supervisor made: the sample's seed is recorded, so the same seed gives the same sample. */
export interface InspectionPlanDoc extends BaseDoc<'inspection_plan'> {
  readonly title: string;
  readonly seed: number;
  /** Share of each estate's active tenancies drawn at random (0–1). */
  readonly sampleRate: number;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly createdBy: string;
}

export const TASK_REASONS = ['sample', 'risk', 'reinspection'] as const;
export type TaskReason = (typeof TASK_REASONS)[number];

/** One tenancy to visit, assigned to an inspector by a supervisor; `cancelled` takes it away. */
export interface InspectionTaskDoc extends BaseDoc<'inspection_task'> {
  readonly planId: string;
  readonly leaseId: string;
  readonly unitId: string;
  readonly householdId: string;
  readonly caseId: string;
  readonly streetId: string;
  readonly projectName: string;
  readonly inspectorId: string;
  readonly dueDate: IsoDate;
  readonly reason: TaskReason;
  readonly riskFlags: readonly RiskFlag[];
  /** The household's enrolments (face and fingerprint records) when the task was made: the laptop reads them by id. */
  readonly enrolmentIds: readonly string[];
  readonly state: 'assigned' | 'cancelled';
}

export const IDENTITY_RESULTS = ['tenant', 'member', 'other', 'not_read'] as const;
export type IdentityResult = (typeof IDENTITY_RESULTS)[number];
export const OCCUPANCY = ['tenant_present', 'other_occupant', 'vacant', 'sublet_or_lent', 'use_changed'] as const;
export type Occupancy = (typeof OCCUPANCY)[number];

/** A condition deficiency found in the unit, with its correction deadline (NSPIRE-style severities). */
export interface ConditionItem {
  readonly code: string;
  readonly severity: 'life_threatening' | 'severe' | 'moderate' | 'low';
  readonly note: string;
  readonly correctBy: IsoDate;
}

export interface InspectionDoc extends BaseDoc<'inspection'> {
  readonly unitId: string;
  readonly leaseId: string | null;
  readonly caseId: string | null;
  readonly taskId: string;
  readonly inspectorId: string;
  readonly visitedAt: IsoDateTime;
  readonly outcome: 'ok' | 'violation' | 'not_home';
  readonly findings: readonly Finding[];
  readonly identity: IdentityResult;
  /** The ID card's person where it is one of the household's (keyed hash of the number otherwise). */
  readonly occupantPersonId: string | null;
  /** Distance of the face at the door from the enrolled one (domain/face: below MATCH_THRESHOLD, the same person). */
  readonly faceScore: number | null;
  readonly fingerprintMatched: boolean | null;
  readonly occupancy: Occupancy;
  readonly arrearsMonths: number;
  readonly conditions: readonly ConditionItem[];
  /** Earliest correction deadline; a re-inspection task is due then. */
  readonly correctBy: IsoDate | null;
  readonly photoIds: readonly string[];
  /** The photos themselves: JPEG data URLs, downscaled, with the time and unit burnt in. */
  readonly photos: readonly string[];
  /** Occupant's on-screen signature (PNG data URL), or null with `signatureRefused`. */
  readonly signature: string | null;
  readonly signatureRefused: boolean;
  /** GPS position if the device had one, "lat,lng". */
  readonly position: string | null;
}

export type FieldDoc = HousingUnitDoc | LeaseDoc | InspectionPlanDoc | InspectionTaskDoc | InspectionDoc;

export const FIELD_TYPES = ['unit', 'lease', 'inspection', 'inspection_plan', 'inspection_task'] as const;

export const fieldSchema: CollectionSchema = {
  title: 'field',
  description: '房源、租约、核查计划与任务、入户核查',
  version: FIELD_SCHEMA_VERSION,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(FIELD_TYPES),
    projectName: str(200),
    districtId: str(KEY_MAX),
    streetId: str(KEY_MAX),
    building: str(50),
    room: str(20),
    areaM2: num(0),
    bedrooms: int(0, 20),
    unitType: str(KEY_MAX),
    businessItem: str(KEY_MAX),
    state: str(KEY_MAX),
    unitId: str(ID_MAX),
    caseId: nullableStr(ID_MAX),
    householdId: str(ID_MAX),
    startDate: str(10),
    endDate: str(10),
    monthlyRent: num(0),
    arrearsMonths: int(0, 600),
    priorViolations: int(0, 100),
    complaints: int(0, 1000),
    declaredIncomePerCapita: num(0),
    title: str(200),
    seed: int(0, 2 ** 31),
    sampleRate: num(0),
    startsOn: str(10),
    endsOn: str(10),
    createdBy: str(ID_MAX),
    planId: str(ID_MAX),
    dueDate: str(10),
    reason: str(KEY_MAX),
    riskFlags: strArray(KEY_MAX),
    enrolmentIds: strArray(ID_MAX),
    leaseId: nullableStr(ID_MAX),
    taskId: str(ID_MAX),
    inspectorId: str(ID_MAX),
    visitedAt: str(30),
    outcome: strEnum(['ok', 'violation', 'not_home']),
    findings: {
      type: 'array',
      items: {
        ...obj('核查发现'),
        properties: { kind: strEnum(FINDING_KINDS), note: str(1000), evidenceIds: { type: 'array', items: str(ID_MAX) } },
        required: ['kind', 'note', 'evidenceIds'],
      },
    },
    identity: strEnum(IDENTITY_RESULTS),
    occupantPersonId: nullableStr(ID_MAX),
    faceScore: { type: ['number', 'null'] },
    fingerprintMatched: { type: ['boolean', 'null'] },
    occupancy: strEnum(OCCUPANCY),
    conditions: {
      type: 'array',
      items: {
        ...obj('房屋状况缺陷'),
        properties: { code: str(KEY_MAX), severity: str(KEY_MAX), note: str(1000), correctBy: str(10) },
        required: ['code', 'severity', 'note', 'correctBy'],
      },
    },
    correctBy: nullableStr(10),
    photoIds: strArray(ID_MAX),
    photos: { type: 'array', items: str(400_000) },
    signature: nullableStr(200_000),
    signatureRefused: bool,
    position: nullableStr(60),
  },
  required: [...BASE_REQUIRED],
  indexes: [['type', 'unitId'], ['type', 'streetId'], ['officeId', 'type', 'updatedAt'], ['type', 'inspectorId'], ['type', 'planId']],
};

const V1_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> = {
  lease: { arrearsMonths: 0, priorViolations: 0, complaints: 0, declaredIncomePerCapita: 0, streetId: '', projectName: '' },
  unit: { unitType: 'one_bed' },
  inspection: {
    taskId: '', identity: 'not_read', occupantPersonId: null, faceScore: null, fingerprintMatched: null, occupancy: 'tenant_present',
    arrearsMonths: 0, conditions: [], correctBy: null, photoIds: [], photos: [], signature: null, signatureRefused: false,
  },
};

/** Version 0 → 1: inspections gain the visit's checks (empty), leases the risk facts (zero), every kind the new index fields. */
export const fieldMigrationStrategies: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (doc) => padIndexFields(fieldSchema, { ...V1_DEFAULTS[String(doc.type)], ...doc, schemaVersion: 1 }),
};
