// The registry of staff signing keys: one `staff_key` document per user and key in the reference
// database, which every staff member reads (so any workstation, the batch importer and
// `hws audit verify` can check a signature). Only the user themselves may register a key, never
// change it; only the centre's administrators may revoke one (sync-server/design/reference).
import { keyIdOf } from '../crypto/signing';
import { REFERENCE_DB } from './databases';

export interface StaffKeyDoc {
  readonly _id: string;
  readonly type: 'staff_key';
  readonly schemaVersion: 1;
  /** The office of the user who registered it (reference documents all name an office). */
  readonly officeId: string;
  readonly name: string;
  readonly keyId: string;
  /** Base64 SPKI of the ECDSA P-256 public key. */
  readonly publicKey: string;
  readonly workstationId: string;
  /** The job roles the server gave the user when the key was registered (the server checks them): what a reader may take the key's signatures to speak for. */
  readonly roles?: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set by an administrator: signatures made after this time are not accepted. */
  readonly revokedAt?: string | null;
}

export const staffKeyId = (name: string, keyId: string): string => `staff_key:${name}:${keyId}`;

export function staffKeyDoc(user: { name: string; officeId: string; roles?: readonly string[] }, publicKey: string, workstationId: string, at: string): StaffKeyDoc {
  const keyId = keyIdOf(publicKey);
  const roles = user.roles ? { roles: [...user.roles] } : {};
  return { _id: staffKeyId(user.name, keyId), type: 'staff_key', schemaVersion: 1, officeId: user.officeId, name: user.name, keyId, publicKey, workstationId, ...roles, createdAt: at, updatedAt: at, revokedAt: null };
}

/** The reference database path of a key's document. */
export const staffKeyPath = (name: string, keyId: string): string => `/${REFERENCE_DB}/${encodeURIComponent(staffKeyId(name, keyId))}`;

/** Answers the public key a document's signature must be checked with, or why there is none. */
export function keyForSignature(
  keys: ReadonlyMap<string, StaffKeyDoc>,
  actorName: string | undefined,
  keyId: string | undefined,
  at: string,
): { ok: true; publicKey: string } | { ok: false; reason: string } {
  if (!actorName || !keyId) return { ok: false, reason: '记录没有签名' };
  const doc = keys.get(staffKeyId(actorName, keyId));
  if (!doc || doc.name !== actorName || keyIdOf(doc.publicKey) !== keyId) return { ok: false, reason: `签名密钥 ${keyId} 不是 ${actorName} 登记的密钥` };
  if (doc.revokedAt && at >= doc.revokedAt) return { ok: false, reason: `${actorName} 的签名密钥 ${keyId} 已于 ${doc.revokedAt} 吊销` };
  return { ok: true, publicKey: doc.publicKey };
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Every registered key, keyed by document id, read from the reference database (any staff member or an admin may; credentials in the URL are sent as basic auth). */
export async function readStaffKeys(fetchFn: Fetch, couchUrl: string): Promise<Map<string, StaffKeyDoc>> {
  const url = new URL(couchUrl);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (url.username) headers.authorization = `Basic ${btoa(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`)}`;
  url.username = '';
  url.password = '';
  const q = `startkey=${encodeURIComponent('"staff_key:"')}&endkey=${encodeURIComponent('"staff_key:\ufff0"')}&include_docs=true`;
  const res = await fetchFn(`${url.toString().replace(/\/+$/, '')}/${REFERENCE_DB}/_all_docs?${q}`, { headers });
  if (!res.ok) throw new Error(`读取签名密钥登记失败(${res.status})`);
  const body = (await res.json()) as { rows?: { id: string; doc?: StaffKeyDoc }[] };
  const out = new Map<string, StaffKeyDoc>();
  for (const row of body.rows ?? []) if (row.doc?.type === 'staff_key') out.set(row.id, row.doc);
  return out;
}
