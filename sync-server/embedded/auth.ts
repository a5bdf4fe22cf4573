// Who is asking: server admins (from the server's own hashed file, as CouchDB's [admins]), users of
// `_users` by Basic auth or the AuthSession cookie (HMAC-signed with the server secret and the
// user's salt, so a new password ends old sessions; expires after SESSION_SECONDS like CouchDB's
// default). A wrong Basic password is a 401 on any request, as CouchDB answers.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { forbidden, unauthorized } from './errors';
import type { UserCtx } from './http';
import { hashPassword, isOutdated, isPasswordHash, PasswordChecker, type PasswordHash } from './passwords';

export const SESSION_SECONDS = 600;
/** CouchDB 3.4+'s [chttpd_auth_lockout] defaults: 5 failures lock a (peer, user) for 5 minutes. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 5 * 60_000;
export const ADMIN_ROLE = '_admin';

export interface StoredUser {
  readonly name: string;
  readonly roles: readonly string[];
  readonly hash?: PasswordHash;
}

export interface Identity {
  readonly user: UserCtx;
  readonly isServerAdmin: boolean;
  readonly authenticated?: 'default' | 'cookie';
  /** A renewed cookie to send back. */
  readonly setCookie?: string;
}

export const ANONYMOUS: Identity = { user: { name: null, roles: [] }, isServerAdmin: false };

interface AuthFile {
  readonly admins: Record<string, PasswordHash>;
  readonly secret: string;
  /** HMAC of the generated admin's clear password (kept beside it in admin.json): a restart need not pay a PBKDF2 check. */
  readonly adminFingerprint?: string;
}

const fingerprint = (secret: string, admin: { username: string; password: string }) =>
  createHmac('sha256', Buffer.from(secret, 'hex')).update(`${admin.username}\0${admin.password}`).digest('hex');

