import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD_DOCS } from '../rules/defaults';
import { application, withMember } from '../rules/fixtures.test-helpers';
import type { Thresholds } from '../model/reference';
import { applyDraft, whatIf, type Policy, type WhatIfCase } from './what-if';

const publicRental = DEFAULT_THRESHOLD_DOCS.find((d) => d.businessItem === 'public_rental')!.thresholds as Thresholds;
const current: Policy = { thresholds: publicRental, rulesOff: [] };
const TODAY = '2026-11-28';

// Three households of three: per-capita income 40,000 (passes 54,000), 50,000 (passes), 60,000 (fails).
const perCapita = (caseId: string, streetId: string, income: number): WhatIfCase => {
  const base = application();
  const app = withMember(withMember(base, 0, { incomes: [{ kind: 'wage', annualAmount: income * 3 }] }), 1, { incomes: [] });
  return { caseId, streetId, applicantName: caseId, application: app };
};
const cases = [perCapita('a', 'street:huafu', 40_000), perCapita('b', 'street:huafu', 50_000), perCapita('c', 'street:lianhua', 60_000)];

describe('policy what-if', () => {
  it('changes nothing for a draft that changes nothing', () => {
    const report = whatIf(cases, current, { thresholds: {}, rulesOff: [], rulesOn: [] }, TODAY);
    expect(report.evaluated).toBe(3);
    expect(report.changed).toEqual([]);
  });

  it('lists the cases a lower income limit would fail, counted by street, with the rule and its new reason', () => {
    const report = whatIf(cases, current, { thresholds: { incomePerCapitaMax: 45_000 }, rulesOff: [], rulesOn: [] }, TODAY);
    expect(report.changed.map((c) => [c.caseId, c.before, c.after])).toEqual([['b', 'pass', 'fail']]);
    expect(report.changed[0]!.rules).toEqual([{ rule: 'income', before: 'pass', after: 'fail', reason: expect.stringContaining('超过上限45,000'), reasonEn: expect.stringContaining('above the limit of CNY 45,000') }]);
    expect(report.byStreet['street:huafu']).toEqual({ evaluated: 2, changed: 1, to: { pass: 0, needs_review: 0, fail: 1 } });
    expect(report.byStreet['street:lianhua']).toEqual({ evaluated: 1, changed: 0, to: { pass: 0, needs_review: 0, fail: 0 } });
  });

  it('passes a case whose only failing rule a draft switches off, and switches it back on', () => {
    const off = whatIf(cases, current, { thresholds: {}, rulesOff: ['income'], rulesOn: [] }, TODAY);
    expect(off.changed.map((c) => [c.caseId, c.after, c.rules[0]!.after])).toEqual([['c', 'pass', 'off']]);
    const withOff: Policy = applyDraft(current, { thresholds: {}, rulesOff: ['income'], rulesOn: [] });
    const on = whatIf(cases, withOff, { thresholds: {}, rulesOff: [], rulesOn: ['income'] }, TODAY);
    expect(on.changed.map((c) => [c.caseId, c.before, c.after])).toEqual([['c', 'pass', 'fail']]);
  });
});

describe('re-evaluating only what a draft touches', () => {
  it('gives, threshold by threshold, the report of evaluating everything again', async () => {
    const { evaluateApplication } = await import('../rules/evaluate');
    const { worst } = await import('../rules/result');
    const { DEFAULT_THRESHOLD_DOCS: docs } = await import('../rules/defaults');
    const shared = docs.find((d) => d.businessItem === 'shared_ownership')!.thresholds as Thresholds;
    // Households that sit near every limit: incomes, assets, insurance years, hukou, housing sold.
    const mixed: WhatIfCase[] = [40_000, 50_000, 60_000].flatMap((income, i) =>
      [1, 3, 6].map((years, j) => {
        const base = perCapita(`m${i}${j}`, 'street:x', income);
        const app = withMember({ ...base.application, householdAssets: 500_000 + 150_000 * j }, 0, { socialInsuranceYears: years, hukou: j === 2 ? 'other' : 'shenzhen', soldHousingOn: j === 1 ? '2023-05-01' : null });
        return { ...base, application: app };
      }),
    );
    const drafts: Partial<Thresholds>[] = (Object.keys(publicRental) as (keyof Thresholds)[]).map((k) => ({ [k]: shared[k] ?? publicRental[k] }));
    drafts.push({ incomePerCapitaMax: 45_000 }, { assetLimits: [{ maxPersons: null, limit: 600_000 }] }, { socialInsuranceYears: 5 }, { requireHukou: false }, { minApplicantAge: 40 });
    const today = new Date(`${TODAY}T12:00:00+08:00`);
    let changes = 0;
    for (const thresholds of drafts) {
      const report = whatIf(mixed, current, { thresholds, rulesOff: [], rulesOn: [] }, TODAY);
      const full = mixed.flatMap((c) => {
        const a = worst(evaluateApplication(c.application, current.thresholds, { today }).results.map((r) => r.outcome));
        const b = worst(evaluateApplication(c.application, { ...current.thresholds, ...thresholds }, { today }).results.map((r) => r.outcome));
        return a === b ? [] : [[c.caseId, a, b]];
      });
      expect(report.changed.map((c) => [c.caseId, c.before, c.after]), JSON.stringify(thresholds)).toEqual(full);
      changes += full.length;
    }
    // The drafts do move cases (the comparison is not between two empty lists).
    expect(changes).toBeGreaterThan(5);
  });
});

