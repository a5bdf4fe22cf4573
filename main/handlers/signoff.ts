// A reviewer's fingerprint sign-off, as an alternative to typing the password again.
//
// What the password does today (session.ts, credential-cache.ts): at sign-in it opens the user's
// keys, including their signing key, which the renderer then holds for the whole session and signs
// every event with (renderer/workflow/record-events.ts). Typing it again in the decision dialog
// (session/authorize) unlocks nothing: it proves that the signed-in person is at the keyboard and
// means this decision. So a fingerprint can honestly stand in for exactly that proof, and for no
// more: it must not open keys that only the password opens, nor work where the user never signed
// in with their password.
//
// Hence: the reviewer enrols a sign-off finger after typing their password (checked against this
// workstation's credential cache); the template is kept on disk sealed under a key derived from
// that password (and by the OS store where Electron has one), like the cached data keys. A later
// password sign-in opens it into this process's memory for that session only (`opened`); a press
// of the same finger then answers the signed-in reviewer, as session/authorize does. Logout forgets
// it. A copied file opens nothing without the password; a finger alone, before a password sign-in
// on this workstation, signs nothing; after MAX_MISSES wrong presses the session's template is
// dropped and only the password signs. The template never leaves the main process.
import { pbkdf2, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FingerprintMatch, FingerprintTemplate } from '../../domain/devices';
import { AppError } from '../../domain/errors';
import { OVERRIDE_ROLES } from '../../domain/intake/override';
import type { SessionHandlers, SessionUser } from '../../domain/ipc/session';
import type { SignoffHandlers, SignoffStatus } from '../../domain/ipc/signoff';
import type { KeyProtector } from '../keys/key-protector';
import { passwordKeyProtector } from '../keys/password-protector';
import { CredentialCache } from './credential-cache';

const pbkdf2Async = promisify(pbkdf2);
const ITERATIONS = 210_000;
/** Wrong presses in one session before the fingerprint stops signing (the password still does). */
export const MAX_MISSES = 5;

/** The fingerprint module, as the device service offers it. */
export interface FingerReader {
  enroll(): Promise<FingerprintTemplate>;
  verify(template: FingerprintTemplate): Promise<FingerprintMatch>;
}

interface Entry {
  readonly salt: string;
  readonly iterations: number;
  /** The template JSON sealed with the password-derived key, then by the OS store when `protection` is 'os'. */
  readonly sealed: string;
  readonly protection: 'os' | 'password';
  readonly enrolledAt: string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function sealKeyOf(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(password, salt, iterations, 32, 'sha256');
}

const mayDecide = (user: Pick<SessionUser, 'roles'>) => user.roles.some((r) => OVERRIDE_ROLES.includes(r));

export interface SignoffOptions {
  readonly protector?: KeyProtector;
  readonly now?: () => Date;
}

export function fingerprintSignoff(dataDir: string, reader: FingerReader, options: SignoffOptions = {}) {
  const file = path.join(dataDir, 'signoff-fingerprints.json');
  const cache = new CredentialCache(dataDir, { protector: options.protector });
  /** Templates opened by this session's password sign-in, with the signed-in user and the misses so far. */
  const opened = new Map<string, { template: FingerprintTemplate; user: SessionUser; misses: number }>();

  const load = async (): Promise<Record<string, Entry>> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>;
    } catch {
      return {};
    }
  };

  async function open(username: string, password: string, user: SessionUser): Promise<void> {
    const entry = (await load())[username];
    if (!entry) return;
    try {
      let sealed = entry.sealed;
      if (entry.protection === 'os') {
        if (!options.protector) return;
        sealed = text(await options.protector.unprotect(sealed));
      }
      const key = await sealKeyOf(password, Buffer.from(entry.salt, 'base64'), entry.iterations);
      const template = JSON.parse(text(await passwordKeyProtector(key).unprotect(sealed))) as FingerprintTemplate;
      opened.set(username, { template, user, misses: 0 });
    } catch {
      // Sealed under an earlier password: the reviewer enrols again.
    }
  }

  async function status(username: string): Promise<SignoffStatus> {
    return { enrolled: (await load())[username] !== undefined, ready: opened.has(username) };
  }

  const handlers: { [K in keyof SignoffHandlers]: SignoffHandlers[K] } = {
    'signoff/status': ({ username }) => status(username),
    async 'signoff/enroll'({ username, password }) {
      const cached = await cache.verify(username, password);
      if (cached.kind !== 'ok') {
        throw cached.kind === 'wrong' ? new AppError('BAD_CREDENTIALS', '用户名或密码错误') : new AppError('OFFLINE_FIRST_LOGIN', '该账号尚未在本工作站登录过,不能登记签名指纹');
      }
      if (!mayDecide(cached.user)) throw new AppError('NOT_REVIEWER', `${cached.user.displayName}不是初审或复审人员,无需登记签名指纹`);
      const template = await reader.enroll();
      const salt = randomBytes(16);
      const byPassword = await passwordKeyProtector(await sealKeyOf(password, salt, ITERATIONS)).protect(utf8(JSON.stringify(template)));
      const sealed = options.protector ? await options.protector.protect(utf8(byPassword)) : byPassword;
      const all = await load();
      all[username] = { salt: salt.toString('base64'), iterations: ITERATIONS, sealed, protection: options.protector ? 'os' : 'password', enrolledAt: (options.now?.() ?? new Date()).toISOString() };
      const tmp = `${file}.tmp`;
      await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
      await rename(tmp, file);
      opened.set(username, { template, user: opened.get(username)?.user ?? { ...cached.user, offline: true }, misses: 0 });
      return status(username);
    },
    async 'signoff/fingerprint'({ username }) {
      const held = opened.get(username);
      if (!held) {
        const enrolled = (await load())[username] !== undefined;
        throw enrolled
          ? new AppError('FINGERPRINT_NOT_OPEN', '本次登录未启用指纹签名(须先用密码登录本工作站),请输入密码签名')
          : new AppError('FINGERPRINT_NOT_ENROLLED', '您尚未在本工作站登记签名指纹,请输入密码签名,或先登记指纹');
      }
      if (!mayDecide(held.user)) throw new AppError('NOT_REVIEWER', `${held.user.displayName}不是初审或复审人员,不能签名`);
      const result = await reader.verify(held.template);
      if (result.match) {
        held.misses = 0;
        return held.user;
      }
      held.misses += 1;
      if (held.misses >= MAX_MISSES) {
        opened.delete(username);
        throw new AppError('FINGERPRINT_LOCKED', `指纹连续 ${MAX_MISSES} 次不符,本次登录已停用指纹签名,请输入密码签名`);
      }
      throw new AppError('FINGERPRINT_MISMATCH', '指纹与您登记的签名指纹不符,未签名;请重按或输入密码签名');
    },
  };

  /** The session handlers, with a successful password sign-in opening the user's template and logout forgetting it. */
  function wrapSession(session: { [K in keyof SessionHandlers]: SessionHandlers[K] }): { [K in keyof SessionHandlers]: SessionHandlers[K] } {
    return {
      ...session,
      async 'session/login'(args) {
        const result = await session['session/login'](args);
        opened.clear();
        await open(args.username.trim(), args.password, result.user);
        return result;
      },
      async 'session/logout'(args) {
        opened.clear();
        return session['session/logout'](args);
      },
    };
  }

  return { handlers, wrapSession };
}
