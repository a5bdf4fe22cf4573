// The English screens show a rule's reason in English: the income, asset, age/hukou and
// social-insurance rules give one with the same figures, and no Chinese but the names (data).
import { describe, expect, it } from 'vitest';
import type { Thresholds } from '../model/reference';
import { DEFAULT_THRESHOLD_DOCS } from './defaults';
import { evaluateApplication } from './evaluate';
import { application, withMember } from './fixtures.test-helpers';

const t = DEFAULT_THRESHOLD_DOCS.find((d) => d.businessItem === 'public_rental')!.thresholds as Thresholds;
const HAN = /\p{Script=Han}/u;

describe('rule reasons in English', () => {
  it('carry the figures of the Chinese reason, in English', () => {
    const app = withMember(withMember(application(), 0, { incomes: [{ kind: 'wage', annualAmount: 180_000 }], socialInsuranceYears: 1 }), 1, { incomes: [] });
    const results = evaluateApplication(app, t, { today: new Date('2026-11-28T12:00:00+08:00') }).results;
    const income = results.find((r) => r.rule === 'income')!;
    expect(income.reason).toContain('超过上限54,000元');
    expect(income.reasonEn).toBe('Per-capita disposable income CNY 60,000.00, above the limit of CNY 54,000'.replace('60,000.00', income.reason.match(/收入([\d,.]+)元/)![1]!));
    const insurance = results.find((r) => r.rule === 'social_insurance')!;
    expect(insurance.outcome).toBe('fail');
    expect(insurance.reasonEn).toMatch(/^Main applicant insured 1 years, fewer than the 3 required/);
    for (const r of results.filter((x) => ['income', 'assets', 'social_insurance'].includes(x.rule))) expect(HAN.test(r.reasonEn ?? '中'), r.rule).toBe(false);
    const age = results.find((r) => r.rule === 'applicant_age_hukou')!;
    const name = app.members[0]!.name;
    expect(age.reasonEn?.replace(name, '')).not.toMatch(HAN);
  });
});
