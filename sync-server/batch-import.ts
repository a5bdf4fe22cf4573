// Importing a batch at the centre, through the same permission checks as a live write. The file
// must open with the office key (domain/sync/batch-file.ts) and its manifest must carry a valid
// signature of the exporter — a user's registered staff key, or the centre's batch key for a
// centre export. Then each document is decided on its own:
//  - authority: a case event or audit entry must verify against a key registered to its actor
//    (an altered or copied signature fails: the id is signed too); the office's real
//    validate_doc_update (sync-server/design/office, compiled as CouchDB does) runs with the
//    userCtx the server has for that actor (roles read from `_users`) — for other documents, for
//    the exporter — and the database's `_security`;
//  - revisions: a document the server lacks is written with its `1-<hash>` revision; an edit of a
//    document the server had (`bases`) extends the server's branch (`_revisions`, new_edits:false)
//    only if the server still holds the version the edit was based on; the same content is skipped.
// The report names every document written, skipped (already there) and refused, with the reason.
import { SIGNED_TYPES, verifyRecord } from '../domain/audit/signed-records';
import { verifySignature } from '../domain/crypto/signing';
import { BatchError, batchOffice, docContentHash, openBatch, type BatchDoc, type BatchPayload } from '../domain/sync/batch-file';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { keyForSignature, readStaffKeys, type StaffKeyDoc } from '../domain/sync/staff-keys';
import { couchClient, type CouchClient } from './couch';
import { compileDesignFunction, loadDesignDoc } from './design/load';

export const IMPORT_CHUNK = 200;
export type Progress = (done: number, total: number) => void;

export interface ImportReport {
  readonly officeId: string;
  readonly exporter: string;
  readonly total: number;
  readonly written: number;
  /** Documents the server already had with this content. */
  readonly skipped: number;
  readonly writtenIds: readonly string[];
  readonly skippedIds: readonly string[];
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
}

export interface ImportOptions {
  readonly progress?: Progress;
  /** The centre's batch public key (base64 SPKI): only with it is a batch exported by the centre accepted. */
  readonly centreKey?: string;
}

interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}
type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, secObj: unknown) => void;
let validator: Promise<Validate> | undefined;
const officeValidator = () => (validator ??= loadDesignDoc('office').then((d) => compileDesignFunction<Validate>(String(d.validate_doc_update))));

