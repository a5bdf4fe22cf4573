// The changes feeds: a database's `_changes` (normal, longpoll and continuous; filters _selector, _doc_ids,
// _design and design functions `ddoc/name` run in the vm) and the server's `_db_updates`
// (admins; normal and longpoll). Writes made through this server wake waiting long-polls.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { badRequest, HttpError, methodNotAllowed, noDatabase, notFound, notServerAdmin, notSupported, toHttpError } from './errors';
import { boolParam, intParam, jsonParam, readJsonObject, sendJson, type Request } from './http';
import type { ServerContext } from './context';
import { USERS_DB, type Databases, type DbEvent } from './databases';
import type { DesignFunctions } from './design';
import type { Doc, Json, PouchDb } from './pouch';
import { checkUsersListing } from './users-db';

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_TIMEOUT_MS = 5 * 60_000;

export class Changes {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly bootId = randomBytes(4).toString('hex');
  private counter = 0;
  private readonly dbSeq = new Map<string, { type: DbEvent; seq: number }>();

  constructor(private readonly dbs: Databases) {
    dbs.onEvent((db, type) => this.dbEvent(db, type));
  }

  /** A write happened in a database: wake its long-polls and the _db_updates ones. */
  notify(db: string): void {
    for (const w of this.waiters.get(db) ?? []) w();
  }

  private dbEvent(db: string, type: DbEvent): void {
    this.counter++;
    this.dbSeq.set(db, { type, seq: this.counter });
    this.notify(db);
    this.notify('\0db_updates');
  }

  /** Resolves at the next write to `key` or after `ms`; either way the waiter goes away. */
  wait(key: string, ms: number, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(key) ?? new Set();
      this.waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(key);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      res.once('close', done);
    });
  }

  closeAll(): void {
    for (const set of this.waiters.values()) for (const w of [...set]) w();
  }

  // --- _db_updates ------------------------------------------------------------------------------

  /**
   * Sequences are `<n>-<boot id>`. The feed is kept in memory: a sequence from before a restart
   * cannot be resumed exactly, so every database is listed as updated (the reader re-checks them).
   */
  dbUpdatesSince(since: string | null): { results: Json[]; last_seq: string } {
    const [n, boot] = (since ?? '0').split('-');
    const earlierRun = since !== null && since !== '0' && since !== 'now' && boot !== this.bootId;
    const from = boot === this.bootId ? Number(n) || 0 : since === 'now' ? this.counter : 0;
    const results: Json[] = [...this.dbSeq.entries()]
      .filter(([, v]) => v.seq > from)
      .sort((a, b) => a[1].seq - b[1].seq)
      .map(([db, v]) => ({ db_name: db, type: v.type, seq: `${v.seq}-${this.bootId}` }));
    if (earlierRun) {
      const listed = new Set(results.map((r) => r.db_name));
      for (const db of this.dbs.list()) if (!listed.has(db)) results.unshift({ db_name: db, type: 'updated', seq: `0-${this.bootId}` });
    }
    return { results, last_seq: `${Math.max(from, this.counter)}-${this.bootId}` };
  }
}

/** Starts a long answer: headers now, a newline every `heartbeat` ms until the body is written. */
function heartbeat(res: ServerResponse, everyMs: number | undefined): () => void {
  if (!everyMs) return () => {};
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
  const t = setInterval(() => res.write('\n'), Math.max(everyMs, 1000));
  return () => clearInterval(t);
}

function finish(res: ServerResponse, body: unknown): void {
  if (res.headersSent) res.end(JSON.stringify(body) + '\n');
  else sendJson(res, 200, body);
}

export async function dbUpdates(req: Request, ctx: ServerContext): Promise<void> {
  if (!req.isServerAdmin) throw notServerAdmin();
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) throw methodNotAllowed(['GET', 'HEAD', 'POST']);
  const feed = req.query.get('feed') ?? 'normal';
  if (feed !== 'normal' && feed !== 'longpoll') throw notSupported(`feed=${feed} (normal and longpoll are)`);
  const since = req.query.get('since');
  let reply = ctx.changes.dbUpdatesSince(since);
  if (feed === 'longpoll' && reply.results.length === 0) {
    const stop = heartbeat(req.res, intParam(req.query, 'heartbeat'));
    await ctx.changes.wait('\0db_updates', Math.min(intParam(req.query, 'timeout') ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS), req.res);
    stop();
    reply = ctx.changes.dbUpdatesSince(since);
  }
  const limit = intParam(req.query, 'limit');
  if (limit !== undefined && reply.results.length > limit) {
    const results = reply.results.slice(0, limit);
    reply = { results, last_seq: String(results[results.length - 1]?.seq ?? reply.last_seq) };
  }
  finish(req.res, reply);
}

// --- _changes -------------------------------------------------------------------------------------

