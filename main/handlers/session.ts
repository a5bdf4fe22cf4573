// Sign-in against the central CouchDB (`_session` and the user's own database, see
// domain/sync/account.ts), with an offline fallback to the credential cache of this workstation.
import { AppError } from '../../domain/errors';
import type { Session, SessionHandlers } from '../../domain/ipc/session';
import { generateSigningKey, importSigner, signDoc, type SigningKeyPair } from '../../domain/crypto/signing';
import { OVERRIDE_ROLES, overrideBody } from '../../domain/intake/override';
import { readAccount, type Account } from '../../domain/sync/account';
import { staffKeyDoc, staffKeyPath } from '../../domain/sync/staff-keys';
import type { MainContext } from '../context';
import type { KeyProtector } from '../keys/key-protector';
import { CredentialCache } from './credential-cache';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Makes sure the server knows this workstation's public key for the user (a `staff_key` document
 * only the user may create): registered once, at the first online sign-in that has the key.
 */
async function registerSigningKey(ctx: MainContext, creds: { username: string; password: string }, account: Account, pair: SigningKeyPair): Promise<void> {
  const headers = {
    authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  const url = ctx.couchUrl + staffKeyPath(creds.username, pair.keyId);
  const refused = (status: number) => new AppError('SIGNING_KEY', `无法在同步服务器上登记本人的签名密钥(${status}),请稍后重试或联系IT人员`);
  try {
    const existing = await fetch(url, { headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (existing.ok) {
      const doc = (await existing.json()) as { publicKey?: unknown };
      if (doc.publicKey === pair.publicKey) return;
      throw refused(existing.status);
    }
    if (existing.status !== 404) throw refused(existing.status);
    const doc = staffKeyDoc({ name: creds.username, officeId: account.user.officeId, roles: account.user.roles }, pair.publicKey, ctx.workstationId, new Date().toISOString());
    const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(doc), signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!put.ok) throw refused(put.status);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('SERVER_UNREACHABLE', '登记签名密钥时与同步服务器的连接中断,请重试');
  }
}

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
      const prior = await cache.verify(username, password);
      const known = prior.kind === 'ok' ? prior.keys.signing : undefined;
      const signing = known ?? (await generateSigningKey());
      try {
        await registerSigningKey(ctx, { username, password }, account, signing);
      } catch (e) {
        // A cached key was registered before (the cache keeps it only after the server took it): a
        // server too slow to confirm it again does not stop a sign-in or a signature. A new key,
        // or a key the server answers about differently, still must be registered.
        if (!(known && e instanceof AppError && e.code === 'SERVER_UNREACHABLE')) throw e;
      }
      const keys = { ...account.keys, signing };
      await cache.remember(username, password, account.user, keys);
      return { user: { ...account.user, offline: false }, keys };
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

  /** A reviewer's own credentials, entered at someone else's workstation (a counter sign-off). */
  async function reviewer(args: { username?: unknown; password?: unknown }): Promise<Session> {
    const session = await authenticate(args);
    if (!session.user.roles.some((r) => OVERRIDE_ROLES.includes(r))) {
      throw new AppError('NOT_REVIEWER', `${session.user.displayName}不是初审或复审人员,不能放行`);
    }
    return session;
  }

  return {
    'session/login': authenticate,
    async 'session/authorize'(args) {
      return (await reviewer(args)).user;
    },
    async 'session/override'(args) {
      const { user, keys } = await reviewer(args);
      if (!keys.signing) throw new AppError('SIGNING_KEY', `${user.displayName}在本工作站还没有签名密钥,请联网后重新输入密码`);
      const actor = { userId: user.name, name: user.displayName, roles: [...user.roles], officeId: user.officeId };
      return signDoc(await importSigner(keys.signing), overrideBody(args.caseId, args.reason.trim(), actor, new Date().toISOString()));
    },
    async 'session/logout'() {},
  };
}
