// Events, audit and reference went to schema version 1 with signing. A database stored before
// (version 0) opens: its unsigned events and audit entries stay readable, and a reader reports
// them as unsigned instead of trusting them; the reference collection now holds staff keys.
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { verifyRecord } from '../audit/signed-records';
import { generateSigningKey } from '../crypto/signing';
import { staffKeyDoc } from '../sync/staff-keys';
import { COLLECTIONS, MIGRATIONS } from './collections';
import { requireIndexedFields } from './indexing';

addRxPlugin(RxDBMigrationSchemaPlugin);
const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
const at = '2026-01-01T00:00:00.000Z';
const base = { schemaVersion: 1, officeId: 'futian-huafu', createdAt: at, updatedAt: at };
const event = { ...base, id: 'event:1', type: 'case_event', caseId: 'case:1', kind: 'submit', actor: { userId: 'clerk1', name: '张敏', roles: ['clerk'], officeId: 'futian-huafu' }, at, payload: { businessItem: 'public_rental' }, deviceId: 'ws-1' };
const entry = { ...base, schemaVersion: 0, id: 'audit:ws-1:0000000000', type: 'audit_event', chainId: 'ws-1', seq: 0, prevHash: '0'.repeat(64), hash: 'a'.repeat(64), actor: { userId: 'clerk1', name: '张敏' }, at, action: 'login', target: null, detail: {} };
const office = { ...base, id: 'office:futian-huafu', type: 'office', name: '华富街道办事处', level: 'street', districtId: 'futian', streetId: 'huafu', businessItem: '' };

/** The version-0 schema: what was stored before signing (no signature, no staff_key type). */
function v0(name: 'events' | 'audit' | 'reference'): RxJsonSchema<Record<string, unknown>> {
  const current = requireIndexedFields(COLLECTIONS[name]) as unknown as { properties: Record<string, { enum?: string[] }> };
  const { signature: _s, keyId: _k, publicKey: _p, workstationId: _w, revokedAt: _r, ...properties } = current.properties;
  const type = { ...properties.type!, enum: properties.type!.enum!.filter((t) => t !== 'staff_key') };
  return { ...current, version: 0, properties: { ...properties, type } } as unknown as RxJsonSchema<Record<string, unknown>>;
}

describe('events, audit and reference schema migration 0 → 1', () => {
  it('opens a stored version-0 database: old documents unchanged and reported unsigned; staff keys now storable', async () => {
    const name = `signed${Date.now()}`;
    const db0 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db0.addCollections({ events: { schema: v0('events') }, audit: { schema: v0('audit') }, reference: { schema: v0('reference') } });
    await db0.collections.events!.insert(event);
    await db0.collections.audit!.insert(entry);
    await db0.collections.reference!.insert(office);
    const pair = await generateSigningKey();
    const { _id, ...key } = staffKeyDoc({ name: 'clerk1', officeId: 'futian-huafu' }, pair.publicKey, 'ws-1', at);
    const keyRecord = { id: _id, ...key, businessItem: '', districtId: '' };
    await expect(db0.collections.reference!.insert(keyRecord)).rejects.toThrow();
    await db0.close();

    const db1 = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await db1.addCollections(Object.fromEntries((['events', 'audit', 'reference'] as const).map((c) => [c, { schema: requireIndexedFields(COLLECTIONS[c]) as never, migrationStrategies: MIGRATIONS[c] as never }])));
    const storedEvent = (await db1.collections.events!.findOne('event:1').exec())!.toJSON() as Record<string, unknown>;
    expect(storedEvent).toMatchObject({ kind: 'submit', actor: { userId: 'clerk1' } });
    expect(storedEvent).not.toHaveProperty('signature');
    const keys = new Map([[_id, { _id, ...key }]]);
    expect(await verifyRecord(keys, storedEvent)).toMatchObject({ ok: false, problem: 'unsigned' });
    const storedEntry = (await db1.collections.audit!.findOne(entry.id).exec())!.toJSON() as Record<string, unknown>;
    expect(storedEntry).toMatchObject({ seq: 0, hash: 'a'.repeat(64) });
    expect(await verifyRecord(keys, storedEntry)).toMatchObject({ ok: false, problem: 'unsigned' });
    expect((await db1.collections.reference!.findOne('office:futian-huafu').exec())?.toJSON()).toMatchObject({ name: '华富街道办事处' });
    await db1.collections.reference!.insert(keyRecord);
    expect((await db1.collections.reference!.findOne(_id).exec())?.get('publicKey')).toBe(pair.publicKey);
    await db1.remove();
  });
});
