// `hws start` on the embedded server leaves the demo offices with cases and the tenants' enrolled
// fingerprints (the newcomer's path), and a second start writes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateCases, generateTenancies } from '../domain/seed';
import { officeDbName } from '../domain/sync/databases';
import { couchClient } from '../sync-server/couch';
import type { EmbeddedServer } from '../sync-server/embedded';
import { DEMO_SEED, seedDemoOffices } from './start';
import { startPreparedServer } from './sync-server';

let server: EmbeddedServer | undefined;
let dir: string | undefined;
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('hws start seeds the demo offices', () => {
  it('writes each demo office its cases once', { timeout: 120_000 }, async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hws-start-seed-'));
    server = await startPreparedServer({ port: 0, dataDir: dir });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await seedDemoOffices(server.adminUrl);
      const admin = couchClient(server.adminUrl);
      for (const office of DEMO_SEED) {
        const cases = await admin.request<{ rows: { id: string }[] }>('GET', `/${officeDbName(office.officeId)}/_all_docs?startkey="case:"&endkey="case:\\ufff0"`);
        expect(cases.rows.length).toBe(office.cases + (office.holders?.length ?? 0));
        // Every tenant's fingerprint, as the simulated module's finger 1 gives it.
        const leases = await admin.request<{ rows: { id: string }[] }>('GET', `/${officeDbName(office.officeId)}/_all_docs?startkey="lease:"&endkey="lease:\\ufff0"`);
        const fingers = await admin.request<{ rows: { id: string }[] }>('GET', `/${officeDbName(office.officeId)}/_all_docs?startkey="biometric:seed-fingerprint-"&endkey="biometric:seed-fingerprint-\\ufff0"`);
        expect(leases.rows.length).toBeGreaterThan(0);
        expect(fingers.rows.length).toBe(leases.rows.length);
        // A live office: no case waits for a decision longer than a few weeks.
        const docs = await admin.request<{ rows: { doc: { updatedAt: string } }[] }>('GET', `/${officeDbName(office.officeId)}/_all_docs?startkey="case:"&endkey="case:\\ufff0"&include_docs=true`);
        for (const r of docs.rows) expect(Date.now() - Date.parse(r.doc.updatedAt)).toBeLessThan(22 * 86_400_000);
      }
      expect(log.mock.calls.at(-1)?.[0]).toContain('已写入 54 件演示案件');
      await seedDemoOffices(server.adminUrl);
      expect(log.mock.calls.at(-1)?.[0]).toContain('已有 54 件演示案件');
    } finally {
      log.mockRestore();
    }
  });

  it('gives the demo offices records of their own: no id is used in two of them', () => {
    // A district reviewer's workstation holds every street of the district in one database: two
    // streets holding one id (the same seed draws the same ids and people) left it one of the two
    // records, and the district's hand-back then ended the other street's tenancy.
    const seen = new Map<string, string>();
    for (const o of DEMO_SEED) {
      const data = generateCases({ count: o.cases, officeId: o.officeId, seed: o.seed, streetId: o.streetId, holders: o.holders, asOf: '2026-11-30', recent: true });
      const field = generateTenancies(data, o.seed);
      for (const d of [...data.cases, ...data.events, ...data.persons, ...data.households, ...field.units, ...field.leases, ...field.stock]) {
        expect(seen.get(d.id), `${d.id} of ${o.officeId}`).toBeUndefined();
        seen.set(d.id, o.officeId);
      }
    }
  });
});
