// An intake in progress (one visit at the counter): what the clerk has gathered so far. It is
// autosaved (sealed) after every change, so a crash or power cut resumes where it stopped, and
// turned into the rules' Application and the materials checklist. Scanned pages are not in it:
// each page's bytes are sealed and stored once, apart, and the draft names them (`contentId`), so
// the autosave after each keystroke stays small however many pages were scanned.
import type { QuarterTurn } from '../ocr/image';
import type { DuplicateOverride } from './override';
import type { FaceMatchRecord, FingerprintMatchRecord } from './identity-evidence';
import type { FingerprintTemplate, IdCard } from '../devices';
import { checkIdNumber } from '../identity/idnumber';
import type { HukouKind, MaritalStatus, Relation } from '../model/people';
import type { BusinessItem } from '../model/programmes';
import type { MaterialRequirement } from '../model/reference';
import type { Application, ApplicationMember, IncomeKind } from '../rules/application';
import { isReceived } from './received';

export const INTAKE_STEPS = ['item', 'applicant', 'household', 'face', 'fingerprint', 'scans', 'check', 'receipt'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export interface DraftMember {
  readonly key: string;
  readonly relation: Relation;
  readonly name: string;
  readonly idNumber: string;
  /** The card as read from the reader (raw data kept for the case, sealed at rest). */
  readonly card: IdCard | null;
  readonly hukou: HukouKind;
  readonly residencePermitSince: string | null;
  readonly incomeKind: IncomeKind;
  /** CNY per year; null: not declared yet. */
  readonly annualIncome: number | null;
  readonly socialInsuranceYears: number | null;
  readonly ownsHousingInShenzhen: boolean | null;
}

export interface DraftFace {
  readonly descriptor: readonly number[];
  /** The captured still, JPEG, base64 (sealed with the draft). */
  readonly jpegBase64: string;
}

export interface DraftScan {
  readonly key: string;
  readonly materialCode: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** Where the page's bytes are kept, sealed, apart from the draft. */
  readonly contentId: string;
  readonly byteLength: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly text: string;
  /** How far the page lay turned clockwise when OCR read it upright (absent in older drafts: 0). */
  readonly turned?: QuarterTurn;
}

export interface IntakeDraft {
  readonly version: 1;
  /** The case id this intake will create. */
  readonly caseId: string;
  readonly startedAt: string;
  readonly step: IntakeStep;
  /** Steps the clerk has been on (the step bar marks only those as done). Absent in older drafts. */
  readonly visited?: readonly IntakeStep[];
  readonly businessItem: BusinessItem | null;
  /** The business item's catalogue code (its programme is `businessItem`); absent in older drafts: the programme's application. */
  readonly item?: string | null;
  readonly received: readonly string[];
  readonly members: readonly DraftMember[];
  readonly maritalStatus: MaritalStatus | null;
  readonly householdAssets: number | null;
  readonly face: DraftFace | null;
  readonly fingerprint: FingerprintTemplate | null;
  readonly scans: readonly DraftScan[];
  /** A reviewer's signed override of a duplicate-benefit block (domain/intake/override.ts). */
  readonly override: DuplicateOverride | null;
  /** The face step's comparison of the captured face with this person's faces on file (absent in older drafts). */
  readonly faceMatch?: FaceMatchRecord | null;
  /** The fingerprint step's verification of the live finger (absent until verified). */
  readonly fingerprintMatch?: FingerprintMatchRecord | null;
}

export function newDraft(caseId: string, at: string): IntakeDraft {
  return {
    version: 1,
    caseId,
    startedAt: at,
    step: 'item',
    visited: [],
    businessItem: null,
    received: [],
    members: [],
    maritalStatus: null,
    householdAssets: null,
    face: null,
    fingerprint: null,
    scans: [],
    override: null,
  };
}

export function blankMember(key: string, relation: Relation): DraftMember {
  return {
    key,
    relation,
    name: '',
    idNumber: '',
    card: null,
    hukou: 'shenzhen',
    residencePermitSince: null,
    incomeKind: 'wage',
    annualIncome: null,
    socialInsuranceYears: null,
    ownsHousingInShenzhen: null,
  };
}

/** A member filled from a card read: the card wins over what was typed. */
export function memberFromCard(member: DraftMember, card: IdCard): DraftMember {
  return { ...member, name: card.name, idNumber: card.idNumber, card };
}

export const applicantOf = (draft: IntakeDraft): DraftMember | undefined => draft.members.find((m) => m.relation === 'applicant');

const isMinor = (m: DraftMember, on: string): boolean => {
  const id = checkIdNumber(m.idNumber);
  if (!id.valid) return false;
  const birth = id.info.birthDate;
  const age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
  return age < 18;
};

export interface ChecklistItem {
  /** Unique within the intake: material code, plus the member key for per-member materials. */
  readonly id: string;
  readonly code: string;
  readonly label: string;
  /** The label in English, where the requirement has an English name. */
  readonly labelEn?: string;
  readonly original: boolean;
}

/** Every material this household must bring for the business item, one line per member where needed. */
export function checklist(draft: IntakeDraft, requirements: readonly MaterialRequirement[], on: string): ChecklistItem[] {
  const members = draft.members.filter((m) => m.name);
  const out: ChecklistItem[] = [];
  for (const r of requirements) {
    const applies = (m: DraftMember): boolean => {
      if (r.per === 'adult_member' && isMinor(m, on)) return false;
      if (r.when === 'minor_child') return isMinor(m, on);
      if (r.when === 'no_hukou') return m.hukou !== 'shenzhen';
      if (r.when === 'allowance') return m.incomeKind.endsWith('_allowance');
      if (r.when === 'degree') return false; // only when the applicant relies on a degree; added by the clerk
      // A change of members (家庭成员变更) proves the members joining or leaving the household: never
      // the tenant, who holds the lease and stays. Left to fall through, both proofs were asked of
      // the tenant alone, and an intake with all its listed materials checked came out as returned.
      if (r.when === 'members_added' || r.when === 'members_removed') return m.relation !== 'applicant';
      return true;
    };
    if (r.per === 'household' || members.length === 0) {
      if (r.when === undefined) out.push({ id: r.code, code: r.code, label: r.name, ...(r.nameEn ? { labelEn: r.nameEn } : {}), original: r.original });
      continue;
    }
    for (const m of members.filter(applies)) {
      out.push({ id: `${r.code}:${m.key}`, code: r.code, label: `${r.name}(${m.name})`, ...(r.nameEn ? { labelEn: `${r.nameEn} (${m.name})` } : {}), original: r.original });
    }
  }
  return out;
}

export const missingMaterials = (items: readonly ChecklistItem[], received: readonly string[]): ChecklistItem[] =>
  items.filter((i) => !isReceived(i, received));

/** The draft as the eligibility rules see it. */
export function toApplication(draft: IntakeDraft, districtId: string, applicationDate: string): Application | undefined {
  if (!draft.businessItem) return undefined;
  const members: ApplicationMember[] = draft.members.map((m) => {
    const id = checkIdNumber(m.idNumber);
    const birthDate = m.card?.birthDate ?? (id.valid ? id.info.birthDate : '');
    return {
      personId: m.key,
      name: m.name,
      relation: m.relation,
      birthDate,
      hukou: m.hukou,
      residencePermitSince: m.residencePermitSince,
      incomes: m.annualIncome === null ? null : [{ kind: m.incomeKind, annualAmount: m.annualIncome }],
      socialInsuranceYears: m.socialInsuranceYears,
      qualification: null,
      ownsHousingInShenzhen: m.ownsHousingInShenzhen,
      soldHousingOn: null,
      otherBenefits: [],
      removedForViolationOn: null,
      card: m.card
        ? { idNumber: m.card.idNumber, genderCode: m.card.genderCode, birthDate: m.card.birthDate, validFrom: m.card.validFrom, validTo: m.card.validTo }
        : null,
      registerIdNumber: m.card ? null : m.idNumber || null,
    };
  });
  return {
    businessItem: draft.businessItem,
    districtId,
    applicationDate,
    maritalStatus: draft.maritalStatus,
    minorChildren: draft.members.filter((m) => m.relation === 'child' && isMinor(m, applicationDate)).length,
    householdAssets: draft.householdAssets,
    members,
  };
}
