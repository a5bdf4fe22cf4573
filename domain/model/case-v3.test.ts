// Cases schema 2 → 3: a case stored before the catalogue reads as its programme's application item
// under catalogue 2026.1, in the local database after the upgrade.
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { caseMigrationStrategies, caseSchema, caseSchemaV2, migrateCaseV2toV3, type CaseDoc } from './case';
import { requireIndexedFields } from './indexing';

addRxPlugin(RxDBMigrationSchemaPlugin);
type Doc = { id: string } & Record<string, unknown>;

const v2 = {
  id: 'case:v2', type: 'case', schemaVersion: 1, officeId: 'futian-huafu', createdAt: '2026-09-17T01:00:00.000Z', updatedAt: '2026-09-17T02:00:00.000Z',
  businessItem: 'rental_subsidy', status: 'accepted', flagged: false, districtId: 'district:440304', streetId: 'futian-huafu', householdId: 'household:1',
  applicantPersonId: 'person:1', applicantName: '王芳', nameKey: '王芳', idHash: 'h1', householdSize: 2, receiptNo: 'SZ-1', lastEventAt: '2026-09-17T02:00:00.000Z', dueAt: null,
  dueOn: '2026-10-08', flags: [],
} as const;

describe('cases schema 2 → 3', () => {
  it('gives an old case its application item and catalogue 2026.1, keeping a newer case’s own', () => {
    expect(migrateCaseV2toV3(v2 as unknown as CaseDoc)).toMatchObject({ item: 'rental_subsidy', catalogueVersion: '2026.1', status: 'accepted' });
    expect(migrateCaseV2toV3({ ...v2, item: 'public_rental.renewal', catalogueVersion: '2026.2' } as unknown as CaseDoc)).toMatchObject({ item: 'public_rental.renewal', catalogueVersion: '2026.2' });
  });

  it('migrates a stored version-2 case when the database opens at version 3', async () => {
    const name = `casev3${Date.now()}`;
    const storage = getRxStorageMemory();
    const schema = (s: unknown) => requireIndexedFields(s as never) as unknown as RxJsonSchema<Doc>;
    const db2 = await createRxDatabase({ name, storage, multiInstance: false });
    await db2.addCollections({ cases: { schema: schema(caseSchemaV2), migrationStrategies: { 1: caseMigrationStrategies[1] as never, 2: caseMigrationStrategies[2] as never } } });
    await db2.collections.cases!.insert(v2 as never);
    await db2.close();
    const db3 = await createRxDatabase({ name, storage, multiInstance: false });
    await db3.addCollections({ cases: { schema: schema(caseSchema), migrationStrategies: caseMigrationStrategies as never } });
    expect((await db3.collections.cases!.findOne('case:v2').exec())!.toJSON()).toMatchObject({ item: 'rental_subsidy', catalogueVersion: '2026.1', dueOn: '2026-10-08' });
    await db3.collections.cases!.insert({ ...v2, id: 'case:done', status: 'completed', item: 'contact_change', catalogueVersion: '2026.1' } as never);
    await db3.remove();
  });
});
