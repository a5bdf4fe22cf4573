// `people` collection: persons and households (with their members), discriminated by `type`.
import type { BaseDoc, CollectionSchema, IsoDate } from './common';
import {
  BASE_REQUIRED,
  HASH_MAX,
  ID_MAX,
  KEY_MAX,
  baseProperties,
  nullableStr,
  obj,
  str,
  strEnum,
} from './common';

export type GenderCode = '1' | '2' | '0' | '9';
export type HukouKind = 'shenzhen' | 'guangdong_other' | 'other' | 'unknown';
export type Relation = 'applicant' | 'spouse' | 'child' | 'parent' | 'other';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

/**
 * A person as read from the ID card and declared at the counter. Sensitive fields are sealed.
 * Since schema version 2 no birth date (nor the card's first valid day) is stored in clear: with
 * the masked number they gave all 18 digits. The birth date is read from the unsealed number
 * (`checkIdNumber(..).info.birthDate`); the clear fields leave the 8 birth-date digits unknown
 * (domain/identity/exposure.ts measures it).
 */
export interface PersonDoc extends BaseDoc<'person'> {
  readonly name: string;
  readonly nameKey: string;
  readonly gender: GenderCode;
  readonly nationCode: string;
  /** Encrypted ID number. */
  readonly idNumberEnc: string;
  /** Keyed hash of the normalised 18-digit ID number. */
  readonly idHash: string;
  /** Masked for display without decryption, e.g. 440304********1234. */
  readonly idMasked: string;
  readonly phoneEnc: string | null;
  readonly phoneHash: string | null;
  readonly hukou: HukouKind;
  /** Residence permit issue date, for non-hukou members. */
  readonly residencePermitSince: IsoDate | null;
  /** YYYY-MM-DD or 长期: when the card expires (its first valid day is only in `cardRawEnc`). */
  readonly cardValidTo: string | null;
  readonly cardAddressEnc: string | null;
  /** The card exactly as read (text fields, WLT photo, fingerprint block), sealed; null when no card was read. Since schema version 1. */
  readonly cardRawEnc?: string | null;
  /** The household the person was last registered in (indexed: who else applied with them). Since schema version 1. */
  readonly householdId?: string;
  readonly maritalStatus: MaritalStatus | null;
}

export interface HouseholdMember {
  readonly personId: string;
  readonly relation: Relation;
  /** Annual disposable income declared, CNY, allowances excluded. */
  readonly annualIncome: number | null;
  readonly ownsHousingInShenzhen: boolean | null;
}

export interface HouseholdDoc extends BaseDoc<'household'> {
  readonly applicantPersonId: string;
  readonly districtId: string;
  readonly streetId: string;
  readonly communityId: string;
  /** Encrypted current address (building, unit, room). */
  readonly addressEnc: string;
  readonly members: readonly HouseholdMember[];
  /** Total household assets declared, CNY. */
  readonly declaredAssets: number | null;
}

export type PeopleDoc = PersonDoc | HouseholdDoc;

export const peopleSchema: CollectionSchema = {
  title: 'people',
  description: '人员与家庭',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['person', 'household']),
    // person
    name: str(100),
    nameKey: str(KEY_MAX),
    gender: strEnum(['0', '1', '2', '9'], 1),
    nationCode: str(2),
    idNumberEnc: str(),
    idHash: str(HASH_MAX),
    idMasked: str(18),
    phoneEnc: nullableStr(1000),
    phoneHash: nullableStr(HASH_MAX),
    hukou: strEnum(['shenzhen', 'guangdong_other', 'other', 'unknown']),
    residencePermitSince: nullableStr(10),
    cardValidTo: nullableStr(10),
    cardAddressEnc: nullableStr(2000),
    cardRawEnc: nullableStr(20_000),
    householdId: str(ID_MAX),
    maritalStatus: { type: ['string', 'null'], enum: ['single', 'married', 'divorced', 'widowed', null] },
    // household
    applicantPersonId: str(ID_MAX),
    districtId: str(KEY_MAX),
    streetId: str(KEY_MAX),
    communityId: str(KEY_MAX),
    addressEnc: str(),
    members: {
      type: 'array',
      items: {
        ...obj('家庭成员'),
        properties: {
          personId: str(ID_MAX),
          relation: strEnum(['applicant', 'spouse', 'child', 'parent', 'other']),
          annualIncome: { type: ['number', 'null'], minimum: 0 },
          ownsHousingInShenzhen: { type: ['boolean', 'null'] },
        },
        required: ['personId', 'relation'],
      },
    },
    declaredAssets: { type: ['number', 'null'], minimum: 0 },
  },
  required: [...BASE_REQUIRED],
  // Persons: lookup by ID hash and name prefix. Households: by applicant.
  indexes: [['type', 'idHash'], ['type', 'nameKey'], ['type', 'applicantPersonId'], ['type', 'householdId']],
};

/**
 * Version 0 → 1: persons gain `cardRawEnc` (the raw card data, sealed; none was kept before) and an
 * indexed `householdId`, taken from the household that lists them when it is in the same batch
 * (RxDB migrates document by document, so otherwise it stays empty and is filled on the next save).
 */
export const peopleMigrationStrategies = {
  1: (oldDoc: Record<string, unknown>): Record<string, unknown> =>
    oldDoc.type === 'person' ? { ...oldDoc, cardRawEnc: null, householdId: '' } : { ...oldDoc, householdId: '' },
  2: withoutClearBirthDate,
} as const;

/**
 * Version 1 → 2: persons lose the clear `birthDate` and `cardValidFrom` (the birth date is in the
 * sealed number, the card's dates in the sealed raw card); households are unchanged.
 */
export function withoutClearBirthDate(oldDoc: Record<string, unknown>): Record<string, unknown> {
  if (oldDoc.type !== 'person') return oldDoc;
  const { birthDate: _birth, cardValidFrom: _from, ...rest } = oldDoc;
  return { ...rest, schemaVersion: 2 };
}

/** The document-level `schemaVersion` a person or household is written with. */
export const PEOPLE_SCHEMA_VERSION = 2;
