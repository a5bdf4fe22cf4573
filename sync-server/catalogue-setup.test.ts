// The catalogue at setup, on the embedded server and on a real CouchDB (tests/couchdb/run.sh): the
// shipped one is published in the reference database for every workstation to read; a catalogue
// letting street reviewers allocate makes the server accept their allocation it refused before; a
// catalogue with problems changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../domain/catalogue/shipped';
import type { Catalogue } from '../domain/catalogue/types';
import { REFERENCE_DB, officeDbName } from '../domain/sync/databases';
import { signAs } from '../domain/sync/testing/signers';
import { couchClient, type CouchClient } from './couch';
import type { StaffUser } from './demo';
import { setupCouch } from './setup';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  const admin = couchClient(couch.adminUrl);
  const doc = await admin.getOrUndefined<{ _rev: string }>(`/${REFERENCE_DB}/catalogue:2026.99`);
  if (doc) await admin.request('DELETE', `/${REFERENCE_DB}/catalogue:2026.99?rev=${doc._rev}`).catch(() => {});
  await couch?.dispose();
});

const as = (u: StaffUser): CouchClient => {
  const url = new URL(couch.url);
  url.username = u.name;
  url.password = u.password;
  return couchClient(url.toString());
};
const reviewer = () => couch.users.find((u) => u.roles.includes('reviewer'))!;
let n = 0;
async function allocate(u: StaffUser, stamp: Record<string, string> = {}): Promise<number> {
  const now = new Date().toISOString();
  const id = `case_event:alloc-${Date.now().toString(36)}-${n++}`;
  const doc = await signAs(u.name, {
    _id: id,
    type: 'case_event',
    schemaVersion: 1,
    officeId: u.officeId,
    createdAt: now,
    updatedAt: now,
    caseId: 'case:x',
    kind: 'allocate',
    actor: { userId: u.name, name: u.displayName, roles: u.roles, officeId: u.officeId },
    at: now,
    payload: { unitId: 'unit:1', ...stamp },
    deviceId: null,
  });
  return as(u)
    .request('PUT', `/${officeDbName(u.officeId)}/${encodeURIComponent(id)}`, doc)
    .then(() => 201, (e: { status?: number }) => e.status ?? -1);
}

describe('the catalogue at setup', () => {
  it('is published in the reference database, readable by a clerk', async () => {
    const clerk = couch.users.find((u) => u.roles.includes('clerk'))!;
    const doc = await as(clerk).request<{ type: string; catalogue: Catalogue }>('GET', `/${REFERENCE_DB}/catalogue:${CATALOGUE.version}`);
    expect(doc.type).toBe('catalogue');
    expect(doc.catalogue.items.map((i) => i.code)).toEqual(CATALOGUE.items.map((i) => i.code));
  });

  it('gives the server the event writers of the catalogue it publishes', async () => {
    expect(await allocate(reviewer())).toBe(403);
    const custom = JSON.parse(JSON.stringify(CATALOGUE)) as { version: string; items: { code: string; stages: { id: string; actions: { event: string; roles?: string[] }[] }[] }[] };
    custom.version = '2026.99';
    // Effective only in 2099: workstations under test elsewhere on this server never start cases under it.
    (custom as { effectiveFrom?: string }).effectiveFrom = '2099-01-01';
    const waiting = custom.items.find((i) => i.code === 'public_rental')!.stages.find((s) => s.id === 'waiting')!;
    waiting.actions.find((a) => a.event === 'allocate')!.roles = ['reviewer', 'district_reviewer'];
    await setupCouch({ url: couch.adminUrl, offices: couch.offices, catalogue: custom as unknown as Catalogue });
    expect(await allocate(reviewer())).toBe(201);
    await setupCouch({ url: couch.adminUrl, offices: couch.offices });
    expect(await allocate(reviewer())).toBe(403);
    // 2026.99 stays published: a case started under it keeps its rules, one under the shipped
    // version keeps the shipped rules — each event names its case's item and version (decide).
    const item = { item: 'public_rental' };
    expect(await allocate(reviewer(), { ...item, catalogueVersion: '2026.99' })).toBe(201);
    expect(await allocate(reviewer(), { ...item, catalogueVersion: CATALOGUE.version })).toBe(403);
    // One version number never names other content: republishing 2026.99 changed is refused.
    waiting.actions.find((a) => a.event === 'allocate')!.roles = ['district_reviewer'];
    await expect(setupCouch({ url: couch.adminUrl, offices: couch.offices, catalogue: custom as unknown as Catalogue })).rejects.toThrow(/业务事项目录版本 2026\.99 已发布过另一份内容,未做任何更改/);
    expect(await allocate(reviewer(), { ...item, catalogueVersion: '2026.99' })).toBe(201);
  });

  it('refuses a catalogue with problems and changes nothing', async () => {
    const broken = JSON.parse(JSON.stringify(CATALOGUE)) as { version: string; items: { code: string; start: string }[] };
    broken.version = '2026.98';
    broken.items.find((i) => i.code === 'public_rental.swap')!.start = 'nowhere';
    await expect(setupCouch({ url: couch.adminUrl, offices: couch.offices, catalogue: broken as unknown as Catalogue })).rejects.toThrow(/业务事项目录 2026\.98 有 \d+ 个问题,未做任何更改/);
    const admin = couchClient(couch.adminUrl);
    expect(await admin.getOrUndefined(`/${REFERENCE_DB}/catalogue:2026.98`)).toBeUndefined();
  });
});
