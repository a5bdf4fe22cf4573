// Case event kinds and their payloads: the append-only record of a case's lifecycle.
import type { IdentityEvidence } from '../intake/identity-evidence';
import type { DuplicateOverride } from '../intake/override';
import type { CaseFlag } from '../model/case';
import type { IsoDate } from '../model/common';
import type { CaseEventDocBase } from '../model/events';
import type { FindingKind } from '../model/field';
import type { BusinessItem } from '../model/programmes';
import type { CaseStatus } from '../model/status';

export interface MissingMaterial {
  readonly code: string;
  readonly name: string;
  readonly reason?: string;
}

export interface Payloads {
  /**
   * `override`: a reviewer's signed override of a duplicate-benefit block, verified by every reader.
   * `flags`: what the intake found for the reviewer (projected onto the case, see flagsOf);
   * `identity`: the identity evidence compared at the counter (domain/intake/identity-evidence).
   */
  submit: {
    readonly businessItem: BusinessItem;
    /** The catalogue item's code (absent: the programme's application item) and catalogue version (absent: 2026.1). */
    readonly item?: string;
    readonly catalogueVersion?: string;
    readonly override?: DuplicateOverride;
    readonly flags?: readonly CaseFlag[];
    readonly identity?: IdentityEvidence;
    /** A resubmission at 补正: the codes of the one-time notice's materials the applicant brought. */
    readonly supplied?: readonly string[];
  };
  accept: { readonly receiptNo: string };
  /** One complete list of corrections (一次性告知). */
  return: { readonly missingMaterials: readonly MissingMaterial[]; readonly note?: string };
  preliminary_approve: { readonly opinion: string };
  preliminary_reject: { readonly reason: string };
  review_approve: { readonly opinion: string };
  /** Also used after publicity when an objection is upheld. */
  review_reject: { readonly reason: string; readonly objectionUpheld?: boolean };
  /** Publicity with its objection window, inclusive dates. */
  publicity: { readonly startsOn: IsoDate; readonly endsOn: IsoDate };
  /** An objection (公示异议) received during the publicity window: the case goes back to 复审. */
  objection: { readonly reason: string };
  waitlist: { readonly queueNo: number };
  /**
   * The unit offered (its address, area and the monthly rent or, for a sale, the price, as offered),
   * or for the rental subsidy `subsidy:<case>` with the monthly amount granted. Older events hold the id only.
   */
  allocate: { readonly unitId: string; readonly unitLabel?: string; readonly areaM2?: number; readonly monthlyAmount?: number; readonly price?: number };
  contract: { readonly leaseId: string; readonly startDate: IsoDate; readonly endDate: IsoDate };
  inspection_result: {
    readonly inspectionId: string;
    readonly outcome: 'ok' | 'violation' | 'not_home';
    readonly findings: readonly FindingKind[];
  };
  exit: { readonly reason: 'withdrawn' | 'expired' | 'violation' | 'ineligible' | 'voluntary'; readonly note?: string };
  /** Settles a case flagged for contradictory offline decisions. */
  resolve_conflict: { readonly status: CaseStatus; readonly note: string };
}

export type EventKind = keyof Payloads;

export const EVENT_KINDS = [
  'submit',
  'accept',
  'return',
  'preliminary_approve',
  'preliminary_reject',
  'review_approve',
  'review_reject',
  'publicity',
  'objection',
  'waitlist',
  'allocate',
  'contract',
  'inspection_result',
  'exit',
  'resolve_conflict',
] as const satisfies readonly EventKind[];

/** What a person is doing, for messages such as "窗口受理员无权作出初审决定". */
export const EVENT_VERBS: Readonly<Record<EventKind, string>> = {
  submit: '提交申请',
  accept: '受理申请',
  return: '退回补正',
  preliminary_approve: '作出初审决定',
  preliminary_reject: '作出初审决定',
  review_approve: '作出复审决定',
  review_reject: '作出复审决定',
  publicity: '发布公示',
  objection: '登记公示异议',
  waitlist: '列入轮候',
  allocate: '配租配售',
  contract: '签订合同',
  inspection_result: '登记核查结果',
  exit: '办理退出',
  resolve_conflict: '处理冲突',
};

export const EVENT_LABELS: Readonly<Record<EventKind, string>> = {
  submit: '提交申请',
  accept: '受理',
  return: '退回补正',
  preliminary_approve: '初审通过',
  preliminary_reject: '初审不通过',
  review_approve: '复审通过',
  review_reject: '复审不通过',
  publicity: '公示',
  objection: '公示异议',
  waitlist: '列入轮候',
  allocate: '配租配售',
  contract: '签约',
  inspection_result: '核查结果',
  exit: '退出',
  resolve_conflict: '冲突处理',
};

export type CaseEvent<K extends EventKind = EventKind> = K extends EventKind
  ? CaseEventDocBase<K, Payloads[K]>
  : never;
