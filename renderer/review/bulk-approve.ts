// Bulk approval of clean cases. The reviewer enters their password once (session/authorize, in the
// screen); then each case gets its own approval event, checked by domain `decide` against the state
// derived from that case's events and signed with the reviewer's key.
//
// Why one signed event per case rather than one signature over the batch: a case is the sum of its
// own events, and every reader (sync verifier, the other office, the district) verifies a case
// from that case's events alone. A batch signature would make each case's approval depend on a
// document listing other cases — cases that may live in other street databases and never reach
// the same reader. The password entry is what the batch shares: one authorisation, N signatures.
//
// Clean means: no review flags (duplicate hit, rule needing review, OCR or identity mismatch), no
// contradiction flag, no material recorded missing. A case that is not clean, or that `decide`
// refuses, is left out with its reason; the others are approved (a reviewer who selected 30 cases
// should not redo 29 because one changed meanwhile).
import { AppError } from '../../domain/errors';
import type { CaseDoc, CaseFlag } from '../../domain/model';
import { caseActions, decide, deriveCase, projectCase, type CaseEvent } from '../../domain/workflow';
import { recordEvents } from '../workflow/record-events';
import { loadHolidayCalendar } from '../reference/reference-store';
import { eventsByCase, type DecisionContext } from './review-store';

export const BULK_MAX = 100;

const FLAG_TEXT: Readonly<Record<CaseFlag, string>> = {
  duplicate_hit: '重复享受保障核查有命中',
  rule_review: '有资格条件需人工复核',
  identity_mismatch: '证件或识别信息不一致',
};

export interface BulkOutcome {
  readonly approved: readonly string[];
  readonly refused: readonly { readonly caseId: string; readonly applicantName: string; readonly reason: string }[];
}

/** Why a case may not be approved in bulk, or null when it is clean. */
export function uncleanReason(doc: Pick<CaseDoc, 'flags' | 'flagged'>, missingMaterials: number): string | null {
  const flags = doc.flags ?? [];
  if (flags.length > 0) return `${flags.map((f) => FLAG_TEXT[f]).join('、')},请逐件审核`;
  if (doc.flagged) return '存在相互矛盾的审核决定,请逐件处理';
  if (missingMaterials > 0) return `有${missingMaterials}项材料未齐,请逐件审核`;
  return null;
}

async function missingByCase(ctx: DecisionContext, caseIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!ctx.db.collections.files) return out;
  const docs = await ctx.db.files.find({ selector: { caseId: { $in: [...caseIds] }, type: 'material', state: 'missing' } }).exec();
  for (const d of docs) out.set(String(d.get('caseId')), (out.get(String(d.get('caseId'))) ?? 0) + 1);
  return out;
}

/** Approves each clean case with `opinion` (its own event, signed); refuses the others with their reason. */
export async function bulkApprove(ctx: DecisionContext, caseIds: readonly string[], opinion: string): Promise<BulkOutcome> {
  if (caseIds.length === 0) throw new AppError('NOTHING_SELECTED', '请先勾选要批量通过的办件');
  if (caseIds.length > BULK_MAX) throw new AppError('TOO_MANY', `一次最多批量通过${BULK_MAX}件`);
  if (opinion.trim() === '') throw new AppError('NO_OPINION', '请选择至少一项理由或填写审核意见');
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const docs = await ctx.db.cases.findByIds([...caseIds]).exec();
  const events = await eventsByCase(ctx.db, caseIds);
  const missing = await missingByCase(ctx, caseIds);
  const { user } = ctx;
  const actor = { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId };
  const refused: { caseId: string; applicantName: string; reason: string }[] = [];
  const approvals: CaseEvent[] = [];
  for (const caseId of caseIds) {
    const doc = docs.get(caseId)?.toJSON() as unknown as CaseDoc | undefined;
    if (!doc) {
      refused.push({ caseId, applicantName: '', reason: '找不到该办件' });
      continue;
    }
    const refuse = (reason: string) => refused.push({ caseId, applicantName: doc.applicantName, reason });
    const unclean = uncleanReason(doc, missing.get(caseId) ?? 0);
    if (unclean) {
      refuse(unclean);
      continue;
    }
    const state = deriveCase(events.get(caseId) ?? []);
    const kind = caseActions(state, actor).find((k) => k === 'preliminary_approve' || k === 'review_approve');
    if (!kind) {
      refuse(`案件当前状态不能由您作出通过决定`);
      continue;
    }
    // Each approval gets its own millisecond: events of one case are ordered by time, then id.
    const eventAt = new Date(Date.parse(at) + approvals.length).toISOString();
    const decided = decide(state, { id: `event:${crypto.randomUUID()}`, caseId, kind, actor, at: eventAt, payload: { opinion: opinion.trim() }, deviceId: ctx.deviceId, officeId: doc.officeId });
    if (!decided.ok) refuse(decided.error.message);
    else approvals.push(decided.value);
  }
  const stored = approvals.length > 0 ? await recordEvents(ctx, approvals) : [];
  const cal = ctx.calendar ?? (await loadHolidayCalendar(ctx.db));
  for (const e of stored) {
    const projection = projectCase([...(events.get(e.caseId) ?? []), e], cal)!;
    await docs.get(e.caseId)!.incrementalPatch({ ...projection, updatedAt: e.at });
  }
  return { approved: stored.map((e) => e.caseId), refused };
}
