// Identity checks beyond the number itself: card fields vs. number, card validity on a date,
// and duplicate benefits across offices.
import type { BusinessItem } from '../model/programmes';
import { BUSINESS_ITEM_LABELS, BUSINESS_ITEM_LABELS_EN } from '../model/programmes';
import { checkIdNumber, maskIdNumber } from './idnumber';

/** Fields as read from the card chip (or typed from the card). Dates YYYYMMDD or YYYY-MM-DD. */
export interface CardFields {
  readonly idNumber: string;
  /** Card gender code: 1 male, 2 female, 0 unknown, 9 unspecified. */
  readonly genderCode: string;
  readonly birthDate: string;
  readonly validFrom?: string;
  /** YYYYMMDD, YYYY-MM-DD or 长期 (no expiry). */
  readonly validTo?: string;
}

export interface IdentityProblem {
  readonly code: 'ID_NUMBER' | 'BIRTH_MISMATCH' | 'GENDER_MISMATCH';
  readonly message: string;
  readonly messageEn: string;
}

export const LONG_TERM = '长期';

/** YYYYMMDD or YYYY-MM-DD → YYYY-MM-DD; anything else → null. */
export function normaliseDate(value: string): string | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  return null;
}

/** Birth date and gender on the card must agree with those encoded in the number. */
export function checkCardAgainstNumber(card: CardFields, today: Date = new Date()): IdentityProblem[] {
  const checked = checkIdNumber(card.idNumber, today);
  if (!checked.valid) return [{ code: 'ID_NUMBER', message: checked.message, messageEn: checked.messageEn }];
  const problems: IdentityProblem[] = [];
  const { info } = checked;
  const birth = normaliseDate(card.birthDate);
  if (birth !== info.birthDate) {
    problems.push({
      code: 'BIRTH_MISMATCH',
      message: `证件出生日期${birth ?? card.birthDate}与身份证号码中的出生日期${info.birthDate}不一致`,
      messageEn: `Birth date on the card ${birth ?? card.birthDate} differs from the ${info.birthDate} in the ID number`,
    });
  }
  const expected = info.gender === 'male' ? '1' : '2';
  if (card.genderCode !== expected) {
    const label = GENDER_LABELS[card.genderCode] ?? `代码${card.genderCode}`;
    problems.push({
      code: 'GENDER_MISMATCH',
      message: `证件性别为"${label}",与身份证号码(第17位${info.gender === 'male' ? '为奇数,应为男' : '为偶数,应为女'})不一致`,
      messageEn: `Gender on the card is "${GENDER_LABELS_EN[card.genderCode] ?? `code ${card.genderCode}`}", not as in the ID number (17th digit ${info.gender === 'male' ? 'odd: male' : 'even: female'})`,
    });
  }
  return problems;
}

const GENDER_LABELS: Readonly<Record<string, string>> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };
const GENDER_LABELS_EN: Readonly<Record<string, string>> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };

export type CardValidity =
  | { readonly valid: true; readonly message: string; readonly messageEn: string }
  | { readonly valid: false; readonly code: 'EXPIRED' | 'NOT_YET_VALID' | 'UNKNOWN'; readonly message: string; readonly messageEn: string };

/** Is the card valid on `on` (YYYY-MM-DD)? The last day printed is still valid. */
export function checkCardValidity(card: Pick<CardFields, 'validFrom' | 'validTo'>, on: string): CardValidity {
  const to = card.validTo?.trim();
  if (to === undefined || to === '') return { valid: false, code: 'UNKNOWN', message: '未读取到身份证有效期,请核对证件', messageEn: 'The card\'s validity was not read: check the card' };
  const from = card.validFrom === undefined ? null : normaliseDate(card.validFrom);
  if (from !== null && on < from) {
    return { valid: false, code: 'NOT_YET_VALID', message: `身份证有效期自${from}起,${on}尚未生效`, messageEn: `The card is valid from ${from}, not yet on ${on}` };
  }
  if (to === LONG_TERM) return { valid: true, message: '身份证长期有效', messageEn: 'The card is valid without expiry' };
  const until = normaliseDate(to);
  if (until === null) return { valid: false, code: 'UNKNOWN', message: `身份证有效期"${to}"无法识别,请核对证件`, messageEn: `The card's validity "${to}" cannot be read: check the card` };
  if (on > until) return { valid: false, code: 'EXPIRED', message: `身份证有效期至${until},于${on}已过期,请申请人换领新证`, messageEn: `The card was valid until ${until} and has expired on ${on}: the applicant needs a new card` };
  return { valid: true, message: `身份证有效期至${until}`, messageEn: `The card is valid until ${until}` };
}

