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

describe('people schema migration 0 → 1', () => {
  it('opens a stored version-0 database and gives persons an empty raw-card field, households untouched', async () => {
    const name = `people${Date.now()}`;
    const v0 = { ...requireIndexedFields(COLLECTIONS.people), version: 0 } as unknown as RxJsonSchema<Record<string, unknown>>;
    const { cardRawEnc: _dropped, householdId: _added, ...v0Properties } = (v0 as unknown as { properties: Record<string, unknown> }).properties;
    (v0 as unknown as { indexes: unknown[] }).indexes = [['type', 'idHash'], ['type', 'nameKey'], ['type', 'applicantPersonId']];
    (v0 as unknown as { required: string[] }).required = (v0 as unknown as { required: string[] }).required.filter((f) => f !== 'householdId');
    const db0 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db0.addCollections({ people: { schema: { ...v0, properties: v0Properties } as never } });
    await db0.collections.people!.bulkInsert([person, household]);
    await db0.close();

    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections({
      people: { schema: requireIndexedFields(COLLECTIONS.people) as never, migrationStrategies: MIGRATIONS.people as never },
    });
    expect((await db1.collections.people!.findOne('person:1').exec())?.toJSON()).toMatchObject({ name: '陈晓梅', cardRawEnc: null, householdId: '' });
    expect((await db1.collections.people!.findOne('household:1').exec())?.toJSON()).not.toHaveProperty('cardRawEnc');
    await db1.remove();
  });
});
