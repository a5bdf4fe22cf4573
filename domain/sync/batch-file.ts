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
// (a workstation of that office or the centre), not which one: the manifest names the device.
import { fromBase64, toBase64 } from '../crypto/sealing';

export const BATCH_MAGIC = 'HWSBATCH1\n';
const INFO = new TextEncoder().encode('hws-batch-v1');

export interface BatchDoc {
  readonly _id: string;
  readonly _rev: string;
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
}

export interface BatchPayload {
  readonly manifest: BatchManifest;
  readonly docs: readonly BatchDoc[];
}

interface Header {
  readonly officeId: string;
  readonly salt: string;
  readonly iv: string;
  readonly docCount: number;
}

export class BatchError extends Error {
  constructor(
    readonly code: 'NOT_A_BATCH' | 'TRUNCATED' | 'TAMPERED' | 'NO_KEY' | 'MISMATCH',
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
  if (payload.manifest.officeId !== header.officeId || payload.docs.length !== payload.manifest.docCount || wrongOffice) {
    throw new BatchError('MISMATCH', '批量文件清单与内容不一致,未导入任何数据');
  }
  return payload;
}
