// Lets a clerk sign in with no network: after each successful online sign-in the workstation
// keeps a salted PBKDF2 hash of the password and the user's profile, never the password.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SessionUser } from '../../domain/ipc/session';

const pbkdf2Async = promisify(pbkdf2);
const ITERATIONS = 210_000;
const KEY_LENGTH = 32;

interface Entry {
  readonly salt: string;
  readonly hash: string;
  readonly iterations: number;
  readonly user: Omit<SessionUser, 'offline'>;
}

export type CachedLogin = { readonly kind: 'ok'; readonly user: Omit<SessionUser, 'offline'> } | { readonly kind: 'unknown' | 'wrong' };

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

  async remember(username: string, password: string, user: Omit<SessionUser, 'offline'>): Promise<void> {
    const salt = randomBytes(16);
    const hash = await pbkdf2Async(password, salt, ITERATIONS, KEY_LENGTH, 'sha256');
    const all = await this.load();
    all[username] = { salt: salt.toString('base64'), hash: hash.toString('base64'), iterations: ITERATIONS, user };
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  async verify(username: string, password: string): Promise<CachedLogin> {
    const entry = (await this.load())[username];
    if (!entry) return { kind: 'unknown' };
    const expected = Buffer.from(entry.hash, 'base64');
    const actual = await pbkdf2Async(password, Buffer.from(entry.salt, 'base64'), entry.iterations, expected.length, 'sha256');
    return timingSafeEqual(actual, expected) ? { kind: 'ok', user: entry.user } : { kind: 'wrong' };
  }
}
