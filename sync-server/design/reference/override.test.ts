// The real reference design function on district overrides of the eligibility policy: only a
// district reviewer of that district, in their own name, signed, once; the figures well formed.
import { describe, expect, it } from 'vitest';
import { overrideFromDraft, overrideProblem, policyInForce } from '../../../domain/policy/override';
import { DEFAULT_THRESHOLD_DOCS } from '../../../domain/rules/defaults';
import { compileDesignFunction, loadDesignDoc } from '../load';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;

async function validator() {
  const validate = compileDesignFunction<Validate>(String((await loadDesignDoc('reference')).validate_doc_update));
  return (doc: unknown, old: unknown, name: string, roles: string[]) => {
    try {
      validate(doc, old, { name, roles }, { members: { roles: ['staff'] } });
      return 'ok';
    } catch (e) {
      return (e as { forbidden: string }).forbidden;
    }
  };
}

const AT = '2026-11-28T08:00:00.000Z';
const inForce = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'futian', '2026-11-28');
if (!inForce.ok) throw new Error(inForce.error.message);
const made = overrideFromDraft(inForce.value, { thresholds: { incomePerCapitaMax: 48_000 }, rulesOff: ['social_insurance'], rulesOn: [] }, 'public_rental', { name: 'dreviewer1', displayName: '刘洋', roles: ['district_reviewer'], officeId: 'futian-district', districtId: 'futian' }, AT, '示例通知');
if (!made.ok) throw new Error(made.error.message);
const { id, ...body } = made.value;
const doc = { _id: id, ...body, signature: { alg: 'ES256', keyId: '0123456789abcdef', value: 'A'.repeat(88) } };
const SUPERVISOR = ['staff', 'district_reviewer', 'district:futian', 'office:futian-district'];

describe('reference validate_doc_update: district policy overrides', () => {
  it('takes a signed override from a district reviewer of the district, in their own name (and the shape the workstation checks)', async () => {
    const run = await validator();
    expect(overrideProblem(doc)).toBeNull();
    expect(run(doc, null, 'dreviewer1', SUPERVISOR)).toBe('ok');
  });

  it('refuses another district’s reviewer, a street reviewer, IT, someone else’s name, an unsigned one and any change', async () => {
    const run = await validator();
    expect(run(doc, null, 'dreviewer2', ['staff', 'district_reviewer', 'district:luohu'])).toBe('只有本区的区复审人员可以发布本区的准入政策调整');
    expect(run(doc, null, 'reviewer1', ['staff', 'reviewer', 'district:futian', 'office:futian-huafu'])).toBe('只有本区的区复审人员可以发布本区的准入政策调整');
    expect(run(doc, null, 'it1', ['staff', 'it'])).toBe('只有本区的区复审人员可以发布本区的准入政策调整');
    expect(run(doc, null, 'dreviewer9', SUPERVISOR)).toContain('只能以本人名义发布');
    expect(run({ ...doc, actor: { ...doc.actor, roles: ['district_reviewer', 'it'] } }, null, 'dreviewer1', SUPERVISOR)).toBe('签发人的角色与登录账号不符');
    const { signature: _s, ...unsigned } = doc;
    expect(run(unsigned, null, 'dreviewer1', SUPERVISOR)).toBe('政策调整缺少签发人签名,不能发布');
    expect(run({ ...doc, thresholds: { incomePerCapitaMax: 1 } }, doc, 'dreviewer1', SUPERVISOR)).toBe('准入政策调整发布后不能修改或删除,请发布新的调整');
    expect(run({ _id: doc._id, _deleted: true }, doc, 'dreviewer1', SUPERVISOR)).toBe('准入政策调整发布后不能修改或删除,请发布新的调整');
    // The city's programme thresholds stay with the centre.
    expect(run({ ...DEFAULT_THRESHOLD_DOCS[0], _id: 'rule_thresholds:public_rental:2027-01-01' }, null, 'dreviewer1', SUPERVISOR)).toBe('参考数据只能由中心管理员维护');
  });

  it('refuses malformed figures with the reason', async () => {
    const run = await validator();
    expect(run({ ...doc, thresholds: { incomePerCapitaMax: -1 } }, null, 'dreviewer1', SUPERVISOR)).toBe('准入标准 incomePerCapitaMax 的取值不正确');
    expect(run({ ...doc, thresholds: { bonus: 1 } }, null, 'dreviewer1', SUPERVISOR)).toBe('未知的准入标准项:bonus');
    expect(run({ ...doc, rulesOff: ['identity_documents'] }, null, 'dreviewer1', SUPERVISOR)).toBe('政策调整的停用规则不正确');
    expect(run({ ...doc, _id: 'rule_thresholds:public_rental:luohu:' + AT }, null, 'dreviewer1', SUPERVISOR)).toBe('政策调整记录的编号不符');
  });
});
