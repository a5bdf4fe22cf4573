// A district supervisor's published override reaches the server and a counter's workstation, whose
// eligibility check then uses it; the server refuses an override from anyone but a district
// reviewer of the district, and a workstation ignores one whose signature does not check.
import { describe, expect, it } from 'vitest';
import { REFERENCE_DB } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { openTestWorkstation, type TestWorkstation } from '../sync/test-workstation';
import { loadPolicy, publishDraft } from './policy-store';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 150));
  }
}

const put = (name: string, password: string, doc: Record<string, unknown>) =>
  fetch(`${server.couch.url}/${REFERENCE_DB}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(`${name}:${password}`)}` },
    body: JSON.stringify(doc),
  });

describe('publishing a district policy override', () => {
  it('syncs the signed override to the clerks of the district, whose checks use it; the server refuses others', async () => {
    const drev = server.couch.users.find((u) => u.roles.includes('district_reviewer'))!;
    const clerk = server.couch.users.find((u) => u.roles.includes('clerk'))!;
    const reviewer = server.couch.users.find((u) => u.roles.includes('reviewer'))!;
    const open = (name: string, u: typeof drev) =>
      openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: u.name, password: u.password, retryTimeMs: 300, collections: ['reference'] });
    const supWs: TestWorkstation = await open('policy-sup', drev);
    const clerkWs: TestWorkstation = await open('policy-clerk', clerk);
    try {
      const district = supWs.ctx.user.districtId;
      expect(clerkWs.ctx.user.districtId).toBe(district);
      const today = new Date().toISOString().slice(0, 10);
      expect((await loadPolicy(clerkWs.db, 'public_rental', district, today)).policy.thresholds.incomePerCapitaMax).toBe(54_000);

      const doc = await publishDraft(supWs.ctx, 'public_rental', { thresholds: { incomePerCapitaMax: 47_000 }, rulesOff: ['social_insurance'], rulesOn: [] }, '测试通知');
      const admin = couchClient(server.couch.adminUrl);
      await waitFor(async () => !!(await admin.getOrUndefined(`/${REFERENCE_DB}/${encodeURIComponent(doc.id)}`)));
      await waitFor(async () => (await loadPolicy(clerkWs.db, 'public_rental', district, today)).policy.thresholds.incomePerCapitaMax === 47_000);
      expect((await loadPolicy(clerkWs.db, 'public_rental', district, today)).policy.rulesOff).toEqual(['social_insurance']);
      expect(supWs.sync.status$.value.problems).toEqual([]);

      // The server: a street reviewer, a clerk, or the supervisor changing what was published.
      const { id, ...body } = doc;
      const forged = { ...body, _id: `rule_thresholds:public_rental:${district}:2030-01-01T00:00:00.000Z`, at: '2030-01-01T00:00:00.000Z', actor: { ...doc.actor!, userId: reviewer.name } };
      const byReviewer = await put(reviewer.name, reviewer.password, forged);
      expect(byReviewer.status).toBe(403);
      expect(((await byReviewer.json()) as { reason: string }).reason).toBe('只有本区的区复审人员可以发布本区的准入政策调整');
      expect((await put(clerk.name, clerk.password, { ...forged, actor: { ...doc.actor!, userId: clerk.name } })).status).toBe(403);
      const stored = (await admin.getOrUndefined(`/${REFERENCE_DB}/${encodeURIComponent(id)}`)) as Record<string, unknown>;
      const changed = await put(drev.name, drev.password, { ...stored, thresholds: { incomePerCapitaMax: 10_000 } });
      expect(changed.status).toBe(403);
      expect(((await changed.json()) as { reason: string }).reason).toBe('准入政策调整发布后不能修改或删除,请发布新的调整');

      // Written past the server's check (by an administrator) with figures the signature does not cover: not applied.
      const later = '2099-01-01T00:00:00.000Z';
      await admin.request('PUT', `/${REFERENCE_DB}/${encodeURIComponent(`rule_thresholds:public_rental:${district}:${later}`)}`, { ...body, _id: `rule_thresholds:public_rental:${district}:${later}`, at: later, thresholds: { incomePerCapitaMax: 1_000 } });
      await waitFor(async () => (await clerkWs.db.reference.find({ selector: { type: 'rule_thresholds', at: later } }).exec()).length > 0);
      expect((await loadPolicy(clerkWs.db, 'public_rental', district, today)).policy.thresholds.incomePerCapitaMax).toBe(47_000);
    } finally {
      await supWs.close();
      await clerkWs.close();
    }
    // Three deliveries through the server, each given up to 30 s: on a loaded 3-node cluster the
    // whole took more than the default 30 s (CI).
  }, 120_000);
});
