// A district reviewer's workstation replicates every street database of the district into one
// local database, and each record it writes goes back to its own street's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch, type TestCouch } from '../../sync-server/testing';
import { createCase } from '../cases/case-store';
import { openTestWorkstation } from './test-workstation';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

const validCase = (name: string, n: number) => {
  const first17 = `44030419850101${String(n).padStart(3, '0')}`;
  const r = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: first17 + checkCharacter(first17) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

async function waitFor<T>(probe: () => Promise<T | null | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('district reviewer sync plan', () => {
  it('sees the cases of every street of the district and writes each back to its street', async () => {
    const [clerkA, clerkB] = couch.users;
    const drev = couch.users.find((u) => u.roles.includes('district_reviewer'))!;
    const open = (dbName: string, u: typeof drev) =>
      openTestWorkstation({ dbName, couchUrl: couch.url, accountUrl: couch.url, username: u.name, password: u.password, retryTimeMs: 300 });
    const a = await open(`da-${Date.now()}`, clerkA!);
    const b = await open(`db-${Date.now()}`, clerkB!);
    const d = await open(`dd-${Date.now()}`, drev);
    try {
      const ca = await createCase(a.ctx, validCase('街道甲申请人', 301));
      const cb = await createCase(b.ctx, validCase('街道乙申请人', 302));
      await waitFor(() => d.db.cases.findOne(ca.id).exec());
      await waitFor(() => d.db.cases.findOne(cb.id).exec());
      // An edit of B's case, written on the district workstation, lands in B's database only.
      const caseB = (await d.db.cases.findOne(cb.id).exec())!;
      await caseB.incrementalPatch({ updatedAt: new Date().toISOString() });
      const admin = couchClient(couch.adminUrl);
      const inB = await waitFor(() =>
        admin.request<{ updatedAt: string }>('GET', `/${officeDbName(clerkB!.officeId)}/${encodeURIComponent(cb.id)}`).then((doc) => (doc.updatedAt === caseB.get('updatedAt') ? doc : undefined), () => undefined),
      );
      expect(inB).toBeTruthy();
      const inA = await admin.getOrUndefined(`/${officeDbName(clerkA!.officeId)}/${encodeURIComponent(cb.id)}`);
      expect(inA).toBeUndefined();
      expect(d.sync.status$.value.problems).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await d.close();
    }
  });

  it('never lets a record of one street replace the record of another street held under the same id: the district edits the one it holds, in its own street', async () => {
    // Two streets seeded with one seed held the same tenant under the same ids (case:1-000011);
    // the district workstation took whichever street's copy came last, and its hand-back then
    // ended the tenancy in the other street's database while this street's stayed current.
    const [clerkA, clerkB] = couch.users;
    const drev = couch.users.find((u) => u.roles.includes('district_reviewer'))!;
    const admin = couchClient(couch.adminUrl);
    const [dbA, dbB] = [officeDbName(clerkA!.officeId), officeDbName(clerkB!.officeId)];
    const a = await openTestWorkstation({ dbName: `ca-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: clerkA!.name, password: clerkA!.password, retryTimeMs: 300 });
    const d = await openTestWorkstation({ dbName: `cd-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: drev.name, password: drev.password, retryTimeMs: 300 });
    try {
      const ca = await createCase(a.ctx, validCase('同号甲', 303));
      await waitFor(() => d.db.cases.findOne(ca.id).exec());
      // Street B's database then holds another office's record under that id.
      const { _rev: _r, ...inA } = await admin.request<Record<string, unknown>>('GET', `/${dbA}/${encodeURIComponent(ca.id)}`);
      const twin = await admin.request<{ rev: string }>('PUT', `/${dbB}/${encodeURIComponent(ca.id)}`, { ...inA, officeId: clerkB!.officeId, applicantName: '同号乙', updatedAt: new Date().toISOString() });
      // Either the district reports the clash, or (the defect) it takes B's record in place of A's.
      const problem = () => d.sync.status$.value.problems.find((p) => p.id === ca.id);
      await waitFor(async () => problem() ?? (await d.db.cases.findOne(ca.id).exec())?.get('officeId') !== clerkA!.officeId);
      const held = (await d.db.cases.findOne(ca.id).exec())!;
      expect(held.get('officeId')).toBe(clerkA!.officeId);
      expect(problem()).toMatchObject({ kind: 'malformed', collection: 'cases' });
      expect(problem()!.reason).toContain(clerkA!.officeId);
      expect(held.get('applicantName')).toBe('同号甲');
      // The district's edit of the record it holds goes to street A; street B's record is untouched.
      const edited = new Date(Date.now() + 1000).toISOString();
      await held.incrementalPatch({ updatedAt: edited });
      await waitFor(() => admin.request<{ updatedAt: string }>('GET', `/${dbA}/${encodeURIComponent(ca.id)}`).then((doc) => doc.updatedAt === edited));
      await d.sync.awaitInSync();
      expect((await admin.request<{ _rev: string; applicantName: string }>('GET', `/${dbB}/${encodeURIComponent(ca.id)}`))).toMatchObject({ _rev: twin.rev, applicantName: '同号乙' });
      expect((await d.db.cases.findOne(ca.id).exec())!.get('officeId')).toBe(clerkA!.officeId);
    } finally {
      await a.close();
      await d.close();
    }
  });
});
