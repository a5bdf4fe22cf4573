// A conflict the server stores itself (a CouchDB cluster accepted two pushes of the same person at
// once, on different copies of its shard) is merged by the next pull: both edits kept, the value
// that lost a same-field race listed, and the server left with one leaf.
import { describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { commonAncestor } from './stored-conflicts';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a conflict stored on the server', () => {
  it('is merged on the next pull: both edits kept, the later same-field value shown, the other listed, one leaf left', async () => {
    const clerk1 = server.couch.users[0]!;
    const w = await openTestWorkstation({
      dbName: `sc-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url,
      username: clerk1.name, password: clerk1.password, retryTimeMs: 300, collections: ['people'],
    });
    try {
      const [person] = personDocs(clerk1.officeId, `sc${Date.now()}`, 1);
      await insertInChunks(w.db, 'people', [person!]);
      const admin = couchClient(server.couch.adminUrl);
      const db = `/${officeDbName(clerk1.officeId)}`;
      const url = `${db}/${encodeURIComponent(person!.id)}`;
      await waitFor(async () => !!(await admin.getOrUndefined(url)));
      await w.sync.awaitInSync();
      const first = await admin.request<Record<string, unknown> & { _rev: string }>('GET', url);
      const [, hash1] = first._rev.split('-');
      // Two second revisions of the same first one, as two shard copies of a cluster keep them.
      const edit = (hash: string, fields: Record<string, unknown>) => ({
        ...first, ...fields, _rev: `2-${hash}`, _revisions: { start: 2, ids: [hash, hash1] },
      });
      await admin.request('POST', `${db}/_bulk_docs`, {
        new_edits: false,
        docs: [
          edit('a'.repeat(32), { name: '甲改的名字', hukou: 'other', updatedAt: '2030-01-01T00:00:01.000Z' }),
          edit('b'.repeat(32), { nameKey: 'b-key', hukou: 'guangdong_other', updatedAt: '2030-01-01T00:00:02.000Z' }),
        ],
      });
      expect((await admin.request<{ _conflicts?: string[] }>('GET', `${url}?conflicts=true`))._conflicts).toHaveLength(1);

      w.sync.syncNow();
      const expected = { name: '甲改的名字', nameKey: 'b-key', hukou: 'guangdong_other' };
      const matches = (d: Record<string, unknown> | null | undefined) =>
        !!d && d.name === expected.name && d.nameKey === expected.nameKey && d.hukou === expected.hukou;
      await waitFor(async () => matches((await w.db.people.findOne(person!.id).exec())?.toJSON() as Record<string, unknown>));
      // On a cluster the closed leaves reach every shard copy a moment after the write is
      // acknowledged: the server is read until it shows the merged version with no other leaf.
      type Shown = Record<string, unknown> & { _conflicts?: string[] };
      let onServer: Shown | undefined;
      await waitFor(async () => {
        onServer = await admin.request<Shown>('GET', `${url}?conflicts=true`);
        return matches(onServer) && onServer._conflicts === undefined;
      }).catch(() => undefined);
      expect(matches(onServer)).toBe(true);
      expect(onServer?._conflicts).toBeUndefined();
      const listed = w.sync.status$.value.problems.filter((p) => p.kind === 'conflict');
      expect(listed).toEqual([expect.objectContaining({ id: person!.id, field: 'hukou', kept: 'guangdong_other', lost: 'other' })]);
    } finally {
      await w.close();
    }
  });
});

describe('the last version both sides agreed on', () => {
  it('is the newest revision every leaf descends from', () => {
    const leaf = (start: number, ids: string[]) => ({ _id: 'x', _revisions: { start, ids } });
    expect(commonAncestor([leaf(3, ['c', 'b', 'a']), leaf(2, ['d', 'a'])])).toBe('1-a');
    expect(commonAncestor([leaf(4, ['e', 'c', 'b', 'a']), leaf(3, ['f', 'b', 'a']), leaf(3, ['c', 'b', 'a'])])).toBe('2-b');
    expect(commonAncestor([leaf(1, ['x']), leaf(1, ['y'])])).toBeUndefined();
  });
});
