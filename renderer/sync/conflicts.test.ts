// Two workstations edit the same person while cut off. On reconnection the edits are merged field
// by field (domain/sync/merge.ts): both sides and the server end with the same document, and the
// value that lost a same-field race is listed for a person to review.
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('conflicting edits of a person', () => {
  it('merge field by field; the later writer wins a same-field race and the loser is listed', async () => {
    // Two workstations of the same office (one clerk signed in on both).
    const clerk1 = server.couch.users[0]!;
    const open = (n: string, u: typeof clerk1) =>
      openTestWorkstation({ dbName: `${n}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: u.name, password: u.password, retryTimeMs: 300, collections: ['people'] });
    const a: TestWorkstation = await open('ca', clerk1);
    const b: TestWorkstation = await open('cb', clerk1);
    try {
      const [person] = personDocs(clerk1.officeId, `c${Date.now()}`, 1);
      await insertInChunks(a.db, 'people', [person!]);
      // Normally a fraction of a second; a loaded 3-node cluster once took longer than 20 s.
      await waitFor(async () => !!(await b.db.people.findOne(person!.id).exec()), 60_000);
      await a.sync.awaitInSync();
      server.proxy.cut();
      await (await a.db.people.findOne(person!.id).exec())!.incrementalPatch({ name: '甲改的名字', hukou: 'other', updatedAt: '2030-01-01T00:00:01.000Z' });
      await (await b.db.people.findOne(person!.id).exec())!.incrementalPatch({ nameKey: 'b-key', hukou: 'guangdong_other', updatedAt: '2030-01-01T00:00:02.000Z' });
      server.proxy.restore();
      a.sync.syncNow();
      b.sync.syncNow();
      const admin = couchClient(server.couch.adminUrl);
      const url = `/${officeDbName(clerk1.officeId)}/${encodeURIComponent(person!.id)}`;
      const expected = { name: '甲改的名字', nameKey: 'b-key', hukou: 'guangdong_other' };
      // Server, A and B: the three must end equal (a loaded 3-node cluster may take several rounds).
      const three = async () => {
        const s = await admin.request<Record<string, unknown>>('GET', url);
        const docs = [s, ...(await Promise.all([a, b].map(async (w) => (await w.db.people.findOne(person!.id).exec())!.toJSON() as Record<string, unknown>)))];
        return docs.map((d) => ({ name: d.name, nameKey: d.nameKey, hukou: d.hukou }));
      };
      // On a loaded 3-node cluster the merged revision once reached the server and one workstation
      // and not the other for over 60 s: the other's pull had read a shard copy that lagged behind
      // the write, and no later change woke it. The notifier wakes again after FOLLOW_UP_MS
      // (3 s, 10 s, 30 s; renderer/sync/lagging-copy.test.ts), with nobody pressing 同步.
      await waitFor(async () => {
        return (await three()).every((d) => d.name === expected.name && d.nameKey === expected.nameKey && d.hukou === expected.hukou);
      }, 90_000).catch(() => undefined);
      expect(await three()).toEqual([expected, expected, expected]);
      const listed = [...a.sync.status$.value.problems, ...b.sync.status$.value.problems].filter((p) => p.kind === 'conflict');
      expect(listed).toEqual([expect.objectContaining({ id: person!.id, field: 'hukou', kept: 'guangdong_other', lost: 'other' })]);
      const onServer = await admin.request<{ _conflicts?: string[] }>('GET', `${url}?conflicts=true`);
      expect(onServer._conflicts).toBeUndefined();
    } finally {
      server.proxy.restore();
      await a.close();
      await b.close();
    }
  }, 180_000);
});
