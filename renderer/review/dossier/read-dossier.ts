// A case's dossier, assembled from the local database in one read: the household (masked), the
// materials received and missing with their scans and OCR fields, the checks made again (rules,
// duplicate hits, face, fingerprint) and the signed timeline. Printing from it (the 补正告知书, a
// receipt reprint) goes through the main side and is written to the audit log.
import { AppError } from '../../../domain/errors';
import type { RenderedPdf } from '../../../domain/ipc/documents';
import type { CaseDoc } from '../../../domain/model';
import { decisionNotice } from '../../../domain/workflow/decision-notice';
import type { Api } from '../../api/client';
import { recordAudit } from '../../audit/audit-log';
import type { CaseContext } from '../../cases/case-store';
import type { SignatureCheck } from '../../sync/signature-check';
import { readChecks, type Checks } from './checks';
import { correctionNotice, receiptReprint } from './documents';
import { readMaterials, type Materials } from './materials';
import { readHousehold, type Household } from './members';
import { readTimeline, type Timeline } from './timeline';

export interface Dossier {
  readonly caseDoc: CaseDoc;
  readonly household: Household;
  /** The applicant's masked ID number, as every printed paper shows it. */
  readonly idMasked: string;
  readonly materials: Materials;
  readonly checks: Checks;
  readonly timeline: Timeline;
}

export async function readDossier(ctx: CaseContext, signatures: SignatureCheck | undefined, caseId: string, now: Date = new Date()): Promise<Dossier> {
  const doc = await ctx.db.cases.findOne(caseId).exec();
  if (!doc) throw new AppError('NOT_FOUND', '找不到该办件');
  const caseDoc = doc.toJSON() as unknown as CaseDoc;
  const household = await readHousehold(ctx, caseDoc, now.toISOString().slice(0, 10));
  const [materials, checks, timeline] = await Promise.all([
    readMaterials(ctx, caseDoc, household.persons),
    readChecks(ctx, caseDoc, household.household, household.persons, now),
    readTimeline(ctx.db, signatures, caseId),
  ]);
  const idMasked = household.persons.get(caseDoc.applicantPersonId)?.idMasked ?? '';
  return { caseDoc, household, idMasked, materials, checks, timeline };
}

type Invoke = Pick<Api, 'invoke'>;

/** The 补正告知书 of the case's latest return as PDF; the print is recorded in the audit log. */
export async function printCorrectionNotice(api: Invoke, ctx: CaseContext, dossier: Dossier, now: Date = new Date()): Promise<RenderedPdf> {
  const data = correctionNotice(dossier.caseDoc, dossier.timeline, dossier.idMasked, ctx.user, now);
  const pdf = await api.invoke('documents/correction-notice', data);
  await recordAudit(ctx, 'print', dossier.caseDoc.id, { document: 'correction_notice', number: data.noticeNo, corrections: data.corrections.length });
  return pdf;
}

/** The intake receipt printed again; the reprint is recorded in the audit log. */
export async function reprintReceipt(api: Invoke, ctx: CaseContext, dossier: Dossier): Promise<RenderedPdf> {
  const data = receiptReprint(dossier.caseDoc, dossier.timeline, dossier.materials, dossier.idMasked, ctx.user);
  const pdf = await api.invoke('documents/render', data);
  await recordAudit(ctx, 'print', dossier.caseDoc.id, { document: 'receipt_reprint', number: data.receiptNo });
  return pdf;
}

/** The decision notice of a decided case of any catalogue item; the print is recorded in the audit log. */
export async function printDecision(api: Invoke, ctx: CaseContext, dossier: Dossier, now: Date = new Date()): Promise<RenderedPdf> {
  const { caseDoc, timeline } = dossier;
  const data = decisionNotice(timeline.state, timeline.events, { applicantName: caseDoc.applicantName, idMasked: dossier.idMasked, officeName: ctx.user.officeName, districtId: caseDoc.districtId, now });
  const pdf = await api.invoke('documents/decision', data);
  await recordAudit(ctx, 'print', caseDoc.id, { document: 'decision', number: data.documentNo });
  return pdf;
}