async function officeKey(couch: CouchClient, officeId: string): Promise<string | undefined> {
  return (await couch.getOrUndefined<{ key: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`))?.key;
}

/** The exporter as the server knows them, once their manifest signature verifies. */
async function exporterCtx(payload: BatchPayload, keys: ReadonlyMap<string, StaffKeyDoc>, userCtx: (name: string) => Promise<UserCtx | null>, centreKey?: string): Promise<UserCtx> {
  const m = payload.manifest;
  const refuse = (why: string) => new BatchError('UNSIGNED', `${why},未导入任何数据`);
  if (!m.signature || typeof m.exporter !== 'string') throw refuse('批量文件没有导出人的签名');
  const manifest = m as unknown as Record<string, unknown>;
  if (m.exporter === 'centre') {
    if (!centreKey || !(await verifySignature(centreKey, manifest))) throw refuse('批量文件自称由中心导出,但签名不是所给的中心批量密钥');
    return { name: null, roles: ['_admin'] };
  }
  const key = keyForSignature(keys, m.exporter, m.signature.keyId, m.createdAt);
  if (!key.ok || !(await verifySignature(key.publicKey, manifest))) throw refuse(`批量文件的导出人签名无效(导出人 ${m.exporter}:${key.ok ? '签名与清单不符' : key.reason})`);
  const ctx = await userCtx(m.exporter);
  if (!ctx) throw refuse(`导出人 ${m.exporter} 不是本系统的用户`);
  return ctx;
}

export async function importBatch(adminUrl: string, file: Uint8Array, options: ImportOptions | Progress = {}): Promise<ImportReport> {
  const { progress = () => {}, centreKey } = typeof options === 'function' ? { progress: options } : options;
  const couch = couchClient(adminUrl);
  const officeId = batchOffice(file);
  const payload = await openBatch(file, await officeKey(couch, officeId));
  const db = `/${officeDbName(officeId)}`;
  const [keys, secObj, validate] = await Promise.all([readStaffKeys(fetch, adminUrl), couch.request('GET', `${db}/_security`), officeValidator()]);
  const users = new Map<string, Promise<UserCtx | null>>();
  const userCtx = (name: string) => {
    if (!users.has(name)) {
      const doc = couch.getOrUndefined<{ name: string; roles: string[] }>(`/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`);
      users.set(name, doc.then((d) => (d ? { name: d.name, roles: d.roles ?? [] } : null)));
    }
    return users.get(name)!;
  };
  const exporter = await exporterCtx(payload, keys, userCtx, centreKey);
  const bases = payload.bases ?? {};
  const writtenIds: string[] = [];
  const skippedIds: string[] = [];
  const refused: { id: string; reason: string }[] = [];

  /** What to write for one document, or why not (null: already there). */
  async function decide(doc: BatchDoc, current: (BatchDoc & { _rev: string }) | undefined): Promise<BatchDoc | null | { reason: string }> {
    let ctx = exporter;
    if (SIGNED_TYPES.includes(String(doc.type))) {
      const verdict = await verifyRecord(keys, doc);
      if (!verdict.ok) return { reason: verdict.reason };
      const actor = (await userCtx(String((doc.actor as { userId?: unknown }).userId))) ?? null;
      if (!actor) return { reason: '记录的经办人不是本系统的用户' };
      ctx = actor;
    }
    const same = current !== undefined && docContentHash(current) === docContentHash(doc);
    if (same) return null;
    let out: BatchDoc;
    const base = bases[doc._id];
    if (doc._revisions && doc._rev) {
      out = doc; // a server revision with its history (centre export)
    } else if (base === undefined) {
      if (current) return { reason: '服务器上已有此记录的另一版本(导出时未注明所基于的版本)' };
      if (!doc._rev || !/^1-[0-9a-f]+$/.test(doc._rev)) return { reason: '修订号格式不正确' };
      out = doc;
    } else {
      if (!current) return { reason: '服务器上没有此记录,无法写入对它的修改' };
      if (docContentHash(current) !== base) return { reason: '导出后服务器上的此记录已被修改:请联网同步,由同步合并两处的修改' };
      const history = await couch.request<{ _revisions: { start: number; ids: string[] } }>('GET', `${db}/${encodeURIComponent(doc._id)}?revs=true`);
      const hash = docContentHash(doc).slice(0, 32);
      const start = history._revisions.start + 1;
      out = { ...doc, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...history._revisions.ids] } };
    }
    try {
      validate(out, current ?? null, ctx, secObj);
    } catch (e) {
      const err = e as { forbidden?: string; unauthorized?: string };
      return { reason: err.forbidden ?? err.unauthorized ?? String(e) };
    }
    return out;
  }

  progress(0, payload.docs.length);
  for (let i = 0; i < payload.docs.length; i += IMPORT_CHUNK) {
    const chunk = payload.docs.slice(i, i + IMPORT_CHUNK);
    const rows = await couch.request<{ rows: { key: string; doc?: (BatchDoc & { _rev: string }) | null }[] }>('POST', `${db}/_all_docs?include_docs=true`, { keys: chunk.map((d) => d._id) });
    const toWrite: BatchDoc[] = [];
    for (const [j, doc] of chunk.entries()) {
      const decision = await decide(doc, rows.rows[j]?.doc ?? undefined);
      if (decision === null) skippedIds.push(doc._id);
      else if ('reason' in decision && !('_id' in decision)) refused.push({ id: doc._id, reason: decision.reason as string });
      else toWrite.push(decision as BatchDoc);
    }
    if (toWrite.length > 0) {
      const results = await couch.request<{ id: string; error?: string; reason?: string }[]>('POST', `${db}/_bulk_docs`, { docs: toWrite, new_edits: false });
      const failed = new Map(results.filter((r) => r.error).map((r) => [r.id, r.reason ?? r.error ?? '']));
      for (const d of toWrite) {
        if (failed.has(d._id)) refused.push({ id: d._id, reason: `服务器拒绝:${failed.get(d._id)}` });
        else writtenIds.push(d._id);
      }
    }
    progress(Math.min(i + IMPORT_CHUNK, payload.docs.length), payload.docs.length);
  }
  return { officeId, exporter: payload.manifest.exporter, total: payload.docs.length, written: writtenIds.length, skipped: skippedIds.length, writtenIds, skippedIds, refused };
}
