// `hws seed` against the embedded server: sealed with the office key, nothing in clear, idempotent.
import { verifyRecord } from '../domain/audit/signed-records';
import { readStaffKeys } from '../domain/sync/staff-keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFieldKeys, lookupHash, openText } from '../domain/crypto/sealing';
import { generateCases, generateTenancies } from '../domain/seed';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { couchClient } from '../sync-server/couch';
import { startTestCouch, type TestCouch } from '../sync-server/testing';
import { main } from './index';
import { officeSeed, seedOffice } from './seed';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

describe('hws seed', () => {
  it('writes sealed households and cases in chunks, and a second run writes nothing new', async () => {
    const officeId = couch.offices[0]!.id;
    const admin = couchClient(couch.adminUrl);
    const db = officeDbName(officeId);
    const code = await main(['seed', '--cases', '25', '--office', officeId, '--url', couch.adminUrl, '--seed', '7', '--chunk', '40']);
    expect(code).toBe(0);

    const clear = generateCases({ count: 25, officeId, seed: 7 });
    const field = generateTenancies(clear, 7);
    const tenancies = field.leases.length;
    expect(tenancies).toBeGreaterThan(0);
    // Units: the let ones, those offered to cases not yet signed, and the streets' vacant stock.
    const units = tenancies + field.offered.size + field.stock.length;
    expect(field.stock.length).toBeGreaterThan(0);
    const expected = [25, 25, clear.persons.length, clear.events.length, units, tenancies];
    // A cluster's _all_docs reads one copy of each shard, which may not hold a write acknowledged
    // by the others yet: read until every document is there (or give up after 20 s).
    let docs: Record<string, unknown>[] = [];
    const count = (type: string) => docs.filter((d) => d.type === type).length;
    const counts = () => [count('case'), count('household'), count('person'), count('case_event'), count('unit'), count('lease')];
    for (const end = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const all = await admin.request<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `/${db}/_all_docs?include_docs=true`);
      docs = all.rows.map((r) => r.doc).filter((d) => !String(d._id).startsWith('_design/'));
      if (JSON.stringify(counts()) === JSON.stringify(expected) || Date.now() > end) break;
    }
    expect(counts()).toEqual(expected);
    // Demo events verify like any other (signed by the seed account's registered key), not flagged as forged.
    const registry = await readStaffKeys(fetch, couch.adminUrl);
    for (const e of docs.filter((d) => d.type === 'case_event')) expect(await verifyRecord(registry, e)).toEqual({ ok: true });

    const text = JSON.stringify(docs);
    for (const p of clear.persons) {
      expect(text).not.toContain(p.clear.idNumber);
      if (p.clear.phone) expect(text).not.toContain(p.clear.phone);
    }
    const [officeKey, lookupKey] = await Promise.all(
      [`office:${officeId}`, 'lookup'].map((id) => admin.request<{ key: string }>('GET', `/${KEYS_DB}/${encodeURIComponent(id)}`).then((d) => d.key)),
    );
    const keys = await importFieldKeys(officeKey!, lookupKey!);
    const person = docs.find((d) => d._id === clear.persons[0]!.id)!;
    expect(await openText(keys.data, String(person.idNumberEnc))).toBe(clear.persons[0]!.clear.idNumber);
    expect(person.idHash).toBe(await lookupHash(keys.lookup, clear.persons[0]!.clear.idNumber));
    expect(person.idMasked).toBe(clear.persons[0]!.idMasked);
    // Index fields padded as a workstation stores them: a household carries an empty idHash.
    expect(docs.find((d) => d.type === 'household')).toMatchObject({ idHash: '', nameKey: '' });
    // Each tenancy is of a seeded household and names its unit; index fields padded (a lease has no inspector).
    const lease = docs.find((d) => d.type === 'lease')!;
    expect(docs.find((d) => d._id === lease.householdId)?.type).toBe('household');
    expect(docs.find((d) => d._id === lease.unitId)).toMatchObject({ type: 'unit', streetId: lease.streetId, projectName: lease.projectName });
    expect(lease).toMatchObject({ inspectorId: '', planId: '' });
    // The vacant stock is the district's to allocate, in the seeded streets.
    const vacant = docs.filter((d) => d.type === 'unit' && d.state === 'vacant');
    expect(vacant.length).toBe(field.stock.length);
    expect(new Set(vacant.map((u) => u.streetId))).toEqual(new Set(clear.cases.map((c) => c.streetId)));

    const again = await seedOffice({ url: couch.adminUrl, officeId, cases: 25, seed: 7, chunk: 40 });
    expect(again).toEqual({ written: 0, existing: docs.length, failed: 0 });
  });

  it('gives two offices seeded without --seed different people under different ids', async () => {
    const [a, b] = [couch.offices[1]!.id, couch.offices[2]!.id];
    for (const office of [a, b]) expect(await main(['seed', '--cases', '6', '--office', office, '--url', couch.adminUrl])).toBe(0);
    const admin = couchClient(couch.adminUrl);
    const ids = async (office: string) => {
      const all = await admin.request<{ rows: { id: string }[] }>('GET', `/${officeDbName(office)}/_all_docs`);
      return new Set(all.rows.map((r) => r.id).filter((id) => /^(case|household|person):/.test(id)));
    };
    const [ofA, ofB] = [await ids(a), await ids(b)];
    expect(ofA.size).toBeGreaterThan(6);
    expect([...ofA].filter((id) => ofB.has(id))).toEqual([]);
    const people = (office: string) => new Set(generateCases({ count: 6, officeId: office, seed: officeSeed(office) }).persons.map((p) => p.clear.idNumber));
    const [peopleA, peopleB] = [people(a), people(b)];
    expect([...peopleA].filter((n) => peopleB.has(n))).toEqual([]);
  });

  it('explains a missing office database or key in Chinese', async () => {
    await expect(seedOffice({ url: couch.adminUrl, officeId: 'nowhere', cases: 1 })).rejects.toThrow('办事处数据库 hws-office-nowhere 不存在');
  });
});
