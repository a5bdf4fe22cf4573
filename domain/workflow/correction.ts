// 补正材料: a case returned with its one-time notice (一次性告知) comes back to the counter with the
// materials it listed. The counter records the resubmission — `submit` from 待补正, the act of the
// catalogue's `correction` item — and, in the same write, either `accept` with a receipt number when
// nothing listed is still missing, or `return` with what still is (a new one-time notice). Both are
// checked by `decide` against the case's own item, as every act is; the committing code records
// exactly these events or nothing.
import type { Result } from '../errors';
import { fail, ok } from '../errors';
import type { IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import { decide } from './decide';
import { deriveCase } from './derive';
import type { CaseEvent, MissingMaterial } from './events';

export interface CorrectionInput {
  readonly caseId: string;
  /** Codes of the listed materials the applicant brought now (each one from the return's list). */
  readonly supplied: readonly string[];
  /** The receipt number printed if the case is accepted now. */
  readonly receiptNo: string;
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly deviceId?: string;
  /** The office whose database holds the case. */
  readonly officeId?: string;
  readonly newId: () => string;
}

export interface Correction {
  readonly events: readonly CaseEvent[];
  /** Listed materials still missing (empty: the case was accepted). */
  readonly stillMissing: readonly MissingMaterial[];
}

export function correctionEvents(history: readonly CaseEvent[], input: CorrectionInput): Result<Correction> {
  const state = deriveCase(history);
  if (state.status !== 'returned') return fail('CASE_NOT_RETURNED', '该办件不在待补正状态,不能办理补正');
  if (!state.businessItem) return fail('CASE_NO_ITEM', '该办件没有办理事项,不能办理补正');
  const listed = new Set(state.missingMaterials.map((m) => m.code));
  const unknown = input.supplied.filter((c) => !listed.has(c));
  if (unknown.length > 0) return fail('CASE_NOT_LISTED', `所补材料不在退回时的补正清单中:${unknown.join('、')}`);
  if (input.supplied.length === 0) return fail('CASE_NOTHING_SUPPLIED', '请勾选申请人本次补交的材料');
  const common = { caseId: input.caseId, actor: input.actor, ...(input.deviceId === undefined ? {} : { deviceId: input.deviceId }), ...(input.officeId ? { officeId: input.officeId } : {}) };
  // Each act of this visit gets its own millisecond: events are ordered by time, then id.
  const at = (n: number) => new Date(Date.parse(input.at) + n).toISOString();
  const submit = decide(state, {
    ...common,
    id: input.newId(),
    kind: 'submit',
    at: at(0),
    payload: { businessItem: state.businessItem, ...(state.item ? { item: state.item } : {}), ...(state.catalogueVersion ? { catalogueVersion: state.catalogueVersion } : {}), supplied: [...input.supplied] },
  });
  if (!submit.ok) return submit;
  const stillMissing = state.missingMaterials.filter((m) => !input.supplied.includes(m.code));
  const after = deriveCase([...history, submit.value]);
  const next =
    stillMissing.length === 0
      ? decide(after, { ...common, id: input.newId(), kind: 'accept', at: at(1), payload: { receiptNo: input.receiptNo } })
      : decide(after, { ...common, id: input.newId(), kind: 'return', at: at(1), payload: { missingMaterials: stillMissing, note: '一次性告知:补正后仍缺' } });
  if (!next.ok) return next;
  return ok({ events: [submit.value, next.value as CaseEvent], stillMissing });
}
