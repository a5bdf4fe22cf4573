// The conflicts list survives a restart, and a person's choice of the value the merge set aside
// reaches every workstation and the audit trail.
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { readChain } from '../audit/audit-log';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => boolean | Promise<boolean>, ms = 25_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('conflicts a person chooses', () => {
  it('are kept across a restart; using the other value makes every side converge on it', async () => {
    const clerk = server.couch.users[0]!;
    const stamp = Date.now();
    const open = (name: string) =>
      openTestWorkstation({ dbName: name, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 300, collections: ['people', 'audit'] });
    let a: TestWorkstation = await open(`ka-${stamp}`);
    let b: TestWorkstation = await open(`kb-${stamp}`);
    const everywhere = async (expected: Record<string, string>) => {
      const onServer = await couchClient(server.couch.adminUrl).request<Record<string, unknown>>('GET', `/${officeDbName(clerk.officeId)}/${encodeURIComponent(person.id)}`);
      const local = await Promise.all([a, b].map(async (w) => (await w.db.people.findOne(person.id).exec())?.toJSON() as Record<string, unknown> | undefined));
      return [onServer, ...local].every((d) => Object.entries(expected).every(([k, v]) => d?.[k] === v));
    };
    const person = personDocs(clerk.officeId, `k${stamp}`, 1)[0]!;
    try {
      await insertInChunks(a.db, 'people', [person]);
      await waitFor(async () => !!(await b.db.people.findOne(person.id).exec()));
      await a.sync.awaitInSync();
      server.proxy.cut();
      await (await a.db.people.findOne(person.id).exec())!.incrementalPatch({ hukou: 'other', name: '甲 名', nameKey: '甲名', updatedAt: '2030-02-01T00:00:01.000Z' });
      await (await b.db.people.findOne(person.id).exec())!.incrementalPatch({ hukou: 'guangdong_other', name: '乙名', nameKey: '乙名', updatedAt: '2030-02-01T00:00:02.000Z' });
      server.proxy.restore();
      a.sync.syncNow();
      b.sync.syncNow();
      await waitFor(() => everywhere({ hukou: 'guangdong_other', name: '乙名', nameKey: '乙名' }));
      await waitFor(() => [a, b].some((w) => w.sync.conflicts.conflicts$.value.length > 0));

      // The workstation whose push merged the two versions holds the conflict.
      const holder = a.sync.conflicts.conflicts$.value.length > 0 ? 'a' : 'b';
      const name = holder === 'a' ? `ka-${stamp}` : `kb-${stamp}`;
      await (holder === 'a' ? a : b).close();
      const reopened = await open(name);
      if (holder === 'a') a = reopened;
      else b = reopened;
      const listed = reopened.sync.conflicts.conflicts$.value;
      expect([...listed].sort((x, y) => x.field.localeCompare(y.field))).toEqual([
        expect.objectContaining({ collection: 'people', docId: person.id, field: 'hukou', kept: 'guangdong_other', lost: 'other', resolution: null }),
        expect.objectContaining({ field: 'name', kept: '乙名', lost: '甲 名', resolution: null }),
        expect.objectContaining({ field: 'nameKey', kept: '乙名', lost: '甲名', resolution: null }),
      ]);

      // Using the other name brings its search key along and settles that conflict too.
      const key = (field: string) => listed.find((c) => c.field === field)!.key;
      await reopened.sync.conflicts.useOther(key('hukou'), reopened.ctx);
      await reopened.sync.conflicts.useOther(key('name'), reopened.ctx);
      await waitFor(() => everywhere({ hukou: 'other', name: '甲 名', nameKey: '甲名' }));
      const after = reopened.sync.conflicts.conflicts$.value;
      expect(after.every((c) => c.resolution?.choice === 'use_other' && c.resolution.by === clerk.name)).toBe(true);
      const audit = await readChain(reopened.db, reopened.ctx.deviceId);
      expect(audit.map((e) => [e.action, e.target, e.detail])).toContainEqual(['sync_conflict', person.id, { op: 'use_other', collection: 'people', field: 'hukou' }]);
    } finally {
      server.proxy.restore();
      await a.close();
      await b.close();
    }
  }, 90_000); // two workstations, a cut, a restart and two rounds of sync: on a loaded 3-node cluster this took longer than the default 30 s
});
