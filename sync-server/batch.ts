// Batches by removable media at the centre: import a batch file into its office database through
// the permission checks of a live write (sync-server/batch-import.ts), and export an office's
// documents since a checkpoint (a changes-feed sequence) for a site that is offline, signed with
// the centre's batch key (a key pair made by `hws audit keygen`).
import type { Signer } from '../domain/crypto/signing';
import { BatchError, sealBatch, signedPayload, type BatchDoc } from '../domain/sync/batch-file';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { couchClient } from './couch';
import type { Progress } from './batch-import';

export { IMPORT_CHUNK, importBatch, type ImportOptions, type ImportReport, type Progress } from './batch-import';

async function officeKey(adminUrl: string, officeId: string): Promise<string | undefined> {
  const doc = await couchClient(adminUrl).getOrUndefined<{ key: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
  return doc?.key;
}


export interface ExportResult {
  readonly file: Uint8Array;
  readonly docCount: number;
  /** Give it as `since` next time to export only what changed after this batch. */
  readonly lastSeq: string;
}

/** Everything of an office changed since a sequence (or all), with revision histories and file contents. */
export async function exportBatch(adminUrl: string, officeId: string, since: string | null, centre: Signer, progress: Progress = () => {}): Promise<ExportResult> {
  const couch = couchClient(adminUrl);
  const db = `/${officeDbName(officeId)}`;
  const changes = await couch.request<{ results: { id: string; deleted?: boolean }[]; last_seq: string | number }>(
    'GET',
    `${db}/_changes?since=${encodeURIComponent(since ?? '0')}`,
  );
  const ids = changes.results.filter((r) => !r.id.startsWith('_design/') && !r.deleted).map((r) => r.id);
  const docs: BatchDoc[] = [];
  for (let i = 0; i < ids.length; i++) {
    docs.push(await couch.request<BatchDoc>('GET', `${db}/${encodeURIComponent(ids[i]!)}?revs=true&attachments=true`));
    if (i % 50 === 49 || i === ids.length - 1) progress(i + 1, ids.length);
  }
  const key = await officeKey(adminUrl, officeId);
  if (!key) throw new BatchError('NO_KEY', `中心库中没有办事处 ${officeId} 的数据密钥`);
  const payload = await signedPayload(centre, { officeId, createdAt: new Date().toISOString(), source: 'centre', since, exporter: 'centre' }, docs);
  return { file: await sealBatch(key, payload), docCount: docs.length, lastSeq: String(changes.last_seq) };
}
