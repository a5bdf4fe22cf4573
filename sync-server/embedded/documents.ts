// Documents of a database: GET/PUT/POST/DELETE of one document (design and _local ones too),
// _all_docs, _bulk_docs (also new_edits=false), _bulk_get and _revs_diff.
import { badRequest, HttpError, methodNotAllowed, toHttpError } from './errors';
import { boolParam, intParam, jsonParam, MAX_DOCUMENT_BYTES, readJson, readJsonObject, sendJson, type Request } from './http';
import { identityOf, type ServerContext } from './context';
import { USERS_DB } from './databases';
import type { Doc, Json } from './pouch';
import { checkUserDocRead, checkUsersListing } from './users-db';
import { checkDocId, checkDocShape } from './writes';

function getOptions(q: URLSearchParams): Json {
  const opts: Json = {};
  const rev = q.get('rev');
  if (rev !== null) opts.rev = rev;
  for (const flag of ['revs', 'revs_info', 'conflicts', 'deleted_conflicts', 'attachments', 'latest', 'local_seq']) {
    if (boolParam(q, flag)) opts[flag] = true;
  }
  const openRevs = q.get('open_revs');
  if (openRevs !== null) {
    const parsed = openRevs === 'all' ? 'all' : jsonParam(q, 'open_revs');
    if (parsed !== 'all' && (!Array.isArray(parsed) || parsed.some((r) => typeof r !== 'string'))) throw badRequest('invalid open_revs');
    opts.open_revs = parsed;
  }
  return opts;
}

export async function getDocument(req: Request, ctx: ServerContext, dbName: string, id: string): Promise<void> {
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  if (dbName === USERS_DB) checkUserDocRead(id, req.user, req.isServerAdmin);
  const doc = await db.get(id, getOptions(req.query)).catch((e: unknown) => {
    throw toHttpError(e);
  });
  const rev = (doc as { _rev?: string })._rev;
  sendJson(req.res, 200, doc, rev ? { etag: `"${rev}"` } : {});
}

export async function putDocument(req: Request, ctx: ServerContext, dbName: string, id: string): Promise<void> {
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  checkDocId(id);
  const body = checkDocShape(await readJson(req.raw, MAX_DOCUMENT_BYTES * 2));
  const rev = req.query.get('rev');
  const doc: Doc = { ...body, _id: id, ...(rev && !body._rev ? { _rev: rev } : {}) };
  checkDocShape(doc);
  const r = await ctx.writer.writeOne(dbName, doc, identityOf(req));
  sendJson(req.res, 201, { ok: true, id: r.id, rev: r.rev }, { etag: `"${r.rev}"` });
}

export async function postDocument(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const doc = checkDocShape(await readJson(req.raw, MAX_DOCUMENT_BYTES * 2));
  const r = await ctx.writer.writeOne(dbName, doc, identityOf(req));
  sendJson(req.res, 201, { ok: true, id: r.id, rev: r.rev }, { etag: `"${r.rev}"` });
}

export async function deleteDocument(req: Request, ctx: ServerContext, dbName: string, id: string): Promise<void> {
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const rev = req.query.get('rev');
  if (rev === null) throw new HttpError(409, 'conflict', 'Document update conflict.');
  const doc = checkDocShape({ _id: id, _rev: rev, _deleted: true });
  const r = await ctx.writer.writeOne(dbName, doc, identityOf(req));
  sendJson(req.res, 200, { ok: true, id: r.id, rev: r.rev }, { etag: `"${r.rev}"` });
}

export async function document(req: Request, ctx: ServerContext, dbName: string, id: string): Promise<void> {
  switch (req.method) {
    case 'GET':
    case 'HEAD':
      return getDocument(req, ctx, dbName, id);
    case 'PUT':
      return putDocument(req, ctx, dbName, id);
    case 'DELETE':
      return deleteDocument(req, ctx, dbName, id);
    default:
      throw methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']);
  }
}

