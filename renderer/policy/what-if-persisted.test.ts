// The what-if's snapshot kept between sessions (encrypted in IndexedDB): the next session's first
// draft takes it and reads only the documents written since its checkpoint, and must show exactly
// what reading every case afresh shows — a household's income raised, a case decided, one deleted,
// one new, an ID number corrected. A blob that is damaged, sealed under another office's key, of
// another day, is discarded and everything read again; nothing personal is stored in clear.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealText } from '../../domain/crypto/sealing';
import { checkCharacter } from '../../domain/identity/idnumber';
import type { CaseDoc, HouseholdDoc } from '../../domain/model';
import { policyInForce } from '../../domain/policy/override';
import { prepareWhatIf, whatIfPrepared } from '../../domain/policy/what-if';
import { DEFAULT_THRESHOLD_DOCS } from '../../domain/rules/defaults';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { CURRENT_STATUSES, loadWhatIfCases } from './policy-store';
import { OFFICES, openWhatIfOffice, sealedSeed } from './what-if-office.test-helpers';
import { indexedDbSnapshotStore, WhatIfSnapshot, type SnapshotStore } from './what-if-snapshot';

const TODAY = '2026-11-28';
let db: WorkstationDb;
const keys = new Map<string, CryptoKey>();
const keyFor = (o: string) => keys.get(o);
const policy = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'district:440304', TODAY);
if (!policy.ok) throw new Error(policy.error.message);
const inForce = policy.value.policy;
const draft = { thresholds: { incomePerCapitaMax: 40_000 }, rulesOff: ['social_insurance' as const], rulesOn: [] };

const seeded = (officeId: string, seed: number, count: number) => sealedSeed(keys.get(officeId)!, officeId, seed, count);

/** A session: a snapshot on the store, its cases and the draft's report, and what it logged. */
async function session(store: SnapshotStore, keys: (o: string) => CryptoKey | undefined = keyFor, today = TODAY) {
  const logged: string[] = [];
  const snapshot = new WhatIfSnapshot(db, OFFICES, keys, today, { store, name: 'ws', log: (m) => logged.push(m), checkpointMarginMs: 0 });
  const prepared = await snapshot.prepare(null, inForce);
  await snapshot.persist();
  snapshot.dispose();
  return { origin: snapshot.origin!, prepared, report: whatIfPrepared(prepared, draft), logged };
}

/** What reading every case afresh gives. */
async function fresh(keys: (o: string) => CryptoKey | undefined = keyFor) {
  const cases = await loadWhatIfCases(db, OFFICES, null, keys, TODAY);
  const prepared = prepareWhatIf(cases, inForce, TODAY);
  return { prepared, report: whatIfPrepared(prepared, draft) };
}

beforeAll(async () => {
  const office = await openWhatIfOffice('whatif-persisted', 21);
  db = office.db;
  for (const [officeId, key] of office.keys) keys.set(officeId, key);
});

afterAll(async () => {
  await db?.remove();
});

