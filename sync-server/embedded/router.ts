// The HTTP entry: authenticates, routes by path as CouchDB does, and turns every failure into a
// CouchDB error answer and one log line; nothing a request does can end the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachment } from './attachments';
import { changes, dbUpdates } from './changes';
import type { ServerContext } from './context';
import { checkDbName, GLOBAL_CHANGES_DB, notAllowed, REPLICATOR_DB, validateSecurity, USERS_DB } from './databases';
import { allDocs, bulkDocs, bulkGet, document, postDocument, revsDiff } from './documents';
import { badRequest, HttpError, methodNotAllowed, notServerAdmin, toHttpError } from './errors';
import { parseTarget, readJsonObject, sendError, sendJson, type Request } from './http';
import { adminOnlyUnsupported, allDbs, replicate, session, up, uuids, welcome } from './server-routes';

async function database(req: Request, ctx: ServerContext, name: string): Promise<void> {
  switch (req.method) {
    case 'PUT': {
      if (!req.isServerAdmin) throw notServerAdmin();
      checkDbName(name);
      if (!(await ctx.dbs.create(name))) throw new HttpError(412, 'file_exists', 'The database could not be created, the file already exists.');
      sendJson(req.res, 201, { ok: true });
      return;
    }
    case 'DELETE': {
      if (!req.isServerAdmin) throw notServerAdmin();
      ctx.dbs.get(name);
      ctx.writer.forget(name);
      await ctx.dbs.destroy(name);
      sendJson(req.res, 200, { ok: true });
      return;
    }
    case 'GET':
    case 'HEAD': {
      const db = ctx.dbs.requireMember(name, req.user, req.isServerAdmin);
      const info = await db.info();
      // Only what PouchDB knows: no sizes, purge or deletion counts are made up.
      sendJson(req.res, 200, { db_name: name, doc_count: info.doc_count, update_seq: info.update_seq, compact_running: false, props: {} });
      return;
    }
    case 'POST':
      return postDocument(req, ctx, name);
    default:
      throw methodNotAllowed(['DELETE', 'GET', 'HEAD', 'POST', 'PUT']);
  }
}

async function security(req: Request, ctx: ServerContext, name: string): Promise<void> {
  ctx.dbs.requireMember(name, req.user, req.isServerAdmin);
  const sec = ctx.dbs.securityOf(name);
  if (req.method === 'GET' || req.method === 'HEAD') {
    sendJson(req.res, 200, sec);
    return;
  }
  if (req.method !== 'PUT') throw methodNotAllowed(['PUT', 'GET']);
  const body = validateSecurity(await readJsonObject(req.raw));
  if (!req.isServerAdmin && !ctx.dbs.isDbAdminOf(name, req.user)) {
    // CouchDB 3.5 answers a member's _security write so: every shard refuses it, no majority.
    throw new HttpError(500, 'error', 'no_majority');
  }
  await ctx.dbs.setSecurity(name, body);
  sendJson(req.res, 200, { ok: true });
}

async function route(req: Request, ctx: ServerContext): Promise<void> {
  const [first, second, ...rest] = req.path;
  if (first === undefined) return welcome(req, ctx);
  if (first.startsWith('_') && first !== USERS_DB && first !== REPLICATOR_DB && first !== GLOBAL_CHANGES_DB) {
    switch (first) {
      case '_up':
        return up(req);
      case '_uuids':
        return uuids(req);
      case '_all_dbs':
        return allDbs(req, ctx);
      case '_session':
        return session(req, ctx);
      case '_db_updates':
        return dbUpdates(req, ctx);
      case '_replicate':
        return replicate(req);
      case '_config':
      case '_node':
      case '_active_tasks':
      case '_scheduler':
      case '_membership':
      case '_cluster_setup':
      case '_reshard':
      case '_stats':
      case '_dbs_info':
        return adminOnlyUnsupported(req, first);
      default:
        if (!req.isServerAdmin) throw notServerAdmin();
        if (req.method === 'PUT') checkDbName(first);
        ctx.dbs.get(first); // 404
        throw new HttpError(404, 'not_found', 'Database does not exist.'); // never leave a request unanswered
    }
  }
  const db = first;
  if (second === undefined) return database(req, ctx, db);
  if (!ctx.dbs.exists(db)) {
    if (req.method === 'PUT' && !req.isServerAdmin && second === '_security') throw notAllowed(req.user);
    ctx.dbs.get(db); // 404 Database does not exist.
  }
  switch (second) {
    case '_all_docs':
      return allDocs(req, ctx, db);
    case '_bulk_docs':
      return bulkDocs(req, ctx, db);
    case '_bulk_get':
      return bulkGet(req, ctx, db);
    case '_revs_diff':
      return revsDiff(req, ctx, db);
    case '_changes':
      return changes(req, ctx, db);
    case '_security':
      return security(req, ctx, db);
    case '_design':
    case '_local': {
      const [name, ...att] = rest;
      if (!name) throw badRequest(`${second} needs a document name`);
      const id = `${second}/${name}`;
      if (second === '_design' && att[0]?.startsWith('_')) {
        ctx.dbs.requireMember(db, req.user, req.isServerAdmin);
        throw new HttpError(501, 'not_implemented', `${att[0]} is not supported by the embedded server`);
      }
      if (att.length > 0) return attachment(req, ctx, db, id, att.join('/'));
      return document(req, ctx, db, id);
    }
    default: {
      if (second.startsWith('_design/') || second.startsWith('_local/')) {
        if (rest.length > 0) return attachment(req, ctx, db, second, rest.join('/'));
        return document(req, ctx, db, second);
      }
      if (second.startsWith('_')) {
        if (req.method === 'PUT') throw new HttpError(400, 'illegal_docid', 'Only reserved document ids may start with underscore.');
        ctx.dbs.requireMember(db, req.user, req.isServerAdmin);
        if (['_find', '_index', '_explain', '_purge', '_compact', '_view_cleanup', '_ensure_full_commit'].includes(second)) {
          throw new HttpError(501, 'not_implemented', `${second} is not supported by the embedded server`);
        }
        throw new HttpError(404, 'not_found', 'missing');
      }
      if (rest.length > 0) return attachment(req, ctx, db, second, rest.join('/'));
      return document(req, ctx, db, second);
    }
  }
}

/** The request listener: every request ends with an answer, whatever happens inside. */
export function createListener(ctx: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (raw, res) => {
    const method = raw.method ?? 'GET';
    const url = raw.url ?? '/';
    raw.on('error', () => {});
    res.on('error', () => {});
    void (async () => {
      try {
        const { path, rawPath, query } = parseTarget(url);
        const who = await ctx.auth.identify(raw);
        if (who.setCookie) res.setHeader('set-cookie', who.setCookie);
        await route({ raw, res, method, path, rawPath, query, user: who.user, isServerAdmin: who.isServerAdmin, authenticated: who.authenticated }, ctx);
      } catch (e) {
        const err = toHttpError(e);
        ctx.log.failure(method, url, err, e instanceof HttpError ? undefined : e);
        // A request whose body was not read keeps the connection busy: close it after answering.
        if (!raw.complete) res.setHeader('connection', 'close');
        sendError(res, err);
      }
    })();
  };
}
