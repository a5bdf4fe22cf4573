// A catalogue version published centrally reaches a clerk's workstation by sync and becomes the
// version new cases start under on its effective day; a malformed one arriving the same way is
// refused there with a reason and changes nothing; no workstation user can publish one. On the
// embedded server and on Apache CouchDB 3.5 (tests/couchdb/run.sh). The versions used here take
// effect only in 2099, so workstations under test elsewhere on a shared server never adopt them.
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import { currentCatalogue } from '../../domain/catalogue/registry';
import type { Catalogue } from '../../domain/catalogue/types';
import { REFERENCE_DB } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { catalogueDoc } from '../../sync-server/setup';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { openTestWorkstation } from '../sync/test-workstation';
import { followCatalogues, type CatalogueVersionRow } from './catalogues';

const server = useCouchBehindProxy();
const RENEWAL = 'public_rental.renewal';
const V = `2099.${Date.now() % 100_000}`;
const BAD = `2099.${(Date.now() % 100_000) + 1}`;
const TODAY = '2099-02-01';

afterAll(async () => {
  const admin = couchClient(server.couch.adminUrl);
  for (const v of [V, BAD]) {
    const doc = await admin.getOrUndefined<{ _rev: string }>(`/${REFERENCE_DB}/catalogue:${v}`);
    if (doc) await admin.request('DELETE', `/${REFERENCE_DB}/catalogue:${v}?rev=${doc._rev}`).catch(() => {});
  }
});

async function waitFor<T>(probe: () => T | undefined, what: () => string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('catalogue versions published centrally', () => {
  it('reach a clerk’s workstation and take effect there; a malformed one is refused and changes nothing', { timeout: 90_000 }, async () => {
    const clerk = server.couch.users.find((u) => u.roles.includes('clerk'))!;
    const it = server.couch.users.find((u) => u.roles.includes('it'))!;
    const ws = await openTestWorkstation({ dbName: `cat-clerk-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 300, collections: ['reference'] });
    let rows: CatalogueVersionRow[] = [];
    const stop = followCatalogues(ws.db, () => TODAY, (r) => (rows = r));
    try {
      const admin = couchClient(server.couch.adminUrl);
      const published = JSON.parse(JSON.stringify(CATALOGUE)) as { version: string; effectiveFrom: string; items: { code: string; name: { zh: string } }[] };
      published.version = V;
      published.effectiveFrom = '2099-01-01';
      published.items.find((i) => i.code === RENEWAL)!.name.zh = '公共租赁住房续租(新版)';
      await admin.request('PUT', `/${REFERENCE_DB}/catalogue:${V}`, catalogueDoc(published as unknown as Catalogue));

      await waitFor(() => (rows.find((r) => r.version === V)?.state === 'in_force' ? true : undefined), () => JSON.stringify(rows));
      expect(currentCatalogue().version).toBe(V);
      expect(currentCatalogue().items.find((i) => i.code === RENEWAL)!.name.zh).toBe('公共租赁住房续租(新版)');
      // The shipped version came the same way and is the same content: known, not refused.
      expect(rows.find((r) => r.version === CATALOGUE.version)?.state).toBe('earlier');

      const bad = { ...catalogueDoc(published as unknown as Catalogue), _id: `catalogue:${BAD}`, version: BAD, catalogue: { ...published, version: BAD, items: [] } };
      await admin.request('PUT', `/${REFERENCE_DB}/catalogue:${BAD}`, bad);
      const refused = await waitFor(() => rows.find((r) => r.version === BAD), () => JSON.stringify(rows));
      expect(refused.state).toBe('refused');
      expect(refused.reason).toMatch(/^格式不正确:items/);
      expect(currentCatalogue().version).toBe(V);
      // It arrived as a reference record like any other: sync itself reports nothing malformed.
      expect(ws.sync.status$.value.problems.filter((p) => p.kind === 'malformed')).toEqual([]);

      // Only the centre publishes: a clerk's or IT's write is refused by the server.
      for (const u of [clerk, it]) {
        const url = new URL(server.couch.url);
        url.username = u.name;
        url.password = u.password;
        const status = await couchClient(url.toString())
          .request('PUT', `/${REFERENCE_DB}/catalogue:2099.0`, { ...catalogueDoc(published as unknown as Catalogue), _id: 'catalogue:2099.0' })
          .then(() => 201, (e: { status?: number }) => e.status ?? -1);
        expect(status).toBe(403);
      }
    } finally {
      stop();
      await ws.close();
    }
  });
});
