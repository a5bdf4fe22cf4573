import { describe, expect, it } from 'vitest';
import type { Thresholds } from '../model/reference';
import { DEFAULT_THRESHOLD_DOCS } from './defaults';
import { evaluateApplication } from './evaluate';
import { application, member, withMember } from './fixtures.test-helpers';
import type { RuleId } from './result';

const thresholdsOf = (i: number) => DEFAULT_THRESHOLD_DOCS[i]!.thresholds as Thresholds;
const PR = thresholdsOf(0);
const SHARED = DEFAULT_THRESHOLD_DOCS.find((d) => d.businessItem === 'shared_ownership')!.thresholds as Thresholds;
const today = new Date('2024-03-15T00:00:00Z');

const rule = (app = application(), id: RuleId, t: Thresholds = PR) =>
  evaluateApplication(app, t, { today }).results.find((r) => r.rule === id)!;

const single = (over: Parameters<typeof member>[0]) =>
  application({ maritalStatus: 'single', minorChildren: 0, members: [member(over)] });

describe('the reference household', () => {
  it('passes every public-rental rule', () => {
    const e = evaluateApplication(application(), PR, { today });
    expect(e.results.filter((r) => r.outcome !== 'pass')).toEqual([]);
    expect(e.outcome).toBe('pass');
  });
});

describe('rule 1: applicant age and hukou', () => {
  it('18 exactly on the application date passes, the day before fails', () => {
    const app = single({ name: '周杰', birthDate: '2006-03-15', socialInsuranceYears: 3 });
    expect(rule(app, 'applicant_age_hukou')).toMatchObject({ outcome: 'pass', reason: '主申请人周杰申请日为18周岁,已满18周岁;具有深圳市户籍' });
    const young = single({ name: '周杰', birthDate: '2006-03-16' });
    expect(rule(young, 'applicant_age_hukou')).toMatchObject({ outcome: 'fail', reason: '主申请人周杰申请日为17周岁,未满18周岁' });
  });

  it('requires Shenzhen hukou where the programme does; unknown hukou needs review', () => {
    const app = withMember(application(), 0, { hukou: 'other' });
    expect(rule(app, 'applicant_age_hukou')).toMatchObject({ outcome: 'fail', reason: '主申请人不具有深圳市户籍' });
    expect(rule(withMember(application(), 0, { hukou: 'unknown' }), 'applicant_age_hukou').outcome).toBe('needs_review');
    const affordable = thresholdsOf(2);
    expect(rule(app, 'applicant_age_hukou', affordable).outcome).toBe('pass');
  });

  it('fails without a main applicant', () => {
    const app = application({ members: application().members.slice(1) });
    expect(rule(app, 'applicant_age_hukou')).toMatchObject({ outcome: 'fail', reason: '未指定主申请人' });
  });
});

describe('rule 2: per-capita income', () => {
  const incomes = (a: number, b: number) =>
    withMember(withMember(application(), 0, { incomes: [{ kind: 'wage', annualAmount: a }] }), 1, {
      incomes: [{ kind: 'wage', annualAmount: b }],
    });

  it('exactly 54,000 per person passes, 54,001 fails', () => {
    expect(rule(incomes(100_000, 62_000), 'income')).toMatchObject({ outcome: 'pass', reason: '家庭人均可支配收入54,000元,未超过上限54,000元' });
    expect(rule(incomes(100_000, 62_003), 'income')).toMatchObject({ outcome: 'fail', reason: '家庭人均可支配收入54,001元,超过上限54,000元' });
  });

  it('one yuan over in total is over the limit, shown with cents', () => {
    expect(rule(incomes(100_000, 62_001), 'income')).toMatchObject({ outcome: 'fail', reason: '家庭人均可支配收入54,000.33元,超过上限54,000元' });
  });

  it('gives the figures, e.g. 61,200 over 54,000', () => {
    const app = single({ name: '黄磊', birthDate: '1980-01-01', incomes: [{ kind: 'wage', annualAmount: 61_200 }] });
    expect(rule(app, 'income').reason).toBe('家庭人均可支配收入61,200元,超过上限54,000元');
  });

  it('does not count disability, orphan and old-age allowances', () => {
    const app = single({
      name: '黄磊',
      birthDate: '1980-01-01',
      incomes: [
        { kind: 'wage', annualAmount: 50_000 },
        { kind: 'disability_allowance', annualAmount: 3_600 },
        { kind: 'old_age_allowance', annualAmount: 1_200 },
        { kind: 'orphan_allowance', annualAmount: 1 },
      ],
    });
    expect(rule(app, 'income')).toMatchObject({
      outcome: 'pass',
      reason: '家庭人均可支配收入50,000元,未超过上限54,000元(已扣除不计入收入的补贴4,801元)',
    });
    const pension = single({ name: '黄磊', birthDate: '1950-01-01', incomes: [{ kind: 'pension', annualAmount: 54_001 }] });
    expect(rule(pension, 'income').outcome).toBe('fail');
  });

  it('needs review while a member has not declared income', () => {
    expect(rule(withMember(application(), 1, { incomes: null }), 'income')).toMatchObject({ outcome: 'needs_review', reason: '林芳尚未申报收入' });
  });

  it('does not apply where the programme sets no limit', () => {
    expect(rule(incomes(900_000, 0), 'income', SHARED)).toMatchObject({ outcome: 'pass', reason: '本项目不设收入上限' });
  });
});

