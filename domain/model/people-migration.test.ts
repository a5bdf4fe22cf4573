import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { addRxPlugin } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, MIGRATIONS } from './collections';
import { requireIndexedFields } from './indexing';

addRxPlugin(RxDBMigrationSchemaPlugin);
const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() });

const person = {
  id: 'person:1', type: 'person', schemaVersion: 1, officeId: 'futian-huafu', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  name: '陈晓梅', nameKey: '陈晓梅', gender: '2', nationCode: '01', birthDate: '1988-03-15', idNumberEnc: 'v1:x', idHash: 'a'.repeat(64), idMasked: '440304********002X',
  phoneEnc: null, phoneHash: null, hukou: 'shenzhen', residencePermitSince: null, cardValidFrom: null, cardValidTo: null, cardAddressEnc: null, maritalStatus: null,
  applicantPersonId: '',
};
const household = { id: 'household:1', type: 'household', schemaVersion: 1, officeId: 'futian-huafu', createdAt: person.createdAt, updatedAt: person.updatedAt, idHash: '', nameKey: '', applicantPersonId: 'person:1' };

/** Fields versions 0 and 1 had and version 2 dropped. */
const V1_ONLY = { birthDate: { type: 'string', maxLength: 10 }, cardValidFrom: { type: ['string', 'null'], maxLength: 10 } };

describe('people schema migration 0 → 1 → 2', () => {
  it('opens a stored version-0 database and gives persons an empty raw-card field, households untouched', async () => {
    const name = `people${Date.now()}`;
    const v0 = { ...requireIndexedFields(COLLECTIONS.people), version: 0 } as unknown as RxJsonSchema<Record<string, unknown>>;
    const { cardRawEnc: _dropped, householdId: _added, ...v0Properties } = (v0 as unknown as { properties: Record<string, unknown> }).properties;
    (v0 as unknown as { indexes: unknown[] }).indexes = [['type', 'idHash'], ['type', 'nameKey'], ['type', 'applicantPersonId']];
    (v0 as unknown as { required: string[] }).required = (v0 as unknown as { required: string[] }).required.filter((f) => f !== 'householdId');
    const db0 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db0.addCollections({ people: { schema: { ...v0, properties: { ...v0Properties, ...V1_ONLY } } as never } });
    await db0.collections.people!.bulkInsert([person, household]);
    await db0.close();

    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections({
      people: { schema: requireIndexedFields(COLLECTIONS.people) as never, migrationStrategies: MIGRATIONS.people as never },
    });
    const migrated = (await db1.collections.people!.findOne('person:1').exec())?.toJSON();
    expect(migrated).toMatchObject({ name: '陈晓梅', cardRawEnc: null, householdId: '', idMasked: '440304********002X' });
    expect(migrated).not.toHaveProperty('birthDate');
    expect((await db1.collections.people!.findOne('household:1').exec())?.toJSON()).not.toHaveProperty('cardRawEnc');
    await db1.remove();
  });
});

describe('people schema migration 1 → 2', () => {
  it('opens a stored version-1 database: persons no longer carry a clear birth date or first valid day, households untouched', async () => {
    const name = `people-v1-${Date.now()}`;
    const current = requireIndexedFields(COLLECTIONS.people) as unknown as { properties: Record<string, unknown> };
    const v1 = { ...current, version: 1, properties: { ...current.properties, ...V1_ONLY } };
    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections({ people: { schema: v1 as never, migrationStrategies: { 1: (d: unknown) => d } } });
    const stored = { ...person, cardValidFrom: '2016-05-20', cardValidTo: '2036-05-20', cardRawEnc: 'v1:raw', householdId: 'household:1' };
    await db1.collections.people!.bulkInsert([stored, { ...household, householdId: '', members: [{ personId: 'person:1', relation: 'applicant' }] }]);
    await db1.close();

    const db2 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db2.addCollections({ people: { schema: requireIndexedFields(COLLECTIONS.people) as never, migrationStrategies: MIGRATIONS.people as never } });
    const migrated = (await db2.collections.people!.findOne('person:1').exec())!.toJSON() as Record<string, unknown>;
    expect(migrated).not.toHaveProperty('birthDate');
    expect(migrated).not.toHaveProperty('cardValidFrom');
    expect(migrated).toMatchObject({ name: '陈晓梅', idMasked: '440304********002X', cardValidTo: '2036-05-20', cardRawEnc: 'v1:raw', householdId: 'household:1', schemaVersion: 2 });
    expect(JSON.stringify(migrated)).not.toContain('1988');
    expect((await db2.collections.people!.findOne('household:1').exec())!.toJSON()).toMatchObject({ applicantPersonId: 'person:1', members: [{ personId: 'person:1' }] });
    await db2.remove();
  });
});
