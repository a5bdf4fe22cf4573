import { describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, signDoc } from '../crypto/signing';
import type { RuleThresholdDoc } from '../model/reference';
import { DEFAULT_THRESHOLD_DOCS } from '../rules/defaults';
import { application, withMember } from '../rules/fixtures.test-helpers';
import { staffKeyDoc, type StaffKeyDoc } from '../sync/staff-keys';
import { draftProblem, overrideFromDraft, overrideProblem, policyInForce, trustedPolicyDocs, type Publisher } from './override';
import { evaluateUnderPolicy } from './what-if';

const AT = '2026-11-28T08:00:00.000Z';
const supervisor: Publisher = { name: 'dreviewer1', displayName: '刘洋', roles: ['district_reviewer'], officeId: 'futian-district', districtId: 'futian' };
const inForce = () => {
  const r = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'futian', '2026-11-28');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const publish = (thresholds: object, rulesOff: string[] = [], who = supervisor) =>
  overrideFromDraft(inForce(), { thresholds, rulesOff: rulesOff as never, rulesOn: [] }, 'public_rental', who, AT, '福田区住建局2026年第12号通知');

async function signed(doc: RuleThresholdDoc) {
  const pair = await generateSigningKey();
  const keys = new Map<string, StaffKeyDoc>();
  const key = staffKeyDoc({ name: supervisor.name, officeId: supervisor.officeId, roles: supervisor.roles }, pair.publicKey, 'ws1', AT);
  keys.set(key._id, key);
  return { doc: await signDoc(await importSigner(pair), doc as unknown as Record<string, unknown>), keys };
}

describe('publishing a district override', () => {
  it('makes an override document of a draft: the thresholds it sets, the rules off, who signs, in force from today', () => {
    const r = publish({ incomePerCapitaMax: 48_000 }, ['social_insurance']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      id: 'rule_thresholds:public_rental:futian:2026-11-28T08:00:00.000Z',
      districtId: 'futian',
      effectiveFrom: '2026-11-28',
      thresholds: { incomePerCapitaMax: 48_000 },
      rulesOff: ['social_insurance'],
      actor: { userId: 'dreviewer1', roles: ['district_reviewer'] },
    });
  });

  it('refuses a draft that changes nothing, bad figures, a rule that is not the district’s, or a publisher who is not a district reviewer', () => {
    expect(publish({})).toMatchObject({ ok: false, error: { message: '草案与现行政策相同,无需发布' } });
    expect(publish({ incomePerCapitaMax: 54_000 })).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } });
    expect(publish({ incomePerCapitaMax: -5 })).toMatchObject({ ok: false, error: { message: '人均可支配收入上限(正数,元)填写不正确' } });
    expect(publish({ minApplicantAge: 12 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('最低年龄') } });
    expect(publish({}, ['identity_documents'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('不能由区里停用') } });
    expect(publish({ incomePerCapitaMax: 48_000 }, [], { ...supervisor, roles: ['reviewer'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(draftProblem({ thresholds: { bogus: 1 } as never, rulesOff: [], rulesOn: [] })).toBe('未知的准入标准项:bogus');
  });

  it('checks the shape of a stored override: id, figures, signer and signature', async () => {
    const r = publish({ incomePerCapitaMax: 48_000 });
    if (!r.ok) throw new Error();
    const { doc } = await signed(r.value);
    expect(overrideProblem(doc)).toBeNull();
    expect(overrideProblem({ ...doc, id: 'rule_thresholds:public_rental:futian:x' })).toBe('政策调整记录的编号不符');
    expect(overrideProblem({ ...doc, thresholds: { incomePerCapitaMax: 'lots' } })).toContain('填写不正确');
    expect(overrideProblem({ ...doc, signature: undefined })).toBe('政策调整缺少签发人签名');
  });
});

describe('the policy in force after publication', () => {
  it('applies a signed override (and its rules off) to an application; a forged or unsigned one is left out', async () => {
    const r = publish({ incomePerCapitaMax: 40_000 }, ['social_insurance']);
    if (!r.ok) throw new Error();
    const { doc, keys } = await signed(r.value);
    // Per-capita income 50,000: passes the city's 54,000, fails the district's 40,000.
    const app = withMember(withMember(application(), 0, { incomes: [{ kind: 'wage', annualAmount: 150_000 }], socialInsuranceYears: 0 }), 1, { incomes: [] });
    const outcomeUnder = async (docs: readonly RuleThresholdDoc[]) => {
      const p = policyInForce(await trustedPolicyDocs(docs, keys), 'public_rental', 'futian', '2026-11-29');
      if (!p.ok) throw new Error();
      const e = evaluateUnderPolicy(app, p.value.policy);
      return { income: e.results.find((x) => x.rule === 'income')?.outcome, insurance: e.results.find((x) => x.rule === 'social_insurance')?.outcome ?? 'off' };
    };
    expect(await outcomeUnder(DEFAULT_THRESHOLD_DOCS)).toEqual({ income: 'pass', insurance: 'fail' });
    expect(await outcomeUnder([...DEFAULT_THRESHOLD_DOCS, doc as unknown as RuleThresholdDoc])).toEqual({ income: 'fail', insurance: 'off' });
    const forged = { ...doc, thresholds: { incomePerCapitaMax: 10_000 } };
    expect(await outcomeUnder([...DEFAULT_THRESHOLD_DOCS, forged as unknown as RuleThresholdDoc])).toEqual({ income: 'pass', insurance: 'fail' });
    expect(await outcomeUnder([...DEFAULT_THRESHOLD_DOCS, r.value])).toEqual({ income: 'pass', insurance: 'fail' });
    // Another district is not touched by Futian's override.
    const other = policyInForce(await trustedPolicyDocs([...DEFAULT_THRESHOLD_DOCS, doc as unknown as RuleThresholdDoc], keys), 'public_rental', 'luohu', '2026-11-29');
    expect(other.ok && other.value.policy.thresholds.incomePerCapitaMax).toBe(54_000);
  });
});
