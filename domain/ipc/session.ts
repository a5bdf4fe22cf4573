export type Role = 'clerk' | 'inspector' | 'reviewer' | 'district_reviewer' | 'it';

export interface SessionUser {
  readonly name: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly officeId: string;
  readonly officeName: string;
  /** True when the server could not be reached and the cached credential was used. */
  readonly offline: boolean;
}

export interface LoginArgs {
  readonly username: string;
  readonly password: string;
}

export type SessionHandlers = {
  'session/login': (args: LoginArgs) => Promise<SessionUser>;
  'session/logout': (args: void) => Promise<void>;
};
