import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, MIGRATIONS } from './collections';
import { requireIndexedFields } from './indexing';

addRxPlugin(RxDBMigrationSchemaPlugin);
const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
const at = '2024-01-01T00:00:00.000Z';
const base = { schemaVersion: 0, officeId: 'futian-huafu', createdAt: at, updatedAt: at, streetId: 'street:huafu' };

/** The field schema as version 0 had it: three kinds, three indexes, no risk facts or visit checks. */
function schemaV0() {
  const current = requireIndexedFields(COLLECTIONS.field) as unknown as { properties: Record<string, unknown>; required: string[] };
  const keep = ['id', 'type', 'schemaVersion', 'officeId', 'createdAt', 'updatedAt', 'projectName', 'districtId', 'streetId', 'building', 'room', 'areaM2', 'bedrooms', 'businessItem', 'state', 'unitId', 'caseId', 'householdId', 'startDate', 'endDate', 'monthlyRent', 'leaseId', 'inspectorId', 'visitedAt', 'outcome', 'findings', 'position'];
  const properties = Object.fromEntries(keep.map((k) => [k, current.properties[k]]));
  (properties.type as { enum: string[] }).enum = ['unit', 'lease', 'inspection'];
  return { ...current, version: 0, properties, required: ['id', 'type', 'schemaVersion', 'officeId', 'createdAt', 'updatedAt', 'unitId', 'streetId'], indexes: [['type', 'unitId'], ['type', 'streetId'], ['officeId', 'type', 'updatedAt']] };
}

describe('field schema migration 0 → 1', () => {
  it('opens a stored version-0 database: leases gain zero arrears, inspections empty checks, units the new index fields', async () => {
    const name = `field${Date.now()}`;
    const db0 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db0.addCollections({ field: { schema: schemaV0() as never } });
    await db0.collections.field!.bulkInsert([
      { ...base, id: 'unit:1', type: 'unit', unitId: '', projectName: '华富村', building: '3栋', room: '1204', areaM2: 48.5, bedrooms: 1, businessItem: 'public_rental', state: 'leased' },
      { ...base, id: 'lease:1', type: 'lease', unitId: 'unit:1', caseId: 'case:1', householdId: 'household:1', startDate: '2022-01-01', endDate: '2024-12-31', monthlyRent: 1200, state: 'active' },
      { ...base, id: 'inspection:1', type: 'inspection', unitId: 'unit:1', leaseId: 'lease:1', caseId: 'case:1', inspectorId: 'inspector1', visitedAt: at, outcome: 'ok', findings: [], position: null },
    ]);
    await db0.close();

    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections({ field: { schema: requireIndexedFields(COLLECTIONS.field) as never, migrationStrategies: MIGRATIONS.field as never } });
    const get = async (id: string) => (await db1.collections.field!.findOne(id).exec())!.toJSON() as Record<string, unknown>;
    expect(await get('lease:1')).toMatchObject({ monthlyRent: 1200, arrearsMonths: 0, priorViolations: 0, schemaVersion: 1 });
    expect(await get('inspection:1')).toMatchObject({ outcome: 'ok', inspectorId: 'inspector1', identity: 'not_read', conditions: [], signatureRefused: false });
    expect(await get('unit:1')).toMatchObject({ projectName: '华富村', room: '1204', unitType: 'one_bed', planId: '' });
    const byInspector = await db1.collections.field!.find({ selector: { type: 'inspection', inspectorId: 'inspector1' } }).exec();
    expect(byInspector.map((d) => d.id)).toEqual(['inspection:1']);
    await db1.remove();
  });
});
