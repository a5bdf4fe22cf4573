// Binary content kept on this workstation (certificate scans, photos): sealed with the office key
// in local documents of the database, named by the file document that refers to them.
import { openBytes, sealBytes, type FieldKeys } from '../../domain/crypto/sealing';
import type { WorkstationDb } from '../db/database';

export interface StoredBlob {
  /** `local:<file id>`: where the sealed bytes are. */
  readonly ref: string;
  readonly byteLength: number;
  /** SHA-256 (hex) of the sealed content, for integrity checks after transport. */
  readonly contentHash: string;
}

const docId = (fileId: string) => `blob:${fileId}`;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function putLocalBlob(db: WorkstationDb, keys: FieldKeys, fileId: string, bytes: Uint8Array<ArrayBuffer>): Promise<StoredBlob> {
  const sealed = await sealBytes(keys.data, bytes);
  await db.upsertLocal(docId(fileId), { sealed });
  return { ref: `local:${fileId}`, byteLength: bytes.byteLength, contentHash: await sha256Hex(sealed) };
}

export async function getLocalBlob(db: WorkstationDb, keys: FieldKeys, ref: string): Promise<Uint8Array | undefined> {
  if (!ref.startsWith('local:')) return undefined;
  const doc = await db.getLocal<{ sealed: string }>(docId(ref.slice('local:'.length)));
  return doc ? openBytes(keys.data, doc.get('sealed')) : undefined;
}
