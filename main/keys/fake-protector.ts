// A KeyProtector for tests: reversible, recognisable output, and a log of what it was asked.
import { KeyProtectionError, type KeyProtector } from './key-protector';

export interface FakeKeyProtector extends KeyProtector {
  readonly calls: ('protect' | 'unprotect')[];
}

export function fakeKeyProtector(): FakeKeyProtector {
  const calls: FakeKeyProtector['calls'] = [];
  return {
    kind: 'os',
    calls,
    async protect(bytes) {
      calls.push('protect');
      return `fake:${Buffer.from(bytes).reverse().toString('base64')}`;
    },
    async unprotect(sealed) {
      calls.push('unprotect');
      if (!sealed.startsWith('fake:')) throw new KeyProtectionError('not protected by the fake');
      return new Uint8Array(Buffer.from(sealed.slice(5), 'base64').reverse());
    },
  };
}
