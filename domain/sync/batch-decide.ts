// What a batch import decides, document by document — pure: the caller (sync-server's importer,
// the centre's workstation host) reads the server and writes what this answers.
//
//  - The exporter: the manifest must carry a valid signature of the exporter named — a user's
//    registered staff key, or the centre's batch key for a centre export. Else the whole batch is
//    refused.
//  - Authority: a case event or audit entry must verify against a key registered to its actor (an
//    altered or copied signature fails: the id is signed too), and the office's validate_doc_update
//    runs with the userCtx the server has for that actor. Other documents run as the exporter —
//    except that an IT user of the office carries the office's records as a courier: an unsigned
//    document is then checked with the roles that write its type in that office (scope, shape,
//    immutability and type changes still apply; decisions still need their own actor's signature).
//  - Revisions: a document the server lacks keeps its `1-<hash>` revision; an edit of a document the
//    server had (`bases`) extends the server's branch only if the server still holds the version the
//    edit was based on; the same content is skipped.
import { SIGNED_TYPES, verifyRecord } from '../audit/signed-records';
import { verifySignature } from '../crypto/signing';
import { BatchError, docContentHash, type BatchDoc, type BatchPayload } from './batch-file';
import { officeRole, STAFF_ROLE } from './databases';
import { TYPE_WRITERS } from './permissions';
import { keyForSignature, type StaffKeyDoc } from './staff-keys';

export interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}

/** The office database's validate_doc_update, compiled: throws `{forbidden}` or `{unauthorized}`. */
export type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, secObj: unknown) => void;

/** A server document as read with its revision history (`_bulk_get?revs=true`). */
export type ServerDoc = BatchDoc & { readonly _rev: string; readonly _revisions?: { readonly start: number; readonly ids: readonly string[] } };

export interface Exporter {
  readonly name: string;
  readonly ctx: UserCtx;
  /** An IT user of the office carrying its records (see the head of this file). */
  readonly courier: boolean;
}

export type Decision =
  | { readonly kind: 'write'; readonly doc: BatchDoc }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly reason: string };

export interface DecideEnv {
  readonly officeId: string;
  readonly exporter: Exporter;
  readonly keys: ReadonlyMap<string, StaffKeyDoc>;
  readonly secObj: unknown;
  readonly validate: Validate;
  /** The server's user (roles from `_users`), or null for a name it does not know. */
  readonly userCtx: (name: string) => Promise<UserCtx | null>;
  readonly bases: Readonly<Record<string, string>>;
}

/** The exporter as the server knows them, once their manifest signature verifies; throws `BatchError('UNSIGNED')`. */
export async function checkExporter(
  payload: BatchPayload,
  keys: ReadonlyMap<string, StaffKeyDoc>,
  userCtx: (name: string) => Promise<UserCtx | null>,
  centreKey?: string,
): Promise<Exporter> {
  const m = payload.manifest;
  const refuse = (why: string) => new BatchError('UNSIGNED', `${why},未导入任何数据`);
  if (!m.signature || typeof m.exporter !== 'string') throw refuse('批量文件没有导出人的签名');
  const manifest = m as unknown as Record<string, unknown>;
  if (m.exporter === 'centre') {
    if (!centreKey || !(await verifySignature(centreKey, manifest))) throw refuse('批量文件自称由中心导出,但签名不是所给的中心批量密钥');
    return { name: 'centre', ctx: { name: null, roles: ['_admin'] }, courier: false };
  }
  const key = keyForSignature(keys, m.exporter, m.signature.keyId, m.createdAt);
  if (!key.ok || !(await verifySignature(key.publicKey, manifest))) throw refuse(`批量文件的导出人签名无效(导出人 ${m.exporter}:${key.ok ? '签名与清单不符' : key.reason})`);
  const ctx = await userCtx(m.exporter);
  if (!ctx) throw refuse(`导出人 ${m.exporter} 不是本系统的用户`);
  const courier = ctx.roles.includes('it') && ctx.roles.includes(officeRole(m.officeId));
  return { name: m.exporter, ctx, courier };
}

/** The userCtx an unsigned document is checked with. */
function carrierCtx(env: DecideEnv, type: string): UserCtx {
  const { exporter } = env;
  if (!exporter.courier) return exporter.ctx;
  return { name: exporter.ctx.name, roles: [STAFF_ROLE, officeRole(env.officeId), ...(TYPE_WRITERS[type] ?? [])] };
}

/** One document of the batch against the server's current version (undefined: the server lacks it). */
export async function decideDoc(doc: BatchDoc, current: ServerDoc | undefined, env: DecideEnv): Promise<Decision> {
  const refuse = (reason: string): Decision => ({ kind: 'refuse', reason });
  if (typeof doc._id !== 'string' || doc._id.startsWith('_')) return refuse('记录编号不正确(批量文件不能写入设计文档或本地文档)');
  let ctx: UserCtx;
  if (SIGNED_TYPES.includes(String(doc.type))) {
    const verdict = await verifyRecord(env.keys, doc);
    if (!verdict.ok) return refuse(verdict.reason);
    const actor = await env.userCtx(String((doc.actor as { userId?: unknown }).userId));
    if (!actor) return refuse('记录的经办人不是本系统的用户');
    ctx = actor;
  } else {
    ctx = carrierCtx(env, String(doc.type));
  }
  if (current !== undefined && docContentHash(current) === docContentHash(doc)) return { kind: 'skip' };
  let out: BatchDoc;
  const base = env.bases[doc._id];
  if (doc._revisions && doc._rev) {
    out = doc; // a server revision with its history (centre export)
  } else if (base === undefined) {
    if (current) return refuse('服务器上已有此记录的另一版本(导出时未注明所基于的版本)');
    if (!doc._rev || !/^1-[0-9a-f]+$/.test(doc._rev)) return refuse('修订号格式不正确');
    out = doc;
  } else {
    if (!current) return refuse('服务器上没有此记录,无法写入对它的修改');
    if (docContentHash(current) !== base) return refuse('导出后服务器上的此记录已被修改:请联网同步,由同步合并两处的修改');
    const history = current._revisions ?? { start: Number(current._rev.split('-')[0]), ids: [current._rev.slice(current._rev.indexOf('-') + 1)] };
    const hash = docContentHash(doc).slice(0, 32);
    const start = history.start + 1;
    out = { ...doc, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...history.ids] } };
  }
  try {
    env.validate(out, current ?? null, ctx, env.secObj);
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return refuse(err.forbidden ?? err.unauthorized ?? String(e));
  }
  return { kind: 'write', doc: out };
}
