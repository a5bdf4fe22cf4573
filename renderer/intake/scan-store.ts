// Scanned pages of the intake in progress: each page's bytes sealed with the office key and stored
// once, in its own local (never replicated) document, when the clerk keeps the page. The draft only
// names them (`contentId`), so the autosave after each keystroke seals and writes a few kilobytes
// instead of every page again. They are removed with the draft once it is submitted or discarded.
import { openBytes, sealBytes, type FieldKeys } from '../../domain/crypto/sealing';
import type { WorkstationDb } from '../db/database';

const PREFIX = 'intake-scan-';

/** Seals and stores a page; answers its content id for the draft. */
export async function putScanContent(db: WorkstationDb, keys: FieldKeys, bytes: Uint8Array): Promise<string> {
  const contentId = crypto.randomUUID();
  await db.upsertLocal(PREFIX + contentId, { sealed: await sealBytes(keys.data, new Uint8Array(bytes)) });
  return contentId;
}

export async function getScanContent(db: WorkstationDb, keys: FieldKeys, contentId: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await db.getLocal<{ sealed: string }>(PREFIX + contentId);
  if (!doc) throw new Error('扫描件内容未找到,请重新扫描该页');
  return new Uint8Array(await openBytes(keys.data, doc.get('sealed')));
}

export async function removeScanContents(db: WorkstationDb, contentIds: readonly string[]): Promise<void> {
  for (const id of contentIds) await (await db.getLocal(PREFIX + id))?.remove();
}
