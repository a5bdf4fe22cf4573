// On the central server: after a clerk's intake, a new case from the cases page and `hws seed` have
// reached the office database, the clear values of every stored document leave at least 8 of the
// 18 digits of every person's ID number unknown (read as an admin sees the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openText } from '../../domain/crypto/sealing';
import { exposureOfPeople, worstExposure } from '../../domain/identity/exposure-docs';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { openBlobStore } from '../sync/blob-store';
import { startBlobSync } from '../sync/blob-sync';
import { openTestWorkstation } from '../sync/test-workstation';
import { requirementsFor } from './materials';
import { submitIntake } from './submit';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 60_000);
afterAll(() => couch?.dispose());

const card = {
  name: '陈晓梅', genderCode: '2', nationCode: '01', birthDate: '1988-03-15', address: '广东省深圳市福田区福华路123号',
  idNumber: '44030419880315002X', issuer: '深圳市公安局福田分局', validFrom: '2016-05-20', validTo: '2036-05-20', photoWlt: 'AAEC',
};

function intake(): IntakeDraft {
  return {
    ...newDraft(`case:${crypto.randomUUID()}`, new Date().toISOString()),
    businessItem: 'public_rental',
    maritalStatus: 'married',
    householdAssets: 200_000,
    members: [
      { ...blankMember('a', 'applicant'), name: card.name, idNumber: card.idNumber, card, annualIncome: 60_000, socialInsuranceYears: 5, ownsHousingInShenzhen: false },
      { ...blankMember('s', 'spouse'), name: '王建华', idNumber: validIdNumber(31, '44030419870202'), annualIncome: 50_000, ownsHousingInShenzhen: false },
      { ...blankMember('c', 'child'), name: '王小雨', idNumber: validIdNumber(42, '44030420150909'), annualIncome: 0, ownsHousingInShenzhen: false },
    ],
    fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 },
    face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
  };
}

describe('ID numbers on the central server', () => {
  it('clear values of every stored document leave at least 8 of 18 digits unknown for every person', async () => {
    const office = couch.offices[0]!;
    const user = couch.users.find((u) => u.officeId === office.id && u.roles.includes('clerk'))!;
    // `hws seed`, as an operator runs it against the central server.
    await promisify(execFile)(process.execPath, ['bin/hws.mjs', 'seed', '--cases', '9', '--office', office.id, '--url', couch.adminUrl, '--seed', '5']);
    const ws = await openTestWorkstation({
      dbName: `exposure-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: user.name, password: user.password,
      collections: ['cases', 'events', 'people', 'files', 'audit'],
    });
    try {
      const d = intake();
      const items = checklist(d, requirementsFor(d.businessItem), d.startedAt.slice(0, 10));
      const blobs = startBlobSync({ store: await openBlobStore(`ex${Date.now()}`, new IDBFactory()), couchUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('offline')), keyFor: () => ws.ctx.keys.data });
      await submitIntake(ws.ctx, { ...d, received: [items[0]!.id] }, items, blobs);
      await createCase(ws.ctx, validCase('郑国栋', validIdNumber(842, '44030519790423')));
      await ws.sync.awaitInSync();

      const admin = couchClient(couch.adminUrl);
      const all = await admin.request<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `/${officeDbName(office.id)}/_all_docs?include_docs=true`);
      const docs = all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
      const persons = docs.filter((doc) => doc.type === 'person');
      // 9 seeded households (at least one person each), the intake's three members, the new case's applicant.
      expect(persons.length).toBeGreaterThanOrEqual(13);
      const people = await Promise.all(persons.map(async (p) => ({ personId: String(p.id ?? p._id), idNumber: await openText(ws.ctx.keys.data, String(p.idNumberEnc)) })));
      expect(people.map((p) => p.idNumber)).toEqual(expect.arrayContaining([card.idNumber]));
      const { min, why } = worstExposure(exposureOfPeople(people, docs));
      expect(min, why).toBeGreaterThanOrEqual(8);
    } finally {
      await ws.close();
    }
  }, 120_000);
});
