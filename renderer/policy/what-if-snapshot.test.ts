// The what-if's snapshot kept in memory between drafts must never show a case as it was: after a
// household's income rises, a member's ID number is corrected, a case is decided, deleted or a new
// one arrives (as sync brings them), the next run shows each change — exactly what reading
// everything afresh gives — and the draft's report follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealText } from '../../domain/crypto/sealing';
import { checkCharacter } from '../../domain/identity/idnumber';
import type { CaseDoc, HouseholdDoc } from '../../domain/model';
import { policyInForce } from '../../domain/policy/override';
import { prepareWhatIf, RULE_COUNT, whatIfPrepared } from '../../domain/policy/what-if';
import { RULE_IDS } from '../../domain/rules/result';
import { DEFAULT_THRESHOLD_DOCS } from '../../domain/rules/defaults';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { CURRENT_STATUSES, loadWhatIfCases } from './policy-store';
import { OFFICES, openWhatIfOffice, sealedSeed } from './what-if-office.test-helpers';
import { WhatIfSnapshot } from './what-if-snapshot';

const TODAY = '2026-11-28';
let db: WorkstationDb;
const keys = new Map<string, CryptoKey>();
const keyFor = (o: string) => keys.get(o);

const seeded = (officeId: string, seed: number, count: number) => sealedSeed(keys.get(officeId)!, officeId, seed, count);

beforeAll(async () => {
  const office = await openWhatIfOffice('whatif-snapshot', 11);
  db = office.db;
  for (const [officeId, key] of office.keys) keys.set(officeId, key);
});

afterAll(async () => {
  await db?.remove();
});

describe('the what-if snapshot', () => {
  it('shows, on the next run, every case changed since the first — as reading afresh does', async () => {
    const snapshot = new WhatIfSnapshot(db, OFFICES, keyFor, TODAY, { store: null });
    const first = await snapshot.cases$(null);
    expect(first).toEqual(await loadWhatIfCases(db, OFFICES, null, keyFor, TODAY));
    const current = (await db.cases.find().exec()).map((d) => d.toJSON() as unknown as CaseDoc).filter((c) => OFFICES.includes(c.officeId) && CURRENT_STATUSES.includes(c.status));
    expect(current.length).toBeGreaterThan(10);
    const [raised, decided, deleted, corrected] = current;

    // A household's declared income rises far over the limit.
    const household = (await db.people.findOne(raised!.householdId).exec())!;
    const members = (household.toJSON() as unknown as HouseholdDoc).members.map((m) => ({ ...m, annualIncome: 900_000 }));
    await household.incrementalPatch({ members } as never);
    // A case is decided, another deleted.
    await (await db.cases.findOne(decided!.id).exec())!.incrementalPatch({ status: 'rejected' } as never);
    await (await db.cases.findOne(deleted!.id).exec())!.remove();
    // The main applicant's ID number of a fourth case corrected: born in 2015, a minor now.
    const applicant = (await db.people.findOne(corrected!.applicantPersonId).exec())!;
    await applicant.incrementalPatch({ idNumberEnc: await sealText(keys.get(corrected!.officeId)!, `44030420150101003${checkCharacter('44030420150101003')}`), cardRawEnc: null } as never);
    // A new case arrives with its household and people.
    const arrived = await seeded('office-b', 99, 1);
    await db.people.bulkInsert([...arrived.persons, ...arrived.households] as unknown as AnyDoc[]);
    await db.cases.bulkInsert(arrived.cases.map((c) => ({ ...c, status: 'accepted' })) as unknown as AnyDoc[]);

    const second = await snapshot.cases$(null);
    expect(second).toEqual(await loadWhatIfCases(db, OFFICES, null, keyFor, TODAY));
    const ids = second.map((c) => c.caseId);
    expect(ids).not.toContain(decided!.id);
    expect(ids).not.toContain(deleted!.id);
    expect(ids).toContain(arrived.cases[0]!.id);
    const after = (id: string) => second.find((c) => c.caseId === id)!.application;
    expect(after(raised!.id).members.every((m) => m.incomes?.[0]?.annualAmount === 900_000)).toBe(true);
    expect(after(corrected!.id).members.find((m) => m.personId === corrected!.applicantPersonId)?.birthDate).toBe('2015-01-01');

    // The report of a draft follows, also when the evaluation under the policy in force is carried over.
    const policy = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'district:440304', TODAY);
    if (!policy.ok) throw new Error(policy.error.message);
    const draft = { thresholds: { incomePerCapitaMax: 40_000 }, rulesOff: ['social_insurance' as const], rulesOn: [] };
    const before = prepareWhatIf(first, policy.value.policy, TODAY);
    const carried = prepareWhatIf(second, policy.value.policy, TODAY, before);
    const fresh = prepareWhatIf(second, policy.value.policy, TODAY);
    expect(carried.outcomes).toEqual(fresh.outcomes);
    expect(whatIfPrepared(carried, draft)).toEqual(whatIfPrepared(fresh, draft));
    // Under the policy in force the raised household now fails the income rule.
    const k = second.findIndex((c) => c.caseId === raised!.id);
    expect(carried.outcomes[k * RULE_COUNT + RULE_IDS.indexOf('income')]).toBe(2);
    snapshot.dispose();
  });
});
