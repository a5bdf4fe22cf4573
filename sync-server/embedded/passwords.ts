// Password hashes as CouchDB 3.5 stores them (PBKDF2-SHA256, 600,000 iterations, a random salt)
// and their checks, with CouchDB's cache of successful checks: a check costs about half a second,
// so a good (name, hash, password) is remembered; a changed password changes the hash and misses
// the cache. Wrong passwords are never cached and always pay the full cost.
import { createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';

export const ITERATIONS = 600_000;
const KEY_BYTES = 32;
const CACHE_MAX = 1000;

export interface PasswordHash {
  readonly password_scheme: 'pbkdf2';
  readonly pbkdf2_prf?: string;
  readonly iterations: number;
  readonly salt: string;
  readonly derived_key: string;
}

function derive(password: string, salt: string, iterations: number, prf: string, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, bytes, prf, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16).toString('hex');
  const key = await derive(password, salt, ITERATIONS, 'sha256', KEY_BYTES);
  return { password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: ITERATIONS, salt, derived_key: key.toString('hex') };
}

export function isPasswordHash(value: unknown): value is PasswordHash {
  const h = value as Partial<PasswordHash> | undefined;
  return (
    !!h &&
    h.password_scheme === 'pbkdf2' &&
    typeof h.salt === 'string' &&
    typeof h.derived_key === 'string' &&
    /^[0-9a-f]+$/.test(h.derived_key) &&
    Number.isInteger(h.iterations) &&
    (h.iterations as number) > 0
  );
}

/** True when a stored hash is weaker than what this server writes (to be upgraded on sign-in). */
export function isOutdated(h: PasswordHash): boolean {
  return (h.pbkdf2_prf ?? 'sha1') !== 'sha256' || h.iterations < ITERATIONS;
}

const DUMMY: PasswordHash = {
  password_scheme: 'pbkdf2',
  pbkdf2_prf: 'sha256',
  iterations: ITERATIONS,
  salt: randomBytes(16).toString('hex'),
  derived_key: '00'.repeat(KEY_BYTES),
};

export class PasswordChecker {
  private readonly good = new Map<string, true>();
  private readonly pending = new Map<string, Promise<boolean>>();

  private key(name: string, hash: PasswordHash, password: string): string {
    const pw = createHash('sha256').update(hash.salt).update('\0').update(password).digest('hex');
    return `${name}\0${hash.derived_key}\0${hash.iterations}\0${pw}`;
  }

  /** Checks a password against a stored hash (or, for an unknown user, a dummy one at the same cost). */
  async check(name: string, hash: PasswordHash | undefined, password: string): Promise<boolean> {
    const h = hash ?? DUMMY;
    const key = this.key(name, h, password);
    if (hash && this.good.has(key)) return true;
    const running = this.pending.get(key);
    if (running) return running;
    const work = (async () => {
      const expected = Buffer.from(h.derived_key, 'hex');
      const prf = h.pbkdf2_prf ?? 'sha1';
      if (!['sha1', 'sha224', 'sha256', 'sha384', 'sha512'].includes(prf) || expected.length === 0) return false;
      const got = await derive(password, h.salt, Math.min(h.iterations, 10_000_000), prf, expected.length);
      const ok = !!hash && got.length === expected.length && timingSafeEqual(got, expected);
      if (ok) {
        if (this.good.size >= CACHE_MAX) this.good.delete(this.good.keys().next().value as string);
        this.good.set(key, true);
      }
      return ok;
    })().finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }
}
