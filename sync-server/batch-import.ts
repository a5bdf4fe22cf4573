// Importing a batch at the centre from the command line: the import itself — the exporter's
// signature, each document through the office's validate_doc_update with the userCtx of whoever
// it speaks for, revisions kept — is domain/sync/batch-import.ts (decisions in batch-decide.ts),
// shared with the centre's workstation; this only supplies the admin URL and Node's fetch.
import { importBatchOver, type ImportOptions, type ImportReport, type Progress } from '../domain/sync/batch-import';

export { IMPORT_CHUNK, type ImportOptions, type ImportReport, type Progress } from '../domain/sync/batch-import';

export function importBatch(adminUrl: string, file: Uint8Array, options: ImportOptions | Progress = {}): Promise<ImportReport> {
  return importBatchOver(fetch, adminUrl, file, typeof options === 'function' ? { progress: options } : options);
}
