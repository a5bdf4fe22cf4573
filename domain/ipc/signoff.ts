// Renderer → main calls for a reviewer's fingerprint sign-off (a decision signed after a press of
// the reviewer's own finger instead of typing the password again; main/handlers/signoff.ts).
import type { LoginArgs, SessionUser } from './session';

export interface SignoffStatus {
  /** A sign-off fingerprint of this user is kept (sealed) on this workstation. */
  readonly enrolled: boolean;
  /** It was opened by this session's password sign-in, so a press can sign now. */
  readonly ready: boolean;
}

export type SignoffHandlers = {
  'signoff/status': (args: { readonly username: string }) => Promise<SignoffStatus>;
  /** Checks the password, takes two presses, keeps the template sealed under the password. */
  'signoff/enroll': (args: LoginArgs) => Promise<SignoffStatus>;
  /** One press matched against the template this session opened: the signed-in reviewer, or a refusal. */
  'signoff/fingerprint': (args: { readonly username: string }) => Promise<SessionUser>;
};
