import type { SigningKeyPair } from '../crypto/signing';
import type { DuplicateOverride } from '../intake/override';

export type Role = 'clerk' | 'inspector' | 'reviewer' | 'district_reviewer' | 'it';

export interface SessionUser {
  readonly name: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly officeId: string;
  readonly officeName: string;
  readonly districtId: string;
  /** True when the server could not be reached and the cached credential was used. */
  readonly offline: boolean;
}

/** Data keys of a signed-in user (base64, 32 bytes each): held in memory only. */
export interface SessionKeys {
  /** City-wide key of the keyed hashes used to look people up by ID number. */
  readonly lookup: string;
  /** Data key of each office whose records this user may read. */
  readonly offices: Readonly<Record<string, string>>;
  /** The user's own signing key pair on this workstation (domain/crypto/signing.ts); absent only in caches written before signing existed. */
  readonly signing?: SigningKeyPair;
}

export interface Session {
  readonly user: SessionUser;
  readonly keys: SessionKeys;
}

export interface OverrideArgs {
  readonly username: string;
  readonly password: string;
  readonly caseId: string;
  readonly reason: string;
}

export interface LoginArgs {
  readonly username: string;
  readonly password: string;
}

export type SessionHandlers = {
  'session/login': (args: LoginArgs) => Promise<Session>;
  'session/logout': (args: void) => Promise<void>;
  /** A reviewer's sign-off at the counter (e.g. overriding a duplicate-benefit block): checks their credentials, keeps the clerk signed in. */
  'session/authorize': (args: LoginArgs) => Promise<SessionUser>;
  /** A reviewer overrides a duplicate-benefit block at the counter: their credentials, then the override signed with their own key. */
  'session/override': (args: OverrideArgs) => Promise<DuplicateOverride>;
};
