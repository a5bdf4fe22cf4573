// Browser side of bench/what-if-browser.ts: writes N seeded cases (households, people with sealed ID
// numbers) into this page's IndexedDB through the workstation's RxDB database, then times the
// what-if as the page runs it: reading the current cases from IndexedDB (in bulk, straight from the
// Dexie storage), opening the ID numbers, evaluating them under the policy in force, then a draft;
// and a second draft on what is prepared.
import { sealText } from '../domain/crypto/sealing';
import { prepareWhatIf, whatIfPrepared } from '../domain/policy/what-if';
import { policyInForce } from '../domain/policy/override';
import { DEFAULT_THRESHOLD_DOCS } from '../domain/rules/defaults';
import { generateCases, sealSeed } from '../domain/seed';
import { openWorkstationDb, type AnyDoc } from '../renderer/db/database';
import type { HouseholdDoc } from '../domain/model';
import type { WhatIfLoadTiming } from '../renderer/policy/policy-store';
import { WhatIfSnapshot } from '../renderer/policy/what-if-snapshot';

declare global {
  interface Window {
    runWhatIf: (n: number) => Promise<{
      setupMs: number;
      readMs: number;
      openMs: number;
      buildMs: number;
      evaluateMs: number;
      firstMs: number;
      nextMs: number;
      syncedHouseholds: number;
      againReadMs: number;
      againOpenBuildMs: number;
      againRefreshMs: number;
      againEvaluateMs: number;
      evaluated: number;
      changed: number;
    }>;
  }
}

const OFFICE = 'bench-office';
const TODAY = '2026-11-28';

window.runWhatIf = async (n) => {
  const t0 = performance.now();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const db = await openWorkstationDb({ name: `bench-whatif-${n}`, collections: ['cases', 'people'] });
  const CHUNK = 5_000;
  for (let from = 0; from < n; from += CHUNK) {
    const data = generateCases({ count: Math.min(CHUNK, n - from), officeId: OFFICE, seed: 1 + from });
    let h = 0;
    const sealed = await sealSeed(data, { encrypt: (clear) => sealText(key, clear), keyedHash: () => (h++).toString(16).padStart(64, '0') });
    // Every case current (accepted public rental): the what-if evaluates all N.
    const cases = sealed.cases.map((c, i) => ({ ...c, id: `case:${from + i}`, status: 'accepted', businessItem: 'public_rental' }));
    await db.cases.bulkInsert(cases as unknown as AnyDoc[]);
    await db.people.bulkInsert([...sealed.persons, ...sealed.households] as unknown as AnyDoc[]);
  }
  const setupMs = performance.now() - t0;
  const policy = policyInForce(DEFAULT_THRESHOLD_DOCS, 'public_rental', 'district:440304', TODAY);
  if (!policy.ok) throw new Error(policy.error.message);
  const draft = { thresholds: { incomePerCapitaMax: 48_000 }, rulesOff: ['social_insurance' as const], rulesOn: [] };
  const timing: WhatIfLoadTiming = { readMs: 0, openMs: 0, buildMs: 0 };
  const snapshot = new WhatIfSnapshot(db, [OFFICE], () => key, TODAY);
  const t1 = performance.now();
  const cases = await snapshot.cases$(null, timing);
  const t2 = performance.now();
  const prepared = prepareWhatIf(cases, policy.value.policy, TODAY);
  const report = whatIfPrepared(prepared, draft);
  const t3 = performance.now();
  whatIfPrepared(prepared, { ...draft, thresholds: { incomePerCapitaMax: 50_000 } });
  const t4 = performance.now();
  // Sync brings changes to 1 % of the households (incomes declared again); the page runs the draft
  // again: the snapshot reads and opens what changed, the policy in force is evaluated for those cases.
  const households = (await db.people.find({ selector: { type: 'household' } }).exec()).slice(0, Math.ceil(n / 100));
  await db.people.bulkUpsert(households.map((h) => {
    const d = h.toJSON() as unknown as HouseholdDoc;
    return { ...d, members: d.members.map((m) => ({ ...m, annualIncome: m.annualIncome === null ? 30_000 : m.annualIncome + 1_000 })) };
  }) as unknown as AnyDoc[]);
  const again: WhatIfLoadTiming = { readMs: 0, openMs: 0, buildMs: 0 };
  const t5 = performance.now();
  const changedCases = await snapshot.cases$(null, again);
  const t6 = performance.now();
  whatIfPrepared(prepareWhatIf(changedCases, policy.value.policy, TODAY, prepared), draft);
  const t7 = performance.now();
  snapshot.dispose();
  await db.remove();
  return {
    setupMs,
    ...timing,
    evaluateMs: t3 - t2,
    firstMs: t3 - t1,
    nextMs: t4 - t3,
    syncedHouseholds: households.length,
    againReadMs: again.readMs,
    againOpenBuildMs: again.openMs + again.buildMs,
    againRefreshMs: t6 - t5,
    againEvaluateMs: t7 - t6,
    evaluated: report.evaluated,
    changed: report.changed.length,
  };
};
