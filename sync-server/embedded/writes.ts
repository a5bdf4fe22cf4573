// Every document write goes through here (PUT, POST, DELETE, _bulk_docs, attachments): CouchDB's
// checks in CouchDB's order — document shape, design documents for database admins only, the
// update conflict, then `_users` hashing and rules and every design document's
// validate_doc_update (also for admins: the function decides) — then PouchDB stores what passed.
import { randomUUID } from 'node:crypto';
import { badRequest, conflict, HttpError, notDbAdmin, notSupported, toHttpError } from './errors';
import { MAX_DOCUMENT_BYTES } from './http';
import type { Identity } from './auth';
import { isDbAdmin, REPLICATOR_DB, USERS_DB, type Databases } from './databases';
import type { DesignFunctions } from './design';
import type { Doc, Json, PouchDb } from './pouch';
import { hashUserPassword, validateUserDoc } from './users-db';

const SPECIAL = new Set(['_id', '_rev', '_deleted', '_attachments', '_revisions', '_conflicts', '_deleted_conflicts', '_local_seq', '_revs_info']);
const REV_RE = /^[0-9]+-[0-9a-zA-Z]+$/;

export type WriteResult = { ok: true; id: string; rev: string } | { id: string; error: string; reason: string };

interface Validator {
  readonly key: string;
  readonly source: string;
}

export function newDocId(): string {
  return randomUUID().replace(/-/g, '');
}

/** Shape checks that refuse the whole request, as CouchDB does. */
export function checkDocShape(value: unknown, newEdits = true): Doc {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Document must be a JSON object');
  const doc = value as Doc;
  if (doc._id !== undefined && typeof doc._id !== 'string') throw new HttpError(400, 'illegal_docid', 'Document id must be a string');
  if (typeof doc._id === 'string') checkDocId(doc._id);
  if (doc._rev !== undefined && (typeof doc._rev !== 'string' || !REV_RE.test(doc._rev))) throw badRequest('Invalid rev format');
  if (!newEdits && doc._rev === undefined && doc._revisions === undefined) {
    throw badRequest('When `new_edits: false`, the document needs `_rev` or `_revisions` specified');
  }
  for (const key of Object.keys(doc)) {
    if (key.startsWith('_') && !SPECIAL.has(key)) throw new HttpError(400, 'doc_validation', `Bad special document member: ${key}`);
  }
  return doc;
}

export function checkDocId(id: string): void {
  if (id === '') throw new HttpError(400, 'illegal_docid', 'Document id must not be empty');
  if (id.startsWith('_') && !id.startsWith('_design/') && !id.startsWith('_local/')) {
    throw new HttpError(400, 'illegal_docid', 'Only reserved document ids may start with underscore.');
  }
}

function docSize(doc: Doc): number {
  const { _attachments: _a, ...body } = doc;
  return Buffer.byteLength(JSON.stringify(body));
}

/** The live (not deleted) leaf revision `rev` of a document; otherwise a conflict. */
async function openLeaf(db: PouchDb, id: string, rev: string | undefined): Promise<Doc> {
  if (!rev) throw conflict();
  const leaves = (await db.get(id, { open_revs: 'all' })) as unknown as { ok?: Doc }[];
  const leaf = leaves.find((l) => l.ok?._rev === rev && !l.ok._deleted)?.ok;
  if (!leaf) throw conflict();
  return leaf;
}

export class Writer {
  private readonly validators = new Map<string, Validator[]>();
  /** The HTTP status of each failed result, for single-document answers. */
  private readonly lastStatus = new WeakMap<WriteResult, number>();

  constructor(
    private readonly dbs: Databases,
    private readonly design: DesignFunctions,
    private readonly onWrite: (db: string) => void,
  ) {}

  /** Forget a database's validators (a design document changed, or the database went away). */
  forget(dbName: string): void {
    this.validators.delete(dbName);
  }

  private async validatorsOf(dbName: string, db: PouchDb): Promise<Validator[]> {
    const cached = this.validators.get(dbName);
    if (cached) return cached;
    const { rows } = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
    const list: Validator[] = [];
    for (const row of rows) {
      const doc = row.doc as Doc | undefined;
      // `_users` rules are built in (users-db.ts); a `_design/_auth` left there by an older server is theirs.
      if (dbName === USERS_DB && doc?._id === '_design/_auth') continue;
      if (doc && typeof doc.validate_doc_update === 'string') list.push({ key: `${dbName}/${doc._id}@${doc._rev}`, source: doc.validate_doc_update });
    }
    this.validators.set(dbName, list);
    return list;
  }

