import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { readOfficeHealth, writeHealth } from './health';
import { authFetch } from './remote';
import { openTestWorkstation } from './test-workstation';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

describe('sync health documents', () => {
  it('a workstation reports per collection; the IT user of the office reads every workstation', async () => {
    const clerk = couch.users[0]!;
    const it_ = couch.users.find((u) => u.roles.includes('it'))!;
    const ws = await openTestWorkstation({ dbName: `h-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: clerk.name, password: clerk.password });
    try {
      await ws.sync.awaitInSync();
      for (let i = 0; i < 300 && !ws.sync.targets$.value.every((t) => t.pending === 0); i++) await new Promise((r) => setTimeout(r, 100));
      const f = authFetch(clerk.name, clerk.password, { report() {} });
      const o = { sync: ws.sync, couchUrl: couch.url, fetch: f, officeId: clerk.officeId, workstationId: 'ws-h1', userName: clerk.name };
      await writeHealth(o);
      await writeHealth(o); // an update of the same document
      const seen = await readOfficeHealth(couch.url, authFetch(it_.name, it_.password, { report() {} }), clerk.officeId);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.targets.map((t) => t.collection).sort()).toEqual(['cases', 'events', 'people']);
      expect(seen[0]!.targets.every((t) => t.lastSuccessAt !== null && t.error === null)).toBe(true);
      expect(seen[0]!.targets.map((t) => t.pending)).toEqual([0, 0, 0]);
      expect(seen[0]!.openConflicts).toBe(0);
    } finally {
      await ws.close();
    }
  });
});
