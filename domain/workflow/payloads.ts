// Payload checks for case events, with reasons a person can act on.
import type { IsoDate, IsoDateTime } from '../model/common';
import { assertNever } from '../errors';
import { CASE_STATUSES } from '../model/status';
import type { EventKind, Payloads } from './events';
import type { CaseState } from './state';

const RENTAL_ITEMS = ['public_rental', 'affordable_rental', 'talent_housing'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local (Beijing time, UTC+8, no daylight saving) calendar date of an ISO timestamp. */
export function localDate(at: IsoDateTime): IsoDate {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `date` plus `years` (and `days`), as a calendar date. */
export function addYears(date: IsoDate, years: number, days = 0): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** Returns a Chinese reason when the payload cannot be recorded, or null. */
export function payloadProblem<K extends EventKind>(
  kind: K,
  payload: Payloads[K],
  state: CaseState,
  at: IsoDateTime,
): string | null {
  const p = payload as Payloads[EventKind];
  const k: EventKind = kind;
  switch (k) {
    case 'return': {
      const { missingMaterials } = p as Payloads['return'];
      return missingMaterials.length === 0 ? '退回补正须一次性列明全部缺少或需更正的材料' : null;
    }
    case 'preliminary_reject':
    case 'review_reject':
      return blank((p as Payloads['review_reject']).reason) ? '不予通过须填写理由' : null;
    case 'preliminary_approve':
    case 'review_approve':
      return blank((p as Payloads['review_approve']).opinion) ? '请填写审核意见' : null;
    case 'accept':
      return blank((p as Payloads['accept']).receiptNo) ? '受理须生成受理回执编号' : null;
    case 'publicity': {
      const { startsOn, endsOn } = p as Payloads['publicity'];
      if (!DATE.test(startsOn) || !DATE.test(endsOn)) return '公示起止日期格式应为YYYY-MM-DD';
      return endsOn < startsOn ? `公示结束日期${endsOn}早于开始日期${startsOn}` : null;
    }
    case 'objection': {
      if (blank((p as Payloads['objection']).reason)) return '登记公示异议须写明异议内容';
      return objectionWindowProblem(state, at);
    }
    case 'waitlist': {
      const window = state.publicity;
      if (window && localDate(at) <= window.endsOn) {
        return `公示异议期至${window.endsOn}结束,期满后方可列入轮候`;
      }
      return (p as Payloads['waitlist']).queueNo > 0 ? null : '轮候序号应为正整数';
    }
    case 'allocate': {
      const a = p as Payloads['allocate'];
      if (blank(a.unitId)) return '请选择配租配售的房源';
      const amounts = [a.areaM2, a.monthlyAmount, a.price].filter((n) => n !== undefined);
      return amounts.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0) ? null : '房源面积、租金或价格应为正数';
    }
    case 'contract':
      return contractProblem(p as Payloads['contract'], state);
    case 'inspection_result': {
      const r = p as Payloads['inspection_result'];
      if (r.outcome === 'violation' && r.findings.length === 0) return '核查结果为违规时须列明核查发现';
      return null;
    }
    case 'resolve_conflict': {
      const r = p as Payloads['resolve_conflict'];
      if (!(CASE_STATUSES as readonly string[]).includes(r.status)) return '请选择冲突处理后的案件状态';
      return blank(r.note) ? '处理冲突须写明处理意见' : null;
    }
    case 'submit': {
      // A resubmission stays under the item and catalogue version the case started with.
      const { item, catalogueVersion } = p as Payloads['submit'];
      if (state.item !== null && item !== undefined && item !== state.item) return `案件办理的事项为“${state.item}”,不能改为“${item}”`;
      if (state.catalogueVersion !== null && catalogueVersion !== undefined && catalogueVersion !== state.catalogueVersion) return `案件按事项目录 ${state.catalogueVersion} 办理,不能改为 ${catalogueVersion}`;
      return null;
    }
    case 'exit':
      return null;
    default:
      return assertNever(k);
  }
}

/** An objection is received only within the publicity window (Beijing dates, inclusive). */
function objectionWindowProblem(state: CaseState, at: IsoDateTime): string | null {
  const window = state.publicity;
  if (!window) return '案件没有公示记录,不能登记公示异议';
  const day = localDate(at);
  if (day < window.startsOn) return `公示期自${window.startsOn}开始,尚不能登记公示异议`;
  if (day > window.endsOn) return `公示期已于${window.endsOn}结束,不能再登记公示异议`;
  return null;
}

function contractProblem(p: Payloads['contract'], state: CaseState): string | null {
  if (blank(p.leaseId)) return '请关联租赁合同';
  if (!DATE.test(p.startDate) || !DATE.test(p.endDate)) return '合同起止日期格式应为YYYY-MM-DD';
  if (p.endDate <= p.startDate) return `合同结束日期${p.endDate}不晚于开始日期${p.startDate}`;
  if (state.businessItem !== null && RENTAL_ITEMS.includes(state.businessItem)) {
    const min = addYears(p.startDate, 3, -1);
    const max = addYears(p.startDate, 5, -1);
    if (p.endDate < min || p.endDate > max) {
      return `租赁合同期限应为3至5年(${p.startDate}起,结束日期应在${min}至${max}之间)`;
    }
  }
  return null;
}
