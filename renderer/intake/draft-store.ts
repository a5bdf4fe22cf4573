// Autosave of the intake in progress: the whole draft, sealed with the office key, in a local
// (never replicated) document. After a crash or a power cut the intake resumes where it stopped.
import { openText, sealText, type FieldKeys } from '../../domain/crypto/sealing';
import type { IntakeDraft } from '../../domain/intake/draft';
import type { WorkstationDb } from '../db/database';

const DRAFT_ID = 'intake-draft';

export async function saveDraft(db: WorkstationDb, keys: FieldKeys, draft: IntakeDraft): Promise<void> {
  await db.upsertLocal(DRAFT_ID, { sealed: await sealText(keys.data, JSON.stringify(draft)), savedAt: new Date().toISOString() });
}

export async function loadDraft(db: WorkstationDb, keys: FieldKeys): Promise<IntakeDraft | undefined> {
  const doc = await db.getLocal<{ sealed: string }>(DRAFT_ID);
  if (!doc) return undefined;
  try {
    const draft = JSON.parse(await openText(keys.data, doc.get('sealed'))) as IntakeDraft;
    return draft.version === 1 ? draft : undefined;
  } catch {
    // A draft sealed with another office's key, or damaged: it cannot be resumed, and is dropped.
    await doc.remove();
    return undefined;
  }
}

export async function clearDraft(db: WorkstationDb): Promise<void> {
  const doc = await db.getLocal(DRAFT_ID);
  await doc?.remove();
}
