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
export const districtRole = (districtId: string): string => `district:${districtId}`;
