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

describe('every rule gives its reason in English', () => {
  const today = new Date('2026-11-28T12:00:00+08:00');
  const base = application();
  // Households that pass, and that fail or need a review on each rule's branches in turn.
  const cases: [string, ReturnType<typeof application>, { duplicates?: Map<string, { officeId: string; officeName: string; caseId: string; businessItem: 'public_rental'; message: string; messageEn: string }[]> }?][] = [
    ['passes', base],
    ['owns housing, sold recently', withMember(withMember(base, 0, { ownsHousingInShenzhen: true }), 1, { soldHousingOn: '2023-12-01' })],
    ['property search pending', withMember(base, 1, { ownsHousingInShenzhen: null })],
    ['marital status unknown', application({ maritalStatus: null, minorChildren: null })],
    ['married without the spouse, a minor left out', application({ members: [base.members[0]!], minorChildren: 2 })],
    ['co-applicants without hukou or permit', withMember(withMember(base, 1, { hukou: 'other', residencePermitSince: null }), 2, { hukou: 'unknown' })],
    ['a permit held too shortly', withMember(base, 1, { hukou: 'other', residencePermitSince: '2024-01-01' })],
    ['another benefit, a violation, a duplicate', withMember(withMember(base, 0, { otherBenefits: [{ name: '人才住房', active: true }], removedForViolationOn: '2023-01-01' }), 1, {})],
    ['card expired, not yet valid, unreadable, wrong gender and birth date', withMember(withMember(base, 0, { card: { ...base.members[0]!.card!, validTo: '2020-01-01', genderCode: '2' } }), 1, { birthDate: '1990-02-11', card: { ...base.members[1]!.card!, validFrom: '2030-01-01' } })],
    ['card validity missing, no card read, a bad register number', withMember(withMember(base, 0, { card: { ...base.members[0]!.card!, validTo: '' } }), 2, { registerIdNumber: '44030420160909031X', card: null })],
    ['an adult without a card', withMember(base, 1, { card: null })],
    ['a card validity that cannot be read', withMember(base, 0, { card: { ...base.members[0]!.card!, validTo: '' } })],
    ['an adult without a card, the same number twice', withMember(withMember(base, 1, { card: null }), 2, { registerIdNumber: base.members[0]!.card!.idNumber, birthDate: '2016-09-09' })],
    ['no incomes or assets declared, no insurance record', withMember(application({ householdAssets: null }), 0, { incomes: null, socialInsuranceYears: null })],
  ];
  const hit = { officeId: 'futian-huafu', officeName: '福田区华富街道办事处', caseId: 'case:9', businessItem: 'public_rental' as const, message: '已在办', messageEn: 'already applied' };

  it.each(cases)('%s', (_, app) => {
    const duplicates = new Map([[app.members.at(-1)!.personId, [hit]]]);
    for (const context of [{ today }, { today, duplicates }]) {
      const { results } = evaluateApplication(app, t, context);
      const names = app.members.map((m) => m.name);
      for (const r of results) {
        expect(r.reasonEn, `${r.rule}: ${r.reason}`).toBeDefined();
        // Only data stays Chinese: people's names, an office's name, a benefit's name.
        let en = r.reasonEn!;
        for (const d of [...names, hit.officeName, '人才住房', '长期']) en = en.split(d).join('');
        expect(en, r.rule).not.toMatch(HAN);
      }
    }
  });

  it('covers failures and reviews of every rule (the list above reaches them)', () => {
    const seen = new Set<string>();
    for (const [, app] of cases) {
      const duplicates = new Map([[app.members.at(-1)!.personId, [hit]]]);
      for (const r of evaluateApplication(app, t, { today, duplicates }).results) seen.add(`${r.rule}:${r.outcome}`);
    }
    for (const rule of ['housing', 'household_composition', 'identity_documents']) for (const o of ['pass', 'fail', 'needs_review']) expect(seen, `${rule}:${o}`).toContain(`${rule}:${o}`);
    expect(seen).toContain('other_benefits:fail');
  });
});
