// Case (业务办件) documents: versions 0 to 3 of the schema, with the RxDB migrations between them.
import type { BaseDoc, CollectionSchema, IsoDate, IsoDateTime } from './common';
import {
  BASE_REQUIRED,
  HASH_MAX,
  ID_MAX,
  ISO_MAX,
  KEY_MAX,
  baseProperties,
  bool,
  int,
  nameKey,
  nullableStr,
  str,
  strEnum,
} from './common';
import type { BusinessItem } from './programmes';
import { BUSINESS_ITEMS } from './programmes';
import type { CaseStatus } from './status';
import { CASE_STATUSES } from './status';

/**
 * What intake or the events found that a reviewer must look at: a duplicate-benefit hit a reviewer
 * let through, an eligibility rule that needs review, OCR or card data disagreeing with the entries.
 */
export const CASE_FLAGS = ['duplicate_hit', 'rule_review', 'identity_mismatch'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

/**
 * A case as stored (document shape 1; the collection's schema version 2 added the optional
 * projections `dueOn` and `flags`, which a document of an older workstation lacks until the
 * projection writes them). `status`, `flagged` and `lastEventAt` are a projection of the
 * case's events, recomputed by the device that appends an event; a replication conflict on them is
 * resolved by deriving again from the events, never by picking a side.
 */
export interface CaseDoc extends BaseDoc<'case'> {
  readonly schemaVersion: 1;
  readonly businessItem: BusinessItem;
  readonly status: CaseStatus;
  readonly flagged: boolean;
  readonly districtId: string;
  readonly streetId: string;
  readonly householdId: string;
  readonly applicantPersonId: string;
  /** Display name of the main applicant (not sensitive under the project's PIPL scope). */
  readonly applicantName: string;
  /** Prefix-search key of the applicant's name, see `nameKey`. */
  readonly nameKey: string;
  /** Keyed hash of the applicant's ID number, for lookup by card. */
  readonly idHash: string;
  readonly householdSize: number;
  readonly receiptNo: string | null;
  readonly lastEventAt: IsoDateTime;
  /** The applicant's answer date given at intake (calendar days, printed on the receipt). */
  readonly dueAt: IsoDateTime | null;
  /**
   * Projection (version 2): the running review stage's due date in working days (stageDeadline),
   * '' when no stage runs or its clock is paused. Indexed with office and status, so "due soon"
   * and "overdue" are range reads against today.
   */
  readonly dueOn?: IsoDate | '';
  /** Projection (version 2): what the reviewer must look at (CASE_FLAGS); absent or [] when clean. */
  readonly flags?: readonly CaseFlag[];
  /**
   * Version 3: the business item's code in the catalogue (e.g. `public_rental.renewal`) and the
   * catalogue version the case started under; its stages, deadlines and documents come from that
   * item. Absent on a document of an older workstation: read as the application item of
   * `businessItem` under catalogue 2026.1 (`caseItemCode`).
   */
  readonly item?: string;
  readonly catalogueVersion?: string;
}

/** The first catalogue version: cases from before the catalogue started under it. */
export const FIRST_CATALOGUE_VERSION = '2026.1';

/** The case's business item code and catalogue version, old documents read as their application item. */
export const caseItemCode = (doc: Pick<CaseDoc, 'businessItem' | 'item'>): string => doc.item ?? doc.businessItem;
export const caseCatalogueVersion = (doc: Pick<CaseDoc, 'catalogueVersion'>): string => doc.catalogueVersion ?? FIRST_CATALOGUE_VERSION;

/** Version 0, as written by the first pilot build: `programme` with short codes and no name key. */
export interface CaseDocV0 {
  readonly id: string;
  readonly type: 'case';
  readonly schemaVersion: 0;
  readonly officeId: string;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  readonly programme: 'gongzu' | 'baozu' | 'gongyou' | 'butie' | 'rencai';
  readonly status: CaseStatus;
  readonly streetId: string;
  readonly districtId: string;
  readonly householdId: string;
  readonly applicantPersonId: string;
  readonly applicantName: string;
  readonly idHash: string;
  readonly memberCount: number;
  readonly receiptNo?: string;
}

const V0_PROGRAMMES = ['gongzu', 'baozu', 'gongyou', 'butie', 'rencai'] as const;
const V0_TO_ITEM: Readonly<Record<CaseDocV0['programme'], BusinessItem>> = {
  gongzu: 'public_rental',
  baozu: 'affordable_rental',
  gongyou: 'shared_ownership',
  butie: 'rental_subsidy',
  rencai: 'talent_housing',
};

/** The statuses of schema versions 0 to 2 (version 3 added `completed`). */
const STATUSES_V2 = CASE_STATUSES.filter((s) => s !== 'completed');

const commonCaseProperties = {
  ...baseProperties(['case']),
  status: strEnum(STATUSES_V2),
  streetId: str(KEY_MAX),
  districtId: str(KEY_MAX),
  householdId: str(ID_MAX),
  applicantPersonId: str(ID_MAX),
  applicantName: str(100),
  idHash: str(HASH_MAX),
};

export const caseSchemaV0: CollectionSchema = {
  title: 'cases',
  description: '业务办件(第0版)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...commonCaseProperties,
    programme: strEnum(V0_PROGRAMMES),
    memberCount: int(1, 100),
    receiptNo: str(40),
  },
  required: [...BASE_REQUIRED, 'programme', 'status', 'streetId', 'idHash'],
  indexes: [['officeId', 'status', 'updatedAt'], 'idHash', ['streetId', 'createdAt']],
};

