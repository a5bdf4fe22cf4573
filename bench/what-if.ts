// Policy what-if over 100,000 cases (target ≤ 5 s): a district draft lowering the income limit and
// switching the social-insurance rule off, evaluated against the policy in force. Baseline in the
// same process: one plain evaluation of every case under the policy in force (what the draft's
// report costs beyond evaluating the cases at all). Households are generated with a seeded PRNG:
// 1–5 members, incomes and assets spread around the limits, some undeclared.
import { checkCharacter } from '../domain/identity/idnumber';
import type { Thresholds } from '../domain/model/reference';
import { prepareWhatIf, whatIfPrepared, type WhatIfCase } from '../domain/policy/what-if';
import type { Application, ApplicationMember } from '../domain/rules/application';
import { DEFAULT_THRESHOLD_DOCS } from '../domain/rules/defaults';
import { evaluateApplication } from '../domain/rules/evaluate';
import { createRng } from '../domain/seed/prng';

const N = Number(process.env.HWS_BENCH_CASES ?? 100_000);
const RUNS = 5;
const rng = createRng(20261128);
const STREETS = Array.from({ length: 10 }, (_, i) => `street:440304-${i}`);

function person(i: number, relation: ApplicationMember['relation'], birth: string): ApplicationMember {
  const first17 = `440304${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  const idNumber = first17 + checkCharacter(first17);
  return {
    personId: `p${i}`,
    name: `成员${i}`,
    relation,
    birthDate: birth,
    hukou: rng.chance(0.85) ? 'shenzhen' : 'other',
    residencePermitSince: null,
    incomes: rng.chance(0.03) ? null : [{ kind: 'wage', annualAmount: Math.max(0, Math.round(rng.normal(52_000, 20_000))) }],
    socialInsuranceYears: rng.int(0, 12),
    qualification: null,
    ownsHousingInShenzhen: rng.chance(0.05),
    soldHousingOn: null,
    otherBenefits: [],
    removedForViolationOn: null,
    card: { idNumber, genderCode: '1', birthDate: birth, validFrom: '2020-01-01', validTo: '长期' },
    registerIdNumber: null,
  };
}

function cases(): WhatIfCase[] {
  return Array.from({ length: N }, (_, k) => {
    const size = rng.int(1, 5);
    const members = Array.from({ length: size }, (_, j) =>
      person(k * 5 + j, j === 0 ? 'applicant' : j === 1 ? 'spouse' : 'other', `${rng.int(1960, 2000)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`),
    );
    const application: Application = {
      businessItem: 'public_rental',
      districtId: 'district:440304',
      applicationDate: '2026-10-01',
      maritalStatus: size > 1 ? 'married' : 'single',
      minorChildren: 0,
      householdAssets: rng.chance(0.02) ? null : Math.round(rng.normal(500_000, 250_000)),
      members,
    };
    return { caseId: `case:${k}`, streetId: rng.pick(STREETS), applicantName: members[0]!.name, application };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const all = cases();
const thresholds = DEFAULT_THRESHOLD_DOCS.find((d) => d.businessItem === 'public_rental')!.thresholds as Thresholds;
const today = new Date('2026-11-28T12:00:00+08:00');
const baseline: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
const current = { thresholds, rulesOff: [] };
const draft = { thresholds: { incomePerCapitaMax: 48_000 }, rulesOff: ['social_insurance' as const], rulesOn: [] };
let changed = 0;
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  for (const c of all) evaluateApplication(c.application, thresholds, { today });
  baseline.push(performance.now() - t);
  // Cold: the supervisor opens the what-if (every case evaluated under the policy in force) and
  // asks about a draft; warm: the next draft, the policy in force already evaluated.
  t = performance.now();
  const prepared = prepareWhatIf(all, current, '2026-11-28');
  changed = whatIfPrepared(prepared, draft).changed.length;
  cold.push(performance.now() - t);
  t = performance.now();
  whatIfPrepared(prepared, { ...draft, thresholds: { incomePerCapitaMax: 50_000 } });
  warm.push(performance.now() - t);
}
const b = median(baseline);
console.log(`what-if over ${N.toLocaleString('en')} cases (Node ${process.version}, median of ${RUNS}):`);
console.log(`  first draft (policy in force evaluated too)  ${median(cold).toFixed(0)} ms   (target ≤ 5,000 ms)   cases that change: ${changed}`);
console.log(`  next draft                                    ${median(warm).toFixed(0)} ms`);
console.log(`  baseline: one plain evaluation of every case  ${b.toFixed(0)} ms   ratios ${(median(cold) / b).toFixed(2)} / ${(median(warm) / b).toFixed(2)}`);
