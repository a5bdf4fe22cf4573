// The decision notice of a decided case of any catalogue item (documents/decision): title from the
// item's documents (退出确认书 for an exit that has left, 变更确认书 for an approved change, else
// 审核结果通知书), the decision and its opinion or reason, the stages the case went through, the
// item's materials and what comes next — all from the item's definition and the case's events.
import { stageAt } from '../catalogue/engine';
import { catalogueOf } from '../catalogue/registry';
import { CATALOGUE } from '../catalogue/shipped';
import type { CatalogueItem, StageDef } from '../catalogue/types';
import { DOCUMENT_KINDS } from '../catalogue/vocabulary';
import { AppError } from '../errors';
import type { DecisionNoticeData } from '../ipc/item-documents';
import { caseCatalogueVersion } from '../model/case';
import type { CaseEvent, Payloads } from './events';
import { itemOfState } from './item-engine';
import { localDate } from './payloads';
import type { CaseState, HistoryEntry } from './state';

export interface DecisionContext {
  readonly applicantName: string;
  readonly idMasked: string;
  readonly officeName: string;
  readonly districtId: string;
  readonly now: Date;
}

/** The stage a history step reached: the target of its action (two terminal stages may share a status). */
function stageReached(item: CatalogueItem, h: HistoryEntry): StageDef | undefined {
  const action = stageAt(item, h.statusBefore)?.actions.find((a) => a.event === h.kind);
  return (action && item.stages.find((s) => s.id === action.to)) ?? stageAt(item, h.statusAfter);
}

const EXIT_REASONS: Readonly<Record<string, string>> = { withdrawn: '申请人撤回', expired: '合同期满', violation: '违规退出', ineligible: '不再符合保障条件', voluntary: '自愿退出' };

const hex8 = (id: string) => id.replace(/^[a-z_]+:/, '').replace(/[^0-9a-f]/gi, '').slice(0, 8).toUpperCase().padEnd(8, '0');

/** The act on an open case (an `open_case` item of the programme) that history step `h` recorded, if any. */
function actRecorded(item: CatalogueItem, version: string | null | undefined, h: HistoryEntry): CatalogueItem | undefined {
  const catalogue = catalogueOf(version ?? CATALOGUE.version);
  return catalogue?.items.find(
    (a) =>
      a.subject === 'open_case' &&
      a.programme === item.programme &&
      a.appliesTo?.includes(h.statusBefore) === true &&
      a.stages.find((s) => s.id === a.start)?.actions.some((x) => x.event === h.kind) === true,
  );
}

const money = (n: number) => n.toLocaleString('zh-CN');

/** What a waiting list entry, an allocation or a contract settled, as the notice states it. */
function tenancyTerms(event: CaseEvent | undefined, events: readonly CaseEvent[]): string | undefined {
  if (event?.kind === 'waitlist') return `轮候号:${(event.payload as Payloads['waitlist']).queueNo}`;
  const offer = (e: CaseEvent | undefined): string => {
    if (!e || e.kind !== 'allocate') return '';
    const a = e.payload as Payloads['allocate'];
    if (a.unitId.startsWith('subsidy:')) return `核定租赁补贴每月${money(a.monthlyAmount ?? 0)}元`;
    const parts = [`房源:${a.unitLabel ?? a.unitId}`, a.areaM2 !== undefined ? `建筑面积${a.areaM2}平方米` : '', a.monthlyAmount !== undefined ? `月租金${money(a.monthlyAmount)}元` : '', a.price !== undefined ? `售价${money(a.price)}元` : ''];
    return parts.filter(Boolean).join(',');
  };
  if (event?.kind === 'allocate') return offer(event);
  if (event?.kind === 'contract') {
    const c = event.payload as Payloads['contract'];
    const allocated = events.filter((e) => e.kind === 'allocate' && e.at <= event.at).sort((a, b) => (a.at < b.at ? -1 : 1)).pop();
    return [`合同编号:${c.leaseId.replace(/^lease:/, '')}`, `合同期限:${c.startDate}至${c.endDate}`, offer(allocated)].filter(Boolean).join(';');
  }
  return undefined;
}