/**
 * Where a person stands in a case: `current` holds the benefit (a unit allocated or let, a subsidy
 * granted), `applied` has a case running that holds nothing yet (an application under review, a
 * renewal being decided), `ended` no longer holds or claims anything (rejected, exited).
 */
export type BenefitStanding = 'current' | 'applied' | 'ended';

/** One case or benefit of a person, as indexed by the caller (local data or a city export). */
export interface BenefitIndexEntry {
  readonly idHash: string;
  readonly officeId: string;
  readonly officeName?: string;
  readonly caseId: string;
  readonly businessItem: BusinessItem;
  /** Whether the person is the main applicant or a co-applicant in that case. */
  readonly role: 'applicant' | 'member';
  readonly standing: BenefitStanding;
}

export interface DuplicateHit {
  readonly officeId: string;
  readonly officeName?: string;
  readonly caseId: string;
  readonly businessItem: BusinessItem;
  /**
   * Whether the person holds that benefit now or has only applied (an ended one is no hit). Absent
   * (a source that does not say): not taken as a current benefit.
   */
  readonly standing?: Exclude<BenefitStanding, 'ended'>;
  readonly message: string;
  /** The same in English. */
  readonly messageEn?: string;
}

export type BenefitIndex = ReadonlyMap<string, readonly BenefitIndexEntry[]>;

export function buildBenefitIndex(entries: Iterable<BenefitIndexEntry>): BenefitIndex {
  const map = new Map<string, BenefitIndexEntry[]>();
  for (const e of entries) {
    const list = map.get(e.idHash);
    if (list) list.push(e);
    else map.set(e.idHash, [e]);
  }
  return map;
}

/**
 * Cases or benefits the person with this keyed ID hash holds or claims (not ended), except
 * `excludeCaseId` (the case being processed). `displayId` (masked) is only used in messages.
 */
export function findDuplicateBenefits(
  idHash: string,
  index: BenefitIndex,
  options: { readonly excludeCaseId?: string; readonly displayId?: string } = {},
): DuplicateHit[] {
  const who = options.displayId === undefined ? '该人员' : `身份证号${maskIdNumber(options.displayId)}的人员`;
  return (index.get(idHash) ?? [])
    .filter((e): e is BenefitIndexEntry & { standing: DuplicateHit['standing'] } => e.caseId !== options.excludeCaseId && e.standing !== 'ended')
    .map((e) => ({
      officeId: e.officeId,
      ...(e.officeName === undefined ? {} : { officeName: e.officeName }),
      caseId: e.caseId,
      businessItem: e.businessItem,
      standing: e.standing,
      message: `${who}已作为${e.role === 'applicant' ? '主申请人' : '共同申请人'}在${e.officeName ?? e.officeId}享受或申请${BUSINESS_ITEM_LABELS[e.businessItem]}(案件${e.caseId})`,
      messageEn: `${options.displayId === undefined ? 'This person' : `The person with ID number ${maskIdNumber(options.displayId)}`} already receives or applied for ${BUSINESS_ITEM_LABELS_EN[e.businessItem]} as ${e.role === 'applicant' ? 'main applicant' : 'co-applicant'} at ${e.officeName ?? e.officeId} (case ${e.caseId})`,
    }));
}
