// Whether a person holds the benefit an item is about. A renewal, a change of members, an exit, a
// subsidy's annual review… is a case about a benefit the applicant holds now: the counter may start
// it only for someone with a current benefit of the item's programme. `benefitProblem` is called by
// checkSubmission, the check the committing function runs, so no screen or script goes around it.
import { stageAt } from '../catalogue/engine';
import { currentCatalogue } from '../catalogue/registry';
import { CATALOGUE } from '../catalogue/shipped';
import type { BenefitRequirement, CatalogueItem } from '../catalogue/types';
import type { BenefitStanding, DuplicateHit } from '../identity/checks';
import type { CaseStatus } from '../model/status';
import { BUSINESS_ITEM_LABELS, BUSINESS_ITEM_LABELS_EN, type BusinessItem } from '../model/programmes';

/** Statuses in which the case's household holds its benefit: a unit allocated, let or under inspection, a subsidy granted. */
export const HOLDING_STATUSES: readonly CaseStatus[] = ['allocated', 'contracted', 'in_tenancy', 'violation'];

/** Statuses that no longer hold or claim a benefit. */
export const ENDED_STATUSES: readonly CaseStatus[] = ['rejected', 'exited'];

/**
 * Where the people of a case in this status stand in its programme. `itemCode`: the case's item
 * (`caseItemCode`); a change about a benefit (续租, 联系信息变更…) that has reached its item's final
 * stage (已核准, 已办结) is done and claims nothing — the benefit it is about is held by the tenancy
 * case — so it is 'ended', not an application still being processed.
 */
export function benefitStanding(status: CaseStatus, itemCode?: string): BenefitStanding {
  if (ENDED_STATUSES.includes(status)) return 'ended';
  if (HOLDING_STATUSES.includes(status)) return 'current';
  const item = itemCode === undefined ? undefined : CATALOGUE.items.find((i) => i.code === itemCode);
  if (item && item.code !== item.programme && stageAt(item, status)?.terminal) return 'ended';
  return 'applied';
}

/**
 * What the applicant of `item` must hold in its programme, or null: an item of its own programme's
 * application (the duplicate-benefit rule applies instead) or an act on an open case holds nothing.
 */
export function benefitRequirement(item: Pick<CatalogueItem, 'code' | 'programme' | 'subject' | 'requires'>): BenefitRequirement | null {
  if (item.code === item.programme || item.subject === 'open_case') return null;
  return item.requires ?? 'current_benefit';
}

export interface BenefitProblem {
  readonly message: string;
  readonly messageEn: string;
}

/**
 * Why the applicant cannot start a case of `code` (a catalogue item of `programme`), or null.
 * `hits` are the applicant's own cases and benefits found by the duplicate-benefit check (any
 * office, as applicant or co-applicant, ended ones left out). Unknown items are left to itemProblem.
 */
export function benefitProblem(programme: BusinessItem, code: string, applicantName: string, hits: readonly DuplicateHit[]): BenefitProblem | null {
  // A new case starts under the version in force: its items decide what must be held.
  const item = currentCatalogue().items.find((i) => i.code === code);
  const requirement = item ? benefitRequirement(item) : null;
  if (!item || !requirement) return null;
  const own = hits.filter((h) => h.businessItem === programme);
  const held = requirement === 'current_benefit' ? own.some((h) => h.standing === 'current') : own.length > 0;
  if (held) return null;
  const who = applicantName.trim() || '申请人';
  const whoEn = applicantName.trim() || 'The applicant';
  const zh = BUSINESS_ITEM_LABELS[programme];
  const en = BUSINESS_ITEM_LABELS_EN[programme];
  if (requirement === 'current_benefit') {
    const pending = own.length > 0 ? `(${zh}申请尚在办理中,尚未配租或享受)` : '';
    return {
      message: `${who}目前没有正在享受的${zh}${pending},不能办理“${item.name.zh}”:该事项只为现有${zh}的承租人或保障对象办理`,
      messageEn: `${whoEn} holds no current ${en}${own.length > 0 ? ' (an application is still being processed, nothing allocated yet)' : ''}, so “${item.name.en}” cannot be started: it is only for a current tenant or recipient of ${en}`,
    };
  }
  return {
    message: `${who}没有在办或正在享受的${zh},不能办理“${item.name.zh}”`,
    messageEn: `${whoEn} has no open case or current benefit of ${en}, so “${item.name.en}” cannot be started`,
  };
}
