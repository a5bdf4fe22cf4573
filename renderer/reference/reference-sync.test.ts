// Reference data IT edits reaches every workstation: IT adds 2027's National Day on theirs, it is
// pushed to the reference database, and a clerk's workstation counts deadlines with it. Only IT's
// workstation pushes reference records, and only the kinds IT edits.
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../domain/deadlines';
import { REFERENCE_DB } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { userSyncPlan } from '../sync/sync';
import { openTestWorkstation, type TestWorkstation } from '../sync/test-workstation';
import { addCalendarEntry, loadHolidayCalendar } from './reference-store';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('reference data edited by IT', () => {
  it('reaches a clerk’s workstation, whose deadline calendar then has the new day off', async () => {
    const it = server.couch.users.find((u) => u.roles.includes('it'))!;
    const clerk = server.couch.users.find((u) => u.roles.includes('clerk'))!;
    const open = (name: string, u: typeof it) =>
      openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: u.name, password: u.password, retryTimeMs: 300, collections: ['reference'] });
    const itWs: TestWorkstation = await open('ref-it', it);
    const clerkWs: TestWorkstation = await open('ref-clerk', clerk);
    try {
      expect(isWorkingDay('2027-10-04', await loadHolidayCalendar(clerkWs.db))).toBe(true);
      const doc = await addCalendarEntry({ db: itWs.db, user: itWs.ctx.user }, { date: '2027-10-04', kind: 'holiday', name: '国庆节' });
      const admin = couchClient(server.couch.adminUrl);
      await waitFor(async () => !!(await admin.getOrUndefined(`/${REFERENCE_DB}/${encodeURIComponent(doc.id)}`)));
      await waitFor(async () => !isWorkingDay('2027-10-04', await loadHolidayCalendar(clerkWs.db)));
      // A workstation that started offline reads changes through the design filter (it could not
      // ask the server for `_selector`): the reference database answers that too.
      const res = await fetch(`${server.couch.url}/${REFERENCE_DB}/_changes?filter=hws/by_type&types=holiday_calendar`, {
        headers: { authorization: `Basic ${btoa(`${clerk.name}:${clerk.password}`)}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id)).toContain(doc.id);
      // Central reference records without a business item (staff keys, offices) are taken, never
      // listed as malformed: the IT key registered on its own workstation reaches the clerk's.
      await waitFor(async () => (await clerkWs.db.collections.reference.find({ selector: { type: 'staff_key', name: it.name } }).exec()).length > 0);
      // The city platform's allocation result, as the bridge writes it, reaches the workstation too.
      const now = new Date().toISOString();
      await admin.request('PUT', `/${REFERENCE_DB}/allocation_result:c-1`, {
        type: 'allocation_result', schemaVersion: 1, officeId: 'city', createdAt: now, updatedAt: now,
        caseId: 'case:c-1', unitId: 'unit:a-0102', districtId: 'district:440304', businessItem: 'public_rental', round: '2026年第4批', source: '城市平台',
      });
      await waitFor(async () => !!(await clerkWs.db.collections.reference.findOne('allocation_result:c-1').exec()));
      expect(clerkWs.sync.status$.value.problems.filter((p) => p.kind === 'malformed')).toEqual([]);
    } finally {
      await itWs.close();
      await clerkWs.close();
    }
  });

  it('is pushed from IT’s workstation only, and only the kinds IT edits', () => {
    const target = (roles: string[]) => userSyncPlan({ officeId: 'o1', roles }, ['o1'], ['cases', 'reference']).find((t) => t.collection === 'reference')!;
    expect(target(['clerk']).push).toBe(false);
    expect(target(['reviewer']).push).toBe(false);
    const it = target(['it']);
    expect(it.push).toBe(true);
    expect(it.accepts?.({ type: 'holiday_calendar' })).toBe(true);
    expect(it.accepts?.({ type: 'reason_code' })).toBe(true);
    expect(it.accepts?.({ type: 'staff_key' })).toBe(false);
    expect(it.accepts?.({ type: 'office' })).toBe(false);
  });
});
