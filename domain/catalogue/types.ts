// The catalogue of business items (事项): what each item is, who may start it, what it asks for,
// which rules it runs, the stages it goes through and the documents it prints — as data, versioned
// and synced to workstations like other reference data, with per-district overrides.
import type { IsoDate } from '../model/common';
import type { Role } from '../model/events';
import type { BusinessItem } from '../model/programmes';
import type { RuleId } from '../rules/result';
import type { CaseStatus } from '../model/status';
import type { EventKind } from '../workflow/events';

/** Every label of the catalogue comes in both languages. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/**
 * Statuses a stage may show: the case statuses, and `completed` for an item that ends without an
 * approval of its own (a change of contact details, a withdrawal): the model takes it up with the
 * catalogue-driven engine.
 */
export type StageStatus = CaseStatus | 'completed';

export type Category = 'allocation' | 'tenancy' | 'subsidy' | 'exit' | 'service';

/** A new case for an applicant, a new case about a tenancy, or an act on a case already open. */
export type Subject = 'applicant' | 'tenancy' | 'open_case';

/**
 * What the applicant of an item about an existing benefit must hold in its programme when the case
 * is started: a current benefit (a lease or a subsidy allocated and not ended), or any case or
 * benefit not ended (a change of contact details while waiting).
 */
export type BenefitRequirement = 'current_benefit' | 'case_or_benefit';

export interface CatalogueMaterial {
  readonly code: string;
  readonly name: Text;
  readonly per: 'household' | 'member' | 'adult_member';
  /** The clerk checks the original and hands it back, or a copy is scanned and kept. */
  readonly form: 'original_checked' | 'copy_scanned';
  /** Only when the condition applies (a CONDITIONS entry). */
  readonly when?: string;
}

export interface FormSection {
  readonly id: string;
  readonly title: Text;
  /** Names from FORM_FIELDS. */
  readonly fields: readonly string[];
}

/** A rule of the rules engine, or a condition on one form field against a threshold or a value. */
export type CatalogueRule =
  | { readonly kind: 'builtin'; readonly rule: RuleId }
  | {
      readonly kind: 'condition';
      readonly id: string;
      readonly title: Text;
      readonly field: string;
      readonly op: '<=' | '>=' | '==' | '!=';
      readonly value: number | boolean | string;
      /** Whether a failed condition rejects, or asks a reviewer to look. */
      readonly onFail: 'fail' | 'needs_review';
    };

export interface StageAction {
  readonly event: EventKind;
  /** The stage it leads to. */
  readonly to: string;
  /** Who may record it; the stage's roles when absent. */
  readonly roles?: readonly Role[];
}

export interface StageDef {
  readonly id: string;
  readonly name: Text;
  /** The case status while the case is at this stage (the queues index statuses). */
  readonly status: StageStatus;
  readonly roles: readonly Role[];
  /** 办理时限 in working days; null when the stage has none (the applicant's turn, or closed). */
  readonly deadlineDays: number | null;
  readonly actions: readonly StageAction[];
  /** The case is finished here (no actions). */
  readonly terminal?: boolean;
}

export interface Captures {
  readonly face: boolean;
  readonly fingerprint: boolean;
}

export interface CatalogueItem {
  readonly code: string;
  readonly name: Text;
  readonly programme: BusinessItem;
  readonly category: Category;
  readonly subject: Subject;
  /** For `open_case` items: the statuses of the case the act applies to. */
  readonly appliesTo?: readonly CaseStatus[];
  /**
   * For a new case about a benefit (not its programme's application, not an act on an open case):
   * what the applicant must hold in the programme. Absent on such an item: a current benefit.
   */
  readonly requires?: BenefitRequirement;
  readonly startedBy: readonly Role[];
  readonly materials: readonly CatalogueMaterial[];
  readonly sections: readonly FormSection[];
  readonly rules: readonly CatalogueRule[];
  readonly start: string;
  readonly stages: readonly StageDef[];
  /** DOCUMENT_KINDS the item prints. */
  readonly documents: readonly string[];
  /**
   * What the counter captures of the applicant in person: a face photo, a fingerprint enrolled and
   * verified. Absent: both (a new applicant is enrolled).
   */
  readonly captures?: Captures;
  /** Facts no official source was found for, kept as data (示例). */
  readonly illustrative?: string;
}

/** A district's variant of an item: only what it changes. */
export interface DistrictOverride {
  readonly districtId: string;
  readonly item: string;
  readonly deadlineDays?: Readonly<Record<string, number>>;
  readonly rulesOff?: readonly string[];
  readonly materialsAdded?: readonly CatalogueMaterial[];
  readonly materialsRemoved?: readonly string[];
  readonly note?: string;
}

export interface Catalogue {
  /** Version the cases started under keep, e.g. "2026.1". */
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly items: readonly CatalogueItem[];
  readonly overrides: readonly DistrictOverride[];
}
