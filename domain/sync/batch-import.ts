// Importing a batch at the centre, through the same permission and signature checks as a live
// write (decisions: ./batch-decide.ts). Runs over an injected `fetch` with the centre's admin URL,
// so the command line (sync-server/batch.ts) and the centre's workstation host (main/handlers/
// batches.ts) share it. The office's real validate_doc_update — the `_design/hws` the server
// itself runs — is compiled and run with the userCtx of whoever a document speaks for; admin
// rights are used only to write what those checks let through, with `new_edits: false` so the
// revisions stay those of the batch. The report names every document written, skipped (already
// there) and refused, with the reason.
import { BatchError, batchOffice, openBatch, type BatchDoc } from './batch-file';
import { checkExporter, decideDoc, type DecideEnv, type ServerDoc, type UserCtx, type Validate } from './batch-decide';
import { KEYS_DB, officeDbName } from './databases';
import { readStaffKeys } from './staff-keys';

export const IMPORT_CHUNK = 200;
export type Progress = (done: number, total: number) => void;
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

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
  /** The validator to run instead of the database's own (tests of an older server). */
  readonly validate?: Validate;
}

/** A CouchDB admin over fetch: credentials in the URL become a Basic header. */
function adminClient(fetchFn: Fetch, adminUrl: string) {
  const url = new URL(adminUrl);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (url.username) headers.authorization = `Basic ${btoa(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`)}`;
  url.username = '';
  url.password = '';
  const base = url.toString().replace(/\/+$/, '');
  const request = async <T>(method: string, path: string, body?: unknown, missingOk = false): Promise<T | undefined> => {
    const res = await fetchFn(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (missingOk && res.status === 404) return undefined;
    if (!res.ok) throw new BatchError('SERVER', `中心服务器拒绝了请求(${res.status} ${method} ${path.split('?')[0]}):${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as T;
  };
  return { request: <T>(method: string, path: string, body?: unknown) => request<T>(method, path, body) as Promise<T>, get: <T>(path: string) => request<T>('GET', path, undefined, true) };
}

/** Compiles a design function's source the way CouchDB's engine runs it. */
export function compileValidator(source: string): Validate {
  return new Function(`return (${source});`)() as Validate;
}

export async function importBatchOver(fetchFn: Fetch, adminUrl: string, file: Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
  const { progress = () => {}, centreKey } = options;
  const couch = adminClient(fetchFn, adminUrl);
  const officeId = batchOffice(file);
  const officeKey = (await couch.get<{ key: string }>(`/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`))?.key;
  const payload = await openBatch(file, officeKey);
  const db = `/${officeDbName(officeId)}`;
  const design = await couch.get<{ validate_doc_update?: string }>(`${db}/_design/hws`);
  const validate = options.validate ?? (design?.validate_doc_update ? compileValidator(design.validate_doc_update) : undefined);
  if (!validate) throw new BatchError('SERVER', `办事处库 ${officeDbName(officeId)} 没有写入校验(_design/hws),请先运行 hws sync-server setup`);
  const [keys, secObj] = await Promise.all([readStaffKeys(fetchFn, adminUrl), couch.request('GET', `${db}/_security`)]);
  const users = new Map<string, Promise<UserCtx | null>>();
  const userCtx = (name: string) => {
    if (!users.has(name)) {
      const doc = couch.get<{ name: string; roles?: string[] }>(`/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`);
      users.set(name, doc.then((d) => (d ? { name: d.name, roles: d.roles ?? [] } : null)));
    }
    return users.get(name)!;
  };
  const exporter = await checkExporter(payload, keys, userCtx, centreKey);
  const env: DecideEnv = { officeId, exporter, keys, secObj, validate, userCtx, bases: payload.bases ?? {} };
  const writtenIds: string[] = [];
  const skippedIds: string[] = [];
  const refused: { id: string; reason: string }[] = [];

  progress(0, payload.docs.length);
  for (let i = 0; i < payload.docs.length; i += IMPORT_CHUNK) {
    const chunk = payload.docs.slice(i, i + IMPORT_CHUNK);
    const current = await currentDocs(couch.request, db, chunk);
    const toWrite: BatchDoc[] = [];
    for (const doc of chunk) {
      const decision = await decideDoc(doc, current.get(doc._id), env);
      if (decision.kind === 'skip') skippedIds.push(doc._id);
      else if (decision.kind === 'refuse') refused.push({ id: String(doc._id), reason: decision.reason });
      else toWrite.push(decision.doc);
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

/** The server's current version of each document of a chunk, with its revision history. */
async function currentDocs(request: <T>(method: string, path: string, body?: unknown) => Promise<T>, db: string, chunk: readonly BatchDoc[]): Promise<Map<string, ServerDoc>> {
  const ids = chunk.map((d) => d._id).filter((id) => typeof id === 'string' && !id.startsWith('_'));
  const out = new Map<string, ServerDoc>();
  if (ids.length === 0) return out;
  const body = await request<{ results: { id: string; docs: { ok?: ServerDoc }[] }[] }>('POST', `${db}/_bulk_get?revs=true`, { docs: ids.map((id) => ({ id })) });
  for (const r of body.results) {
    const doc = r.docs.find((d) => d.ok && !d.ok._deleted)?.ok;
    if (doc) out.set(r.id, doc);
  }
  return out;
}