describe('the what-if snapshot kept between sessions', () => {
  it('gives the next session what reading afresh gives, reading only the documents changed since', async () => {
    const store = indexedDbSnapshotStore(new IDBFactory());
    const first = await session(store);
    expect(first.origin.from).toBe('read');
    const current = (await db.cases.find().exec()).map((d) => d.toJSON() as unknown as CaseDoc).filter((c) => OFFICES.includes(c.officeId) && CURRENT_STATUSES.includes(c.status));
    const [raised, decided, deleted, corrected] = current;

    // Between the sessions sync brings: a household's income far over the limit, a case decided,
    // one deleted, an ID number corrected (a minor now), a new case with its household and people.
    const household = (await db.people.findOne(raised!.householdId).exec())!;
    await household.incrementalPatch({ members: (household.toJSON() as unknown as HouseholdDoc).members.map((m) => ({ ...m, annualIncome: 900_000 })) } as never);
    await (await db.cases.findOne(decided!.id).exec())!.incrementalPatch({ status: 'rejected' } as never);
    await (await db.cases.findOne(deleted!.id).exec())!.remove();
    const applicant = (await db.people.findOne(corrected!.applicantPersonId).exec())!;
    await applicant.incrementalPatch({ idNumberEnc: await sealText(keys.get(corrected!.officeId)!, `44030420150101003${checkCharacter('44030420150101003')}`), cardRawEnc: null } as never);
    const arrived = await seeded('office-b', 99, 1);
    await db.people.bulkInsert([...arrived.persons, ...arrived.households] as unknown as AnyDoc[]);
    await db.cases.bulkInsert(arrived.cases.map((c) => ({ ...c, status: 'accepted' })) as unknown as AnyDoc[]);
    // A document written in the very millisecond a reading starts is read again by the next
    // session (the checkpoint is inclusive, and safe so): start the reading after the writes.
    await new Promise((r) => setTimeout(r, 5));

    const second = await session(store);
    expect(second.origin.from).toBe('kept');
    // Only what was written since: 2 cases and 2 people changed, the new case, household and members.
    expect(second.origin.changedSince).toBe(2 + 2 + arrived.cases.length + arrived.households.length + arrived.persons.length);
    const expected = await fresh();
    expect(second.prepared.cases).toEqual(expected.prepared.cases);
    expect(second.prepared.outcomes).toEqual(expected.prepared.outcomes);
    expect(second.report).toEqual(expected.report);
    const ids = second.prepared.cases.map((c) => c.caseId);
    expect(ids).not.toContain(decided!.id);
    expect(ids).not.toContain(deleted!.id);
    expect(ids).toContain(arrived.cases[0]!.id);
    expect(second.report.changed.map((c) => c.caseId)).not.toEqual(first.report.changed.map((c) => c.caseId));

    // A third session with nothing changed reads nothing again.
    const third = await session(store);
    expect(third.origin).toEqual({ from: 'kept', changedSince: 0 });
    expect(third.report).toEqual(expected.report);
  });

  it('is stored in the background at once the first time in a session, then at most every so often', async () => {
    const store = indexedDbSnapshotStore(new IDBFactory());
    const snapshot = new WhatIfSnapshot(db, OFFICES, keyFor, TODAY, { store, name: 'ws', log: () => undefined });
    await snapshot.prepare(null, inForce);
    snapshot.persistSoon(60_000);
    await new Promise((r) => setTimeout(r, 50));
    await snapshot.persist(); // waits for the one under way
    const stored = await store.get('ws');
    expect(stored?.header.cases).toBe((await snapshot.cases$(null)).length);
    await store.delete('ws');
    // A case changes: the next storing waits for the interval.
    const c = (await db.cases.findOne(stored ? (await snapshot.cases$(null))[0]!.caseId : '').exec())!;
    await c.incrementalPatch({ applicantName: `${c.applicantName}·` } as never);
    await snapshot.prepare(null, inForce);
    snapshot.persistSoon(60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.get('ws')).toBeUndefined();
    snapshot.dispose();
  });

  it('stores nothing personal in clear', async () => {
    const store = indexedDbSnapshotStore(new IDBFactory());
    const { prepared } = await session(store);
    const stored = await store.get('ws');
    expect(stored!.parts.length).toBeGreaterThan(0);
    const bodies = stored!.parts.map((p) => new TextDecoder('latin1').decode(p.body)).join('');
    const everything = JSON.stringify(stored!.header) + bodies;
    const c = prepared.cases.find((x) => x.application.members.length > 0)!;
    expect(c.applicantName.length).toBeGreaterThan(0);
    for (const secret of [c.applicantName, c.application.members[0]!.card?.idNumber ?? c.application.members[0]!.registerIdNumber!, c.caseId]) {
      expect(everything).not.toContain(secret);
      expect(stored!.parts.map((p) => new TextDecoder().decode(p.body)).join('')).not.toContain(secret);
    }
  });

  it('discards a damaged blob and reads everything again, with the same result as a fresh read', async () => {
    const store = indexedDbSnapshotStore(new IDBFactory());
    await session(store);
    const stored = (await store.get('ws'))!;
    const body = new Uint8Array(stored.parts[0]!.body.slice(0));
    const at = Math.floor(body.length / 2);
    body[at] = body[at]! ^ 0x01;
    await store.put('ws', { ...stored, parts: [{ ...stored.parts[0]!, body: body.buffer }, ...stored.parts.slice(1)] });
    const damaged = await session(store);
    expect(damaged.origin.from).toBe('read');
    expect(damaged.logged.join('\n')).toMatch(/does not open/);
    const expected = await fresh();
    expect(damaged.prepared.cases).toEqual(expected.prepared.cases);
    expect(damaged.report).toEqual(expected.report);
    // A header altered (an earlier checkpoint would hide nothing, a later one would): bound to the body, not opened.
    const again = (await store.get('ws'))!;
    await store.put('ws', { ...again, header: { ...again.header, checkpoint: again.header.checkpoint + 3_600_000 } });
    expect((await session(store)).origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/does not open/) });
    // A part missing.
    await session(store);
    const whole = (await store.get('ws'))!;
    await store.put('ws', { ...whole, parts: whole.parts.slice(1) });
    expect((await session(store)).origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/parts missing/) });
    // Garbage where the record should be.
    await store.put('ws', { nonsense: true } as never);
    const garbage = await session(store);
    expect(garbage.origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/schema version/) });
    expect(garbage.report).toEqual(expected.report);
  });

  it('is not opened with another office key, nor taken on another day', async () => {
    const store = indexedDbSnapshotStore(new IDBFactory());
    await session(store);
    const other = new Map(keys);
    other.set('office-a', await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
    const stranger = await session(store, (o) => other.get(o));
    expect(stranger.origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/does not open/) });
    // Under the other key office-a's ID numbers do not open either: the cases are as a fresh read with that key gives.
    expect(stranger.prepared.cases).toEqual((await fresh((o) => other.get(o))).prepared.cases);

    await session(store);
    const tomorrow = new WhatIfSnapshot(db, OFFICES, keyFor, '2026-11-29', { store, name: 'ws', log: () => undefined });
    await tomorrow.cases$(null);
    tomorrow.dispose();
    expect(tomorrow.origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/made on 2026-11-28/) });
    // A session lacking an office's key neither opens nor stores one.
    await session(store);
    const lacking = await session(store, (o) => (o === 'office-a' ? keyFor(o) : undefined));
    expect(lacking.origin).toMatchObject({ from: 'read', discarded: expect.stringMatching(/lacks an office key/) });
    expect(await store.get('ws')).toBeUndefined();
  });
});