export async function allDocs(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) throw methodNotAllowed(['GET', 'HEAD', 'POST']);
  if (dbName === USERS_DB) checkUsersListing(req.isServerAdmin);
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const q = req.query;
  const opts: Json = {};
  const body = req.method === 'POST' ? await readJsonObject(req.raw) : {};
  const keys = body.keys ?? jsonParam(q, 'keys');
  if (keys !== undefined) {
    if (!Array.isArray(keys)) throw badRequest('`keys` body member must be an array.');
    opts.keys = keys;
  }
  const key = jsonParam(q, 'key');
  if (key !== undefined) opts.key = key;
  const start = jsonParam(q, 'startkey') ?? jsonParam(q, 'start_key');
  if (start !== undefined) opts.startkey = start;
  const end = jsonParam(q, 'endkey') ?? jsonParam(q, 'end_key');
  if (end !== undefined) opts.endkey = end;
  for (const flag of ['include_docs', 'conflicts', 'descending', 'inclusive_end', 'update_seq', 'attachments']) {
    const v = boolParam(q, flag);
    if (v !== undefined) opts[flag] = v;
  }
  const limit = intParam(q, 'limit');
  if (limit !== undefined) opts.limit = limit;
  const skip = intParam(q, 'skip');
  if (skip !== undefined) opts.skip = skip;
  const reply = await db.allDocs(opts).catch((e: unknown) => {
    throw toHttpError(e);
  });
  sendJson(req.res, 200, reply);
}

export async function bulkDocs(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed(['POST']);
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const body = await readJsonObject(req.raw);
  if (body.docs === undefined) throw badRequest('POST body must include `docs` parameter.');
  if (!Array.isArray(body.docs)) throw badRequest('`docs` parameter must be an array.');
  const newEdits = body.new_edits !== false;
  const docs = (body.docs as unknown[]).map((d) => checkDocShape(d, newEdits));
  const results = await ctx.writer.write(dbName, docs, identityOf(req), newEdits);
  sendJson(req.res, 201, results);
}

export async function bulkGet(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed(['POST']);
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const body = await readJsonObject(req.raw);
  if (!Array.isArray(body.docs)) throw badRequest('Missing JSON list of `docs`.');
  const asked = body.docs as { id?: unknown; rev?: unknown }[];
  const refused: Json[] = [];
  const allowed = asked.filter((d) => {
    if (!d || typeof d !== 'object' || typeof d.id !== 'string') {
      refused.push({ id: null, docs: [{ error: { id: null, rev: null, error: 'bad_request', reason: 'document id missing' } }] });
      return false;
    }
    if (dbName !== USERS_DB) return true;
    try {
      checkUserDocRead(d.id, req.user, req.isServerAdmin);
      return true;
    } catch (e) {
      const err = toHttpError(e);
      refused.push({ id: d.id, docs: [{ error: { id: d.id, rev: d.rev ?? null, error: err.error, reason: err.reason } }] });
      return false;
    }
  });
  const q = req.query;
  const reply = (await db
    .bulkGet({ docs: allowed, revs: boolParam(q, 'revs') ?? false, attachments: boolParam(q, 'attachments') ?? false, latest: boolParam(q, 'latest') ?? false, binary: false })
    .catch((e: unknown) => {
      throw toHttpError(e);
    })) as { results: Json[] };
  sendJson(req.res, 200, { results: [...reply.results, ...refused] });
}

export async function revsDiff(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed(['POST']);
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const body = await readJsonObject(req.raw);
  for (const revs of Object.values(body)) {
    if (!Array.isArray(revs) || revs.some((r) => typeof r !== 'string')) throw badRequest('Each document id needs a list of revisions.');
  }
  const reply = await db.revsDiff(body).catch((e: unknown) => {
    throw toHttpError(e);
  });
  sendJson(req.res, 200, reply);
}
