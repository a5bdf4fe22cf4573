// `staff` collection: users of the workstation and role definitions.
import type { BaseDoc, CollectionSchema } from './common';
import { BASE_REQUIRED, ID_MAX, KEY_MAX, baseProperties, bool, str, strArray } from './common';
import type { Role } from './events';
import { ROLES } from './events';

export interface UserDoc extends BaseDoc<'user'> {
  readonly login: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  /** Offices (besides `officeId`) whose cases this user may act on. */
  readonly extraOfficeIds: readonly string[];
}

export interface RoleDoc extends BaseDoc<'role'> {
  readonly role: Role;
  readonly name: string;
  /** Permission codes, e.g. 'case/decide-preliminary', 'id/unmask'. */
  readonly permissions: readonly string[];
}

export type StaffDoc = UserDoc | RoleDoc;

export const staffSchema: CollectionSchema = {
  title: 'staff',
  description: '用户与角色',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties(['user', 'role']),
    login: str(KEY_MAX),
    name: str(100),
    roles: { type: 'array', items: { type: 'string', enum: ROLES } },
    role: str(KEY_MAX),
    active: bool,
    extraOfficeIds: strArray(KEY_MAX),
    permissions: strArray(ID_MAX),
  },
  required: [...BASE_REQUIRED],
  indexes: [['type', 'login']],
};
