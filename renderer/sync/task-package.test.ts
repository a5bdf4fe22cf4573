// An inspector's laptop holds exactly its task package: the units, tenancies, households, people,
// enrolments and case documents of its own open tasks; a task taken away leaves nothing behind; only
// the inspector's own visits and events go up. Against the embedded server or COUCHDB_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTasks, caseStateOf, taskPrefix, completeVisit, compareOccupant, samplePlan, visitEvent } from '../../domain/inspection';
import type { InspectionTaskDoc } from '../../domain/model/field';
import type { HouseholdDoc, PersonDoc } from '../../domain/model/people';
import { COLLECTIONS } from '../../domain/model';
import { padIndexFields } from '../../domain/model/indexing';
import { generateCases, generateTenancies, sealSeed } from '../../domain/seed';
import { REFERENCE_DB, officeDbName } from '../../domain/sync/databases';
import { deficiencyDoc } from '../../domain/inspection';
import type { CaseDoc } from '../../domain/model/case';
import { signDoc, generateSigningKey, importSigner } from '../../domain/crypto/signing';
import { staffKeyDoc, staffKeyPath } from '../../domain/sync/staff-keys';
import { couchClient, type CouchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { recordEvents } from '../workflow/record-events';
import { authFetch } from './remote';
import { refreshTaskPackage } from './task-package';
import { openTestWorkstation } from './test-workstation';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 60_000);
afterAll(() => couch?.dispose());

const userOf = (role: string) => couch.users.find((u) => u.roles.includes(role as never))!;
const as = (u: { name: string; password: string }): CouchClient => {
  const url = new URL(couch.url);
  url.username = u.name;
  url.password = u.password;
  return couchClient(url.toString());
};
const toCouch = ({ id, clear: _clear, ...rest }: Record<string, unknown>) => ({ _id: id, ...rest });

/** Seeded households with tenancies in the inspector's office, as `hws seed` writes them, plus enrolments. */
async function seedOffice(officeId: string) {
  const data = generateCases({ count: 260, officeId, seed: 11 });
  const sealed = await sealSeed(data, { encrypt: async (c) => `enc:${c.length}`, keyedHash: async (c) => `h:${c}` });
  const { units, leases } = generateTenancies(data, 11);
  const enrolments = data.persons.map((p, i) => ({
    id: `bio:${p.id}`, type: 'biometric', schemaVersion: 0, officeId, createdAt: p.createdAt, updatedAt: p.createdAt, caseId: '', personId: p.id,
    kind: i % 2 ? 'fingerprint' : 'face', dataEnc: 'sealed', model: 'sim', finger: null, quality: 90, consentId: 'c', purpose: 'intake', purged: false,
  }));
  const admin = couchClient(couch.adminUrl);
  const signer = await generateSigningKey();
  await admin.request('PUT', staffKeyPath('hws-seed', signer.keyId), staffKeyDoc({ name: 'hws-seed', officeId }, signer.publicKey, 'test', new Date().toISOString()));
  const sign = await importSigner(signer);
  const events = await Promise.all(data.events.map((e) => signDoc(sign, toCouch({ ...e, actor: { ...e.actor, userId: 'hws-seed' } }) as Record<string, unknown>)));
  const docs = [
    ...[...sealed.persons, ...sealed.households].map((d) => toCouch(padIndexFields(COLLECTIONS.people, d as never))),
    ...sealed.cases.map((d) => toCouch(padIndexFields(COLLECTIONS.cases, d as never))),
    ...[...units, ...leases].map((d) => toCouch(padIndexFields(COLLECTIONS.field, d as never))),
    ...enrolments.map((d) => toCouch(padIndexFields(COLLECTIONS.files, d as never))),
    ...events,
  ];
  await admin.request('POST', `/${officeDbName(officeId)}/_bulk_docs`, { docs });
  return { data, sealed, units, leases };
}

