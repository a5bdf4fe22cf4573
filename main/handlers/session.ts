// Sign-in against the central CouchDB's user database, with an offline fallback to the
// credential cache of this workstation.
import { AppError } from '../../domain/errors';
import type { LoginArgs, Role, Session, SessionHandlers, SessionKeys, SessionUser } from '../../domain/ipc/session';
import type { MainContext } from '../context';
import type { KeyProtector } from '../keys/key-protector';
import { CredentialCache } from './credential-cache';

const ROLES: readonly Role[] = ['clerk', 'inspector', 'reviewer', 'district_reviewer', 'it'];
const PROBE_TIMEOUT_MS = 5_000;

interface UserDoc {
  name?: unknown;
  roles?: unknown;
  displayName?: unknown;
  officeId?: unknown;
  officeName?: unknown;
  districtId?: unknown;
  keys?: unknown;
}

export function profileFromUserDoc(doc: UserDoc): Omit<SessionUser, 'offline'> {
  const roles = Array.isArray(doc.roles) ? doc.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (typeof doc.name !== 'string' || typeof doc.officeId !== 'string' || roles.length === 0) {
    throw new AppError('BAD_PROFILE', '该账号未分配办事处或岗位,请联系IT人员在中心服务器上完善账号');
  }
  return {
    name: doc.name,
    displayName: typeof doc.displayName === 'string' ? doc.displayName : doc.name,
    roles,
    officeId: doc.officeId,
    officeName: typeof doc.officeName === 'string' ? doc.officeName : doc.officeId,
    districtId: typeof doc.districtId === 'string' ? doc.districtId : '',
  };
}

export function keysFromUserDoc(doc: UserDoc): SessionKeys {
  const keys = doc.keys as Partial<SessionKeys> | undefined;
  const valid = (k: unknown) => typeof k === 'string' && k.length >= 40;
  if (!keys || !valid(keys.lookup) || !keys.offices || !Object.values(keys.offices).every(valid)) {
    throw new AppError('BAD_PROFILE', '该账号缺少数据密钥,请联系IT人员运行 hws sync-server setup');
  }
  return { lookup: keys.lookup!, offices: { ...keys.offices } };
}

/** Fetches the user's own document; undefined means the server could not be reached. */
async function fetchOwnUserDoc(couchUrl: string, { username, password }: LoginArgs): Promise<UserDoc | undefined> {
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  let res: Response;
  try {
    res = await fetch(`${couchUrl}/_users/${encodeURIComponent(`org.couchdb.user:${username}`)}`, {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch {
    return undefined;
  }
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  }
  if (!res.ok) throw new AppError('SERVER_ERROR', `同步服务器返回错误(${res.status}),请稍后重试`);
  try {
    return (await res.json()) as UserDoc;
  } catch {
    throw new AppError('SERVER_ERROR', '同步服务器返回的账号信息无法识别,请联系IT人员');
  }
}

export interface SessionOptions {
  /** Seals the cached data keys with the OS secret store (given by the Electron entry). */
  readonly keyProtector?: KeyProtector;
}

export function sessionHandlers(ctx: MainContext, options: SessionOptions = {}): { [K in keyof SessionHandlers]: SessionHandlers[K] } {
  const cache = new CredentialCache(ctx.dataDir, { protector: options.keyProtector });
  /** Checks a user's credentials against the server, or this workstation's cache when offline. */
  async function authenticate(args: LoginArgs | undefined): Promise<Session> {
    const username = typeof args?.username === 'string' ? args.username.trim() : '';
    const password = typeof args?.password === 'string' ? args.password : '';
    if (!username || !password) throw new AppError('MISSING_CREDENTIALS', '请输入用户名和密码');
    const doc = await fetchOwnUserDoc(ctx.couchUrl, { username, password });
    if (doc) {
      const user = profileFromUserDoc(doc);
      const keys = keysFromUserDoc(doc);
      await cache.remember(username, password, user, keys);
      return { user: { ...user, offline: false }, keys };
    }
    const cached = await cache.verify(username, password);
    switch (cached.kind) {
      case 'ok':
        return { user: { ...cached.user, offline: true }, keys: cached.keys };
      case 'wrong':
        throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
      case 'unknown':
        throw new AppError('OFFLINE_FIRST_LOGIN', '无法连接同步服务器,且该账号从未在本工作站登录过:首次登录需要联网');
    }
  }

  return {
    'session/login': authenticate,
    async 'session/authorize'(args) {
      const { user } = await authenticate(args);
      if (!user.roles.some((r) => r === 'reviewer' || r === 'district_reviewer')) {
        throw new AppError('NOT_REVIEWER', `${user.displayName}不是初审或复审人员,不能放行`);
      }
      return user;
    },
    async 'session/logout'() {},
  };
}
