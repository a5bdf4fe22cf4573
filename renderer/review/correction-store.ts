// 补正材料 at the counter, committed: the events `correctionEvents` checked (resubmission, then
// acceptance or a new one-time notice) in one signed write, the materials brought marked as
// submitted, and the case's projection (status, due date, receipt number) brought up to date.
import { AppError } from '../../domain/errors';
import { receiptNumber } from '../../domain/intake/documents';
import type { MaterialDoc } from '../../domain/model/files';
import { correctionEvents, deriveCase, projectCase, type CaseState, type MissingMaterial } from '../../domain/workflow';
import { loadHolidayCalendar } from '../reference/reference-store';
import { recordEvents } from '../workflow/record-events';
import { eventsByCase, type DecisionContext } from './review-store';

export interface CorrectionResult {
  readonly state: CaseState;
  readonly stillMissing: readonly MissingMaterial[];
  /** The new receipt number when the case was accepted. */
  readonly receiptNo: string | null;
}

export async function recordCorrection(ctx: DecisionContext, caseId: string, supplied: readonly string[]): Promise<CorrectionResult> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const caseDoc = await ctx.db.cases.findOne(caseId).exec();
  if (!caseDoc) throw new AppError('NOT_FOUND', '找不到该办件');
  const history = (await eventsByCase(ctx.db, [caseId])).get(caseId) ?? [];
  const { user } = ctx;
  const receiptNo = receiptNumber(caseId, at, 'SZ');
  const made = correctionEvents(history, {
    caseId,
    supplied,
    receiptNo,
    actor: { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId },
    at,
    deviceId: ctx.deviceId,
    officeId: String(caseDoc.get('officeId')),
    newId: () => `event:${crypto.randomUUID()}`,
  });
  if (!made.ok) throw new AppError(made.error.code, made.error.message);
  const stored = await recordEvents(ctx, made.value.events);
  // The materials brought are now with the case (the original checked stays so).
  const materials = await ctx.db.files.find({ selector: { caseId, type: 'material' } }).exec();
  for (const m of materials) {
    const doc = m.toJSON() as unknown as MaterialDoc;
    if (doc.state === 'missing' && supplied.includes(doc.materialCode)) await m.incrementalPatch({ state: 'submitted', updatedAt: at } as never);
  }
  const all = [...history, ...stored];
  const accepted = made.value.stillMissing.length === 0;
  await caseDoc.incrementalPatch({ ...projectCase(all, await loadHolidayCalendar(ctx.db))!, ...(accepted ? { receiptNo } : {}), updatedAt: at });
  return { state: deriveCase(all), stillMissing: made.value.stillMissing, receiptNo: accepted ? receiptNo : null };
}
