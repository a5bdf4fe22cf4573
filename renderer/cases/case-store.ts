// Writing and reading cases in the local database. A new case is four documents written
// together: the applicant (person), the household, the case, and its first event (submit).
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { lookupHash, openText, sealText, type FieldKeys } from '../../domain/crypto/sealing';
import { AppError } from '../../domain/errors';
import { maskIdNumber } from '../../domain/identity/idnumber';
import type { ValidNewCase } from '../../domain/intake/new-case';
import type { SessionUser } from '../../domain/ipc/session';
import { nameKey, type CaseDoc, type HouseholdDoc, type PersonDoc } from '../../domain/model';
import { PEOPLE_SCHEMA_VERSION } from '../../domain/model/people';
import { decide, deriveCase, INITIAL_STATE } from '../../domain/workflow';
import { keepsAudit, recordAudit } from '../audit/audit-log';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { recordEvents, type SigningContext } from '../workflow/record-events';

export interface CaseContext extends SigningContext {
  readonly db: WorkstationDb;
  readonly user: SessionUser;
  readonly keys: FieldKeys;
  readonly deviceId: string;
  readonly now?: () => Date;
}

const newId = (prefix: string) => `${prefix}:${crypto.randomUUID()}`;

export async function createCase(ctx: CaseContext, input: ValidNewCase): Promise<CaseDoc> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const { user } = ctx;
  const base = { schemaVersion: 1, officeId: user.officeId, createdAt: at, updatedAt: at };
  const idHash = await lookupHash(ctx.keys.lookup, input.id.idNumber);
  const householdId = newId('household');
  const person: PersonDoc = {
    ...base,
    schemaVersion: PEOPLE_SCHEMA_VERSION,
    id: newId('person'),
    type: 'person',
    name: input.applicantName,
    nameKey: nameKey(input.applicantName),
    gender: input.id.gender === 'male' ? '1' : '2',
    nationCode: '',
    idNumberEnc: await sealText(ctx.keys.data, input.id.idNumber),
    idHash,
    idMasked: maskIdNumber(input.id.idNumber),
    phoneEnc: null,
    phoneHash: null,
    hukou: 'unknown',
    residencePermitSince: null,
    cardValidTo: null,
    cardAddressEnc: null,
    maritalStatus: null,
    householdId,
  };
  const household: HouseholdDoc = {
    ...base,
    id: householdId,
    type: 'household',
    applicantPersonId: person.id,
    districtId: user.districtId,
    streetId: user.officeId,
    communityId: '',
    addressEnc: await sealText(ctx.keys.data, ''),
    members: [{ personId: person.id, relation: 'applicant', annualIncome: null, ownsHousingInShenzhen: null }],
    declaredAssets: null,
  };
  const caseId = newId('case');
  const submitted = decide(INITIAL_STATE, {
    id: newId('event'),
    caseId,
    kind: 'submit',
    actor: { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId },
    at,
    payload: { businessItem: input.businessItem },
    deviceId: ctx.deviceId,
  });
  if (!submitted.ok) throw new AppError(submitted.error.code, submitted.error.message);
  const state = deriveCase([submitted.value]);
  const caseDoc: CaseDoc = {
    ...base,
    schemaVersion: 1,
    id: caseId,
    type: 'case',
    businessItem: input.businessItem,
    status: state.status,
    flagged: state.flagged !== null,
    districtId: user.districtId,
    streetId: user.officeId,
    householdId: household.id,
    applicantPersonId: person.id,
    applicantName: input.applicantName,
    nameKey: nameKey(input.applicantName),
    idHash,
    householdSize: 1,
    receiptNo: null,
    lastEventAt: at,
    dueAt: null,
  };
  // Each collection is its own IndexedDB database, so the three writes run side by side; the
  // audit event follows once all of them are stored.
  const [people] = await Promise.all([
    ctx.db.people.bulkInsert([person, household] as unknown as AnyDoc[]),
    recordEvents(ctx, [submitted.value]),
    ctx.db.cases.insert(caseDoc as unknown as AnyDoc),
  ]);
  if (people.error.length > 0) throw new AppError('WRITE_FAILED', '申请人信息未能保存,请重试');
  await recordAudit(ctx, 'case_event', caseId, {
    op: 'create',
    kind: 'submit',
    businessItem: input.businessItem,
    personId: person.id,
    householdId: household.id,
  });
  return caseDoc;
}

/** Corrects the applicant's name (a typing error at the counter): the case and the person change together. */
export async function renameApplicant(ctx: CaseContext, caseId: string, applicantName: string): Promise<void> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const caseDoc = await ctx.db.cases.findOne(caseId).exec();
  if (!caseDoc) throw new AppError('NOT_FOUND', '找不到该办件');
  const patch = { applicantName, nameKey: nameKey(applicantName), updatedAt: at };
  const person = await ctx.db.people.findOne(String(caseDoc.get('applicantPersonId'))).exec();
  const previous = String(caseDoc.get('applicantName'));
  await person?.incrementalPatch({ name: applicantName, nameKey: patch.nameKey, updatedAt: at });
  await caseDoc.incrementalPatch(patch);
  await recordAudit(ctx, 'case_event', caseId, { op: 'update', field: 'applicantName', from: previous, to: applicantName });
}

export function watchOfficeCases(db: WorkstationDb, officeId: string): Observable<CaseDoc[]> {
  return db.cases
    .find({ selector: { officeId }, sort: [{ updatedAt: 'desc' }] })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as unknown as CaseDoc)));
}

/** Why the case drawer shows the full ID number; recorded with every unmasking. */
export const UNMASK_REASON_CASE_DETAIL = '办件详情中核对申请人身份证号';

export interface CaseApplicant {
  readonly person: PersonDoc;
  /** Records an `id_unmask` audit event naming who, which person and case, and why; then opens the ID number. */
  revealIdNumber(reason: string): Promise<string>;
}

export async function loadApplicant(ctx: CaseContext, caseDoc: CaseDoc): Promise<CaseApplicant | undefined> {
  const doc = await ctx.db.people.findOne(caseDoc.applicantPersonId).exec();
  if (!doc) return undefined;
  const person = doc.toJSON() as unknown as PersonDoc;
  return {
    person,
    async revealIdNumber(reason) {
      if (reason.trim() === '') throw new AppError('UNMASK_REASON', '查看完整身份证号须说明用途');
      if (!keepsAudit(ctx.db)) throw new AppError('AUDIT_UNAVAILABLE', '审计日志不可用,不能查看完整身份证号');
      await recordAudit(ctx, 'id_unmask', person.id, { caseId: caseDoc.id, field: 'idNumber', reason: reason.trim() });
      return openText(ctx.keys.data, person.idNumberEnc);
    },
  };
}