/** The server's admins (hashed) and cookie secret, kept 0600 in the data folder; created before the port opens. */
export async function loadOrCreateAuthFile(file: string, admin: { username: string; password: string }): Promise<AuthFile> {
  let current: AuthFile | undefined;
  try {
    current = JSON.parse(await readFile(file, 'utf8')) as AuthFile;
  } catch {
    current = undefined;
  }
  const known = current?.admins?.[admin.username];
  if (current && typeof current.secret === 'string' && isPasswordHash(known) && current.adminFingerprint === fingerprint(current.secret, admin)) return current;
  const secret = current?.secret ?? randomBytes(32).toString('hex');
  const next: AuthFile = {
    admins: { ...(current?.admins ?? {}), [admin.username]: await hashPassword(admin.password) },
    secret,
    adminFingerprint: fingerprint(secret, admin),
  };
  await writeFile(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  return next;
}

function parseBasic(header: string): { name: string; password: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header);
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export class Auth {
  private readonly checker = new PasswordChecker();
  private readonly secret: Buffer;
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly file: AuthFile,
    private readonly lookupUser: (name: string) => Promise<StoredUser | undefined>,
    /** Called after a successful sign-in with an outdated hash (CouchDB upgrades it). */
    private readonly upgradeHash: (name: string, password: string) => void,
  ) {
    this.secret = Buffer.from(file.secret, 'hex');
  }

  private adminHash(name: string): PasswordHash | undefined {
    return Object.prototype.hasOwnProperty.call(this.file.admins, name) ? this.file.admins[name] : undefined;
  }

  /**
   * Checks a name and password; undefined when wrong. As CouchDB 3.5: after LOCKOUT_THRESHOLD
   * wrong passwords for an existing user from one peer, that user is refused from that peer
   * (403, right password or not) until LOCKOUT_MS after the first failure.
   */
  async signIn(name: string, password: string, peer = ''): Promise<Identity | undefined> {
    const key = `${peer}\0${name}`;
    const now = Date.now();
    const failed = this.failures.get(key);
    if (failed && failed.until <= now) this.failures.delete(key);
    else if (failed && failed.count >= LOCKOUT_THRESHOLD) throw forbidden('Account is temporarily locked due to multiple authentication failures');
    const who = await this.check(name, password);
    if (who === undefined && (this.adminHash(name) || (await this.lookupUser(name)))) {
      const entry = this.failures.get(key) ?? { count: 0, until: now + LOCKOUT_MS };
      entry.count++;
      if (this.failures.size > 10_000) this.failures.clear();
      this.failures.set(key, entry);
    }
    return who;
  }

  private async check(name: string, password: string): Promise<Identity | undefined> {
    const adminHash = this.adminHash(name);
    if (adminHash) {
      return (await this.checker.check(name, adminHash, password)) ? { user: { name, roles: [ADMIN_ROLE] }, isServerAdmin: true } : undefined;
    }
    const stored = await this.lookupUser(name);
    if (!(await this.checker.check(name, stored?.hash, password)) || !stored) return undefined;
    if (stored.hash && isOutdated(stored.hash)) this.upgradeHash(name, password);
    return { user: { name, roles: [...stored.roles] }, isServerAdmin: false };
  }

  private sign(name: string, expires: number, salt: string): string {
    const payload = `${name}:${expires.toString(16)}`;
    const mac = createHmac('sha256', this.secret).update(salt).update('\0').update(payload).digest('hex');
    return Buffer.from(`${payload}:${mac}`).toString('base64url');
  }

  private async saltOf(name: string): Promise<{ salt: string; identity: Identity } | undefined> {
    const adminHash = this.adminHash(name);
    if (adminHash) return { salt: adminHash.salt, identity: { user: { name, roles: [ADMIN_ROLE] }, isServerAdmin: true } };
    const stored = await this.lookupUser(name);
    if (!stored?.hash) return undefined;
    return { salt: stored.hash.salt, identity: { user: { name, roles: [...stored.roles] }, isServerAdmin: false } };
  }

  /** The Set-Cookie header of a new session for a signed-in user. */
  async sessionCookie(name: string): Promise<string | undefined> {
    const found = await this.saltOf(name);
    if (!found) return undefined;
    const expires = Math.floor(Date.now() / 1000) + SESSION_SECONDS;
    const value = this.sign(name, expires, found.salt);
    return `AuthSession=${value}; Version=1; Expires=${new Date(expires * 1000).toUTCString()}; Max-Age=${SESSION_SECONDS}; Path=/; HttpOnly`;
  }

  private async fromCookie(value: string): Promise<Identity | undefined> {
    let text: string;
    try {
      text = Buffer.from(value, 'base64url').toString('utf8');
    } catch {
      return undefined;
    }
    const m = /^(.*):([0-9a-f]{1,12}):([0-9a-f]{64})$/.exec(text);
    if (!m) return undefined;
    const [, name, expHex, mac] = m as unknown as [string, string, string, string];
    const expires = parseInt(expHex, 16);
    const now = Math.floor(Date.now() / 1000);
    if (expires < now) return undefined;
    const found = await this.saltOf(name);
    if (!found) return undefined;
    const expected = Buffer.from(this.sign(name, expires, found.salt), 'base64url').toString('utf8').split(':').pop()!;
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return undefined;
    // Renew once a tenth of the session has passed, as CouchDB does.
    const renew = expires - now < SESSION_SECONDS * 0.9 ? await this.sessionCookie(name) : undefined;
    return { ...found.identity, authenticated: 'cookie', ...(renew ? { setCookie: renew } : {}) };
  }

  /** The identity of a request; a wrong Basic password is refused (401) whatever the route. */
  async identify(req: IncomingMessage): Promise<Identity> {
    const header = req.headers.authorization;
    if (header) {
      const creds = parseBasic(header);
      if (creds) {
        const who = await this.signIn(creds.name, creds.password, req.socket.remoteAddress ?? '');
        if (!who) throw unauthorized('Name or password is incorrect.');
        return { ...who, authenticated: 'default' };
      }
    }
    const cookie = cookieValue(req.headers.cookie, 'AuthSession');
    if (cookie) return (await this.fromCookie(cookie)) ?? ANONYMOUS;
    return ANONYMOUS;
  }
}
