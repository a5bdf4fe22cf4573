// Browser side of bench/what-if-browser.ts: writes N seeded cases (households, people with sealed ID
// numbers) into this page's IndexedDB through the workstation's RxDB database, then times the
// what-if as the page runs it: reading the current cases from IndexedDB (in bulk, straight from the
// Dexie storage), opening the ID numbers, evaluating them under the policy in force, then a draft;
// and a second draft on what is prepared.
import { sealText } from '../domain/crypto/sealing';
import { whatIfPrepared } from '../domain/policy/what-if';
import { policyInForce } from '../domain/policy/override';
import { DEFAULT_THRESHOLD_DOCS } from '../domain/rules/defaults';
import { generateCases, sealSeed } from '../domain/seed';
import { openWorkstationDb, type AnyDoc } from '../renderer/db/database';
import type { HouseholdDoc } from '../domain/model';
import type { WhatIfLoadTiming } from '../renderer/policy/policy-store';
import { indexedDbSnapshotStore, WhatIfSnapshot } from '../renderer/policy/what-if-snapshot';

declare global {
  interface Window {
    runWhatIf: (n: number) => Promise<Record<string, number>>;
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
  const store = indexedDbSnapshotStore(indexedDB);
  // The margin before the checkpoint is 0 here: the bench's writes are seconds old (60 s in the page).
  const options = { store, name: `bench-whatif-${n}`, checkpointMarginMs: 0 };
  await store.delete(options.name);

  /** A session's first draft: the snapshot (kept or read), the policy in force, the draft. */
  const firstDraft = async () => {
    const timing: WhatIfLoadTiming = { readMs: 0, openMs: 0, buildMs: 0, restoreMs: 0 };
    const snapshot = new WhatIfSnapshot(db, [OFFICE], () => key, TODAY, options);
    const t1 = performance.now();
    const cases = await snapshot.cases$(null, timing);
    const t2 = performance.now();
    const prepared = await snapshot.prepare(null, policy.value.policy);
    const report = whatIfPrepared(prepared, draft);
    const t3 = performance.now();
    return { snapshot, timing, prepared, report, cases, totalMs: t3 - t1, evaluateMs: t3 - t2 };
  };
  /** Sync brings changes to 1 % of the households (incomes declared again). */
  const syncChanges = async (skip: number) => {
    const households = (await db.people.find({ selector: { type: 'household' } }).exec()).slice(skip, skip + Math.ceil(n / 100));
    await db.people.bulkUpsert(households.map((h) => {
      const d = h.toJSON() as unknown as HouseholdDoc;
      return { ...d, members: d.members.map((m) => ({ ...m, annualIncome: m.annualIncome === null ? 30_000 : m.annualIncome + 1_000 })) };
    }) as unknown as AnyDoc[]);
    return households.length;
  };

  // 1. The first draft ever on this workstation: everything read, opened, built and evaluated.
  let ever: Awaited<ReturnType<typeof firstDraft>> | null = await firstDraft();
  let t = performance.now();
  whatIfPrepared(ever.prepared, { ...draft, thresholds: { incomePerCapitaMax: 50_000 } });
  const nextMs = performance.now() - t;
  t = performance.now();
  await ever.snapshot.persist();
  const persistMs = performance.now() - t;
  const blobBytes = ((await store.get(options.name))?.parts ?? []).reduce((n, p) => n + p.body.byteLength, 0);
  ever.snapshot.dispose();
  // What the first session holds is let go, as a new session starts with nothing (the heap would hold both).
  const first = { timing: ever.timing, evaluateMs: ever.evaluateMs, totalMs: ever.totalMs, report: JSON.stringify(ever.report), evaluated: ever.report.evaluated, changed: ever.report.changed.length };
  ever = null;

  // 2. A new session, nothing changed since: the blob is taken.
  let kept: Awaited<ReturnType<typeof firstDraft>> | null = await firstDraft();
  if (kept.snapshot.origin?.from !== 'kept') throw new Error(`the blob was not taken: ${JSON.stringify(kept.snapshot.origin)}`);
  if (JSON.stringify(kept.report) !== first.report) throw new Error('the kept snapshot gives another report');
  kept.snapshot.dispose();
  const second = { totalMs: kept.totalMs, restoreMs: kept.timing.restoreMs ?? 0, readMs: kept.timing.readMs, evaluateMs: kept.evaluateMs };
  kept = null;

  // 3. Sync changes 1 % of the households between sessions: a new session takes the blob and reads what changed.
  const syncedHouseholds = await syncChanges(0);
  const changed = await firstDraft();
  if (changed.snapshot.origin?.from !== 'kept') throw new Error('the blob was not taken after changes');
  t = performance.now();
  await changed.snapshot.persist();
  const persistAgainMs = performance.now() - t;

  // 4. In the session, sync changes another 1 %: the draft again (the snapshot follows the change stream).
  await syncChanges(Math.ceil(n / 100));
  const again: WhatIfLoadTiming = { readMs: 0, openMs: 0, buildMs: 0 };
  t = performance.now();
  const preparedAgain = await changed.snapshot.prepare(null, policy.value.policy, again);
  const t6 = performance.now();
  whatIfPrepared(preparedAgain, draft);
  const t7 = performance.now();
  changed.snapshot.dispose();
  await store.delete(options.name);
  await db.remove();
  return {
    setupMs,
    readMs: first.timing.readMs,
    openMs: first.timing.openMs,
    buildMs: first.timing.buildMs,
    evaluateMs: first.evaluateMs,
    firstMs: first.totalMs,
    nextMs,
    persistMs,
    blobBytes,
    keptMs: second.totalMs,
    keptRestoreMs: second.restoreMs,
    keptReadMs: second.readMs,
    keptEvaluateMs: second.evaluateMs,
    syncedHouseholds,
    changedMs: changed.totalMs,
    changedRestoreMs: changed.timing.restoreMs ?? 0,
    changedReadMs: changed.timing.readMs,
    changedOpenBuildMs: changed.timing.openMs + changed.timing.buildMs,
    changedEvaluateMs: changed.evaluateMs,
    changedSince: changed.snapshot.origin?.changedSince ?? 0,
    persistAgainMs,
    againRefreshMs: t6 - t,
    againEvaluateMs: t7 - t6,
    evaluated: first.evaluated,
    changed: first.changed,
  };
};
