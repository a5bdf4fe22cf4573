// Lets a clerk sign in with no network: after each successful online sign-in the workstation
// keeps a salted PBKDF2 verifier of the password, the user's profile, and the user's data keys
// sealed with a key derived from the same password. The password itself is never stored.
import { createCipheriv, createDecipheriv, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SessionKeys, SessionUser } from '../../domain/ipc/session';

const pbkdf2Async = promisify(pbkdf2);
const ITERATIONS = 210_000;

type Profile = Omit<SessionUser, 'offline'>;

interface Entry {
  readonly salt: string;
  readonly iterations: number;
  readonly verifier: string;
  /** base64 of iv(12) | tag(16) | AES-256-GCM ciphertext of the JSON keys */
  readonly sealedKeys: string;
  readonly user: Profile;
}

export type CachedLogin =
  | { readonly kind: 'ok'; readonly user: Profile; readonly keys: SessionKeys }
  | { readonly kind: 'unknown' | 'wrong' };

async function derive(password: string, salt: Buffer, iterations: number): Promise<{ verifier: Buffer; sealKey: Buffer }> {
  const bytes = await pbkdf2Async(password, salt, iterations, 64, 'sha256');
  return { verifier: bytes.subarray(0, 32), sealKey: bytes.subarray(32) };
}

function seal(key: Buffer, clear: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(key: Buffer, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export class CredentialCache {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'credentials.json');
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
    const all = await this.load();
    all[username] = {
      salt: salt.toString('base64'),
      iterations: ITERATIONS,
      verifier: verifier.toString('base64'),
      sealedKeys: seal(sealKey, JSON.stringify(keys)),
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
    return { kind: 'ok', user: entry.user, keys: JSON.parse(unseal(sealKey, entry.sealedKeys)) as SessionKeys };
  }
}
