// `hws seed --enrol-finger / --enrol-face`: every seeded tenant's enrolments, sealed with the office
// key, opening to the simulated module's template and the photo's face; a second run writes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../devices/codec/base64';
import { features } from '../devices/sim/fingerprint-sim';
import { importFieldKeys, openText } from '../domain/crypto/sealing';
import { isDescriptor } from '../domain/face/match';
import { generateCases, generateTenancies } from '../domain/seed';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { FACES, regionJpeg } from '../main/face/test-images';
import { couchClient } from '../sync-server/couch';
import { startTestCouch, type TestCouch } from '../sync-server/testing';
import { main } from './index';
import { enrolSeededTenants, seedEnrolmentId } from './seed-enrol';

let couch: TestCouch;
let dir: string;
beforeAll(async () => {
  couch = await startTestCouch();
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-enrol-'));
});
afterAll(async () => {
  await couch?.dispose();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('hws seed enrolments', () => {
  it("enrols every tenant with the simulated finger and the photo's face, sealed; a second run writes nothing", async () => {
    const officeId = couch.offices[0]!.id;
    const admin = couchClient(couch.adminUrl);
    const photo = path.join(dir, 'tenant.jpg');
    // Another photo of the face the door camera shows in inspection.e2e.ts (mirrored, turned, darker).
    await writeFile(photo, await regionJpeg(FACES.s1left, { margin: 1.1, width: 320, mirror: true, rotate: 8, darken: 0.3 }));
    expect(await main(['seed', '--cases', '12', '--office', officeId, '--url', couch.adminUrl, '--seed', '3', '--enrol-finger', '4', '--enrol-face', photo])).toBe(0);

    const data = generateCases({ count: 12, officeId, seed: 3 });
    const leases = generateTenancies(data, 3).leases;
    expect(leases.length).toBeGreaterThan(0);
    const office = await admin.request<{ key: string }>('GET', `/${KEYS_DB}/${encodeURIComponent(`office:${officeId}`)}`);
    const lookup = await admin.request<{ key: string }>('GET', `/${KEYS_DB}/lookup`);
    const keys = await importFieldKeys(office.key, lookup.key);
    for (const lease of leases) {
      const personId = data.households.find((h) => h.id === lease.householdId)!.applicantPersonId;
      const finger = await admin.request<{ personId: string; kind: string; model: string; dataEnc: string; caseId: string }>('GET', `/${officeDbName(officeId)}/${encodeURIComponent(seedEnrolmentId(personId, 'fingerprint'))}`);
      expect(finger).toMatchObject({ personId, kind: 'fingerprint', model: 'R30x/AS608', caseId: lease.caseId });
      expect(finger.dataEnc).not.toContain(toBase64(features(4)).slice(0, 24));
      expect(await openText(keys.data, finger.dataEnc)).toBe(toBase64(features(4)));
      const face = await admin.request<{ dataEnc: string }>('GET', `/${officeDbName(officeId)}/${encodeURIComponent(seedEnrolmentId(personId, 'face'))}`);
      expect(isDescriptor(JSON.parse(await openText(keys.data, face.dataEnc)))).toBe(true);
    }

    const again = await enrolSeededTenants({ url: couch.adminUrl, officeId, cases: 12, seed: 3, finger: 4 });
    expect(again).toEqual({ written: 0, existing: leases.length });
  }, 120_000);

  it('refuses a photo without one usable face with the reason, and enrols nothing', async () => {
    const officeId = couch.offices[1]!.id;
    const photo = path.join(dir, 'broken.jpg');
    await writeFile(photo, 'not a picture');
    expect(await main(['seed', '--cases', '5', '--office', officeId, '--url', couch.adminUrl, '--enrol-face', photo])).not.toBe(0);
    const all = await couchClient(couch.adminUrl).request<{ rows: { id: string }[] }>('GET', `/${officeDbName(officeId)}/_all_docs`);
    expect(all.rows.filter((r) => r.id.startsWith('biometric:'))).toEqual([]);
  }, 60_000);
});
