// Autosave of the intake in progress: the draft, sealed with the office key, in a local (never
// replicated) document. After a crash or a power cut the intake resumes where it stopped. Scanned
// pages are stored apart (scan-store.ts); the draft names them, and their ids are kept beside the
// sealed draft so that discarding the draft removes them without opening it.
import { openText, sealText, type FieldKeys } from '../../domain/crypto/sealing';
import type { DraftScan, IntakeDraft } from '../../domain/intake/draft';
import type { WorkstationDb } from '../db/database';
import { putScanContent, removeScanContents } from './scan-store';

const DRAFT_ID = 'intake-draft';

interface StoredDraft {
  readonly sealed: string;
  readonly savedAt: string;
  readonly scanContentIds?: readonly string[];
}

export async function saveDraft(db: WorkstationDb, keys: FieldKeys, draft: IntakeDraft): Promise<void> {
  const stored: StoredDraft = {
    sealed: await sealText(keys.data, JSON.stringify(draft)),
    savedAt: new Date().toISOString(),
    scanContentIds: draft.scans.map((s) => s.contentId),
  };
  await db.upsertLocal(DRAFT_ID, stored);
}

/** A scan of a draft saved before pages were stored apart: its bytes inline. */
type LegacyScan = Omit<DraftScan, 'contentId' | 'byteLength'> & { readonly dataBase64?: string; readonly contentId?: string };

export async function loadDraft(db: WorkstationDb, keys: FieldKeys): Promise<IntakeDraft | undefined> {
  const doc = await db.getLocal<StoredDraft>(DRAFT_ID);
  if (!doc) return undefined;
  let draft: IntakeDraft;
  try {
    draft = JSON.parse(await openText(keys.data, doc.get('sealed'))) as IntakeDraft;
  } catch {
    // A draft sealed with another office's key, or damaged: it cannot be resumed, and is dropped.
    await doc.remove();
    return undefined;
  }
  if (draft.version !== 1) return undefined;
  const legacy = (draft.scans as readonly LegacyScan[]).filter((s) => s.dataBase64 !== undefined);
  if (legacy.length === 0) return draft;
  // Pages kept inline by an older version move out of the draft once.
  const scans: DraftScan[] = [];
  for (const s of draft.scans as readonly LegacyScan[]) {
    if (s.dataBase64 === undefined) {
      scans.push(s as DraftScan);
      continue;
    }
    const { dataBase64, ...rest } = s;
    const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
    scans.push({ ...rest, contentId: await putScanContent(db, keys, bytes), byteLength: bytes.length });
  }
  const moved = { ...draft, scans };
  await saveDraft(db, keys, moved);
  return moved;
}

/** Removes the draft and the pages it names. */
export async function clearDraft(db: WorkstationDb): Promise<void> {
  const doc = await db.getLocal<StoredDraft>(DRAFT_ID);
  if (!doc) return;
  const ids = doc.get('scanContentIds') as readonly string[] | undefined;
  await doc.remove();
  await removeScanContents(db, ids ?? []);
}
