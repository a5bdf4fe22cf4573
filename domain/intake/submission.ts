// What an intake must have passed before it can be submitted. `checkSubmission` is called by the
// function that commits the intake, so no step bar, batch or script can go around it; the screens
// only show its reasons. `intakeProgress` tells the step bar which steps are really done.
import { currentCatalogue } from '../catalogue/registry';
import type { Captures } from '../catalogue/types';
import { benefitProblem } from './benefits';
import { overrideProblem } from './override';
import type { DuplicateHit } from '../identity/checks';
import { checkCardAgainstNumber, checkCardValidity } from '../identity/checks';
import { checkIdNumber } from '../identity/idnumber';
import type { BusinessItem } from '../model/programmes';
import { applicantOf, INTAKE_STEPS, type ChecklistItem, type IntakeDraft, type IntakeStep } from './draft';
import { isReceived } from './received';

export type RefusalCode =
  | 'NO_ITEM'
  | 'NO_APPLICANT'
  | 'MEMBER_ID'
  | 'CARD_MISMATCH'
  | 'CARD_INVALID'
  | 'DUPLICATES_NOT_CHECKED'
  | 'DUPLICATE_BENEFIT'
  | 'NO_CURRENT_BENEFIT'
  | 'FACE_MISSING'
  | 'FINGERPRINT_MISSING'
  | 'SCAN_MISSING';

export interface RefusalReason {
  readonly code: RefusalCode;
  /** The step where the clerk can put it right. */
  readonly step: IntakeStep;
  readonly message: string;
  /** The same in English, where the reason has one. */
  readonly messageEn?: string;
}

export type SubmissionCheck = { readonly ok: true } | { readonly ok: false; readonly reasons: readonly RefusalReason[] };

/** The duplicate-benefit check as run by the caller: for which ID numbers, and what it found. */
export interface DuplicateCheck {
  readonly idNumbers: readonly string[];
  readonly hits: readonly DuplicateHit[];
  /** The hits of each ID number checked (upper case): whose case or benefit each one is. */
  readonly byIdNumber: Readonly<Record<string, readonly DuplicateHit[]>>;
}

/** Captures each programme's application requires of the applicant (identity verified in person). */
export const REQUIRED_CAPTURES: Readonly<Record<BusinessItem, { readonly face: boolean; readonly fingerprint: boolean }>> = {
  public_rental: { face: true, fingerprint: true },
  affordable_rental: { face: true, fingerprint: true },
  shared_ownership: { face: true, fingerprint: true },
  rental_subsidy: { face: true, fingerprint: true },
  talent_housing: { face: true, fingerprint: true },
};

/** Certificates the office keeps as a scan once received (they are read by OCR at the counter). */
export const SCANNED_MATERIALS: readonly string[] = ['hukou_book', 'marriage_proof', 'income_proof'];

/**
 * What the draft's business item asks the counter to capture: the catalogue item's `captures` (in
 * the version a new case starts under), else its programme's application's.
 */
export function requiredCaptures(draft: Pick<IntakeDraft, 'businessItem' | 'item'>): Captures | undefined {
  if (!draft.businessItem) return undefined;
  const item = currentCatalogue().items.find((i) => i.code === (draft.item ?? draft.businessItem));
  return item?.captures ?? REQUIRED_CAPTURES[draft.businessItem];
}

/**
 * The hits that are a second benefit. An item about a benefit the person already has (续租, 退租,
 * 年审…: not its programme's application) is not a duplicate of that programme's cases: they are
 * what it is about. A hit in another programme still is.
 */
export function benefitHits(draft: Pick<IntakeDraft, 'businessItem' | 'item'>, hits: readonly DuplicateHit[]): DuplicateHit[] {
  const code = draft.item ?? draft.businessItem;
  if (!draft.businessItem || code === draft.businessItem) return [...hits];
  return hits.filter((h) => h.businessItem !== draft.businessItem);
}

export interface SubmissionInput {
  readonly items: readonly ChecklistItem[];
  /** Undefined: the check has not been run. */
  readonly duplicates: DuplicateCheck | undefined;
  /** YYYY-MM-DD: the application date (cards must be valid on it). */
  readonly on: string;
  /** The signed-in clerk's account: a clerk cannot override their own block. */
  readonly clerk?: string;
}

