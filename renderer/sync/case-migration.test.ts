// A case stored by an older workstation (cases schema 1, no due date or flags) — in the local
// database, or arriving from the server — is migrated, accepted, and then derived from its events.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR } from '../../domain/deadlines';
import { caseMigrationStrategies, caseSchemaV1, type CaseDoc } from '../../domain/model/case';
import { requireIndexedFields } from '../../domain/model/indexing';
import { checkShape } from '../../domain/sync/shape';
import { decide, deriveCase, type CaseEvent } from '../../domain/workflow';
import { openWorkstationDb, type AnyDoc, type WorkstationDb } from '../db/database';
import { projectPendingCases } from './case-projection';
import { fromCouch, isMalformed } from './couch-docs';

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let db: WorkstationDb | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const old = {
  id: 'case:old', type: 'case', schemaVersion: 1, officeId: 'futian-huafu', createdAt: '2026-09-17T01:00:00.000Z', updatedAt: '2026-09-17T02:00:00.000Z',
  businessItem: 'public_rental', status: 'accepted', flagged: false, districtId: 'futian', streetId: 'futian-huafu', householdId: 'household:1',
  applicantPersonId: 'person:1', applicantName: '王芳', nameKey: '王芳', idHash: 'h1', householdSize: 2, receiptNo: 'SZ-1', lastEventAt: '2026-09-17T02:00:00.000Z', dueAt: null,
};

function events(): CaseEvent[] {
  const actor = { userId: 'clerk1', name: '张敏', roles: ['clerk' as const], officeId: 'futian-huafu' };
  const out: CaseEvent[] = [];
  for (const [kind, payload, at] of [
    ['submit', { businessItem: 'public_rental' }, '2026-09-17T01:00:00.000Z'],
    ['accept', { receiptNo: 'SZ-1' }, '2026-09-17T02:00:00.000Z'],
  ] as const) {
    const r = decide(deriveCase(out), { id: `event:${kind}`, caseId: 'case:old', kind, actor, at, payload: payload as never });
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.value);
  }
  return out;
}

describe('cases schema 1 → 2', () => {
  it('migrates a stored version-1 case, then derives its due date from the events when a queue opens', async () => {
    const name = `casemig${Date.now()}`;
    const v1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await v1.addCollections({ cases: { schema: requireIndexedFields(caseSchemaV1) as unknown as RxJsonSchema<AnyDoc>, migrationStrategies: { 1: caseMigrationStrategies[1] as never } } });
    await v1.collections.cases!.insert(old as AnyDoc);
    await v1.close();

    db = await openWorkstationDb({ name, storage: storage(), collections: ['cases', 'events'] });
    expect((await db.cases.findOne('case:old').exec())!.toJSON()).toMatchObject({ applicantName: '王芳', status: 'accepted', dueOn: '', flags: [] });
    await db.events.bulkInsert(events() as unknown as AnyDoc[]);
    const scope = { officeIds: ['futian-huafu'], statuses: ['accepted' as const] };
    expect(await projectPendingCases(db, scope, () => Promise.resolve(calendarOf(CN_CALENDAR)))).toBe(1);
    // 10 working days from 17 Sep 2026 over the Mid-Autumn and National Day holidays.
    expect(((await db.cases.findOne('case:old').exec())!.toJSON() as unknown as CaseDoc).dueOn).toBe('2026-10-08');
    expect(await projectPendingCases(db, scope)).toBe(0);
  });

  it('accepts an old-shape case from the server: the shape check passes it, the pull fills the new fields', () => {
    expect(checkShape(old)).toBeNull();
    expect(checkShape({ ...old, dueOn: '8 Oct' })).toContain('dueOn');
    const pulled = fromCouch({ ...old, _id: old.id, _rev: '1-a' }, ['case'], ['id', 'type', 'status', 'dueOn']);
    expect(isMalformed(pulled)).toBe(false);
    expect(pulled).toMatchObject({ id: 'case:old', dueOn: '', flags: [] });
    expect(fromCouch({ ...old, _id: old.id, dueOn: '2026-10-08', flags: ['rule_review'] }, ['case'], ['dueOn'])).toMatchObject({ dueOn: '2026-10-08', flags: ['rule_review'] });
  });
});
