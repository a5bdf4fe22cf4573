// Server-level routes: welcome, _up, _uuids, _all_dbs, _session (Basic and cookie), and the
// admin-only parts this server does not offer (_config, _node, _replicate) answered honestly.
import { randomUUID } from 'node:crypto';
import { badRequest, HttpError, methodNotAllowed, notServerAdmin, notSupported, unauthorized } from './errors';
import { intParam, readBody, sendJson, type Request } from './http';
import type { ServerContext } from './context';

export const VERSION = '3.5.0';
export const VENDOR = 'hws-embedded';

const only = (req: Request, methods: string[]) => {
  if (!methods.includes(req.method)) throw methodNotAllowed(methods);
};

export async function welcome(req: Request, ctx: ServerContext): Promise<void> {
  only(req, ['GET', 'HEAD']);
  sendJson(req.res, 200, {
    couchdb: 'Welcome',
    version: VERSION,
    uuid: ctx.uuid,
    features: ['embedded'],
    vendor: { name: VENDOR, version: '1', note: 'Public Housing Workstation embedded server (PouchDB on LevelDB); answers as CouchDB 3.5 for the API it implements' },
  });
}

export async function up(req: Request): Promise<void> {
  only(req, ['GET', 'HEAD']);
  sendJson(req.res, 200, { status: 'ok', seeds: {} });
}

export async function uuids(req: Request): Promise<void> {
  only(req, ['GET', 'HEAD']);
  const count = intParam(req.query, 'count') ?? 1;
  if (count > 1000) throw badRequest('count parameter too large');
  sendJson(req.res, 200, { uuids: Array.from({ length: count }, () => randomUUID().replace(/-/g, '')) }, { pragma: 'no-cache' });
}

export async function allDbs(req: Request, ctx: ServerContext): Promise<void> {
  if (!req.isServerAdmin) throw notServerAdmin();
  only(req, ['GET', 'HEAD']);
  sendJson(req.res, 200, ctx.dbs.list());
}

async function credentialsOf(req: Request): Promise<{ name: string; password: string }> {
  const body = (await readBody(req.raw, 64 * 1024)).toString('utf8');
  const type = String(req.raw.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    return { name: form.get('name') ?? '', password: form.get('password') ?? '' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw badRequest('invalid UTF-8 JSON');
  }
  const p = (parsed ?? {}) as { name?: unknown; password?: unknown };
  if (typeof p.name !== 'string' || typeof p.password !== 'string') throw badRequest('name and password must be strings');
  return { name: p.name, password: p.password };
}

export async function session(req: Request, ctx: ServerContext): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    sendJson(req.res, 200, {
      ok: true,
      userCtx: { name: req.user.name, roles: req.user.roles },
      info: { authentication_handlers: ['cookie', 'default'], ...(req.authenticated ? { authenticated: req.authenticated } : {}) },
    });
    return;
  }
  if (req.method === 'POST') {
    const { name, password } = await credentialsOf(req);
    const who = await ctx.auth.signIn(name, password, req.raw.socket.remoteAddress ?? '');
    if (!who) throw unauthorized('Name or password is incorrect.');
    const cookie = await ctx.auth.sessionCookie(name);
    sendJson(req.res, 200, { ok: true, name, roles: who.user.roles }, cookie ? { 'set-cookie': cookie } : {});
    return;
  }
  if (req.method === 'DELETE') {
    sendJson(req.res, 200, { ok: true }, { 'set-cookie': 'AuthSession=; Version=1; Path=/; HttpOnly; Max-Age=0' });
    return;
  }
  throw methodNotAllowed(['GET', 'HEAD', 'POST', 'DELETE']);
}

/** _config, _node/…: refused to non-admins as CouchDB refuses them; not offered to admins. */
export async function adminOnlyUnsupported(req: Request, what: string): Promise<void> {
  if (!req.isServerAdmin) throw notServerAdmin();
  if (req.method === 'GET' && what === '_node' && req.path.length === 2) {
    sendJson(req.res, 200, { name: 'nonode@nohost' });
    return;
  }
  throw notSupported(`${what} (server configuration)`);
}

export async function replicate(req: Request): Promise<void> {
  if (req.user.name === null) throw new HttpError(401, 'unauthorized', 'You are not an authenticated user');
  only(req, ['POST']);
  throw notSupported('Replication');
}
