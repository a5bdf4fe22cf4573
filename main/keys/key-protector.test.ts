import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeKeyProtector } from './fake-protector';
import { passwordKeyProtector } from './password-protector';
import { safeStorageProtector, type SafeStorageLike } from './safe-storage-protector';

const secret = new TextEncoder().encode('{"lookup":"k1","offices":{"a":"k2"}}');

describe('password-derived protector (browser mode)', () => {
  it('round-trips, hides the bytes, and refuses another key', async () => {
    const key = randomBytes(32);
    const sealed = await passwordKeyProtector(key).protect(secret);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('lookup');
    expect(await passwordKeyProtector(key).unprotect(sealed)).toEqual(secret);
    await expect(passwordKeyProtector(randomBytes(32)).unprotect(sealed)).rejects.toThrow('cannot be opened');
  });
});

/** Stands in for Electron's safeStorage: a per-"account" XOR so another account cannot decrypt. */
function storage(backend: string, available = true, account = 7): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ account));
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (s) => Buffer.concat([Buffer.from('OS'), xor(Buffer.from(s))]),
    async decryptStringAsync(b) {
      const out = xor(b.subarray(2)).toString();
      if (!/^[A-Za-z0-9+/=]*$/.test(out)) throw new Error('Error while decrypting the ciphertext');
      return { result: out };
    },
  };
}

describe('safeStorage protector (Electron)', () => {
  it('seals through the OS store and opens only there', async () => {
    const p = await safeStorageProtector(storage('gnome_libsecret'), 'linux');
    expect(p?.kind).toBe('os');
    const sealed = await p!.protect(secret);
    expect(sealed).toMatch(/^os1:/);
    expect(await p!.unprotect(sealed)).toEqual(secret);
    const elsewhere = await safeStorageProtector(storage('gnome_libsecret', true, 99), 'linux');
    await expect(elsewhere!.unprotect(sealed)).rejects.toThrow('cannot open');
  });

  it('is not used where the OS store is missing or is the plain-text fallback', async () => {
    expect(await safeStorageProtector(storage('basic_text'), 'linux')).toBeUndefined();
    expect(await safeStorageProtector(storage('unknown', false), 'win32')).toBeUndefined();
    expect(await safeStorageProtector(storage('basic_text'), 'win32')).toBeDefined();
  });

  it('the fake protector round-trips and logs its calls', async () => {
    const fake = fakeKeyProtector();
    expect(await fake.unprotect(await fake.protect(secret))).toEqual(secret);
    expect(fake.calls).toEqual(['protect', 'unprotect']);
  });
});
