// `hws seed --enrol-finger N --enrol-face IMAGE`: enrolments for the seeded tenants, as the counter
// would have taken them at intake — the applicant of every household with a tenancy gets a
// fingerprint template (the simulated module's finger N: `hws sim fingerprint --finger N` matches
// it) and a face descriptor (of the photo given), sealed with the office's data key. Inspectors'
// task packages carry them, so a visit can match the occupant's finger and face. Ids are fixed:
// a second run writes nothing.
import { FP_MODULE_FAMILY } from '../devices/fingerprint/driver';
import { toBase64 } from '../devices/codec/base64';
import { features } from '../devices/sim/fingerprint-sim';
import type { BiometricDoc } from '../domain/model/files';
import { generateCases, generateTenancies } from '../domain/seed';
import type { BusinessItem } from '../domain/model/programmes';
import { officeDbName } from '../domain/sync/databases';
import { couchClient } from '../sync-server/couch';
import { existingIds, officeKeys, toOfficeDoc } from './seed';

export interface EnrolOptions {
  readonly url: string;
  readonly officeId: string;
  readonly cases: number;
  readonly seed?: number;
  readonly streetId?: string;
  /** The simulated finger every tenant enrols (undefined: no fingerprints). */
  readonly finger?: number;
  /** A face descriptor every tenant enrols (undefined: no faces). */
  readonly face?: readonly number[];
  /** The live office's date the cases were seeded as of (seed.ts `live`). */
  readonly live?: string;
  /** The holders seeded after the cases (seed.ts `holders`). */
  readonly holders?: readonly BusinessItem[];
}

/** The enrolment ids of a seeded person (fixed, so a second run finds them). */
export const seedEnrolmentId = (personId: string, kind: 'face' | 'fingerprint') => `biometric:seed-${kind}-${personId.replace(/^person:/, '')}`;

export async function enrolSeededTenants(o: EnrolOptions): Promise<{ written: number; existing: number }> {
  if (o.finger === undefined && o.face === undefined) return { written: 0, existing: 0 };
  const couch = couchClient(o.url);
  const db = officeDbName(o.officeId);
  const sealer = await officeKeys(couch, o.officeId);
  const data = generateCases({ count: o.cases, officeId: o.officeId, seed: o.seed ?? 1, streetId: o.streetId, holders: o.holders, ...(o.live ? { asOf: o.live, recent: true } : {}) });
  const { leases } = generateTenancies(data, o.seed ?? 1);
  const households = new Map(data.households.map((h) => [h.id, h]));
  const at = new Date().toISOString();
  const docs: BiometricDoc[] = [];
  for (const lease of leases) {
    const personId = households.get(lease.householdId)?.applicantPersonId;
    if (!personId) continue;
    const base = { schemaVersion: 1, officeId: o.officeId, createdAt: at, updatedAt: at, type: 'biometric', caseId: lease.caseId, personId, consentId: `consent:${lease.caseId.slice(5)}`, purpose: '住房保障申请身份核验', purged: false } as const;
    if (o.finger !== undefined) {
      docs.push({ ...base, id: seedEnrolmentId(personId, 'fingerprint'), kind: 'fingerprint', dataEnc: await sealer.encrypt(toBase64(features(o.finger))), model: FP_MODULE_FAMILY, finger: 'right_index', quality: 90 });
    }
    if (o.face !== undefined) {
      docs.push({ ...base, id: seedEnrolmentId(personId, 'face'), kind: 'face', dataEnc: await sealer.encrypt(JSON.stringify(o.face)), model: 'face-api/faceRecognitionNet', finger: null, quality: null });
    }
  }
  const present = await existingIds(couch, db, docs.map((d) => d.id));
  const missing = docs.filter((d) => !present.has(d.id));
  if (missing.length > 0) {
    const results = await couch.request<{ id: string; error?: string; reason?: string }[]>('POST', `/${db}/_bulk_docs`, { docs: missing.map((d) => toOfficeDoc(d as unknown as { id: string; type: string } & Record<string, unknown>)) });
    const failed = results.filter((r) => r.error);
    if (failed.length > 0) throw new Error(`${failed.length} 条登记未能写入(${failed[0]!.id}:${failed[0]!.reason ?? failed[0]!.error})`);
  }
  return { written: missing.length, existing: present.size };
}