export const caseSchemaV1: CollectionSchema = {
  title: 'cases',
  description: '业务办件(第1版)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...commonCaseProperties,
    businessItem: strEnum(BUSINESS_ITEMS),
    flagged: bool,
    nameKey: str(KEY_MAX),
    householdSize: int(1, 100),
    receiptNo: nullableStr(40),
    lastEventAt: str(ISO_MAX),
    dueAt: nullableStr(ISO_MAX),
  },
  required: [
    ...BASE_REQUIRED,
    'businessItem',
    'status',
    'flagged',
    'districtId',
    'streetId',
    'nameKey',
    'idHash',
    'householdSize',
    'lastEventAt',
  ],
  indexes: [
    ['officeId', 'status', 'updatedAt'],
    'idHash',
    'nameKey',
    ['streetId', 'createdAt'],
    ['businessItem', 'status'],
  ],
};

export const caseSchemaV2: CollectionSchema = {
  ...caseSchemaV1,
  description: '业务办件(第2版)',
  version: 2,
  properties: {
    ...caseSchemaV1.properties,
    dueOn: str(10, '当前审核环节的办理期限(工作日),无则为空'),
    flags: { type: 'array', items: strEnum(CASE_FLAGS) },
  },
  indexes: [...caseSchemaV1.indexes, ['officeId', 'status', 'dueOn']],
};

export const caseSchema: CollectionSchema = {
  ...caseSchemaV2,
  description: '业务办件',
  version: 3,
  properties: {
    ...caseSchemaV2.properties,
    status: strEnum(CASE_STATUSES),
    item: str(60, '事项目录中的事项编码'),
    catalogueVersion: str(20, '办件开始时的事项目录版本'),
  },
};

/** Version 0 → 1: programme codes become business items, a name key is derived, projection fields added. */
export function migrateCaseV0toV1(old: CaseDocV0): CaseDoc {
  const { programme, memberCount, receiptNo, ...rest } = old;
  return {
    ...rest,
    schemaVersion: 1,
    businessItem: V0_TO_ITEM[programme],
    flagged: false,
    nameKey: nameKey(old.applicantName),
    householdSize: memberCount,
    receiptNo: receiptNo ?? null,
    lastEventAt: old.updatedAt,
    dueAt: null,
  };
}

/**
 * Version 1 → 2: the deadline and flag projections start empty; they need the case's events, which
 * a per-document migration cannot read. renderer/sync/case-projection.ts `projectPendingCases`
 * derives them for every running case still without a due date (run when a queue opens).
 */
export function migrateCaseV1toV2(old: CaseDoc): CaseDoc {
  return { ...old, dueOn: old.dueOn ?? '', flags: old.flags ?? [] };
}

/** Version 2 → 3: a case from before the catalogue is its programme's application item under 2026.1. */
export function migrateCaseV2toV3(old: CaseDoc): CaseDoc {
  return { ...old, item: caseItemCode(old), catalogueVersion: caseCatalogueVersion(old) };
}

/** RxDB `migrationStrategies` for the `cases` collection. */
export const caseMigrationStrategies = {
  1: (oldDoc: CaseDocV0): CaseDoc => migrateCaseV0toV1(oldDoc),
  2: (oldDoc: CaseDoc): CaseDoc => migrateCaseV1toV2(oldDoc),
  3: (oldDoc: CaseDoc): CaseDoc => migrateCaseV2toV3(oldDoc),
} as const;
