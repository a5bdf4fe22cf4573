// The eight collections and their schemas; see README.md for why kinds are grouped this way.
import { auditSchema } from './audit';
import { caseMigrationStrategies, caseSchema } from './case';
import type { CollectionSchema } from './common';
import { eventsSchema } from './events';
import { fieldSchema } from './field';
import { filesSchema } from './files';
import { peopleMigrationStrategies, peopleSchema } from './people';
import { referenceSchema } from './reference';
import { staffSchema } from './staff';

export const COLLECTIONS = {
  cases: caseSchema,
  events: eventsSchema,
  people: peopleSchema,
  files: filesSchema,
  field: fieldSchema,
  reference: referenceSchema,
  staff: staffSchema,
  audit: auditSchema,
} as const satisfies Record<string, CollectionSchema>;

export type CollectionName = keyof typeof COLLECTIONS;

/** RxDB `migrationStrategies` per collection; collections still at version 0 have none. */
export const MIGRATIONS: Partial<Record<CollectionName, Readonly<Record<number, (doc: never) => unknown>>>> = {
  cases: caseMigrationStrategies,
  people: peopleMigrationStrategies,
};
