// The policy what-if's data from the local database: the district's current cases as the rules see
// them (ID numbers opened with each office's key, for the age and household checks), the threshold
// documents in force (programme documents and the district's signed overrides this workstation
// trusts), and publishing a draft as a signed override that syncs to the reference database.
import { openText } from '../../domain/crypto/sealing';
import { signDoc, type Signer } from '../../domain/crypto/signing';
import type { IdCard } from '../../domain/devices';
import { AppError } from '../../domain/errors';
import type { SessionUser } from '../../domain/ipc/session';
import type { BusinessItem, CaseDoc, CaseStatus, HouseholdDoc, PersonDoc, RuleThresholdDoc } from '../../domain/model';
import { applicationOf, type OpenedId } from '../../domain/policy/application-of';
import { overrideFromDraft, policyInForce, trustedPolicyDocs, type PolicyInForce } from '../../domain/policy/override';
import type { PolicyDraft, WhatIfCase } from '../../domain/policy/what-if';
import { DEFAULT_THRESHOLD_DOCS } from '../../domain/rules/defaults';
import { staffKeyId, type StaffKeyDoc } from '../../domain/sync/staff-keys';
import type { AnyDoc, WorkstationDb } from '../db/database';

/** Cases whose eligibility still matters: applied for, not yet decided for good. */
export const CURRENT_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'returned', 'preliminary_approved', 'review_approved', 'in_publicity', 'waiting'];

const json = <T>(d: { toJSON(): unknown }) => d.toJSON() as T;

/** The registered staff keys this workstation holds (reference `staff_key` records). */
async function localStaffKeys(db: WorkstationDb): Promise<Map<string, StaffKeyDoc>> {
  const docs = await db.reference.find({ selector: { type: 'staff_key' } }).exec();
  const keys = new Map<string, StaffKeyDoc>();
  for (const d of docs.map((x) => json<Record<string, unknown>>(x))) {
    const key = { ...d, _id: staffKeyId(String(d.name), String(d.keyId)) } as unknown as StaffKeyDoc;
    keys.set(key._id, key);
  }
  return keys;
}

/** The threshold documents in force on this workstation: the programme documents (stored or shipped) and the trusted district overrides. */
export async function loadPolicyDocs(db: WorkstationDb): Promise<RuleThresholdDoc[]> {
  if (!db.collections.reference) return [...DEFAULT_THRESHOLD_DOCS];
  const stored = (await db.reference.find({ selector: { type: 'rule_thresholds' } }).exec()).map((d) => json<RuleThresholdDoc>(d));
  const ids = new Set(stored.map((d) => d.id));
  const all = [...DEFAULT_THRESHOLD_DOCS.filter((d) => !ids.has(d.id)), ...stored];
  return trustedPolicyDocs(all, await localStaffKeys(db));
}

export async function loadPolicy(db: WorkstationDb, businessItem: BusinessItem, districtId: string, on: string): Promise<PolicyInForce> {
  const r = policyInForce(await loadPolicyDocs(db), businessItem, districtId, on);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value;
}

async function open(key: CryptoKey | undefined, sealed: string | null | undefined): Promise<string | null> {
  if (!key || !sealed) return null;
  try {
    return await openText(key, sealed);
  } catch {
    return null;
  }
}

/** The current cases of `businessItem` (null: of every item) in the offices, as the what-if evaluates them (read on the queue index, office by office). */
export async function loadWhatIfCases(db: WorkstationDb, offices: readonly string[], businessItem: BusinessItem | null, keyFor: (officeId: string) => CryptoKey | undefined, today: string): Promise<WhatIfCase[]> {
  const parts = await Promise.all(
    offices.flatMap((officeId) =>
      CURRENT_STATUSES.map((status) => db.cases.find({ selector: { officeId, status, updatedAt: { $gt: '' } }, index: ['officeId', 'status', 'updatedAt'] }).exec()),
    ),
  );
  const cases = parts.flat().map((d) => json<CaseDoc>(d)).filter((c) => businessItem === null || c.businessItem === businessItem);
  const households = await db.people.findByIds(cases.map((c) => c.householdId)).exec();
  const householdOf = new Map([...households.values()].map((d) => [d.primary, json<HouseholdDoc>(d)]));
  const personIds = [...householdOf.values()].flatMap((h) => h.members.map((m) => m.personId));
  const people = await db.people.findByIds(personIds).exec();
  const personOf = new Map([...people.values()].map((d) => [d.primary, json<PersonDoc>(d)]));
  const out: WhatIfCase[] = [];
  await Promise.all(
    cases.map(async (c) => {
      const household = householdOf.get(c.householdId) ?? null;
      const persons = new Map<string, PersonDoc>();
      const clear = new Map<string, OpenedId>();
      const key = keyFor(c.officeId);
      for (const m of household?.members ?? []) {
        const p = personOf.get(m.personId);
        if (!p) continue;
        persons.set(p.id, p);
        const id = await open(key, p.idNumberEnc);
        const raw = await open(key, p.cardRawEnc);
        if (id) clear.set(p.id, { id, card: raw ? (JSON.parse(raw) as IdCard) : null });
      }
      out.push({ caseId: c.id, streetId: c.streetId, applicantName: c.applicantName, application: applicationOf(c, household, persons, clear, today) });
    }),
  );
  return out.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
}

export interface PublishContext {
  readonly db: WorkstationDb;
  readonly user: SessionUser;
  readonly signer: Signer;
  readonly now?: () => Date;
}

/**
 * Publishes a draft as the district's override: checked by the domain, signed with the signed-in
 * supervisor's key (the caller has had the password entered again) and stored in the local
 * reference collection, from which it syncs to the reference database.
 */
export async function publishDraft(ctx: PublishContext, businessItem: BusinessItem, draft: PolicyDraft, source: string): Promise<RuleThresholdDoc> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const inForce = await loadPolicy(ctx.db, businessItem, ctx.user.districtId, at.slice(0, 10));
  const made = overrideFromDraft(inForce, draft, businessItem, { ...ctx.user, roles: ctx.user.roles }, at, source);
  if (!made.ok) throw new AppError(made.error.code, made.error.message);
  const signed = await signDoc(ctx.signer, made.value as unknown as Record<string, unknown>);
  await ctx.db.reference.insert(signed as unknown as AnyDoc);
  return signed as unknown as RuleThresholdDoc;
}