async function filterOptions(db: PouchDb, q: URLSearchParams, body: Json, design: DesignFunctions, dbName: string): Promise<Json> {
  const filter = q.get('filter');
  if (!filter) {
    const ids = (body.doc_ids ?? jsonParam(q, 'doc_ids')) as unknown;
    return Array.isArray(ids) ? { doc_ids: ids } : {};
  }
  if (filter === '_doc_ids') {
    const ids = (body.doc_ids ?? jsonParam(q, 'doc_ids')) as unknown;
    if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) throw badRequest('`doc_ids` filter parameter is not a list of doc ids.');
    return { doc_ids: ids };
  }
  if (filter === '_selector') {
    const selector = body.selector;
    if (!selector || typeof selector !== 'object' || Array.isArray(selector)) throw badRequest('Selector must be specified in POST payload');
    return { selector };
  }
  if (filter === '_design') return { filter: (doc: Doc) => doc._id.startsWith('_design/') };
  if (filter === '_view') throw new HttpError(501, 'not_implemented', 'the _view filter is not supported by the embedded server');
  const m = /^([^/]+)\/([^/]+)$/.exec(filter);
  if (!m) throw badRequest('`filter` parameter is not correct');
  const ddocId = `_design/${m[1]}`;
  let ddoc: Doc;
  try {
    ddoc = (await db.get(ddocId)) as Doc;
  } catch {
    throw notFound('missing');
  }
  const source = (ddoc.filters as Record<string, unknown> | undefined)?.[m[2]!];
  if (typeof source !== 'string') throw notFound(`missing json key: ${m[2]}`);
  const key = `${dbName}/${ddocId}@${ddoc._rev}/filters/${m[2]}`;
  const req = { query: Object.fromEntries(q.entries()), body };
  return { filter: (doc: Doc) => design.filter(key, source, doc, req) };
}

async function readChanges(db: PouchDb, opts: Json, since: number | string): Promise<{ results: Json[]; last_seq: number | string }> {
  let reply: Awaited<ReturnType<PouchDb['changes']>>;
  try {
    reply = await db.changes({ ...opts, since });
  } catch (e) {
    throw toHttpError(e);
  }
  // A database deleted meanwhile answers nothing usable.
  if (!reply || !Array.isArray(reply.results)) throw noDatabase();
  return { results: reply.results, last_seq: reply.last_seq };
}

export async function changes(req: Request, ctx: ServerContext, dbName: string): Promise<void> {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) throw methodNotAllowed(['GET', 'HEAD', 'POST']);
  if (dbName === USERS_DB) checkUsersListing(req.isServerAdmin);
  const db = ctx.dbs.requireMember(dbName, req.user, req.isServerAdmin);
  const q = req.query;
  const body = req.method === 'POST' ? await readJsonObject(req.raw) : {};
  const feed = q.get('feed') ?? 'normal';
  if (feed !== 'normal' && feed !== 'longpoll' && feed !== 'continuous') throw notSupported(`feed=${feed} (normal, longpoll and continuous are)`);
  const opts: Json = { ...(await filterOptions(db, q, body, ctx.design, dbName)) };
  if (boolParam(q, 'include_docs')) opts.include_docs = true;
  if (boolParam(q, 'conflicts')) opts.conflicts = true;
  if (boolParam(q, 'attachments')) opts.attachments = true;
  if (boolParam(q, 'descending')) opts.descending = true;
  if (q.get('style') === 'all_docs') opts.style = 'all_docs';
  const limit = intParam(q, 'limit');
  if (limit !== undefined) opts.limit = Math.max(limit, 1);
  let since: number | string = q.get('since') ?? body.since?.toString() ?? 0;
  if (since === 'now') since = (await db.info()).update_seq;
  else {
    const n = Number(String(since).split('-')[0]);
    if (!Number.isFinite(n) || n < 0) throw badRequest(`Malformed sequence supplied in 'since' parameter.`);
    since = n;
  }
  if (feed === 'continuous') return continuous(req, ctx, dbName, db, opts, since);
  let reply = await readChanges(db, opts, since);
  if (feed === 'longpoll' && reply.results.length === 0) {
    const stop = heartbeat(req.res, intParam(q, 'heartbeat'));
    const timeout = Math.min(intParam(q, 'timeout') ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
    const until = Date.now() + timeout;
    // A write may not match the filter: wait again until something matches or time is up.
    while (reply.results.length === 0 && Date.now() < until && !req.res.destroyed) {
      await ctx.changes.wait(dbName, until - Date.now(), req.res);
      if (req.res.destroyed) break;
      if (!ctx.dbs.exists(dbName)) {
        stop();
        throw noDatabase();
      }
      reply = await readChanges(db, opts, since);
    }
    stop();
  }
  if (req.res.destroyed) return;
  const info = await db.info();
  const lastSeq = Number(reply.last_seq);
  finish(req.res, { results: reply.results, last_seq: reply.last_seq, pending: Math.max(0, Number(info.update_seq) - lastSeq) });
}

/**
 * `feed=continuous`: one JSON row a line as changes happen, a newline every `heartbeat` ms; without
 * a heartbeat it ends after `timeout` (60 s) with a `last_seq` line, as CouchDB does. A `limit`
 * ends it after that many rows.
 */
async function continuous(req: Request, ctx: ServerContext, dbName: string, db: PouchDb, opts: Json, from: number | string): Promise<void> {
  const res = req.res;
  const beat = intParam(req.query, 'heartbeat');
  const until = beat ? Infinity : Date.now() + Math.min(intParam(req.query, 'timeout') ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
  let left = typeof opts.limit === 'number' ? opts.limit : Infinity;
  let since = from;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
  const timer = beat ? setInterval(() => res.write('\n'), Math.max(beat, 1000)) : undefined;
  try {
    while (!res.destroyed && left > 0 && Date.now() < until) {
      const reply = await readChanges(db, { ...opts, limit: Number.isFinite(left) ? left : undefined }, since);
      for (const row of reply.results) res.write(JSON.stringify(row) + '\n');
      left -= reply.results.length;
      since = reply.last_seq;
      if (left <= 0 || res.destroyed) break;
      await ctx.changes.wait(dbName, Math.min(until - Date.now(), 2 ** 31 - 1), res);
      if (!ctx.dbs.exists(dbName)) break;
    }
  } catch {
    // the database went away: end the feed as CouchDB does, with the last sequence
  } finally {
    clearInterval(timer);
  }
  if (!res.destroyed) res.end(JSON.stringify({ last_seq: since, pending: 0 }) + '\n');
}