describe('rule 3: household assets', () => {
  const four = () => {
    const base = application({ minorChildren: 2 });
    return { ...base, members: [...base.members, member({ name: '陈小贝', birthDate: '2019-05-05', relation: 'child', incomes: [], card: null })] };
  };

  it('660,000 passes for 3 persons, 660,001 fails', () => {
    expect(rule(application({ householdAssets: 660_000 }), 'assets')).toMatchObject({ outcome: 'pass', reason: '家庭资产660,000元,未超过3人家庭上限660,000元' });
    expect(rule(application({ householdAssets: 660_001 }), 'assets')).toMatchObject({ outcome: 'fail', reason: '家庭资产660,001元,超过3人家庭上限660,000元' });
  });

  it('870,000 passes for 4 persons, 870,001 fails', () => {
    expect(rule({ ...four(), householdAssets: 870_000 }, 'assets')).toMatchObject({ outcome: 'pass', reason: '家庭资产870,000元,未超过4人家庭上限870,000元' });
    expect(rule({ ...four(), householdAssets: 870_001 }, 'assets').outcome).toBe('fail');
    expect(rule({ ...four(), householdAssets: 700_000 }, 'assets').outcome).toBe('pass');
  });

  it('needs review until assets are declared', () => {
    expect(rule(application({ householdAssets: null }), 'assets')).toMatchObject({ outcome: 'needs_review', reason: '家庭资产尚未申报' });
  });
});

describe('rule 4: social insurance', () => {
  const years = (y: number | null, qualification: 'bachelor' | null = null) => withMember(application(), 0, { socialInsuranceYears: y, qualification });

  it('3 years passes, less fails', () => {
    expect(rule(years(3), 'social_insurance')).toMatchObject({ outcome: 'pass', reason: '主申请人累计缴纳社保3年,达到3年的要求' });
    expect(rule(years(2.9), 'social_insurance')).toMatchObject({
      outcome: 'fail',
      reason: '主申请人累计缴纳社保2.9年,不足3年(具有本科学历或中级职称者为1年)',
    });
    expect(rule(years(0.5), 'social_insurance')).toMatchObject({ outcome: 'fail', reason: '主申请人累计缴纳社保0.5年,不足3年' });
  });

  it('1 year suffices with a bachelor degree, not less', () => {
    expect(rule(years(1, 'bachelor'), 'social_insurance')).toMatchObject({ outcome: 'pass', reason: '主申请人累计缴纳社保1年,具有本科学历,达到1年的要求' });
    expect(rule(years(0.9, 'bachelor'), 'social_insurance').outcome).toBe('fail');
  });

  it('shared ownership needs 5 years; missing record needs review', () => {
    expect(rule(years(4.9), 'social_insurance', SHARED).outcome).toBe('fail');
    expect(rule(years(5), 'social_insurance', SHARED).outcome).toBe('pass');
    expect(rule(years(null), 'social_insurance').outcome).toBe('needs_review');
  });
});

describe('rule 5: housing', () => {
  it('fails when a member owns housing in Shenzhen, needs review without the property search', () => {
    expect(rule(withMember(application(), 1, { ownsHousingInShenzhen: true }), 'housing')).toMatchObject({ outcome: 'fail', reason: '林芳在深圳市拥有住房' });
    expect(rule(withMember(application(), 1, { ownsHousingInShenzhen: null }), 'housing').outcome).toBe('needs_review');
  });

  it('shared ownership: sold exactly 5 years before passes, a day later fails', () => {
    const sold = (d: string) => withMember(application({ businessItem: 'shared_ownership' }), 0, { soldHousingOn: d });
    expect(rule(sold('2019-03-15'), 'housing', SHARED).outcome).toBe('pass');
    expect(rule(sold('2019-03-16'), 'housing', SHARED)).toMatchObject({ outcome: 'fail', reason: '陈明于2019-03-16出售深圳市住房,距申请日不满5年' });
    expect(rule(sold('2023-01-01'), 'housing', PR).outcome).toBe('pass');
  });
});