  /** Writes documents; one result per document, in order (new_edits=false: only the failures). */
  async write(dbName: string, docs: Doc[], who: Identity, newEdits = true): Promise<WriteResult[]> {
    const db = this.dbs.get(dbName);
    const sec = this.dbs.securityOf(dbName);
    const dbAdmin = isDbAdmin(sec, who.user, who.isServerAdmin);
    const results: (WriteResult | undefined)[] = new Array(docs.length).fill(undefined);
    const prepared: Doc[] = docs.map((d) => (d._id === undefined ? { ...d, _id: newDocId() } : d));
    const fail = (i: number, e: unknown) => {
      const err = toHttpError(e);
      results[i] = { id: prepared[i]!._id, error: err.error, reason: err.reason };
      this.lastStatus.set(results[i]!, err.status);
    };

    for (let i = 0; i < prepared.length; i++) {
      const doc = prepared[i]!;
      if (doc._id.startsWith('_design/') && !dbAdmin) fail(i, notDbAdmin());
      else if (docSize(doc) > MAX_DOCUMENT_BYTES) fail(i, new HttpError(413, 'document_too_large', doc._id));
      else if (dbName === REPLICATOR_DB && !doc._id.startsWith('_design/') && !doc._id.startsWith('_local/')) fail(i, notSupported('Starting replications'));
    }

    const validators = await this.validatorsOf(dbName, db);
    const needOld = validators.length > 0 || dbName === USERS_DB;
    if (needOld) {
      const ids = prepared.map((d, i) => (results[i] || d._id.startsWith('_local/') ? undefined : d._id)).filter((x): x is string => !!x);
      const current = new Map<string, { doc?: Doc; deleted?: boolean }>();
      if (ids.length > 0) {
        const { rows } = await db.allDocs({ keys: [...new Set(ids)], include_docs: true });
        for (const row of rows as { key: string; value?: { deleted?: boolean }; doc?: Doc | null }[]) {
          if (row.value) current.set(row.key, { doc: row.doc ?? undefined, deleted: !!row.value.deleted });
        }
      }
      const userCtx = { db: dbName, name: who.user.name, roles: [...who.user.roles] };
      for (let i = 0; i < prepared.length; i++) {
        if (results[i] || prepared[i]!._id.startsWith('_local/')) continue;
        try {
          let doc = prepared[i]!;
          const cur = current.get(doc._id);
          let oldDoc = cur && !cur.deleted && cur.doc ? cur.doc : null;
          // As CouchDB: a write may extend (or close) any leaf, also a losing one of a conflict;
          // the validators then see that leaf as the old document.
          if (newEdits && oldDoc && doc._rev !== oldDoc._rev) oldDoc = await openLeaf(db, doc._id, doc._rev);
          if (newEdits && ((oldDoc && doc._rev !== oldDoc._rev) || (!cur && doc._rev !== undefined))) throw conflict();
          if (dbName === USERS_DB) {
            doc = await hashUserPassword(doc);
            prepared[i] = doc;
            validateUserDoc(doc, oldDoc, who.user, who.isServerAdmin || dbAdmin);
          }
          // As CouchDB: design documents pass the admin check only, never the validators.
          if (!doc._id.startsWith('_design/')) for (const v of validators) this.design.validate(v.key, v.source, doc, oldDoc, userCtx, sec as Json);
        } catch (e) {
          fail(i, e);
        }
      }
    }

    const todo = prepared.map((d, i) => ({ d, i })).filter(({ i }) => !results[i]);
    if (todo.length > 0) {
      let written: Json[];
      try {
        written = await db.bulkDocs(
          todo.map(({ d }) => d),
          { new_edits: newEdits },
        );
      } catch (e) {
        throw toHttpError(e);
      }
      todo.forEach(({ d, i }, k) => {
        const r = (written[k] ?? {}) as { ok?: boolean; id?: string; rev?: string; error?: unknown; name?: string; reason?: string; message?: string; status?: number };
        if (r.ok || (!r.error && r.rev)) results[i] = { ok: true, id: r.id ?? d._id, rev: r.rev ?? d._rev ?? '' };
        else if (!newEdits && !r.error) results[i] = { ok: true, id: d._id, rev: d._rev ?? '' };
        else fail(i, r.status ? r : { status: 400, name: String(r.name ?? r.error), reason: r.reason ?? r.message });
      });
      if (todo.some(({ d }) => d._id.startsWith('_design/'))) this.forget(dbName);
      if (todo.some(({ i }) => 'ok' in results[i]!)) this.onWrite(dbName);
    }
    const out = results as WriteResult[];
    return newEdits ? out : out.filter((r) => !('ok' in r));
  }

  /** One document: its result, or its error thrown as CouchDB answers a single write. */
  async writeOne(dbName: string, doc: Doc, who: Identity): Promise<{ id: string; rev: string }> {
    const [r] = await this.write(dbName, [doc], who);
    if (!r) throw new HttpError(500, 'internal_server_error', 'no result');
    if ('ok' in r) return r;
    throw new HttpError(this.lastStatus.get(r) ?? 500, r.error, r.reason);
  }
}
