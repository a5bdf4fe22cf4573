// `files` collection: materials of a case, scanned-file metadata and biometric records.
// Binary content (scans, templates) lives in RxDB attachments or the file store, encrypted; the
// documents here hold metadata, hashes and sealed references only.
import type { BaseDoc, CollectionSchema, IsoDateTime } from './common';
import { BASE_REQUIRED, HASH_MAX, ID_MAX, KEY_MAX, baseProperties, bool, int, nullableStr, str, strEnum } from './common';

export const MATERIAL_STATES = ['missing', 'submitted', 'original_checked', 'rejected'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];

/** One required or provided material of a case (e.g. 户口簿, 不动产登记查询结果). */
export interface MaterialDoc extends BaseDoc<'material'> {
  readonly caseId: string;
  /** Code from the reference list of materials per business item. */
  readonly materialCode: string;
  /** The member the material belongs to; absent for household-level materials. */
  readonly personId?: string;
  readonly state: MaterialState;
  readonly note: string | null;
  readonly scanIds: readonly string[];
}

/** Metadata of one scanned page or photo. */
export interface ScanDoc extends BaseDoc<'scan'> {
  readonly caseId: string;
  readonly materialId: string;
  readonly mimeType: string;
  readonly pages: number;
  readonly byteLength: number;
  /** SHA-256 of the encrypted content, for integrity and de-duplication. */
  readonly contentHash: string;
  /** Key of the encrypted blob (attachment id or file-store path). */
  readonly blobRef: string;
  /** OCR text, if extracted, encrypted because certificates hold personal data. */
  readonly ocrTextEnc: string | null;
  readonly capturedAt: IsoDateTime;
}

export const BIOMETRIC_KINDS = ['face', 'fingerprint'] as const;
export type BiometricKind = (typeof BIOMETRIC_KINDS)[number];

/** Face descriptor or fingerprint template of a person, captured for a case with recorded consent. */
export interface BiometricDoc extends BaseDoc<'biometric'> {
  readonly caseId: string;
  readonly personId: string;
  readonly kind: BiometricKind;
  /** Encrypted descriptor (face: float vector) or template (fingerprint: module bytes), base64 inside. */
  readonly dataEnc: string;
  /** Fingerprint module model (templates are vendor-specific) or face model name and version. */
  readonly model: string;
  readonly finger: string | null;
  readonly quality: number | null;
  readonly consentId: string;
  readonly purpose: string;
  /** Set when raw biometrics were purged after the case closed (PIPL). */
  readonly purged: boolean;
}

export type FilesDoc = MaterialDoc | ScanDoc | BiometricDoc;

export const filesSchema: CollectionSchema = {
  title: 'files',
  description: '材料、扫描件与生物特征',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['material', 'scan', 'biometric']),
    caseId: str(ID_MAX),
    materialCode: str(KEY_MAX),
    personId: str(ID_MAX),
    state: strEnum(MATERIAL_STATES),
    note: nullableStr(500),
    scanIds: { type: 'array', items: str(ID_MAX) },
    materialId: str(ID_MAX),
    mimeType: str(100),
    pages: int(0, 10_000),
    byteLength: { type: 'integer', minimum: 0 },
    contentHash: str(HASH_MAX),
    blobRef: str(500),
    ocrTextEnc: nullableStr(200_000),
    capturedAt: str(30),
    kind: strEnum(BIOMETRIC_KINDS),
    dataEnc: str(),
    model: str(100),
    finger: nullableStr(20),
    quality: { type: ['number', 'null'], minimum: 0, maximum: 100 },
    consentId: str(ID_MAX),
    purpose: str(200),
    purged: bool,
  },
  required: [...BASE_REQUIRED, 'caseId'],
  // Opening a case loads all its files at once: [caseId, type] serves both "all" and "materials only".
  indexes: [['caseId', 'type'], 'personId'],
};
