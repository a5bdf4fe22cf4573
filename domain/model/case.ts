// Case (业务办件) documents: versions 0 and 1 of the schema, with the RxDB migration between them.
import type { BaseDoc, CollectionSchema, IsoDateTime } from './common';
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
 * A case as stored (schema version 1). `status`, `flagged` and `lastEventAt` are a projection of the
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
  /** Processing deadline for the current stage, if any. */
  readonly dueAt: IsoDateTime | null;
}

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

const commonCaseProperties = {
  ...baseProperties(['case']),
  status: strEnum(CASE_STATUSES),
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

export const caseSchema: CollectionSchema = {
  title: 'cases',
  description: '业务办件',
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

/** RxDB `migrationStrategies` for the `cases` collection. */
export const caseMigrationStrategies = {
  1: (oldDoc: CaseDocV0): CaseDoc => migrateCaseV0toV1(oldDoc),
} as const;
