// Submitting an intake: first the domain's checks (checkSubmission: every member's ID, the
// duplicate-benefit check run here over every member, the captures the business item requires);
// a refused intake writes nothing and answers the reasons. Otherwise every member becomes a person
// (sensitive fields sealed), the household, the case with its events (submit, then accept or —
// with materials missing — return with the one complete list; the submit event records what the
// intake found — review flags and the identity evidence), the materials and the biometric records;
// the case carries its projection (status, running stage's due date, flags); then the receipt or,
// for a returned case, the one-time notice.
import { lookupHash, sealText } from '../../domain/crypto/sealing';
import { AppError } from '../../domain/errors';
import { checkIdNumber, maskIdNumber } from '../../domain/identity/idnumber';
import { addDays, ANSWER_DAYS, MISSING_DUE_DAYS, submittedDocument } from '../../domain/intake/documents';
import { applicantOf, type ChecklistItem, type IntakeDraft } from '../../domain/intake/draft';
import { isReceived } from '../../domain/intake/received';
import { evaluateDraft, intakeFlags } from '../../domain/intake/findings';
import { loadPolicyDocs } from '../policy/policy-store';
import { identityEvidence, type IdentityEvidence } from '../../domain/intake/identity-evidence';
import { checkSubmission, type DuplicateCheck, type RefusalReason } from '../../domain/intake/submission';
import type { ReceiptData } from '../../domain/ipc/documents';
import { nameKey, type CaseDoc, type HouseholdDoc, type PersonDoc } from '../../domain/model';
import type { BiometricDoc, MaterialDoc, ScanDoc } from '../../domain/model/files';
import { PEOPLE_SCHEMA_VERSION } from '../../domain/model/people';
import { ATTACHMENT, type BlobSync } from '../sync/blob-sync';
import { decide, deriveCase, projectCase, type CaseEvent } from '../../domain/workflow';
import { currentCatalogue, startProblem } from '../../domain/workflow/item-engine';
import { catalogueItem, draftItemCode } from './materials';
import type { CaseContext } from '../cases/case-store';
import { checkDuplicateBenefits } from '../cases/duplicates';
import type { AnyDoc } from '../db/database';
import { loadHolidayCalendar } from '../reference/reference-store';
import { recordEvents } from '../workflow/record-events';
import { getScanContent } from './scan-store';

export { addDays, ANSWER_DAYS, MISSING_DUE_DAYS, receiptNumber } from '../../domain/intake/documents';

const newId = (prefix: string) => `${prefix}:${crypto.randomUUID()}`;

export interface Submitted {
  readonly caseDoc: CaseDoc;
  /** A receipt for an accepted case, the one-time notice for a returned one. */
  readonly receipt: ReceiptData;
}

export type SubmitOutcome = ({ readonly ok: true } & Submitted) | { readonly ok: false; readonly reasons: readonly RefusalReason[] };

/** Where scanned contents go: sealed locally and uploaded with the sync (renderer/sync/blob-sync). */
export type FileContents = Pick<BlobSync, 'putBlob'>;

/** The duplicate-benefit check over every member with a valid number, against this workstation's cases. */
export async function duplicateCheck(ctx: CaseContext, draft: IntakeDraft): Promise<DuplicateCheck> {
  const idNumbers = draft.members.map((m) => checkIdNumber(m.idNumber)).flatMap((c) => (c.valid ? [c.info.idNumber] : []));
  const hits = await Promise.all(idNumbers.map((id) => checkDuplicateBenefits(ctx, id, { excludeCaseId: draft.caseId })));
  return { idNumbers, hits: hits.flat(), byIdNumber: Object.fromEntries(idNumbers.map((id, i) => [id, hits[i]!])) };
}

/** The identity evidence of the draft with the face and fingerprint steps' results (shown at the check step, recorded on submit). */
export function identityOf(draft: IntakeDraft): IdentityEvidence {
  return identityEvidence(draft, { face: draft.faceMatch ?? null, fingerprint: draft.fingerprintMatch ?? null });
}

