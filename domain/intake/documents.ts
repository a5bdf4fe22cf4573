// What the applicant is handed, derived from what was committed: a case accepted gets a receipt
// (受理回执, SZ…), a case returned for missing materials gets the one-time notice (一次性告知书, TZ…)
// listing all of them. Before submitting, the notice can be printed from the checklist, naming the
// applicant: never a blank one.
import { maskIdNumber } from '../identity/idnumber';
import type { ReceiptData } from '../ipc/documents';
import type { CaseStatus } from '../model/status';
import { BUSINESS_ITEM_LABELS } from '../model/programmes';
import { applicantOf, missingMaterials, type ChecklistItem, type IntakeDraft } from './draft';
import { receivedItems } from './received';

/** Days the office has to answer an accepted application (reference data in a later version; illustrative). */
export const ANSWER_DAYS = 20;
/** Days the applicant has to bring missing materials (illustrative). */
export const MISSING_DUE_DAYS = 10;

export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** SZ… for a receipt, TZ… for a one-time notice (告知书); both name the date and the case. */
export function receiptNumber(caseId: string, at: string, prefix: 'SZ' | 'TZ' = 'SZ'): string {
  return `${prefix}${at.slice(0, 10).replace(/-/g, '')}-${caseId.replace(/[^0-9a-f]/gi, '').slice(0, 8).toUpperCase()}`;
}

/** The document an intake ends with, by the status of the case it created. */
export const documentKindFor = (status: CaseStatus): ReceiptData['kind'] => (status === 'returned' ? 'notice' : 'receipt');

export interface Issuer {
  readonly officeName: string;
  readonly clerkName: string;
}

const printed = (i: ChecklistItem) => ({ label: i.label, original: i.original });

/** Receipt or notice for a submitted intake; `status` is the created case's. */
export function submittedDocument(draft: IntakeDraft, items: readonly ChecklistItem[], status: CaseStatus, at: string, issuer: Issuer): ReceiptData {
  const applicant = applicantOf(draft);
  const kind = documentKindFor(status);
  const missing = missingMaterials(items, draft.received);
  return {
    kind,
    receiptNo: receiptNumber(draft.caseId, at, kind === 'notice' ? 'TZ' : 'SZ'),
    officeName: issuer.officeName,
    date: at.slice(0, 10),
    applicantName: applicant?.name ?? '',
    idMasked: applicant ? maskIdNumber(applicant.idNumber) : '',
    businessItemLabel: draft.businessItem ? BUSINESS_ITEM_LABELS[draft.businessItem] : '',
    received: receivedItems(items, draft.received).map(printed),
    missing: missing.map(printed),
    nextSteps:
      kind === 'receipt'
        ? ['街道初审', '区住房和建设局复审', '审核结果将以短信通知']
        : ['申请已退回:请按本告知书补齐全部所缺材料', '补齐材料后请再次到窗口办理,无需重复提交已收材料'],
    deadline: addDays(at, kind === 'receipt' ? ANSWER_DAYS : MISSING_DUE_DAYS),
    clerkName: issuer.clerkName,
  };
}

export type NoticeResult = { readonly ok: true; readonly value: ReceiptData } | { readonly ok: false; readonly message: string };

/** The one-time notice printed from the checklist before submitting: it names the applicant. */
export function checklistNotice(draft: IntakeDraft, items: readonly ChecklistItem[], at: string, issuer: Issuer): NoticeResult {
  const applicant = applicantOf(draft);
  if (!draft.businessItem) return { ok: false, message: '请先选择申请事项' };
  if (!applicant || applicant.name.trim() === '' || applicant.idNumber.trim() === '') {
    return { ok: false, message: '一次性告知书须写明申请人:请先读取或录入主申请人的身份证' };
  }
  const missing = missingMaterials(items, draft.received);
  if (missing.length === 0) return { ok: false, message: '材料齐全,无需出具一次性告知书' };
  return {
    ok: true,
    value: {
      kind: 'notice',
      receiptNo: receiptNumber(draft.caseId, at, 'TZ'),
      officeName: issuer.officeName,
      date: at.slice(0, 10),
      applicantName: applicant.name,
      idMasked: maskIdNumber(applicant.idNumber),
      businessItemLabel: BUSINESS_ITEM_LABELS[draft.businessItem],
      received: receivedItems(items, draft.received).map(printed),
      missing: missing.map(printed),
      nextSteps: ['补齐材料后请再次到窗口办理,无需重复提交已收材料'],
      deadline: addDays(at, MISSING_DUE_DAYS),
      clerkName: issuer.clerkName,
    },
  };
}
