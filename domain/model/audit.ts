// `audit` collection: the tamper-evident audit chain (see domain/audit/chain.ts).
import type { Signature } from '../crypto/signing';
import type { BaseDoc, CollectionSchema, IsoDateTime } from './common';
import { BASE_REQUIRED, HASH_MAX, ID_MAX, ISO_MAX, KEY_MAX, baseProperties, int, obj, str } from './common';
import { signatureProperty } from './events';

export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'id_unmask',
  'biometric_read',
  'biometric_purge',
  'case_event',
  'export',
  'print',
  'sync_batch',
  /** A person chose between two values of a field edited on two workstations (sync conflicts). */
  'sync_conflict',
  'settings_change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the caller records; the chain fields are added by `appendAudit`. */
export interface AuditEntry {
  readonly officeId: string;
  readonly at: IsoDateTime;
  readonly actor: { readonly userId: string; readonly name: string };
  readonly action: AuditAction;
  /** Target document id (case, person…), if any. */
  readonly target: string | null;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

export interface AuditEventDoc extends BaseDoc<'audit_event'>, AuditEntry {
  /** One chain per writing device, so devices never fork one another's chain. */
  readonly chainId: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  /** The actor's signature over the entry, its chain position and hash (absent on entries written before signing existed). */
  readonly signature?: Signature;
}

export const auditSchema: CollectionSchema = {
  title: 'audit',
  description: '审计日志(哈希链)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['audit_event']),
    chainId: str(ID_MAX),
    seq: int(0, 1_000_000_000_000),
    prevHash: str(HASH_MAX),
    hash: str(HASH_MAX),
    at: str(ISO_MAX),
    actor: obj('操作人'),
    action: str(KEY_MAX),
    target: { type: ['string', 'null'], maxLength: ID_MAX },
    detail: obj('详情'),
    signature: signatureProperty,
  },
  required: [...BASE_REQUIRED, 'chainId', 'seq', 'prevHash', 'hash', 'at', 'actor', 'action', 'detail'],
  indexes: [['chainId', 'seq'], ['officeId', 'at'], ['action', 'at']],
};
