// The what-if reads the district's current cases in bulk, straight from the Dexie storage, and opens
// one sealed value per person: what it hands to the rules must be what reading every case, household
// and person through RxDB and opening both the number and the card gives — the same applications,
// hence the same report — with cases of other statuses, offices and deleted cases left out.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openText, sealText } from '../../domain/crypto/sealing';
import type { IdCard } from '../../domain/devices';
import { checkIdNumber } from '../../domain/identity/idnumber';
import type { CaseDoc, HouseholdDoc, PersonDoc } from '../../domain/model';
import { applicationOf, type OpenedId } from '../../domain/policy/application-of';
import { policyInForce } from '../../domain/policy/override';
import { prepareWhatIf, whatIfPrepared, type WhatIfCase } from '../../domain/policy/what-if';
import { DEFAULT_THRESHOLD_DOCS } from '../../domain/rules/defaults';
import { generateCases, sealSeed } from '../../domain/seed';
import { openWorkstationDb, type AnyDoc, type WorkstationDb } from '../db/database';
import { CURRENT_STATUSES, loadWhatIfCases } from './policy-store';

const TODAY = '2026-11-28';
const OFFICES = ['office-a', 'office-b'];
let db: WorkstationDb;
const keys = new Map<string, CryptoKey>();

/** The reading as it was: every case through RxDB's queries, every household and person by id, number and card both opened. */
async function reference(offices: readonly string[]): Promise<WhatIfCase[]> {
  const all = (await db.cases.find().exec()).map((d) => d.toJSON() as unknown as CaseDoc);
  const cases = all.filter((c) => offices.includes(c.officeId) && CURRENT_STATUSES.includes(c.status));
  const out: WhatIfCase[] = [];
  for (const c of cases) {
    const h = (await db.people.findOne(c.householdId).exec())?.toJSON() as unknown as HouseholdDoc | undefined;
    const persons = new Map<string, PersonDoc>();
    const clear = new Map<string, OpenedId>();
    const key = keys.get(c.officeId)!;
    const open = (s: string | null | undefined) => (s ? openText(key, s).catch(() => null) : Promise.resolve(null));
    for (const m of h?.members ?? []) {
      const p = (await db.people.findOne(m.personId).exec())?.toJSON() as unknown as PersonDoc | undefined;
      if (!p) continue;
      persons.set(p.id, p);
      const id = await open(p.idNumberEnc);
      const raw = await open(p.cardRawEnc);
      if (id) clear.set(p.id, { id, card: raw ? (JSON.parse(raw) as IdCard) : null });
    }
    out.push({ caseId: c.id, streetId: c.streetId, applicantName: c.applicantName, application: applicationOf(c, h ?? null, persons, clear, TODAY) });
  }
  return out.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
}

beforeAll(async () => {
  db = await openWorkstationDb({ name: `whatif-read-${Date.now()}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as never, collections: ['cases', 'people'] });
  for (const [n, officeId] of OFFICES.entries()) {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    keys.set(officeId, key);
    const data = generateCases({ count: 60, officeId, seed: 7 + n });
    let h = 0;
    const sealed = await sealSeed(data, { encrypt: (clear) => sealText(key, clear), keyedHash: () => `${officeId}-${h++}`.padStart(64, '0') });
    // Some people had their card read at the counter (the card as read, sealed); one card is
    // damaged on file: the sealed number is read instead.
    const persons = await Promise.all(
      sealed.persons.map(async (p, i) => {
        if (i % 3 !== 0) return p;
        const id = await openText(key, p.idNumberEnc);
        const info = checkIdNumber(id);
        const card = { idNumber: id, name: p.name, genderCode: p.gender, nationCode: p.nationCode, birthDate: info.valid ? info.info.birthDate : '2000-01-01', address: '', issuer: '', validFrom: '2020-01-01', validTo: i % 2 ? '长期' : '2021-01-01' };
        if (i === 3) return { ...p, cardRawEnc: 'not-a-sealed-value' };
        return { ...p, cardRawEnc: await sealText(key, JSON.stringify(card)) };
      }),
    );
    await db.people.bulkInsert([...persons, ...sealed.households] as unknown as AnyDoc[]);
    await db.cases.bulkInsert(sealed.cases as unknown as AnyDoc[]);
  }
  // A current case deleted, and a case of an office not asked about.
  const current = (await db.cases.find().exec()).find((d) => CURRENT_STATUSES.includes(d.get('status') as never) && d.get('officeId') === 'office-a')!;
  await current.remove();
});

afterAll(async () => {
  await db?.remove();
});

describe('reading the what-if cases in bulk', () => {
  it('hands the rules the same applications as reading every case and person one by one, and so the same report', async () => {
    const expected = await reference(OFFICES);
    expect(expected.length).toBeGreaterThan(20);
    // The seeded cards are there to be read (not every person falls back to the number).
    expect(expected.filter((c) => c.application.members.some((m) => m.card !== null)).length).toBeGreaterThan(5);
    const got = await loadWhatIfCases(db, OFFICES, null, (o) => keys.get(o), TODAY);
    expect(got).toEqual(expected);

    const policy = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'district:440304', TODAY);
    if (!policy.ok) throw new Error(policy.error.message);
    const draft = { thresholds: { incomePerCapitaMax: 40_000 }, rulesOff: ['social_insurance' as const], rulesOn: [] };
    const a = whatIfPrepared(prepareWhatIf(got, policy.value.policy, TODAY), draft);
    expect(a).toEqual(whatIfPrepared(prepareWhatIf(expected, policy.value.policy, TODAY), draft));
    expect(a.changed.length).toBeGreaterThan(0);
  });

  it('reads only the offices and the item asked about', async () => {
    const one = await loadWhatIfCases(db, ['office-b'], null, (o) => keys.get(o), TODAY);
    expect(one).toEqual(await reference(['office-b']));
    const items = new Set((await reference(OFFICES)).map((c) => c.application.businessItem));
    const item = [...items][0]!;
    const ofItem = await loadWhatIfCases(db, OFFICES, item, (o) => keys.get(o), TODAY);
    expect(ofItem.length).toBeGreaterThan(0);
    expect(ofItem).toEqual((await reference(OFFICES)).filter((c) => c.application.businessItem === item));
  });
});
