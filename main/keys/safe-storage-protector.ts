// Electron-mode key protection through the operating system's secret store (Electron's
// `safeStorage`: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). The Electron
// object is passed in by main/electron, so this file stays free of Electron imports.
import { KeyProtectionError, type KeyProtector } from './key-protector';

/** The part of Electron's `safeStorage` this protector uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend?(): string;
}

const PREFIX = 'os1:';

/**
 * A protector backed by the OS store, or undefined where there is none worth the name: on Linux
 * without a keyring Electron falls back to `basic_text`, a key hard-coded in Electron, which
 * protects nothing; the caller then keeps the password-derived protection.
 */
export async function safeStorageProtector(safeStorage: SafeStorageLike, platform: string = process.platform): Promise<KeyProtector | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    kind: 'os',
    async protect(bytes) {
      const sealed = await safeStorage.encryptStringAsync(Buffer.from(bytes).toString('base64'));
      return PREFIX + sealed.toString('base64');
    },
    async unprotect(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new KeyProtectionError('not protected by the OS store');
      try {
        const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
        return new Uint8Array(Buffer.from(result, 'base64'));
      } catch {
        throw new KeyProtectionError('the OS store cannot open the cached keys (another user account or computer?)');
      }
    },
  };
}
