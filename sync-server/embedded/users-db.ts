// The `_users` database with CouchDB's own rules: the clear `password` is replaced by a PBKDF2
// hash before anything is stored; CouchDB's `_design/_auth` validation (only admins set or change
// roles, a user edits only their own document, names never change); a non-admin reads only their
// own document (another's is "missing"), and never the whole database.
import { HttpError, notServerAdmin } from './errors';
import type { UserCtx } from './http';
import { hashPassword, isPasswordHash, type PasswordHash } from './passwords';
import type { Doc, Json } from './pouch';

export const USER_PREFIX = 'org.couchdb.user:';

const deny = (reason: string) => new HttpError(403, 'forbidden', reason);

/** Replaces a clear `password` by its hash, as CouchDB's before_doc_update does. */
export async function hashUserPassword(doc: Doc): Promise<Doc> {
  if (typeof doc.password !== 'string') return doc;
  const { password, ...rest } = doc;
  return { ...rest, ...(await hashPassword(password)) };
}

function sameRoles(a: unknown, b: unknown): boolean {
  const x = Array.isArray(a) ? [...(a as string[])].sort() : [];
  const y = Array.isArray(b) ? [...(b as string[])].sort() : [];
  return x.length === y.length && x.every((r, i) => r === y[i]);
}

/** CouchDB's `_users` validate_doc_update (share/server/... _design/_auth), in TypeScript. */
export function validateUserDoc(newDoc: Doc, oldDoc: Json | null, user: UserCtx, isAdmin: boolean): void {
  if (newDoc._id.startsWith('_design/')) {
    if (!isAdmin) throw deny('Only admins may edit design documents in the users database.');
    return;
  }
  if (newDoc._deleted === true) {
    if (isAdmin || (oldDoc && user.name !== null && user.name === oldDoc.name)) return;
    throw deny('You may only delete your own user document.');
  }
  if (newDoc.type !== 'user') throw deny('doc.type must be user');
  if (typeof newDoc.name !== 'string' || newDoc.name === '') throw deny('doc.name is required');
  if (!Array.isArray(newDoc.roles) || newDoc.roles.some((r) => typeof r !== 'string')) throw deny('doc.roles must be an array of strings');
  if (newDoc._id !== USER_PREFIX + newDoc.name) throw deny(`Doc ID must be of the form ${USER_PREFIX}name`);
  if (newDoc.name.startsWith('_')) throw deny('Name may not start with an underscore.');
  if (oldDoc && oldDoc.name !== newDoc.name) throw deny('Usernames can not be changed.');
  if (newDoc.password_scheme !== undefined && !isPasswordHash(newDoc)) throw deny('Invalid password hash.');
  if (!isAdmin) {
    if (oldDoc) {
      if (user.name !== newDoc.name) throw deny('You may only update your own user document.');
      if (!sameRoles(oldDoc.roles, newDoc.roles)) throw deny('Only _admin may edit roles');
    } else if ((newDoc.roles as string[]).length > 0) {
      throw deny('Only _admin may set roles');
    }
  }
  if ((newDoc.roles as string[]).some((r) => r.startsWith('_'))) throw deny('No system roles (starting with underscore) in users db.');
}

/** What a reader may see of a `_users` document (CouchDB's after_doc_read). */
export function checkUserDocRead(id: string, user: UserCtx, isAdmin: boolean): void {
  if (isAdmin) return;
  if (id.startsWith('_design/')) throw deny('Only administrators can view design docs in the users database.');
  if (user.name === null || id !== USER_PREFIX + user.name) throw new HttpError(404, 'not_found', 'missing');
}

/** Listing `_users` (_all_docs, _changes) is for server admins only. */
export function checkUsersListing(isServerAdmin: boolean): void {
  if (!isServerAdmin) throw notServerAdmin();
}

export function storedHash(doc: Json): PasswordHash | undefined {
  return isPasswordHash(doc) ? (doc as unknown as PasswordHash) : undefined;
}