describe('rule 6: household composition', () => {
  it('a married applicant must apply with the spouse', () => {
    const app = application({ members: application().members.filter((m) => m.relation !== 'spouse') });
    expect(rule(app, 'household_composition')).toMatchObject({ outcome: 'fail', reason: '主申请人已婚,配偶须作为共同申请人' });
  });

  it('minor children must be in the household', () => {
    expect(rule(application({ minorChildren: 2 }), 'household_composition')).toMatchObject({
      outcome: 'fail',
      reason: '主申请人有未成年子女2名,家庭成员中仅1名,未成年子女须共同申请',
    });
    expect(rule(application({ minorChildren: null, maritalStatus: null }), 'household_composition').outcome).toBe('needs_review');
  });

  it('a co-applicant without hukou needs a residence permit held 1 year', () => {
    const permit = (since: string | null) => withMember(application(), 1, { hukou: 'other', residencePermitSince: since });
    expect(rule(permit('2023-03-15'), 'household_composition').outcome).toBe('pass');
    expect(rule(permit('2023-03-16'), 'household_composition')).toMatchObject({
      outcome: 'fail',
      reason: '共同申请人林芳居住证自2023-03-16起持有,不满1年',
    });
    expect(rule(permit(null), 'household_composition')).toMatchObject({ outcome: 'fail', reason: '共同申请人林芳无深圳户籍,且未持有深圳市居住证' });
  });
});

describe('rule 7: other benefits', () => {
  it('fails on an active benefit or a recent removal for violation', () => {
    const active = withMember(application(), 1, { otherBenefits: [{ name: '租赁补贴', active: true }] });
    expect(rule(active, 'other_benefits')).toMatchObject({ outcome: 'fail', reason: '林芳正在享受租赁补贴' });
    const removed = (d: string) => withMember(application(), 0, { removedForViolationOn: d });
    expect(rule(removed('2021-03-15'), 'other_benefits').outcome).toBe('pass');
    expect(rule(removed('2021-03-16'), 'other_benefits')).toMatchObject({
      outcome: 'fail',
      reason: '陈明于2021-03-16因违规被取消住房保障资格,未满3年',
    });
  });

  it('reports duplicate-benefit hits from the cross-check', () => {
    const hit = { officeId: 'o', caseId: 'case:9', businessItem: 'public_rental' as const, message: '该人员已作为主申请人在o享受或申请公共租赁住房(案件case:9)' };
    const e = evaluateApplication(application(), PR, { today, duplicates: new Map([['person:陈明', [hit]]]) });
    expect(e.results.find((r) => r.rule === 'other_benefits')).toMatchObject({ outcome: 'fail', reason: `陈明:${hit.message}` });
    expect(e.outcome).toBe('fail');
  });
});

describe('rule 8: identity documents', () => {
  it('a card is valid through its last day and expired the day after', () => {
    const card = (validTo: string) => withMember(application(), 0, { card: { ...application().members[0]!.card!, validTo } });
    expect(rule(card('2024-03-15'), 'identity_documents').outcome).toBe('pass');
    expect(rule(card('2024-03-14'), 'identity_documents')).toMatchObject({
      outcome: 'fail',
      reason: '陈明:身份证有效期至2024-03-14,于2024-03-15已过期,请申请人换领新证',
    });
  });

  it('fails on a wrong checksum or a gender that disagrees with the number', () => {
    const c = application().members[0]!.card!;
    const last = c.idNumber[17] === '0' ? '1' : '0';
    expect(rule(withMember(application(), 0, { card: { ...c, idNumber: c.idNumber.slice(0, 17) + last } }), 'identity_documents').outcome).toBe('fail');
    expect(rule(withMember(application(), 0, { card: { ...c, genderCode: '2' } }), 'identity_documents').reason).toContain('不一致');
  });

  it('a child under 16 is checked from the 户口簿 number', () => {
    const bad = withMember(application(), 2, { registerIdNumber: '440304201609090310' });
    const expected = application().members[2]!.registerIdNumber!;
    expect(bad.members[2]!.registerIdNumber).not.toBe(expected);
    expect(rule(bad, 'identity_documents').reason).toContain('陈小宝(户口簿):');
  });

  it('a member whose card was not read needs review', () => {
    const app = withMember(application(), 1, { card: null });
    expect(rule(app, 'identity_documents')).toMatchObject({ outcome: 'needs_review', reason: '林芳未读取身份证,请核验证件' });
  });
});