export function decisionNotice(state: CaseState, events: readonly CaseEvent[], c: DecisionContext): DecisionNoticeData {
  const item = itemOfState(state, c.districtId);
  if (!item) throw new AppError('NO_ITEM', '找不到该办件的事项定义,请同步事项目录后再出具决定书');
  const applied = state.history.filter((h) => h.applied);
  const last = applied[applied.length - 1];
  const stage = last && stageReached(item, last);
  const decided = stage?.terminal === true || Object.keys(state.decisions).length > 0;
  if (!last || !stage || !decided) throw new AppError('NOT_DECIDED', '该办件尚未作出决定,不能出具决定书');
  const event = events.find((e) => e.id === last.eventId);
  const p = (event?.payload ?? {}) as { opinion?: string; reason?: string; note?: string };
  // An act recorded on the open case (放弃轮候 on the waiting list) prints the act's own document.
  // An allocation and a contract print theirs whatever the item's list says: catalogue 2026.1 was
  // published before they were printed, and a published version's content never changes.
  const act = actRecorded(item, state.catalogueVersion, last);
  const documents = act?.documents ?? item.documents;
  const kind =
    act && documents.includes('objection_receipt')
      ? 'objection_receipt'
      : last.kind === 'allocate'
        ? 'allocation_notice'
        : last.kind === 'contract'
          ? 'contract_confirmation'
          : state.status === 'exited' && documents.includes('exit_confirmation')
            ? 'exit_confirmation'
            : state.status !== 'rejected' && documents.includes('change_confirmation') && stage.terminal
              ? 'change_confirmation'
              : 'decision_notice';
  const accepted = events.find((e) => e.kind === 'accept');
  const next = stage.actions[0] && item.stages.find((s) => s.id === stage.actions[0]!.to);
  const nextSteps =
    state.status === 'rejected'
      ? ['如对本决定有异议,可自收到本通知书之日起60日内依法申请行政复议(示例)']
      : kind === 'allocation_notice'
        ? ['请申请人自收到本通知书之日起30日内持本通知书及身份证件到受理窗口签订合同,逾期未签约视为放弃(示例)']
        : stage.terminal
          ? ['本事项已办结']
        : [`下一环节:${next?.name.zh ?? stage.name.zh}${stage.deadlineDays ? `(${stage.deadlineDays}个工作日内)` : ''}`];
  return {
    title: DOCUMENT_KINDS[kind]!.zh,
    documentNo: `JD${localDate(last.at).replace(/-/g, '')}-${hex8(last.eventId)}`,
    officeName: c.officeName,
    date: localDate(c.now.toISOString()),
    applicantName: c.applicantName,
    idMasked: c.idMasked,
    itemName: act ? `${item.name.zh}(${act.name.zh})` : item.name.zh,
    catalogueVersion: caseCatalogueVersion({ ...(state.catalogueVersion ? { catalogueVersion: state.catalogueVersion } : {}) }),
    receiptNo: accepted ? (accepted.payload as { receiptNo: string }).receiptNo : null,
    outcome: state.status === 'rejected' ? '不予通过' : kind === 'objection_receipt' && act ? `已受理${act.name.zh}(转${stage.name.zh})` : act ? `${act.name.zh}(${stage.name.zh})` : `准予办理(${stage.name.zh})`,
    opinion: event?.kind === 'exit' ? [EXIT_REASONS[p.reason ?? ''], p.note].filter(Boolean).join(':') : (tenancyTerms(event, events) ?? p.opinion ?? p.reason ?? p.note ?? ''),
    decidedBy: last.actorName,
    decidedOn: localDate(last.at),
    stages: applied.map((h) => ({ name: stageReached(item, h)?.name.zh ?? h.statusAfter, on: localDate(h.at) })),
    materials: item.materials.map((m) => m.name.zh),
    nextSteps,
  };
}
