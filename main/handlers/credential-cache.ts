// Lets a clerk sign in with no network: after each successful online sign-in the workstation
// keeps a salted PBKDF2 verifier of the password, the user's profile, and the user's data keys
// sealed with a key derived from the same password; in Electron that sealed form is sealed again
// by the OS secret store (a KeyProtector), so a copied file opens neither without the password
// nor on another account or computer. The password itself is never stored.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SessionKeys, SessionUser } from '../../domain/ipc/session';
import type { KeyProtector } from '../keys/key-protector';
import { passwordKeyProtector } from '../keys/password-protector';

const pbkdf2Async = promisify(pbkdf2);
const ITERATIONS = 210_000;

type Profile = Omit<SessionUser, 'offline'>;

interface Entry {
  readonly salt: string;
  readonly iterations: number;
  readonly verifier: string;
  /** The JSON keys sealed with the password-derived key (base64 of iv | tag | AES-256-GCM ciphertext), then by the OS store when `protection` is 'os'. */
  readonly sealedKeys: string;
  /** Absent in caches written before OS protection existed: 'password'. */
  readonly protection?: 'os' | 'password';
  readonly user: Profile;
}

export type CachedLogin =
  | { readonly kind: 'ok'; readonly user: Profile; readonly keys: SessionKeys }
  | { readonly kind: 'unknown' | 'wrong' };

async function derive(password: string, salt: Buffer, iterations: number): Promise<{ verifier: Buffer; sealKey: Buffer }> {
  const bytes = await pbkdf2Async(password, salt, iterations, 64, 'sha256');
  return { verifier: bytes.subarray(0, 32), sealKey: bytes.subarray(32) };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

export interface CredentialCacheOptions {
  /** The OS secret store (Electron); absent in browser mode, where only the password protects the keys. */
  readonly protector?: KeyProtector;
}

export class CredentialCache {
  private readonly file: string;
  private readonly protector: KeyProtector | undefined;

  constructor(dataDir: string, options: CredentialCacheOptions = {}) {
    this.file = path.join(dataDir, 'credentials.json');
    this.protector = options.protector;
  }

  private async load(): Promise<Record<string, Entry>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Entry>;
    } catch {
      return {};
    }
  }

  async remember(username: string, password: string, user: Profile, keys: SessionKeys): Promise<void> {
    const salt = randomBytes(16);
    const { verifier, sealKey } = await derive(password, salt, ITERATIONS);
    const byPassword = await passwordKeyProtector(sealKey).protect(utf8(JSON.stringify(keys)));
    const sealedKeys = this.protector ? await this.protector.protect(utf8(byPassword)) : byPassword;
    const all = await this.load();
    all[username] = {
      salt: salt.toString('base64'),
      iterations: ITERATIONS,
      verifier: verifier.toString('base64'),
      sealedKeys,
      protection: this.protector ? 'os' : 'password',
      user,
    };
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  async verify(username: string, password: string): Promise<CachedLogin> {
    const entry = (await this.load())[username];
    if (!entry) return { kind: 'unknown' };
    const { verifier, sealKey } = await derive(password, Buffer.from(entry.salt, 'base64'), entry.iterations);
    const expected = Buffer.from(entry.verifier, 'base64');
    if (expected.length !== verifier.length || !timingSafeEqual(verifier, expected)) return { kind: 'wrong' };
    let byPassword = entry.sealedKeys;
    if (entry.protection === 'os') {
      // Sealed by an OS store this process does not have (browser mode on an Electron cache): sign in online.
      if (!this.protector) return { kind: 'unknown' };
      try {
        byPassword = text(await this.protector.unprotect(entry.sealedKeys));
      } catch {
        return { kind: 'unknown' };
      }
    }
    const keys = await passwordKeyProtector(sealKey).unprotect(byPassword);
    return { kind: 'ok', user: entry.user, keys: JSON.parse(text(keys)) as SessionKeys };
  }
}
