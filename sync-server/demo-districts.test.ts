// One form of district id: an office's district (whence the signed-in user's, an intake's case and a
// published override's) is the region's id the seeded cases, the streets and the catalogue's district
// overrides use — `district:440304` — so a 福田 override reaches 福田's cases, and the server's role
// for the district is the one its design function asks of the override's signer.
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../domain/catalogue/shipped';
import { itemFor } from '../domain/catalogue/engine';
import { overrideFromDraft, policyInForce } from '../domain/policy/override';
import { DEFAULT_THRESHOLD_DOCS } from '../domain/rules/defaults';
import { generateCases, SHENZHEN_STREETS } from '../domain/seed';
import { districtRole } from '../domain/sync/databases';
import { DEMO_OFFICES, DEMO_USERS } from './demo';
import { compileDesignFunction, loadDesignDoc } from './design/load';

const TODAY = '2026-11-28';
const district = DEMO_OFFICES.find((o) => o.level === 'district')!;
const supervisor = DEMO_USERS.find((u) => u.roles.includes('district_reviewer'))!;

describe('district ids in one form', () => {
  it('names every demo office’s district as the streets and seeded cases do', () => {
    for (const o of DEMO_OFFICES) expect(o.districtId).toMatch(/^district:\d{6}$/);
    const street = SHENZHEN_STREETS.find((s) => s.id === 'street:440304-06')!;
    const seeded = generateCases({ count: 3, officeId: 'futian-huafu', seed: 1, streetId: street.id });
    expect(new Set(seeded.cases.map((c) => c.districtId))).toEqual(new Set([district.districtId]));
    expect(street.district.id).toBe(district.districtId);
  });

  it('applies an override the district’s reviewer publishes to the district’s cases, which the server lets that reviewer write', async () => {
    const seeded = generateCases({ count: 1, officeId: 'futian-huafu', seed: 1, streetId: 'street:440304-06' }).cases[0]!;
    const inForce = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', district.districtId, TODAY);
    if (!inForce.ok) throw new Error(inForce.error.message);
    const at = `${TODAY}T08:00:00.000Z`;
    const who = { name: supervisor.name, displayName: supervisor.displayName, roles: [...supervisor.roles], officeId: district.id, districtId: district.districtId };
    const made = overrideFromDraft(inForce.value, { thresholds: { incomePerCapitaMax: 48_000 }, rulesOff: [], rulesOn: [] }, 'public_rental', who, at, '示例通知');
    if (!made.ok) throw new Error(made.error.message);
    // The case's own district finds the override (the dossier's checks resolve thresholds by it).
    const forCase = policyInForce([...DEFAULT_THRESHOLD_DOCS, made.value], 'public_rental', seeded.districtId, TODAY);
    expect(forCase.ok && forCase.value.policy.thresholds.incomePerCapitaMax).toBe(48_000);
    // The server's role for the district is the one the reference design function asks for.
    const validate = compileDesignFunction<(n: unknown, o: unknown, u: unknown, s: unknown) => void>(String((await loadDesignDoc('reference')).validate_doc_update));
    const { id, ...body } = made.value;
    const doc = { _id: id, ...body, signature: { alg: 'ES256', keyId: '0123456789abcdef', value: 'A'.repeat(88) } };
    const roles = ['staff', ...supervisor.roles, districtRole(district.districtId), `office:${district.id}`];
    expect(districtRole(district.districtId)).toBe('district:440304');
    expect(() => validate(doc, null, { name: supervisor.name, roles }, { members: { roles: ['staff'] } })).not.toThrow();
    expect(() => validate(doc, null, { name: supervisor.name, roles: roles.filter((r) => r !== 'district:440304').concat('district:440305') }, { members: { roles: ['staff'] } })).toThrow();
  });

  it('gives the district’s clerks the catalogue’s variant for their district', () => {
    const variant = itemFor(CATALOGUE, 'public_rental.rent_reduction', district.districtId)!;
    const plain = itemFor(CATALOGUE, 'public_rental.rent_reduction', 'district:440303')!;
    expect(plain.rules.length).toBeGreaterThan(variant.rules.length);
  });
});
