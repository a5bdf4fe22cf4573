// Protection of secrets kept on the workstation's disk (the cached data keys). One contract, one
// implementation per runtime: the operating system's store in Electron (safe-storage-protector.ts),
// a key derived from the user's password in browser mode (password-protector.ts).

export interface KeyProtector {
  /** 'os': bound to this computer's user account; 'password': to the user's password. */
  readonly kind: 'os' | 'password';
  protect(bytes: Uint8Array): Promise<string>;
  unprotect(sealed: string): Promise<Uint8Array>;
}

export class KeyProtectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyProtectionError';
  }
}
