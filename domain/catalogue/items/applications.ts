// The four application programmes (and the legacy talent housing, which takes no new applications
// but whose cases are still managed): the lifecycle the workflow engine enforced in code.
import { RULE_IDS } from '../../rules/result';
import { applicationStages } from '../lifecycles';
import type { CatalogueItem, CatalogueRule } from '../types';
import { MATERIALS as M } from './materials';
import { SECTIONS as S } from './sections';

/** 初审 10 and 复审 15 working days, publicity 7 days: illustrative, no published limit was found. */
export const APPLICATION_LIMITS = { preliminary: 10, review: 15 } as const;
export const PUBLICITY_DAYS = 7;

const ALL_RULES: readonly CatalogueRule[] = RULE_IDS.map((rule) => ({ kind: 'builtin', rule }));
const COMMON = [M.idCard, M.hukouBook, M.marriage, M.birth, M.property, M.insurance];
const FORM = [S.applicant, S.household, S.finances, S.housing, S.residence];
const DOCUMENTS = ['receipt', 'notice', 'correction_notice', 'decision_notice', 'publicity_list'];

const application = (code: string, programme: CatalogueItem['programme'], zh: string, en: string, materials: CatalogueItem['materials'], extra: Partial<CatalogueItem> = {}): CatalogueItem => ({
  code,
  name: { zh, en },
  programme,
  category: 'allocation',
  subject: 'applicant',
  startedBy: ['clerk'],
  materials,
  sections: FORM,
  rules: ALL_RULES,
  start: 'draft',
  stages: applicationStages(APPLICATION_LIMITS, PUBLICITY_DAYS),
  documents: DOCUMENTS,
  ...extra,
});

export const APPLICATION_ITEMS: readonly CatalogueItem[] = [
  application('public_rental', 'public_rental', '公共租赁住房申请', 'Public rental housing application', [...COMMON, M.income, M.allowance, M.degree]),
  application('rental_subsidy', 'rental_subsidy', '租赁补贴申请', 'Rental subsidy application', [...COMMON, M.income, M.allowance], {
    category: 'subsidy',
    sections: [...FORM, S.subsidy],
    illustrative: '租赁补贴的轮候与发放按公共租赁住房流程示例',
  }),
  application('affordable_rental', 'affordable_rental', '保障性租赁住房申请', 'Affordable rental housing application', [M.idCard, M.permit, M.property, M.insurance]),
  application('shared_ownership', 'shared_ownership', '共有产权住房申请', 'Shared-ownership housing application', [...COMMON, M.sales]),
  application('talent_housing', 'talent_housing', '人才住房申请(历史项目)', 'Talent housing application (legacy programme)', [...COMMON, M.talent], {
    startedBy: [],
    sections: [...FORM, S.talent],
    illustrative: '历史项目:不再受理新申请,存量案件按原流程办理',
  }),
];
