// Pending counts in sync health: what a workstation wrote while cut off is counted per collection
// until the server has it.
import { describe, expect, it } from 'vitest';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { insertInChunks, personDocs } from './test-data';
import { openTestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('pending counts per collection', () => {
  it('counts the documents written while offline, and none once they reached the server', async () => {
    const clerk = server.couch.users[0]!;
    const ws = await openTestWorkstation({
      dbName: `p-${Date.now()}`,
      couchUrl: server.proxy.url,
      accountUrl: server.couch.url,
      username: clerk.name,
      password: clerk.password,
      retryTimeMs: 300,
    });
    const pending = (collection: string) => ws.sync.targets$.value.find((t) => t.collection === collection)?.pending;
    try {
      // Something already on the server before going offline: it must not count.
      await insertInChunks(ws.db, 'people', personDocs(clerk.officeId, `pa${Date.now()}`, 3));
      await ws.sync.awaitInSync();
      await waitFor(() => pending('people') === 0 && pending('cases') === 0);

      server.proxy.cut();
      const k = 7;
      await insertInChunks(ws.db, 'people', personDocs(clerk.officeId, `pb${Date.now()}`, k));
      await waitFor(() => pending('people') === k);
      expect(pending('cases')).toBe(0);
      expect(pending('events')).toBe(0);

      server.proxy.restore();
      ws.sync.syncNow();
      await waitFor(() => pending('people') === 0);
      const onServer = await fetch(`${server.couch.url}/${ws.sync.targets$.value.find((t) => t.collection === 'people')!.database}/_all_docs`, {
        headers: { authorization: `Basic ${btoa(`${clerk.name}:${clerk.password}`)}` },
      }).then((r) => r.json() as Promise<{ rows: { id: string }[] }>);
      expect(onServer.rows.filter((r) => r.id.startsWith('person:pb')).length).toBe(k);
    } finally {
      server.proxy.restore();
      await ws.close();
    }
  });
});
