// The eight collections and their schemas; see README.md for why kinds are grouped this way.
import { auditSchema } from './audit';
import { caseMigrationStrategies, caseSchema } from './case';
import type { CollectionSchema } from './common';
import { eventsSchema, signedMigrationStrategies } from './events';
import { fieldMigrationStrategies, fieldSchema } from './field';
import { filesSchema } from './files';
import { peopleMigrationStrategies, peopleSchema } from './people';
import { referenceMigrationStrategies, referenceSchema } from './reference';
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

/** RxDB `migrationStrategies` per collection; collections still at version 0 have none. Events, audit and reference went to version 1 with signing (signed events and entries, `staff_key` records): stored documents are kept as they were. Reference went to version 2 with reason codes and the holiday calendar, cases to version 2 with the due date and flag projections; field to version 1 with tenancies' risk facts, inspection plans, tasks and visit checks. */
export const MIGRATIONS: Partial<Record<CollectionName, Readonly<Record<number, (doc: never) => unknown>>>> = {
  cases: caseMigrationStrategies,
  people: peopleMigrationStrategies,
  events: signedMigrationStrategies,
  audit: signedMigrationStrategies,
  reference: referenceMigrationStrategies,
  field: fieldMigrationStrategies,
};
