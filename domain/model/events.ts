// `events` collection: the append-only case events. Documents are never edited after insert.
import type { Signature } from '../crypto/signing';
import type { BaseDoc, CollectionSchema, IsoDateTime } from './common';
import { BASE_REQUIRED, ID_MAX, ISO_MAX, KEY_MAX, baseProperties, obj, str, strArray } from './common';

/** How a signature is stored (domain/crypto/signing.ts); events and audit entries carry one. */
export const signatureProperty = {
  type: 'object',
  description: '经办人签名',
  properties: { alg: str(10), keyId: str(16), value: str(100) },
  required: ['alg', 'keyId', 'value'],
} as const;

/** Collections at version 1 took signed documents; a stored version-0 document stays as it was (unsigned, reported so by readers). */
export const signedMigrationStrategies = {
  1: (oldDoc: Record<string, unknown>): Record<string, unknown> => oldDoc,
} as const;

export const ROLES = ['clerk', 'inspector', 'reviewer', 'district_reviewer', 'it'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '窗口受理员',
  inspector: '核查员',
  reviewer: '街道初审员',
  district_reviewer: '区复审员',
  it: '信息运维人员',
};

export interface Actor {
  readonly userId?: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly officeId: string;
}

/** A case event as stored. `kind` and `payload` are typed precisely in domain/workflow/events.ts. */
export interface CaseEventDocBase<K extends string = string, P = unknown> extends BaseDoc<'case_event'> {
  readonly caseId: string;
  readonly kind: K;
  readonly actor: Actor;
  /** When the decision was taken (device clock), ISO. */
  readonly at: IsoDateTime;
  readonly payload: P;
  /** Device that wrote the event, for diagnosing offline clock skew. */
  readonly deviceId: string | null;
  /** The actor's signature (absent only on events written before signing existed: untrusted). */
  readonly signature?: Signature;
}

export const eventsSchema: CollectionSchema = {
  title: 'events',
  description: '办件事件(只追加)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['case_event']),
    caseId: str(ID_MAX),
    kind: str(KEY_MAX),
    actor: {
      type: 'object',
      properties: {
        userId: str(ID_MAX),
        name: str(100),
        roles: strArray(KEY_MAX),
        officeId: str(KEY_MAX),
      },
      required: ['name', 'roles', 'officeId'],
    },
    at: str(ISO_MAX),
    payload: obj('事件内容'),
    deviceId: { type: ['string', 'null'], maxLength: ID_MAX },
    signature: signatureProperty,
  },
  required: [...BASE_REQUIRED, 'caseId', 'kind', 'actor', 'at', 'payload'],
  indexes: [['caseId', 'at'], ['officeId', 'at']],
};
