import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import type { CaseDoc, CaseDocV0 } from './case';
import { caseMigrationStrategies, caseSchemaV0, migrateCaseV0toV1 } from './case';
import { COLLECTIONS, MIGRATIONS } from './collections';
import { nameKey } from './common';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
const asRx = <T>(schema: unknown) => schema as RxJsonSchema<T>;

const v0: CaseDocV0 = {
  id: 'case:0001',
  type: 'case',
  schemaVersion: 0,
  officeId: 'office:futian-shatou',
  createdAt: '2023-09-01T02:00:00.000Z',
  updatedAt: '2023-09-02T03:00:00.000Z',
  programme: 'gongzu',
  status: 'accepted',
  streetId: 'street:shatou',
  districtId: 'district:futian',
  householdId: 'household:0001',
  applicantPersonId: 'person:0001',
  applicantName: '张 伟',
  idHash: 'a'.repeat(64),
  memberCount: 3,
};

describe('case schema migration 0 → 1', () => {
  it('maps programme codes, derives the name key and adds projection fields', () => {
    const doc = migrateCaseV0toV1(v0);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      businessItem: 'public_rental',
      nameKey: '张伟',
      householdSize: 3,
      receiptNo: null,
      flagged: false,
      lastEventAt: v0.updatedAt,
      dueAt: null,
    });
    expect(doc).not.toHaveProperty('programme');
    expect(doc).not.toHaveProperty('memberCount');
    expect(migrateCaseV0toV1({ ...v0, programme: 'rencai', receiptNo: 'R-1' })).toMatchObject({
      businessItem: 'talent_housing',
      receiptNo: 'R-1',
    });
  });

  it('migrates a stored version-0 document when the database opens with version 1', async () => {
    const name = `migr${Date.now()}`;
    const db0 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db0.addCollections({ cases: { schema: asRx<CaseDocV0>(caseSchemaV0) } });
    await db0.collections.cases!.insert(v0);
    await db0.close();

    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections({
      cases: { schema: asRx<CaseDoc>(COLLECTIONS.cases), migrationStrategies: caseMigrationStrategies },
    });
    const stored = await db1.collections.cases!.findOne('case:0001').exec();
    expect(stored?.toJSON()).toMatchObject({ schemaVersion: 1, businessItem: 'public_rental', nameKey: '张伟' });
    await db1.remove();
  });
});

describe('collections', () => {
  it('has at most 8 collections', () => {
    expect(Object.keys(COLLECTIONS).length).toBeLessThanOrEqual(8);
  });

  it('every schema passes RxDB dev-mode checks and the fast queries use their indexes', async () => {
    const db = await createRxDatabase({ name: `all${Date.now()}`, storage: storage(), multiInstance: false });
    const defs = Object.fromEntries(
      Object.entries(COLLECTIONS).map(([k, schema]) => [
        k,
        { schema: asRx(schema), migrationStrategies: (MIGRATIONS[k as keyof typeof MIGRATIONS] ?? {}) as never },
      ]),
    );
    await db.addCollections(defs);
    const cases = db.collections.cases!;
    const base = migrateCaseV0toV1(v0);
    const names = ['张伟', '张三丰', '李娜'];
    await cases.bulkInsert(
      names.map((n, i) => ({ ...base, id: `case:${i}`, applicantName: n, nameKey: nameKey(n), createdAt: `2024-01-0${i + 1}T00:00:00.000Z` })),
    );
    const queue = await cases
      .find({ selector: { officeId: base.officeId, status: 'accepted' }, sort: [{ updatedAt: 'desc' }], index: ['officeId', 'status', 'updatedAt'] })
      .exec();
    expect(queue).toHaveLength(3);
    const prefix = await cases.find({ selector: { nameKey: { $gte: '张', $lt: '张\uffff' } }, index: ['nameKey'] }).exec();
    expect(prefix.map((d) => d.applicantName).sort()).toEqual(['张三丰', '张伟']);
    const range = await cases
      .find({ selector: { streetId: 'street:shatou', createdAt: { $gte: '2024-01-02', $lt: '2024-01-04' } }, index: ['streetId', 'createdAt'] })
      .exec();
    expect(range).toHaveLength(2);
    await db.collections.files!.insert({
      id: 'material:1',
      type: 'material',
      schemaVersion: 0,
      officeId: base.officeId,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      caseId: 'case:0',
      materialCode: 'hukou_book',
      state: 'missing',
      note: null,
      scanIds: [],
    });
    const mats = await db.collections.files!.find({ selector: { caseId: 'case:0' }, index: ['caseId', 'type'] }).exec();
    expect(mats).toHaveLength(1);
    await db.remove();
  });
});