describe('deficiency catalogue on the server', () => {
  it('IT publishes a deficiency to the reference database; an inspector or a lenient deadline is refused', async () => {
    // The reference database is shared by every run against one server: a code of this run's own.
    const code = `lift_${Date.now().toString(36)}`;
    const doc = (extra: Record<string, unknown> = {}) => toCouch({ ...deficiencyDoc({ code, label: '电梯困人', labelEn: 'Lift stuck', severity: 'life_threatening', hours: 4 }, { at: new Date().toISOString() }), ...extra });
    const path = `/${REFERENCE_DB}/${encodeURIComponent(`deficiency:${code}`)}`;
    await expect(as(userOf('inspector')).request('PUT', path, doc())).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('信息技术人员') });
    await expect(as(userOf('it')).request('PUT', path, doc({ hours: 72 }))).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('24小时内整改') });
    await as(userOf('it')).request('PUT', path, doc());
    expect(await as(userOf('inspector')).request('GET', path)).toMatchObject({ code, hours: 4, severity: 'life_threatening' });
  });
});

describe('inspector task package', () => {
  it('holds only its own tasks’ data, drops a task taken away, and pushes only its visit and event', async () => {
    const insp = userOf('inspector');
    const rev = userOf('reviewer');
    const officeId = insp.officeId;
    const seeded = await seedOffice(officeId);
    const items = samplePlan(seeded.leases, { seed: 5, sampleRate: 0.5, asOf: '2024-07-01' });
    const membersOf = new Map(seeded.data.households.map((h) => [h.id, h.members.map((m) => `bio:${m.personId}`)]));
    const tasks = assignTasks(items, { planId: 'inspection_plan:t1', officeId, inspectors: [insp.name, 'someone-else'], startsOn: '2024-07-01', endsOn: '2024-07-12', at: '2024-06-30T00:00:00.000Z', enrolmentsOf: (h) => membersOf.get(h) ?? [] });
    const mine = tasks.filter((t) => t.inspectorId === insp.name);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.length).toBeLessThan(seeded.leases.length);
    // The supervisor (street reviewer) writes the tasks; the inspector may not hand itself one.
    await as(rev).request('POST', `/${officeDbName(officeId)}/_bulk_docs`, { docs: tasks.map((t) => toCouch(padIndexFields(COLLECTIONS.field, t as never))) });
    const forged = `${taskPrefix(insp.name)}forged`;
    await expect(as(insp).request('PUT', `/${officeDbName(officeId)}/${encodeURIComponent(forged)}`, toCouch({ ...mine[0]!, id: forged }))).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('复查任务') });
    // A task's id names its inspector (the laptop reads its tasks by that prefix): no task hidden under another name.
    const hidden = `${taskPrefix('someone-else')}hidden`;
    await expect(as(rev).request('PUT', `/${officeDbName(officeId)}/${encodeURIComponent(hidden)}`, toCouch({ ...mine[0]!, id: hidden }))).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('开头') });

    const ws = await openTestWorkstation({ dbName: `insp-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: insp.name, password: insp.password, retryTimeMs: 300, collections: ['field', 'events', 'people', 'files', 'cases'] });
    try {
      const ctx = { db: ws.db, couchUrl: couch.url, fetch: authFetch(insp.name, insp.password, { report: () => {} }), me: insp.name, officeId };
      const report = await refreshTaskPackage(ctx);
      const households = new Set(mine.map((t) => t.householdId));
      const personIds = seeded.data.households.filter((h) => households.has(h.id)).flatMap((h) => h.members.map((m) => m.personId));
      expect(report).toMatchObject({ tasks: mine.length, units: mine.length, tenancies: mine.length, households: households.size, persons: personIds.length, enrolments: personIds.length, cases: mine.length, malformed: 0 });
      const ids = async (name: 'field' | 'people' | 'files' | 'cases') => (await ws.db.collections[name].find().exec()).map((d) => d.id).sort();
      expect(await ids('field')).toEqual([...mine.flatMap((t) => [t.id, t.unitId, t.leaseId])].sort());
      expect(await ids('people')).toEqual([...households, ...personIds].sort());
      expect(await ids('files')).toEqual(personIds.map((p) => `bio:${p}`).sort());
      expect(await ids('cases')).toEqual(mine.map((t) => t.caseId).sort());
      // Nothing else of the office reached the laptop by replication either: no event of the office's history.
      await ws.sync.awaitInSync();
      expect(await ws.db.events.count().exec()).toBe(0);
      expect((await refreshTaskPackage(ctx)).written).toBe(0);

      // The supervisor takes one task away: its household's data leaves the laptop, tombstones purged.
      const gone = mine[0]!;
      const stored = await as(rev).request<{ _rev: string }>('GET', `/${officeDbName(officeId)}/${encodeURIComponent(gone.id)}`);
      await as(rev).request('PUT', `/${officeDbName(officeId)}/${encodeURIComponent(gone.id)}`, { ...toCouch(padIndexFields(COLLECTIONS.field, gone as never)), _rev: stored._rev, state: 'cancelled' });
      // On a 3-node cluster the next read may still meet a shard copy without the change: the
      // laptop refreshes again, as it does on its own, until the package no longer holds the task.
      let after = await refreshTaskPackage(ctx);
      for (let i = 0; i < 40 && after.tasks !== mine.length - 1; i++) {
        await new Promise((r) => setTimeout(r, 250));
        after = await refreshTaskPackage(ctx);
      }
      expect(after.tasks).toBe(mine.length - 1);
      expect(after.removed).toBeGreaterThan(3);
      const goneHousehold = seeded.data.households.find((h) => h.id === gone.householdId)!;
      const goneIds = [gone.householdId, ...goneHousehold.members.map((m) => m.personId)];
      const raw = await ws.db.people.storageInstance.findDocumentsById(goneIds, true);
      expect(raw).toEqual([]);
      expect(await ws.db.field.findOne(gone.leaseId).exec()).toBeNull();

      // A visit on the laptop: the inspection and its signed event go up; the package's documents do not.
      const task = (await ws.db.field.findOne(mine[1]!.id).exec())!.toJSON() as unknown as InspectionTaskDoc;
      const lease = (await ws.db.field.findOne(task.leaseId).exec())!.toJSON() as never;
      const household = (await ws.db.people.findOne(task.householdId).exec())!.toJSON() as unknown as HouseholdDoc;
      const persons = (await ws.db.people.find({ selector: { type: 'person' } }).exec()).map((d) => d.toJSON() as unknown as PersonDoc);
      const actor = { userId: insp.name, name: insp.displayName, roles: insp.roles, officeId };
      const visit = completeVisit({
        task, lease, inspector: actor, at: new Date().toISOString(), notHome: false, occupant: compareOccupant('h:somebody-else', household, persons),
        faceScore: null, fingerprintMatched: null, occupancy: 'sublet_or_lent', arrearsMonths: 0, conditions: [], photoIds: [], photos: [], signature: null, signatureRefused: true, note: '',
      });
      const caseDoc = (await ws.db.cases.findOne(task.caseId).exec())!.toJSON() as unknown as CaseDoc;
      await ws.db.field.insert(visit as never);
      await recordEvents(ws.ctx, [visitEvent(visit, actor, caseStateOf(caseDoc), 'laptop')]);
      const admin = couchClient(couch.adminUrl);
      for (const end = Date.now() + 15_000; !(await admin.getOrUndefined(`/${officeDbName(officeId)}/${encodeURIComponent(visit.id)}`)); ) {
        if (Date.now() > end) throw new Error('visit not pushed');
        await new Promise((r) => setTimeout(r, 100));
      }
      await ws.sync.awaitInSync();
      expect(ws.sync.status$.value.problems).toEqual([]);
      const unitOnServer = await admin.request<{ _rev: string }>('GET', `/${officeDbName(officeId)}/${encodeURIComponent(task.unitId)}`);
      expect(unitOnServer._rev.startsWith('1-')).toBe(true);
      // Another inspector's name on a visit is refused by the server itself.
      await expect(as(insp).request('PUT', `/${officeDbName(officeId)}/inspection:forged`, toCouch({ ...visit, id: 'inspection:forged', inspectorId: 'someone-else' }))).rejects.toMatchObject({ status: 403 });
    } finally {
      await ws.close();
    }
  }, 120_000);
});