export async function submitIntake(ctx: CaseContext, draft: IntakeDraft, items: readonly ChecklistItem[], contents: FileContents): Promise<SubmitOutcome> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  // The case runs under the chosen catalogue item, in the version in force now; who may start it is the item's.
  const item = catalogueItem(draftItemCode(draft), ctx.user.districtId);
  if (draft.businessItem) {
    const refused = startProblem({ businessItem: draft.businessItem, item: item?.code ?? draft.businessItem }, ctx.user.roles);
    if (refused) return { ok: false, reasons: [{ code: 'NO_ITEM', step: 'item', message: refused }] };
  }
  const check = checkSubmission(draft, { items, duplicates: await duplicateCheck(ctx, draft), on: at.slice(0, 10), clerk: ctx.user.name });
  if (!check.ok) return { ok: false, reasons: check.reasons };
  const applicant = applicantOf(draft);
  if (!draft.businessItem || !applicant) throw new AppError('INCOMPLETE', '请先选择申请事项并填写申请人');
  const { user, keys } = ctx;
  const started = { businessItem: draft.businessItem, item: item?.code ?? draft.businessItem, catalogueVersion: currentCatalogue().version };
  const base = { schemaVersion: 1, officeId: user.officeId, createdAt: at, updatedAt: at };
  const caseId = draft.caseId;

  const householdId = newId('household');
  const persons: PersonDoc[] = [];
  const personIds = new Map<string, string>();
  for (const m of draft.members) {
    const id = newId('person');
    personIds.set(m.key, id);
    persons.push({
      ...base,
      schemaVersion: PEOPLE_SCHEMA_VERSION,
      id,
      type: 'person',
      name: m.name,
      nameKey: nameKey(m.name),
      gender: (m.card?.genderCode ?? (Number(m.idNumber[16]) % 2 === 1 ? '1' : '2')) as PersonDoc['gender'],
      nationCode: m.card?.nationCode ?? '',
      idNumberEnc: await sealText(keys.data, m.idNumber),
      idHash: await lookupHash(keys.lookup, m.idNumber),
      idMasked: maskIdNumber(m.idNumber),
      phoneEnc: null,
      phoneHash: null,
      hukou: m.hukou,
      residencePermitSince: m.residencePermitSince,
      cardValidTo: m.card?.validTo ?? null,
      cardAddressEnc: m.card ? await sealText(keys.data, m.card.address) : null,
      cardRawEnc: m.card ? await sealText(keys.data, JSON.stringify(m.card)) : null,
      maritalStatus: m.relation === 'applicant' ? draft.maritalStatus : null,
      householdId,
    });
  }
  const applicantId = personIds.get(applicant.key)!;
  const household: HouseholdDoc = {
    ...base,
    id: householdId,
    type: 'household',
    applicantPersonId: applicantId,
    districtId: user.districtId,
    streetId: user.officeId,
    communityId: '',
    addressEnc: await sealText(keys.data, applicant.card?.address ?? ''),
    members: draft.members.map((m) => ({
      personId: personIds.get(m.key)!,
      relation: m.relation,
      annualIncome: m.annualIncome,
      ownsHousingInShenzhen: m.ownsHousingInShenzhen,
    })),
    declaredAssets: draft.householdAssets,
  };

  const missing = items.filter((i) => !isReceived(i, draft.received));
  const receiptNo = submittedDocument(draft, items, missing.length === 0 ? 'accepted' : 'returned', at, { officeName: '', clerkName: '' }).receiptNo;
  const actor = { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId };
  const events: CaseEvent[] = [];
  const record = (input: Omit<Parameters<typeof decide>[1], 'id' | 'caseId' | 'actor' | 'at' | 'deviceId'>) => {
    // Events are ordered by time, then id: each act of this visit gets its own millisecond.
    const eventAt = new Date(Date.parse(at) + events.length).toISOString();
    const result = decide(deriveCase(events), { ...input, id: newId('event'), caseId, actor, at: eventAt, deviceId: ctx.deviceId } as never);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    events.push(result.value as CaseEvent);
  };
  // What the intake found, recorded with the submission (signed) and carried by the case as its flags.
  const identity = identityOf(draft);
  const flags = intakeFlags(draft, evaluateDraft(draft, user.districtId, at.slice(0, 10), await loadPolicyDocs(ctx.db)), identity);
  record({ kind: 'submit', payload: { ...started, ...(draft.override ? { override: draft.override } : {}), flags, identity } });
  if (missing.length === 0) record({ kind: 'accept', payload: { receiptNo } });
  else record({ kind: 'return', payload: { missingMaterials: missing.map((m) => ({ code: m.code, name: m.label })), note: '一次性告知' } });
  const projection = projectCase(events, await loadHolidayCalendar(ctx.db), user.districtId)!;

  const caseDoc: CaseDoc = {
    ...base,
    schemaVersion: 1,
    id: caseId,
    type: 'case',
    businessItem: draft.businessItem,
    item: started.item,
    catalogueVersion: started.catalogueVersion,
    status: projection.status,
    flagged: projection.flagged,
    districtId: user.districtId,
    streetId: user.officeId,
    householdId: household.id,
    applicantPersonId: applicantId,
    applicantName: applicant.name,
    nameKey: nameKey(applicant.name),
    idHash: persons.find((p) => p.id === applicantId)!.idHash,
    householdSize: draft.members.length,
    receiptNo,
    lastEventAt: projection.lastEventAt,
    dueOn: projection.dueOn,
    flags: projection.flags,
    dueAt: missing.length === 0 ? `${addDays(at, ANSWER_DAYS)}T00:00:00.000Z` : `${addDays(at, MISSING_DUE_DAYS)}T00:00:00.000Z`,
  };
  const materials: MaterialDoc[] = items.map((i) => ({
    ...base,
    id: `material:${caseId.slice(5)}:${i.id}`,
    type: 'material',
    caseId,
    materialCode: i.code,
    ...(i.id.includes(':') ? { personId: personIds.get(i.id.split(':')[1]!) ?? '' } : {}),
    state: isReceived(i, draft.received) ? (i.original ? 'original_checked' : 'submitted') : 'missing',
    note: null,
    scanIds: [],
  }));
  const scans: ScanDoc[] = [];
  for (const scan of draft.scans) {
    const material = materials.find((m) => m.materialCode === scan.materialCode);
    if (!material) continue;
    const id = newId('scan');
    const stored = await contents.putBlob(id, user.officeId, await getScanContent(ctx.db, keys, scan.contentId));
    scans.push({
      ...base, id, type: 'scan', caseId, materialId: material.id, mimeType: scan.mimeType, pages: 1,
      byteLength: stored.byteLength, contentHash: stored.contentHash, blobRef: `attachment:${ATTACHMENT}`,
      ocrTextEnc: await sealText(keys.data, JSON.stringify({ fields: scan.fields, text: scan.text, turned: scan.turned ?? 0 })), capturedAt: at,
    });
    const i = materials.indexOf(material);
    materials[i] = { ...material, state: material.state === 'missing' ? 'submitted' : material.state, scanIds: [...material.scanIds, id] };
  }
  const biometrics: BiometricDoc[] = [];
  const consentId = `consent:${caseId.slice(5)}`;
  if (draft.face) {
    biometrics.push({
      ...base, id: newId('biometric'), type: 'biometric', caseId, personId: applicantId, kind: 'face',
      dataEnc: await sealText(keys.data, JSON.stringify(draft.face.descriptor)), model: 'face-api/faceRecognitionNet',
      finger: null, quality: null, consentId, purpose: '住房保障申请身份核验', purged: false,
    });
  }
  if (draft.fingerprint) {
    biometrics.push({
      ...base, id: newId('biometric'), type: 'biometric', caseId, personId: applicantId, kind: 'fingerprint',
      dataEnc: await sealText(keys.data, draft.fingerprint.template), model: draft.fingerprint.module,
      finger: 'right_index', quality: draft.fingerprint.quality, consentId, purpose: '住房保障申请身份核验', purged: false,
    });
  }

  await ctx.db.people.bulkInsert([...persons, household] as unknown as AnyDoc[]);
  await recordEvents(ctx, events);
  await ctx.db.files.bulkInsert([...materials, ...scans, ...biometrics] as unknown as AnyDoc[]);
  await ctx.db.cases.insert(caseDoc as unknown as AnyDoc);

  const receipt = submittedDocument(draft, items, caseDoc.status, at, { officeName: user.officeName, clerkName: user.displayName });
  const businessItemLabel = item?.name.zh ?? receipt.businessItemLabel;
  return { ok: true, caseDoc, receipt: { ...receipt, businessItemLabel, deadline: (caseDoc.dueAt ?? at).slice(0, 10) } };
}
