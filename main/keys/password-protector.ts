// Browser-mode key protection: AES-256-GCM under a key derived from the user's password
// (PBKDF2 in the credential cache). Output: base64 of iv(12) | tag(16) | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyProtectionError, type KeyProtector } from './key-protector';

export function passwordKeyProtector(sealKey: Uint8Array): KeyProtector {
  if (sealKey.length !== 32) throw new KeyProtectionError('password-derived key must be 32 bytes');
  return {
    kind: 'password',
    async protect(bytes) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async unprotect(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
      } catch {
        throw new KeyProtectionError('cached keys cannot be opened with this password');
      }
    },
  };
}
