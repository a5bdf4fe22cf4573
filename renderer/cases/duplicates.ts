// Duplicate-benefit check against the local database: is this person (matched by the keyed hash
// of the ID number) already the applicant or a household member of another active case?
// Only hashes are compared; the clear ID number never leaves this function.
import { lookupHash } from '../../domain/crypto/sealing';
import { buildBenefitIndex, findDuplicateBenefits, type BenefitIndexEntry, type DuplicateHit } from '../../domain/identity/checks';
import { caseItemCode, type CaseDoc, type CaseStatus, type HouseholdDoc } from '../../domain/model';
import { benefitStanding, ENDED_STATUSES } from '../../domain/intake/benefits';
import type { WorkstationDb } from '../db/database';
import type { CaseContext } from './case-store';

/** Statuses that no longer hold or claim a benefit. */
export const INACTIVE_STATUSES: readonly CaseStatus[] = ENDED_STATUSES;

export const isActiveCase = (c: Pick<CaseDoc, 'status'>): boolean => !INACTIVE_STATUSES.includes(c.status);

const json = <T>(d: { toJSON(): unknown }) => d.toJSON() as T;

async function officeNames(db: WorkstationDb, officeIds: readonly string[], known: Map<string, string>): Promise<Map<string, string>> {
  const missing = officeIds.filter((id) => !known.has(id));
  if (missing.length > 0 && db.collections.reference) {
    const docs = await db.reference.findByIds(missing.map((id) => `office:${id}`)).exec();
    for (const d of docs.values()) known.set(String(d.get('officeId')), String(d.get('name')));
  }
  return known;
}

/** Active cases the person with `idHash` takes part in, as applicant or as a household member, with where the person stands in each. */
export async function localBenefitEntries(db: WorkstationDb, idHash: string, options: { readonly withEnded?: boolean } = {}): Promise<BenefitIndexEntry[]> {
  const entries = new Map<string, BenefitIndexEntry>();
  const add = (c: CaseDoc, role: BenefitIndexEntry['role']) => {
    if ((!options.withEnded && !isActiveCase(c)) || entries.get(c.id)?.role === 'applicant') return;
    entries.set(c.id, { idHash, officeId: c.officeId, caseId: c.id, businessItem: c.businessItem, role, standing: benefitStanding(c.status, caseItemCode(c)) });
  };
  // As main applicant: the case carries the applicant's hash (indexed).
  for (const d of await db.cases.find({ selector: { idHash } }).exec()) add(json<CaseDoc>(d), 'applicant');

  // As a member: the person's documents (indexed by hash) name their household (indexed since
  // people schema 1); the household names its applicant, whose hash finds the case.
  const persons = (await db.people.find({ selector: { type: 'person', idHash } }).exec()).map((d) => json<{ householdId?: string }>(d));
  const householdIds = [...new Set(persons.map((p) => p.householdId).filter((h): h is string => Boolean(h)))];
  if (householdIds.length === 0) return [...entries.values()];
  const households = [...(await db.people.findByIds(householdIds).exec()).values()].map((d) => json<HouseholdDoc>(d));
  const applicants = await db.people.findByIds(households.map((h) => h.applicantPersonId)).exec();
  for (const h of households) {
    const applicantHash = applicants.get(h.applicantPersonId)?.get('idHash') as string | undefined;
    if (!applicantHash) continue;
    const cases = await db.cases.find({ selector: { idHash: applicantHash } }).exec();
    for (const c of cases.map((d) => json<CaseDoc>(d))) if (c.householdId === h.id) add(c, 'member');
  }
  return [...entries.values()];
}

export interface DuplicateCheckOptions {
  /** The case being processed, which is not a duplicate of itself. */
  readonly excludeCaseId?: string;
}

/** Duplicate benefits of the person with this ID number in the local database, with where they are. */
export async function checkDuplicateBenefits(ctx: CaseContext, idNumber: string, options: DuplicateCheckOptions = {}): Promise<DuplicateHit[]> {
  const idHash = await lookupHash(ctx.keys.lookup, idNumber);
  const found = await localBenefitEntries(ctx.db, idHash);
  const names = await officeNames(ctx.db, [...new Set(found.map((e) => e.officeId))], new Map([[ctx.user.officeId, ctx.user.officeName]]));
  const named = found.map((e) => {
    const officeName = names.get(e.officeId);
    return officeName === undefined ? e : { ...e, officeName };
  });
  return findDuplicateBenefits(idHash, buildBenefitIndex(named), { ...options, displayId: idNumber });
}