/** Every reason this intake cannot be submitted yet, in step order; none: it may be submitted. */
export function checkSubmission(draft: IntakeDraft, input: SubmissionInput): SubmissionCheck {
  const reasons: RefusalReason[] = [];
  const refuse = (code: RefusalCode, step: IntakeStep, message: string, messageEn?: string) =>
    reasons.push(messageEn === undefined ? { code, step, message } : { code, step, message, messageEn });
  if (!draft.businessItem) refuse('NO_ITEM', 'item', '尚未选择申请事项');
  const applicant = applicantOf(draft);
  if (!applicant || applicant.name.trim() === '') refuse('NO_APPLICANT', 'applicant', '尚未录入主申请人');
  const today = new Date(`${input.on}T23:59:59Z`);
  for (const m of draft.members) {
    const step: IntakeStep = m.relation === 'applicant' ? 'applicant' : 'household';
    const who = m.name.trim() || (m.relation === 'applicant' ? '主申请人' : '家庭成员');
    const id = checkIdNumber(m.idNumber, today);
    if (!id.valid) {
      refuse('MEMBER_ID', step, `${who}的身份证号码未通过校验:${id.message}`);
      continue;
    }
    if (!m.card) continue;
    for (const p of checkCardAgainstNumber({ ...m.card, idNumber: m.idNumber }, today)) refuse('CARD_MISMATCH', step, `${who}:${p.message}`);
    const validity = checkCardValidity(m.card, input.on);
    if (!validity.valid) refuse('CARD_INVALID', step, `${who}:${validity.message}`);
  }
  const ids = draft.members.map((m) => checkIdNumber(m.idNumber, today)).flatMap((c) => (c.valid ? [c.info.idNumber] : []));
  const checked = new Set(input.duplicates?.idNumbers.map((i) => i.toUpperCase()) ?? []);
  if (!input.duplicates || ids.some((i) => !checked.has(i))) {
    refuse('DUPLICATES_NOT_CHECKED', 'check', '尚未完成全部家庭成员的重复享受保障核查');
  } else if (benefitHits(draft, input.duplicates.hits).length > 0) {
    const problem = overrideProblem(draft.override, draft.caseId, input.clerk);
    if (problem) for (const hit of benefitHits(draft, input.duplicates.hits)) refuse('DUPLICATE_BENEFIT', 'check', `${hit.message},需审核人员签名放行后方可提交${draft.override ? `(${problem})` : ''}`);
  }
  // An item about a benefit (续租, 退租, 年审…) only for someone who holds it: the applicant's own hits.
  const applicantId = applicant ? checkIdNumber(applicant.idNumber, today) : undefined;
  if (draft.businessItem && input.duplicates && applicantId?.valid && checked.has(applicantId.info.idNumber)) {
    const own = input.duplicates.byIdNumber[applicantId.info.idNumber] ?? [];
    const problem = benefitProblem(draft.businessItem, draft.item ?? draft.businessItem, applicant!.name, own);
    if (problem) refuse('NO_CURRENT_BENEFIT', 'check', problem.message, problem.messageEn);
  }
  const captures = requiredCaptures(draft);
  if (captures?.face && !draft.face) refuse('FACE_MISSING', 'face', '尚未采集申请人人像');
  if (captures?.fingerprint && !draft.fingerprint) refuse('FINGERPRINT_MISSING', 'fingerprint', '尚未采集申请人指纹');
  // One scan of each received certificate the office keeps (a marriage certificate covers both spouses).
  const unscanned = new Map<string, string>();
  for (const item of input.items) {
    if (!SCANNED_MATERIALS.includes(item.code) || !isReceived(item, draft.received)) continue;
    if (!draft.scans.some((s) => s.materialCode === item.code)) unscanned.set(item.code, item.id.includes(':') ? item.label.replace(/[(（][^()（）]*[)）]$/u, '') : item.label);
  }
  for (const label of unscanned.values()) refuse('SCAN_MISSING', 'scans', `已收"${label}",尚未扫描留存`);
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

export type StepState = 'done' | 'undone' | 'failed';

/**
 * What the step bar shows: a step is done only once visited and free of refusal reasons; visited
 * with reasons it has failed; not visited it is undone. The last step is done only when submitted.
 */
export function intakeProgress(draft: IntakeDraft, check: SubmissionCheck): Record<IntakeStep, StepState> {
  const visited = new Set(draft.visited ?? []);
  const failing = new Set(check.ok ? [] : check.reasons.map((r) => r.step));
  const out = {} as Record<IntakeStep, StepState>;
  for (const step of INTAKE_STEPS) {
    if (step === 'receipt') out[step] = 'undone';
    else if (failing.has(step)) out[step] = visited.has(step) ? 'failed' : 'undone';
    else out[step] = visited.has(step) ? 'done' : 'undone';
  }
  return out;
}

/** The draft with `step` current and recorded as visited. */
export function visit(draft: IntakeDraft, step: IntakeStep): IntakeDraft {
  const visited = draft.visited ?? [];
  return { ...draft, step, visited: visited.includes(draft.step) ? visited : [...visited, draft.step] };
}
