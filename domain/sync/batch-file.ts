// Batch files for removable media: documents of one office (with their CouchDB revisions and
// sealed attachments) in one encrypted, authenticated file.
//
// Layout: `HWSBATCH1\n` + header JSON + `\n` + AES-256-GCM ciphertext of the payload JSON.
// The key is HKDF-SHA-256(office data key, random salt, "hws-batch-v1"), so a batch key is never
// the key that seals fields. The header (office, salt, IV, counts) is the GCM additional data and
// the payload starts with the manifest, so the one GCM tag authenticates header, manifest and
// documents together: any change, truncation or a wrong key fails the tag before anything is
// imported. A separate HMAC would add nothing — its key would come from the same office key — and
// the GCM tag is a MAC under that key. It proves the file came from a holder of the office key
// (a workstation of that office or the centre), not which one. Who made it is proven by the
// manifest's signature: the exporting user's own key (or the centre's batch key), over the manifest
// and a digest of every document and the server versions edits were based on, so no holder of the
// office key can put documents in another person's batch (domain/sync/batch-decide.ts).
import { canonicalJson } from '../audit/canonical-json';
import { sha256Hex } from '../audit/sha256';
import { fromBase64, toBase64 } from '../crypto/sealing';
import { signDoc, type Signature, type Signer } from '../crypto/signing';

export const BATCH_MAGIC = 'HWSBATCH1\n';
const INFO = new TextEncoder().encode('hws-batch-v1');

export interface BatchDoc {
  readonly _id: string;
  /** The revision as exported: a server revision (centre) or `1-<content hash>` for a document never synced; absent for an edit of a synced document (see `BatchPayload.bases`). */
  readonly _rev?: string;
  readonly _revisions?: { readonly start: number; readonly ids: readonly string[] };
  readonly [field: string]: unknown;
}

export interface BatchManifest {
  readonly officeId: string;
  readonly createdAt: string;
  /** Workstation id or "centre". */
  readonly source: string;
  /** Checkpoint the batch starts from (a server sequence or an ISO time), null for everything. */
  readonly since: string | null;
  readonly docCount: number;
  /** Who exported: a user name (signed with their registered staff key) or "centre" (the centre's batch key). */
  readonly exporter: string;
  /** payloadDigest(docs, bases): binds the signature to the contents. */
  readonly digest: string;
  readonly signature?: Signature;
}

export interface BatchPayload {
  readonly manifest: BatchManifest;
  readonly docs: readonly BatchDoc[];
  /** For an offline edit of a document the server already had: document id → docContentHash of the server version it was based on (RxDB's master state). */
  readonly bases?: Readonly<Record<string, string>>;
}

/** SHA-256 of a document's content: every field but storage ones (`_rev`, `_attachments`…), CouchDB's `_id` read as `id`. */
export function docContentHash(doc: Readonly<Record<string, unknown>>): string {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_id' || k === 'id') body.id = v;
    else if (!k.startsWith('_')) body[k] = v;
  }
  return sha256Hex(canonicalJson(body));
}

/** What the manifest's signature covers of the contents: each document (id, revision, content) and the bases. */
export function payloadDigest(docs: readonly BatchDoc[], bases: Readonly<Record<string, string>> = {}): string {
  return sha256Hex(canonicalJson({ docs: docs.map((d) => [d._id, d._rev ?? null, docContentHash(d)]), bases }));
}

/** The payload with its manifest signed by the exporter. */
export async function signedPayload(
  signer: Signer,
  manifest: Omit<BatchManifest, 'digest' | 'signature' | 'docCount'>,
  docs: readonly BatchDoc[],
  bases: Readonly<Record<string, string>> = {},
): Promise<BatchPayload> {
  const full = { ...manifest, docCount: docs.length, digest: payloadDigest(docs, bases) };
  return { manifest: await signDoc(signer, full as unknown as Record<string, unknown>) as unknown as BatchManifest, docs, bases };
}

interface Header {
  readonly officeId: string;
  readonly salt: string;
  readonly iv: string;
  readonly docCount: number;
}

export class BatchError extends Error {
  constructor(
    readonly code: 'NOT_A_BATCH' | 'TRUNCATED' | 'TAMPERED' | 'NO_KEY' | 'MISMATCH' | 'UNSIGNED' | 'SERVER',
    message: string,
  ) {
    super(message);
    this.name = 'BatchError';
  }
}

async function batchKey(officeKeyB64: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', fromBase64(officeKeyB64), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: INFO }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealBatch(officeKeyB64: string, payload: BatchPayload): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: Header = { officeId: payload.manifest.officeId, salt: toBase64(salt), iv: toBase64(iv), docCount: payload.docs.length };
  const headerBytes = new TextEncoder().encode(BATCH_MAGIC + JSON.stringify(header) + '\n');
  const clear = new TextEncoder().encode(JSON.stringify(payload));
  const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, await batchKey(officeKeyB64, salt), clear));
  const out = new Uint8Array(headerBytes.length + body.length);
  out.set(headerBytes);
  out.set(body, headerBytes.length);
  return out;
}

/** The office a batch belongs to, read from its header, so the importer can fetch the key. */
export function batchOffice(file: Uint8Array): string {
  return readHeader(file).header.officeId;
}

function readHeader(file: Uint8Array): { header: Header; headerEnd: number } {
  const magic = new TextEncoder().encode(BATCH_MAGIC);
  if (file.length < magic.length || magic.some((b, i) => file[i] !== b)) throw new BatchError('NOT_A_BATCH', '这不是住房保障工作站的批量数据文件,未导入任何数据');
  const nl = file.indexOf(10, magic.length);
  if (nl < 0) throw new BatchError('TRUNCATED', '批量文件不完整(文件头被截断),未导入任何数据');
  try {
    const header = JSON.parse(new TextDecoder().decode(file.subarray(magic.length, nl))) as Header;
    if (typeof header.officeId !== 'string' || typeof header.salt !== 'string' || typeof header.iv !== 'string') throw new Error('fields');
    return { header, headerEnd: nl + 1 };
  } catch {
    throw new BatchError('TAMPERED', '批量文件头已损坏或被篡改,未导入任何数据');
  }
}

export async function openBatch(file: Uint8Array, officeKeyB64: string | undefined): Promise<BatchPayload> {
  const { header, headerEnd } = readHeader(file);
  if (!officeKeyB64) throw new BatchError('NO_KEY', `没有办事处 ${header.officeId} 的数据密钥,无法打开此批量文件`);
  if (file.length < headerEnd + 16) throw new BatchError('TRUNCATED', '批量文件不完整(内容被截断),未导入任何数据');
  let clear: Uint8Array;
  try {
    const key = await batchKey(officeKeyB64, fromBase64(header.salt));
    const aad = file.slice(0, headerEnd);
    clear = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: aad }, key, file.slice(headerEnd)));
  } catch {
    throw new BatchError('TAMPERED', '批量文件校验失败:文件被截断、损坏或篡改,或不是本办事处的文件。未导入任何数据');
  }
  const payload = JSON.parse(new TextDecoder().decode(clear)) as BatchPayload;
  const wrongOffice = payload.docs.some((d) => d.officeId !== header.officeId);
  const digestOk = payload.manifest.digest === payloadDigest(payload.docs, payload.bases ?? {});
  if (payload.manifest.officeId !== header.officeId || payload.docs.length !== payload.manifest.docCount || wrongOffice || !digestOk) {
    throw new BatchError('MISMATCH', '批量文件清单与内容不一致,未导入任何数据');
  }
  return payload;
}
