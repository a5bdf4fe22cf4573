// Printing a visit's 入户核查记录 or 整改通知书: the print data is built from the stored visit and what
// the workstation holds about the unit and tenancy; main makes the PDF; the print is audited.
import { inspectionPrint, type ConditionCatalogue } from '../../domain/inspection';
import type { RenderedPdf } from '../../domain/ipc/documents';
import type { InspectionPrintData } from '../../domain/ipc/inspection';
import type { CaseDoc } from '../../domain/model/case';
import type { HousingUnitDoc, InspectionDoc, InspectionTaskDoc } from '../../domain/model/field';
import type { HouseholdDoc } from '../../domain/model/people';
import type { Api } from '../api/client';
import { recordAudit } from '../audit/audit-log';
import type { CaseContext } from '../cases/case-store';

const plain = <T>(d: { toJSON(): unknown } | null): T | null => (d ? (d.toJSON() as T) : null);

/** The tenant's name as this workstation knows it: the case document, or the household's applicant. */
async function tenantName(ctx: CaseContext, visit: InspectionDoc, task: InspectionTaskDoc | null): Promise<string> {
  const caseDoc = visit.caseId && ctx.db.collections.cases ? plain<CaseDoc>(await ctx.db.cases.findOne(visit.caseId).exec()) : null;
  if (caseDoc?.applicantName) return caseDoc.applicantName;
  const household = task ? plain<HouseholdDoc>(await ctx.db.people.findOne(task.householdId).exec()) : null;
  const applicant = household ? await ctx.db.people.findOne(household.applicantPersonId).exec() : null;
  return applicant ? String(applicant.get('name') ?? '') : '';
}

export async function printVisit(
  api: Pick<Api, 'invoke'>,
  ctx: CaseContext,
  visit: InspectionDoc,
  kind: InspectionPrintData['kind'],
  extra: { occupantName?: string | null; catalogue?: ConditionCatalogue } = {},
): Promise<RenderedPdf> {
  const task = plain<InspectionTaskDoc>(await ctx.db.field.findOne(visit.taskId).exec());
  const unit = plain<HousingUnitDoc>(await ctx.db.field.findOne(visit.unitId).exec());
  const address = [unit?.projectName ?? task?.projectName ?? '', unit?.building ?? '', unit?.room ?? ''].filter(Boolean).join(' ') || visit.unitId;
  const data = inspectionPrint(visit, kind, {
    officeName: ctx.user.officeName,
    inspectorName: visit.inspectorId === ctx.user.name ? ctx.user.displayName : visit.inspectorId,
    address,
    tenantName: await tenantName(ctx, visit, task),
    occupantName: extra.occupantName ?? null,
    catalogue: extra.catalogue,
  });
  const pdf = await api.invoke('documents/inspection', data);
  await recordAudit(ctx, 'print', visit.caseId, { document: kind === 'record' ? 'inspection_record' : 'rectification_notice', number: data.documentNo });
  return pdf;
}
