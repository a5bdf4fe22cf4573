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

/** The part of RxDB's Dexie storage internals read here (rxdb/plugins/storage-dexie, pinned version; as renderer/dashboard/facts-view.ts). */
interface DexieTable {
  where(index: string): { between(lower: unknown[], upper: unknown[], includeLower: boolean, includeUpper: boolean): { toArray(): Promise<Record<string, unknown>[]> } };
  bulkGet(keys: string[]): Promise<(Record<string, unknown> | undefined)[]>;
}

async function dexieTableOf(c: WorkstationDb['cases']): Promise<DexieTable | undefined> {
  const internals = await (c.storageInstance as unknown as { internals?: Promise<{ dexieTable?: DexieTable } | undefined> }).internals;
  return internals?.dexieTable;
}

/**
 * The documents as stored, read in bulk: the cases of each office and status on the
 * [_deleted+officeId+status+updatedAt] index, households and people by id in one request each —
 * straight on the Dexie storage, without RxDB making a document object of every row (through RxDB
 * where the storage is another). Deleted rows are left out, as RxDB does.
 */
export async function readDocs(db: WorkstationDb, offices: readonly string[]) {
  const casesTable = await dexieTableOf(db.cases);
  const peopleTable = await dexieTableOf(db.people);
  const alive = (d: Record<string, unknown> | undefined): d is Record<string, unknown> => d !== undefined && d._deleted !== '1' && d._deleted !== true;
  // IndexedDB answers one request for a whole key range far faster than a request per key (2 s for
  // 6,500 gets against a few hundred ms in Chromium): the households, then the persons, each read as
  // one range on the [_deleted+type+…] indexes, and what the cases name picked out of them.
  let all: Promise<Map<string, Record<string, unknown>>> | undefined;
  const everyone = () =>
    (all ??= Promise.all(
      (['household', 'person'] as const).map((type) => peopleTable!.where('[_deleted+type+householdId]').between(['0', type, ''], ['0', type, '\uffff'], true, true).toArray()),
    ).then((parts) => new Map(parts.flat().filter(alive).map((d) => [String(d.id), d]))));
  // Asked for while the cases are read (the cases name nearly all of them): the two reads overlap.
  if (peopleTable) everyone().catch(() => undefined);
  const cases = casesTable
    ? (await Promise.all(offices.flatMap((officeId) => CURRENT_STATUSES.map((status) => casesTable.where('[_deleted+officeId+status+updatedAt]').between(['0', officeId, status, ''], ['0', officeId, status, '\uffff'], true, true).toArray())))).flat().filter(alive) as unknown as CaseDoc[]
    : (
        await Promise.all(
          offices.flatMap((officeId) => CURRENT_STATUSES.map((status) => db.cases.find({ selector: { officeId, status, updatedAt: { $gt: '' } }, index: ['officeId', 'status', 'updatedAt'] }).exec())),
        )
      )
        .flat()
        .map((d) => json<CaseDoc>(d));
  const byIds = async <T>(ids: string[]): Promise<T[]> => {
    if (!peopleTable) return [...(await db.people.findByIds(ids).exec()).values()].map((d) => json<T>(d));
    const docs = await everyone();
    return ids.flatMap((id) => (docs.has(id) ? [docs.get(id) as unknown as T] : []));
  };
  return { cases, byIds };
}

/**
 * A member's ID number and card opened: the card as read where there is one (its number is the
 * person's, and its birth date is what the rules read), else the sealed number — one decryption per
 * person instead of two (the number is opened as well when the card cannot be or carries no birth date).
 */
export async function openId(key: CryptoKey | undefined, p: PersonDoc): Promise<OpenedId | null> {
  const raw = await open(key, p.cardRawEnc);
  const card = raw ? (JSON.parse(raw) as IdCard) : null;
  if (card && typeof card.birthDate === 'string' && typeof card.idNumber === 'string') {
    // The sealed number is opened only when it would matter: the card's number is the one the rules read.
    return { id: card.idNumber, card };
  }
  const id = await open(key, p.idNumberEnc);
  return id ? { id, card } : null;
}

/** Where the what-if's reading spends its time (the benchmark reports each phase). */
export interface WhatIfLoadTiming {
  /** Reading the cases, households and people from IndexedDB. */
  readMs: number;
  /** Opening the sealed ID numbers (WebCrypto). */
  openMs: number;
  /** Making the applications the rules read. */
  buildMs: number;
  /** Taking the snapshot kept from an earlier session (reading, opening and parsing its blob), where there is one; part of readMs. */
  restoreMs?: number;
}

/** The current cases of `businessItem` (null: of every item) in the offices, as the what-if evaluates them. */
export async function loadWhatIfCases(db: WorkstationDb, offices: readonly string[], businessItem: BusinessItem | null, keyFor: (officeId: string) => CryptoKey | undefined, today: string, timing?: WhatIfLoadTiming): Promise<WhatIfCase[]> {
  let t = performance.now();
  const lap = (phase: keyof WhatIfLoadTiming) => {
    const now = performance.now();
    if (timing) timing[phase] += now - t;
    t = now;
  };
  const { cases: all, byIds } = await readDocs(db, offices);
  const cases = all.filter((c) => businessItem === null || c.businessItem === businessItem);
  const households = await byIds<HouseholdDoc>([...new Set(cases.map((c) => c.householdId))]);
  const householdOf = new Map(households.filter((h) => h.type === 'household').map((h) => [h.id, h]));
  const personIds = [...new Set([...householdOf.values()].flatMap((h) => h.members.map((m) => m.personId)))];
  const personOf = new Map((await byIds<PersonDoc>(personIds)).filter((p) => p.type === 'person').map((p) => [p.id, p]));
  lap('readMs');
  // Each person opened once per office whose cases name them (with that office's key), all at once.
  const membersOf = (c: CaseDoc) =>
    (householdOf.get(c.householdId)?.members ?? []).flatMap((m) => {
      const p = personOf.get(m.personId);
      return p ? [p] : [];
    });
  const opened = new Map<string, Promise<OpenedId | null>>();
  for (const c of cases) {
    const key = keyFor(c.officeId);
    for (const p of membersOf(c)) {
      const k = `${c.officeId}\u0000${p.id}`;
      if (!opened.has(k)) opened.set(k, openId(key, p));
    }
  }
  const clearOf = new Map(await Promise.all([...opened].map(async ([k, o]) => [k, await o] as const)));
  lap('openMs');
  const out = cases.map((c): WhatIfCase => {
    const household = householdOf.get(c.householdId) ?? null;
    const persons = new Map<string, PersonDoc>();
    const clear = new Map<string, OpenedId>();
    for (const p of membersOf(c)) {
      persons.set(p.id, p);
      const id = clearOf.get(`${c.officeId}\u0000${p.id}`);
      if (id) clear.set(p.id, id);
    }
    return { caseId: c.id, streetId: c.streetId, applicantName: c.applicantName, application: applicationOf(c, household, persons, clear, today) };
  });
  out.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  lap('buildMs');
  return out;
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
