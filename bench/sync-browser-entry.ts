// Bundled for headless Chromium by bench/sync-pull-browser.ts: a fresh workstation database (real
// IndexedDB) that pulls an office's people with the real sync module.
import { openWorkstationDb } from '../renderer/db/database';
import { officeSyncPlan, startSync } from '../renderer/sync/sync';

declare global {
  interface Window {
    runPull(couchUrl: string, user: string, password: string, officeId: string, expected: number): Promise<{ ms: number; count: number }>;
  }
}

window.runPull = async (couchUrl, user, password, officeId, expected) => {
  const db = await openWorkstationDb({ name: `pull-${Date.now()}`, collections: ['people'] });
  const t0 = performance.now();
  const sync = await startSync({ db, couchUrl, username: user, password, targets: officeSyncPlan(officeId, ['people']) });
  let count = 0;
  while (count < expected && performance.now() - t0 < 600_000) {
    await new Promise((r) => setTimeout(r, 250));
    count = await db.people.count().exec();
  }
  const ms = performance.now() - t0;
  await sync.stop();
  await db.remove();
  return { ms, count };
};