describe('the report from the outcomes kept under the policy in force', () => {
  it('is, for random drafts (thresholds, rules off and back on), what evaluating every rule again gives, reasons included', async () => {
    const { evaluateApplication } = await import('../rules/evaluate');
    const { RULE_IDS, worst } = await import('../rules/result');
    const { createRng } = await import('../seed/prng');
    const rng = createRng(14);
    const mixed: WhatIfCase[] = Array.from({ length: 40 }, (_, k) => {
      const base = perCapita(`r${k}`, `street:${k % 3}`, rng.int(30_000, 70_000));
      const app = withMember({ ...base.application, householdAssets: rng.int(300_000, 900_000) }, 0, { socialInsuranceYears: rng.int(0, 8), hukou: rng.chance(0.2) ? 'other' : 'shenzhen', soldHousingOn: rng.chance(0.2) ? '2023-05-01' : null });
      return { ...base, application: app };
    });
    const today = new Date(`${TODAY}T12:00:00+08:00`);
    let changes = 0;
    for (let d = 0; d < 60; d++) {
      const from: Policy = { thresholds: { ...publicRental, incomePerCapitaMax: rng.int(40, 60) * 1_000 }, rulesOff: RULE_IDS.filter(() => rng.chance(0.15)) };
      const draft = {
        thresholds: { incomePerCapitaMax: rng.int(40, 60) * 1_000, ...(rng.chance(0.5) ? { socialInsuranceYears: rng.int(1, 6) } : {}), ...(rng.chance(0.3) ? { assetLimits: [{ maxPersons: null, limit: rng.int(4, 8) * 100_000 }] } : {}), ...(rng.chance(0.2) ? { requireHukou: false } : {}) },
        rulesOff: RULE_IDS.filter(() => rng.chance(0.15)),
        rulesOn: from.rulesOff.filter(() => rng.chance(0.5)),
      };
      const next = applyDraft(from, draft);
      const report = whatIf(mixed, from, draft, TODAY);
      const full = mixed.flatMap((c) => {
        const before = evaluateApplication(c.application, from.thresholds, { today }).results;
        const after = evaluateApplication(c.application, next.thresholds, { today }).results;
        const a = worst(before.filter((r) => !from.rulesOff.includes(r.rule)).map((r) => r.outcome));
        const b = worst(after.filter((r) => !next.rulesOff.includes(r.rule)).map((r) => r.outcome));
        if (a === b) return [];
        const rules = after.flatMap((r, i) => {
          const was = from.rulesOff.includes(r.rule) ? 'off' : before[i]!.outcome;
          const now = next.rulesOff.includes(r.rule) ? 'off' : r.outcome;
          return was === now ? [] : [{ rule: r.rule, before: was, after: now, reason: now === 'off' ? '' : r.reason, ...(now !== 'off' && r.reasonEn !== undefined ? { reasonEn: r.reasonEn } : {}) }];
        });
        return [{ caseId: c.caseId, streetId: c.streetId, applicantName: c.applicantName, before: a, after: b, rules }];
      });
      expect(report.changed, JSON.stringify(draft)).toEqual(full);
      changes += full.length;
    }
    expect(changes).toBeGreaterThan(50);
  });
});
