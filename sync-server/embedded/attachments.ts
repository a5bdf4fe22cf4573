// Attachments: GET, PUT (raw body, ?rev=) and DELETE. An upload is stored only once its whole
// body has arrived (Content-Length checked): a cut request is refused, never kept truncated. An
// attachment write is a document update and passes the same validation.
import { badRequest, HttpError, methodNotAllowed, toHttpError } from './errors';
import { readBody, sendJson, type Request } from './http';
import { identityOf, type ServerContext } from './context';
import { USERS_DB } from './databases';
import type { Doc } from './pouch';
import { checkUserDocRead } from './users-db';
import { checkDocId } from './writes';

async function current(ctx: ServerContext, dbName: string, id: string, rev: string | null): Promise<Doc | undefined> {
  try {
    return (await ctx.dbs.get(dbName).get(id, rev ? { rev } : {})) as Doc;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw toHttpError(e);
  }
}

async function getAttachment(req: Request, ctx: ServerContext, dbName: string, id: string, name: string): Promise<void> {
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  if (dbName === USERS_DB) checkUserDocRead(id, req.user, req.isServerAdmin);
  const rev = req.query.get('rev');
  const doc = await current(ctx, dbName, id, rev);
  const stub = doc?._attachments?.[name] as { content_type?: string; digest?: string } | undefined;
  if (!doc || !stub) throw new HttpError(404, 'not_found', doc ? 'Document is missing attachment' : 'missing');
  const data = await db.getAttachment(id, name, rev ? { rev } : {}).catch((e: unknown) => {
    throw toHttpError(e);
  });
  req.res.writeHead(200, {
    'content-type': stub.content_type ?? 'application/octet-stream',
    'content-length': data.length,
    'cache-control': 'must-revalidate',
    ...(stub.digest ? { etag: `"${stub.digest}"` } : {}),
  });
  req.res.end(data);
}

async function putAttachment(req: Request, ctx: ServerContext, dbName: string, id: string, name: string): Promise<void> {
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  checkDocId(id);
  if (id.startsWith('_local/')) throw badRequest('_local documents do not accept attachments.');
  const body = await readBody(req.raw);
  const rev = req.query.get('rev');
  const old = await current(ctx, dbName, id, null);
  if (old && old._rev !== rev) throw new HttpError(409, 'conflict', 'Document update conflict.');
  if (!old && rev) throw new HttpError(409, 'conflict', 'Document update conflict.');
  const type = String(req.raw.headers['content-type'] ?? 'application/octet-stream');
  const attachments = { ...(old?._attachments ?? {}), [name]: { content_type: type, data: body.toString('base64') } };
  const doc: Doc = { ...(old ?? {}), _id: id, ...(rev ? { _rev: rev } : {}), _attachments: attachments };
  const r = await ctx.writer.writeOne(dbName, doc, identityOf(req));
  sendJson(req.res, 201, { ok: true, id: r.id, rev: r.rev }, { etag: `"${r.rev}"` });
}

async function deleteAttachment(req: Request, ctx: ServerContext, dbName: string, id: string, name: string): Promise<void> {
  ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const rev = req.query.get('rev');
  const old = await current(ctx, dbName, id, null);
  if (!old || old._rev !== rev) throw new HttpError(409, 'conflict', 'Document update conflict.');
  if (!old._attachments?.[name]) throw new HttpError(404, 'not_found', 'Document is missing attachment');
  const { [name]: _gone, ...rest } = old._attachments;
  const doc: Doc = { ...old, _attachments: rest };
  const r = await ctx.writer.writeOne(dbName, doc, identityOf(req));
  sendJson(req.res, 200, { ok: true, id: r.id, rev: r.rev });
}

export async function attachment(req: Request, ctx: ServerContext, dbName: string, id: string, name: string): Promise<void> {
  switch (req.method) {
    case 'GET':
    case 'HEAD':
      return getAttachment(req, ctx, dbName, id, name);
    case 'PUT':
      return putAttachment(req, ctx, dbName, id, name);
    case 'DELETE':
      return deleteAttachment(req, ctx, dbName, id, name);
    default:
      throw methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']);
  }
}
