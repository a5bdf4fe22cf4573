// Batches by removable media at the centre: import a batch file into its office database
// idempotently (documents keep their original revisions: `_revs_diff`, then `_bulk_docs` with
// `new_edits: false`, so importing twice writes nothing new), and export an office's documents
// since a checkpoint (a changes-feed sequence) for a site that is offline.
import { BatchError, batchOffice, openBatch, sealBatch, type BatchDoc } from '../domain/sync/batch-file';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { checkShape } from '../domain/sync/shape';
import { couchClient } from './couch';

export const IMPORT_CHUNK = 200;

export interface ImportReport {
  readonly officeId: string;
  readonly total: number;
  readonly written: number;
  /** Revisions the server already had. */
  readonly skipped: number;
}

export type Progress = (done: number, total: number) => void;

async function officeKey(adminUrl: string, officeId: string): Promise<string | undefined> {
  const doc = await couchClient(adminUrl).getOrUndefined<{ key: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
  return doc?.key;
}

export async function importBatch(adminUrl: string, file: Uint8Array, progress: Progress = () => {}): Promise<ImportReport> {
  const officeId = batchOffice(file);
  const payload = await openBatch(file, await officeKey(adminUrl, officeId));
  // Every document is checked before the first is written: a bad batch imports nothing.
  for (const doc of payload.docs) {
    const problem = checkShape(doc) ?? (/^\d+-[0-9a-f]+$/.test(doc._rev) ? null : '修订号格式不正确');
    if (problem) throw new BatchError('MISMATCH', `批量文件中的记录 ${doc._id} 不合格(${problem}),未导入任何数据`);
  }
  const couch = couchClient(adminUrl);
  const db = `/${officeDbName(officeId)}`;
  let written = 0;
  progress(0, payload.docs.length);
  for (let i = 0; i < payload.docs.length; i += IMPORT_CHUNK) {
    const chunk = payload.docs.slice(i, i + IMPORT_CHUNK);
    const diff = await couch.request<Record<string, { missing: string[] }>>('POST', `${db}/_revs_diff`, Object.fromEntries(chunk.map((d) => [d._id, [d._rev]])));
    const missing = chunk.filter((d) => diff[d._id]?.missing.includes(d._rev));
    if (missing.length > 0) {
      const results = await couch.request<{ id: string; error?: string; reason?: string }[]>('POST', `${db}/_bulk_docs`, { docs: missing, new_edits: false });
      const failed = results.filter((r) => r.error);
      if (failed.length > 0) throw new Error(`服务器拒绝了 ${failed.length} 条记录,例如 ${failed[0]!.id}:${failed[0]!.reason ?? failed[0]!.error}`);
      written += missing.length;
    }
    progress(Math.min(i + IMPORT_CHUNK, payload.docs.length), payload.docs.length);
  }
  return { officeId, total: payload.docs.length, written, skipped: payload.docs.length - written };
}

export interface ExportResult {
  readonly file: Uint8Array;
  readonly docCount: number;
  /** Give it as `since` next time to export only what changed after this batch. */
  readonly lastSeq: string;
}

/** Everything of an office changed since a sequence (or all), with revision histories and file contents. */
export async function exportBatch(adminUrl: string, officeId: string, since: string | null, progress: Progress = () => {}): Promise<ExportResult> {
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
  const manifest = { officeId, createdAt: new Date().toISOString(), source: 'centre', since, docCount: docs.length };
  return { file: await sealBatch(key, { manifest, docs }), docCount: docs.length, lastSeq: String(changes.last_seq) };
}
