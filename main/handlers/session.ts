// Sign-in against the central CouchDB (`_session` and the user's own database, see
// domain/sync/account.ts), with an offline fallback to the credential cache of this workstation.
import { AppError } from '../../domain/errors';
import type { Session, SessionHandlers } from '../../domain/ipc/session';
import { readAccount } from '../../domain/sync/account';
import type { MainContext } from '../context';
import type { KeyProtector } from '../keys/key-protector';
import { CredentialCache } from './credential-cache';

const PROBE_TIMEOUT_MS = 5_000;

export interface SessionOptions {
  /** Seals the cached data keys with the OS secret store (given by the Electron entry). */
  readonly keyProtector?: KeyProtector;
}

export function sessionHandlers(ctx: MainContext, options: SessionOptions = {}): { [K in keyof SessionHandlers]: SessionHandlers[K] } {
  const cache = new CredentialCache(ctx.dataDir, { protector: options.keyProtector });
  /** Checks a user's credentials against the server, or this workstation's cache when offline. */
  async function authenticate(args: { username?: unknown; password?: unknown } | undefined): Promise<Session> {
    const username = typeof args?.username === 'string' ? args.username.trim() : '';
    const password = typeof args?.password === 'string' ? args.password : '';
    if (!username || !password) throw new AppError('MISSING_CREDENTIALS', '请输入用户名和密码');
    const account = await readAccount(fetch, ctx.couchUrl, username, password, PROBE_TIMEOUT_MS);
    if (account) {
      await cache.remember(username, password, account.user, account.keys);
      return { user: { ...account.user, offline: false }, keys: account.keys };
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
