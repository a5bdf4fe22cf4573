// Names of the central databases and the roles that scope them. One database per street office
// keeps each workstation's replication to what its office may see.

export const REFERENCE_DB = 'hws-reference';
/** Admin-only: the office data keys and the city lookup key, copied into each user's own document. */
export const KEYS_DB = 'hws-keys';
/** Every staff user has this role: it grants read access to reference data. */
export const STAFF_ROLE = 'staff';

const SAFE_ID = /^[a-z][a-z0-9-]{0,62}$/;

export function isValidOfficeId(officeId: string): boolean {
  return SAFE_ID.test(officeId);
}

export function officeDbName(officeId: string): string {
  if (!isValidOfficeId(officeId)) throw new Error(`invalid office id: ${officeId}`);
  return `hws-office-${officeId}`;
}

export const officeRole = (officeId: string): string => `office:${officeId}`;
/** The role of a district's staff: `district:440304` for the district `district:440304` (an id without the prefix gets it). */
export const districtRole = (districtId: string): string => (districtId.startsWith('district:') ? districtId : `district:${districtId}`);

/** Each user's own database (members: that user only): their profile and data keys, written by admins. */
export const USER_DB_PREFIX = 'hws-user-';
/** The document of a user's database that carries their profile and the keys their workstation needs. */
export const PROFILE_DOC_ID = 'profile';

/** `hws-user-` + the user name in lowercase hex (CouchDB database names allow only a-z, 0-9 and a few signs). */
export function userDbName(name: string): string {
  if (name === '') throw new Error('empty user name');
  const hex = Array.from(new TextEncoder().encode(name), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${USER_DB_PREFIX}${hex}`;
}
