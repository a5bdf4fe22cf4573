import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../audit/sha256';
import { checkCardAgainstNumber, checkCardValidity } from '../identity/checks';
import { checkIdNumber } from '../identity/idnumber';
import { COLLECTIONS, MIGRATIONS } from '../model/collections';
import { deriveCase } from '../workflow/derive';
import { generateCases } from './cases';
import { SHENZHEN_STREETS } from './places';
import { referenceDocs } from './reference';
import { sealSeed } from './seal';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const data = generateCases({ count: 300, officeId: 'office:futian-shatou', seed: 42 });

describe('generateCases', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCases({ count: 20, officeId: 'o', seed: 7 })).toEqual(generateCases({ count: 20, officeId: 'o', seed: 7 }));
    expect(generateCases({ count: 20, officeId: 'o', seed: 8 }).persons[0]).not.toEqual(generateCases({ count: 20, officeId: 'o', seed: 7 }).persons[0]);
  });

  it('gives every person a valid ID number agreeing with birth date and gender', () => {
    const asOf = new Date('2024-06-30T00:00:00Z');
    for (const p of data.persons) {
      const checked = checkIdNumber(p.clear.idNumber, asOf);
      expect(checked.valid, p.clear.idNumber).toBe(true);
      expect(checkCardAgainstNumber({ idNumber: p.clear.idNumber, genderCode: p.gender, birthDate: p.clear.birthDate }, asOf)).toEqual([]);
      expect(p.idMasked).toBe(`${p.clear.idNumber.slice(0, 6)}********${p.clear.idNumber.slice(-4)}`);
    }
    const regions = new Set(data.persons.map((p) => p.clear.idNumber.slice(0, 6)));
    for (const code of ['440303', '440304', '440305', '440306', '440307']) expect(regions.has(code)).toBe(true);
  });

  it('makes plausible households: adult applicants, cards mostly valid, children younger than parents', () => {
    const asOf = '2024-06-30';
    for (const h of data.households) {
      const members = h.members.map((m) => data.persons.find((p) => p.id === m.personId)!);
      const applicant = members[0]!;
      expect(applicant.clear.birthDate <= '2002-06-30').toBe(true);
      for (const [i, m] of h.members.entries()) {
        if (m.relation === 'child') expect(members[i]!.clear.birthDate > applicant.clear.birthDate).toBe(true);
      }
    }
    const adults = data.persons.filter((p) => p.cardValidTo !== null);
    const valid = adults.filter((p) => checkCardValidity({ validFrom: p.clear.cardValidFrom ?? undefined, validTo: p.cardValidTo! }, asOf).valid);
    expect(valid.length / adults.length).toBeGreaterThan(0.9);
  });

  it('spreads per-capita incomes and assets on both sides of the limits', () => {
    const perCapita = data.households.map((h) => h.members.reduce((s, m) => s + (m.annualIncome ?? 0), 0) / h.members.length);
    const above = perCapita.filter((x) => x > 54_000).length / perCapita.length;
    expect(above).toBeGreaterThan(0.25);
    expect(above).toBeLessThan(0.75);
    const assetsAbove = data.households.filter((h) => h.declaredAssets! > (h.members.length <= 3 ? 660_000 : 870_000)).length;
    expect(assetsAbove).toBeGreaterThan(10);
    expect(assetsAbove).toBeLessThan(data.households.length / 2);
  });

  it('produces events that derive to each case status without conflicts', () => {
    const byCase = new Map<string, typeof data.events[number][]>();
    for (const e of data.events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of data.cases) {
      const state = deriveCase(byCase.get(c.id) ?? []);
      expect(state.status).toBe(c.status);
      expect(state.flagged).toBeNull();
      expect(c.flagged).toBe(false);
    }
    const statuses = new Set(data.cases.map((c) => c.status));
    for (const s of ['submitted', 'accepted', 'returned', 'rejected', 'waiting', 'in_tenancy']) expect(statuses.has(s as never)).toBe(true);
    expect(data.events.every((e) => e.at.slice(0, 10) <= '2024-06-30')).toBe(true);
  });

  it('seeds a live office when asked: every case last moved in the weeks before the date, at every stage', () => {
    const asOf = '2026-11-28';
    const live = generateCases({ count: 200, officeId: 'o', seed: 1, asOf, recent: true });
    const last = new Map<string, string>();
    for (const e of live.events) if ((last.get(e.caseId) ?? '') < e.at) last.set(e.caseId, e.at);
    const ages = live.cases.map((c) => (Date.parse(asOf) - Date.parse(last.get(c.id)!.slice(0, 10))) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ages)).toBeLessThanOrEqual(20);
    const byCase = new Map<string, typeof live.events[number][]>();
    for (const e of live.events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of live.cases) expect(deriveCase(byCase.get(c.id)!).status).toBe(c.status);
    const statuses = new Set(live.cases.map((c) => c.status));
    for (const s of ['submitted', 'accepted', 'returned', 'rejected', 'waiting', 'in_tenancy']) expect(statuses.has(s as never)).toBe(true);
    // The same seed gives the same office; without `recent` the spread over 14 months stays.
    expect(generateCases({ count: 200, officeId: 'o', seed: 1, asOf, recent: true })).toEqual(live);
    const spread = generateCases({ count: 200, officeId: 'o', seed: 1, asOf });
    expect(spread.cases.some((c) => c.createdAt < '2026-01-01')).toBe(true);
  });

  it('adds holders of a benefit after the drawn cases, leaving those unchanged: a subsidy recipient and a talent-housing tenant under contract', () => {
    const asOf = '2026-11-28';
    const plain = generateCases({ count: 40, officeId: 'o', seed: 1, asOf, recent: true });
    const more = generateCases({ count: 40, officeId: 'o', seed: 1, asOf, recent: true, holders: ['rental_subsidy', 'talent_housing'] });
    expect(more.cases.slice(0, 40)).toEqual(plain.cases);
    expect(more.persons.slice(0, plain.persons.length)).toEqual(plain.persons);
    const added = more.cases.slice(40);
    expect(added.map((c) => [c.businessItem, c.status])).toEqual([['rental_subsidy', 'contracted'], ['talent_housing', 'contracted']]);
    // Neither is among the drawn 40 today: the items about these benefits had no one to be taken for.
    expect(plain.cases.some((c) => ['rental_subsidy', 'talent_housing'].includes(c.businessItem) && c.status === 'contracted')).toBe(false);
    for (const c of added) expect(deriveCase(more.events.filter((e) => e.caseId === c.id)).status).toBe('contracted');
    expect(new Set(more.cases.map((c) => c.id)).size).toBe(42);
  });

  it('puts households in the requested street, and refuses an unknown one', () => {
    const street = SHENZHEN_STREETS.find((s) => s.name === '沙头街道')!;
    const d = generateCases({ count: 10, officeId: 'o', seed: 1, streetId: street.id });
    expect(d.cases.every((c) => c.streetId === street.id && c.districtId === 'district:440304')).toBe(true);
    expect(d.households[0]!.clear.address).toMatch(/^广东省深圳市福田区沙头街道/);
    expect(() => generateCases({ count: 1, officeId: 'o', seed: 1, streetId: 'street:x' })).toThrow('未知街道编号street:x');
  });

  it('sealed documents fit the collection schemas', async () => {
    const small = generateCases({ count: 30, officeId: 'office:futian-shatou', seed: 3 });
    const sealed = await sealSeed(small, { encrypt: (s) => `enc:${s.length}`, keyedHash: (s) => sha256Hex(`key|${s}`) });
    expect(sealed.persons.every((p) => !JSON.stringify(p).includes(small.persons.find((x) => x.id === p.id)!.clear.idNumber))).toBe(true);
    const db = await createRxDatabase({ name: `seed${Date.now()}`, storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }), multiInstance: false });
    await db.addCollections({
      people: { schema: COLLECTIONS.people as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.people as never },
      cases: { schema: COLLECTIONS.cases as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.cases as never },
      events: { schema: COLLECTIONS.events as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.events as never },
      reference: { schema: COLLECTIONS.reference as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.reference as never },
    });
    const results = await Promise.all([
      db.collections.people!.bulkInsert([...sealed.persons, ...sealed.households]),
      db.collections.cases!.bulkInsert([...sealed.cases]),
      db.collections.events!.bulkInsert(small.events.map((e) => ({ ...e }))),
      db.collections.reference!.bulkInsert(referenceDocs()),
    ]);
    for (const r of results) expect(r.error).toEqual([]);
    await db.remove();
  });
});
