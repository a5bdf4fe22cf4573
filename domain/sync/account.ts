// A staff account as the central CouchDB knows it, read the same way on Apache CouchDB 3.5 and the
// embedded server with documented APIs only: who the user is and their roles come from
// `GET /_session` (CouchDB 3 lets no non-admin read `_users`, not even their own document); their
// profile and data keys from the `profile` document of their own database (`hws-user-<hex>`, whose
// only member is the user; written by admins at setup).
import { AppError } from '../errors';
import type { Role, SessionKeys, SessionUser } from '../ipc/session';
import { PROFILE_DOC_ID, userDbName } from './databases';

export const ROLES: readonly Role[] = ['clerk', 'inspector', 'reviewer', 'district_reviewer', 'it'];

/** The profile document of a user's own database. */
export interface ProfileDoc {
  readonly _id: typeof PROFILE_DOC_ID;
  readonly _rev?: string;
  readonly type: 'user_profile';
  readonly schemaVersion: 1;
  readonly name: string;
  readonly displayName: string;
  readonly officeId: string;
  readonly officeName: string;
  readonly districtId: string;
  readonly keys: SessionKeys;
}

export interface Account {
  readonly user: Omit<SessionUser, 'offline'>;
  readonly keys: SessionKeys;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const basic = (username: string, password: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
const isKey = (k: unknown) => typeof k === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(k);
const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Checks a profile document from the server: anything malformed is refused with a reason, never half-used. */
export function parseProfile(doc: unknown, name: string): ProfileDoc {
  const d = (doc ?? {}) as Partial<Record<keyof ProfileDoc, unknown>>;
  const keys = (d.keys ?? {}) as { lookup?: unknown; offices?: unknown };
  const offices = keys.offices && typeof keys.offices === 'object' ? (keys.offices as Record<string, unknown>) : undefined;
  const valid =
    d.type === 'user_profile' &&
    d.name === name &&
    str(d.officeId) &&
    str(d.districtId) &&
    isKey(keys.lookup) &&
    offices !== undefined &&
    Object.keys(offices).length > 0 &&
    Object.values(offices).every(isKey) &&
    isKey(offices[d.officeId as string]);
  if (!valid) throw new AppError('BAD_PROFILE', '该账号的资料或数据密钥不完整,请联系IT人员运行 hws sync-server setup');
  return {
    _id: PROFILE_DOC_ID,
    type: 'user_profile',
    schemaVersion: 1,
    name,
    displayName: str(d.displayName) ? d.displayName : name,
    officeId: d.officeId as string,
    officeName: str(d.officeName) ? d.officeName : (d.officeId as string),
    districtId: d.districtId as string,
    keys: { lookup: keys.lookup as string, offices: Object.fromEntries(Object.entries(offices).map(([k, v]) => [k, v as string])) },
  };
}

/** Roles as the server has them (the user cannot change them): the job roles and the office they belong to. */
export function accountUser(name: string, serverRoles: readonly string[], profile: ProfileDoc): Omit<SessionUser, 'offline'> {
  const roles = ROLES.filter((r) => serverRoles.includes(r));
  if (roles.length === 0) throw new AppError('BAD_PROFILE', '该账号未分配岗位,请联系IT人员在中心服务器上完善账号');
  if (!serverRoles.includes(`office:${profile.officeId}`)) {
    throw new AppError('BAD_PROFILE', `该账号的资料所属办事处(${profile.officeId})与服务器上的角色不符,请联系IT人员`);
  }
  return { name, displayName: profile.displayName, roles, officeId: profile.officeId, officeName: profile.officeName, districtId: profile.districtId };
}

async function getJson(f: Fetch, url: string, authorization: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const res = await f(url, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new AppError('SERVER_ERROR', `同步服务器的答复无法识别(${res.status}),请联系IT人员`);
  }
  return { status: res.status, body };
}

/**
 * Signs in against the central server. Answers undefined when the server cannot be reached (the
 * caller may fall back to this workstation's credential cache); throws an AppError for a wrong
 * password or an account that is not set up.
 */
export async function readAccount(f: Fetch, couchUrl: string, username: string, password: string, timeoutMs = 5_000): Promise<Account | undefined> {
  const authorization = basic(username, password);
  const base = couchUrl.replace(/\/+$/, '');
  let session: { status: number; body: unknown };
  try {
    session = await getJson(f, `${base}/_session`, authorization, timeoutMs);
  } catch (e) {
    if (e instanceof AppError) throw e;
    return undefined;
  }
  if (session.status === 401 || session.status === 403) throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  if (session.status !== 200) throw new AppError('SERVER_ERROR', `同步服务器返回错误(${session.status}),请稍后重试`);
  const ctx = (session.body as { userCtx?: { name?: unknown; roles?: unknown } }).userCtx;
  if (!ctx || ctx.name !== username) throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  const serverRoles = Array.isArray(ctx.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [];
  let profile: { status: number; body: unknown };
  try {
    profile = await getJson(f, `${base}/${userDbName(username)}/${PROFILE_DOC_ID}`, authorization, timeoutMs);
  } catch (e) {
    if (e instanceof AppError) throw e;
    return undefined;
  }
  if (profile.status === 404 || profile.status === 403) {
    throw new AppError('BAD_PROFILE', '该账号尚未分发数据密钥,请联系IT人员运行 hws sync-server setup');
  }
  if (profile.status === 401) throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  if (profile.status !== 200) throw new AppError('SERVER_ERROR', `同步服务器返回错误(${profile.status}),请稍后重试`);
  const doc = parseProfile(profile.body, username);
  return { user: accountUser(username, serverRoles, doc), keys: doc.keys };
}
