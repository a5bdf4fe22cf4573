// Test and bench support: a local database holding a seeded office's tenancies (units, leases,
// households, people sealed with the context's key, enrolments, and the case documents as a laptop's
// task package has them — or, without a cases collection, the case events as a supervisor's
// workstation has the history).
import { lookupHash, sealText } from '../../domain/crypto/sealing';
import type { SessionUser } from '../../domain/ipc/session';
import { generateCases, generateTenancies, sealSeed } from '../../domain/seed';
import type { CaseContext } from '../cases/case-store';
import type { AnyDoc } from '../db/database';

export const INSPECTOR: SessionUser = { name: 'inspector1', displayName: '王芳', roles: ['inspector'], officeId: 'futian-huafu', officeName: '福田区华富街道办事处', districtId: 'futian', offline: false };
export const SUPERVISOR: SessionUser = { ...INSPECTOR, name: 'reviewer1', displayName: '陈刚', roles: ['reviewer'] };

/** A face descriptor for enrolments (128 numbers). */
export const enrolledFace = (n: number): number[] => Array.from({ length: 128 }, (_, i) => Math.sin(n * 7 + i) * 0.1);

export async function seedTenancies(ctx: CaseContext, count: number, seed = 42) {
  const data = generateCases({ count, officeId: ctx.user.officeId, seed });
  const sealed = await sealSeed(data, { encrypt: (c) => sealText(ctx.keys.data, c), keyedHash: (c) => lookupHash(ctx.keys.lookup, c) });
  const { units, leases } = generateTenancies(data, seed);
  const withLease = new Set(leases.map((l) => l.householdId));
  const persons = sealed.persons.filter((p) => withLease.has(String(p.householdId)));
  const enrolments = await Promise.all(
    persons.map(async (p, i) => ({
      id: `biometric:${p.id}`, type: 'biometric', schemaVersion: 0, officeId: ctx.user.officeId, createdAt: p.createdAt, updatedAt: p.createdAt, caseId: '', personId: p.id, kind: 'face',
      dataEnc: await sealText(ctx.keys.data, JSON.stringify(enrolledFace(i))), model: 'face-api/faceRecognitionNet', finger: null, quality: null, consentId: 'consent:x', purpose: '住房保障申请身份核验', purged: false,
    })),
  );
  const cases = new Set(leases.map((l) => l.caseId));
  await ctx.db.field.bulkInsert([...units, ...leases] as unknown as AnyDoc[]);
  await ctx.db.people.bulkInsert([...persons, ...sealed.households.filter((h) => withLease.has(h.id))] as unknown as AnyDoc[]);
  if (ctx.db.collections.files) await ctx.db.files.bulkInsert(enrolments as unknown as AnyDoc[]);
  if (ctx.db.collections.cases) await ctx.db.cases.bulkInsert(sealed.cases.filter((c) => cases.has(c.id)) as unknown as AnyDoc[]);
  else await ctx.db.events.bulkInsert(data.events.filter((e) => cases.has(e.caseId)) as unknown as AnyDoc[]);
  return { data, units, leases };
}
