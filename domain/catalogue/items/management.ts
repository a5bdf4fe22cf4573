// Items after allocation and around an open case: renewals, changes, exits, annual reviews, rent
// reductions, swaps, corrections, objections, leaving the waiting list, contact details, and the
// legacy talent-housing tenancies. Deadlines and conditions no official source was found for are
// marked illustrative in the item.
import { exitStages, onTheSpotStages, streetDecisionStages, swapStages, twoReviewStages, actStages } from '../lifecycles';
import type { CatalogueItem, CatalogueRule } from '../types';
import { MATERIALS as M } from './materials';
import { SECTIONS as S } from './sections';

const LIMITS = { preliminary: 10, review: 10 } as const;
const rules = (...ids: ('income' | 'assets' | 'housing' | 'other_benefits' | 'household_composition' | 'identity_documents')[]): CatalogueRule[] =>
  ids.map((rule) => ({ kind: 'builtin', rule }));
const NO_ARREARS: CatalogueRule = {
  kind: 'condition',
  id: 'no_arrears',
  title: { zh: '租金已缴清', en: 'Rent paid up' },
  field: 'tenancy.arrearsMonths',
  op: '==',
  value: 0,
  onFail: 'needs_review',
};
const DECIDED = ['receipt', 'notice', 'correction_notice', 'decision_notice'];
const ILLUSTRATIVE = '办理时限及现场核验方式(核验指纹、不再采集人像)为示例,以区住房主管部门公布为准';
/** A tenant or recipient already enrolled at the application: the fingerprint is verified, no new face photo (示例). */
const VERIFY_ONLY = { face: false, fingerprint: true } as const;

type Tenancy = Pick<CatalogueItem, 'code' | 'name' | 'programme' | 'category' | 'materials' | 'sections' | 'rules' | 'stages' | 'documents'> & Partial<CatalogueItem>;
/** A case about a benefit the applicant holds: started at the counter only for a current tenant or recipient. */
const tenancyItem = (item: Tenancy): CatalogueItem => ({ subject: 'tenancy', requires: 'current_benefit', startedBy: ['clerk'], start: 'draft', illustrative: ILLUSTRATIVE, captures: VERIFY_ONLY, ...item });

/** Handing a unit back: the same materials, rule and stages in every programme. */
const exitItem = (code: string, name: CatalogueItem['name'], programme: CatalogueItem['programme']): CatalogueItem =>
  tenancyItem({
    code,
    name,
    programme,
    category: 'exit',
    materials: [M.idCard, M.lease, M.rentPaid, M.handover],
    sections: [S.applicant, S.tenancy, S.exit],
    rules: [NO_ARREARS],
    stages: exitStages(LIMITS),
    documents: ['receipt', 'notice', 'decision_notice', 'exit_confirmation'],
  });

export const MANAGEMENT_ITEMS: readonly CatalogueItem[] = [
  tenancyItem({
    code: 'public_rental.renewal',
    name: { zh: '公共租赁住房续租', en: 'Public rental lease renewal' },
    programme: 'public_rental',
    category: 'tenancy',
    materials: [M.idCard, M.hukouBook, M.lease, M.income, M.property],
    sections: [S.applicant, S.household, S.finances, S.housing, S.tenancy],
    rules: [...rules('income', 'assets', 'housing', 'other_benefits'), NO_ARREARS],
    stages: twoReviewStages(LIMITS),
    documents: [...DECIDED, 'change_confirmation'],
  }),
  tenancyItem({
    code: 'public_rental.member_change',
    name: { zh: '家庭成员变更', en: 'Change of household members' },
    programme: 'public_rental',
    category: 'tenancy',
    materials: [M.idCard, M.hukouBook, M.lease, M.memberAdded, M.memberRemoved, M.income],
    sections: [S.applicant, S.household, S.memberChange, S.finances, S.tenancy],
    rules: rules('household_composition', 'income', 'assets'),
    stages: twoReviewStages(LIMITS),
    documents: [...DECIDED, 'change_confirmation'],
  }),
  exitItem('public_rental.exit', { zh: '退租(退出公共租赁住房)', en: 'Leaving public rental housing' }, 'public_rental'),
  tenancyItem({
    code: 'rental_subsidy.annual_review',
    name: { zh: '租赁补贴年审', en: 'Rental subsidy annual review' },
    programme: 'rental_subsidy',
    category: 'subsidy',
    subject: 'applicant',
    materials: [M.idCard, M.hukouBook, M.income, M.property, M.insurance, M.account],
    sections: [S.applicant, S.household, S.finances, S.housing, S.subsidy],
    rules: rules('income', 'assets', 'housing', 'other_benefits'),
    stages: twoReviewStages(LIMITS),
    documents: DECIDED,
  }),
  tenancyItem({
    code: 'public_rental.rent_reduction',
    name: { zh: '租金减免', en: 'Rent reduction' },
    programme: 'public_rental',
    category: 'tenancy',
    materials: [M.idCard, M.lease, M.hardship, M.income],
    sections: [S.applicant, S.tenancy, S.reduction],
    rules: [
      {
        kind: 'condition',
        id: 'reduction_income',
        title: { zh: '家庭月收入不高于减免标准(示例 4,000 元)', en: 'Monthly household income at most the reduction limit (illustrative CNY 4,000)' },
        field: 'reduction.monthlyIncome',
        op: '<=',
        value: 4000,
        onFail: 'needs_review',
      },
    ],
    stages: twoReviewStages(LIMITS),
    documents: DECIDED,
  }),
  tenancyItem({
    code: 'public_rental.swap',
    name: { zh: '公共租赁住房调换', en: 'Public rental unit swap' },
    programme: 'public_rental',
    category: 'tenancy',
    materials: [M.idCard, M.lease, M.swapReason, M.rentPaid],
    sections: [S.applicant, S.household, S.tenancy, S.swap],
    rules: [NO_ARREARS],
    stages: swapStages(LIMITS),
    documents: [...DECIDED, 'change_confirmation'],
  }),
  tenancyItem({
    code: 'public_rental.contract_change',
    name: { zh: '租赁合同变更', en: 'Lease contract change' },
    programme: 'public_rental',
    category: 'tenancy',
    materials: [M.idCard, M.lease],
    sections: [S.applicant, S.tenancy, S.contract],
    rules: [],
    stages: streetDecisionStages(5),
    documents: ['receipt', 'notice', 'decision_notice', 'change_confirmation'],
  }),
  tenancyItem({
    code: 'contact_change',
    name: { zh: '联系信息变更', en: 'Change of contact details' },
    programme: 'public_rental',
    category: 'service',
    subject: 'applicant',
    // An applicant on the waiting list changes a phone number too: any case or benefit not ended.
    requires: 'case_or_benefit',
    materials: [M.idCard],
    sections: [S.applicant, S.contact],
    rules: rules('identity_documents'),
    stages: onTheSpotStages(),
    documents: ['change_confirmation'],
  }),
  {
    code: 'correction',
    name: { zh: '补正材料', en: 'Supplying missing materials' },
    programme: 'public_rental',
    category: 'service',
    subject: 'open_case',
    appliesTo: ['returned'],
    startedBy: ['clerk'],
    materials: [M.correction],
    sections: [S.correction],
    rules: [],
    start: 'draft',
    stages: actStages('submit', ['clerk']),
    documents: ['receipt'],
  },
  {
    code: 'publicity.objection',
    name: { zh: '公示异议', en: 'Objection during publicity' },
    programme: 'public_rental',
    category: 'allocation',
    subject: 'open_case',
    appliesTo: ['in_publicity'],
    startedBy: ['reviewer', 'district_reviewer'],
    materials: [M.objection],
    sections: [S.objection],
    rules: [],
    start: 'draft',
    stages: actStages('objection', ['reviewer', 'district_reviewer']),
    documents: ['objection_receipt'],
  },
  {
    code: 'waiting.withdraw',
    name: { zh: '放弃轮候', en: 'Leaving the waiting list' },
    programme: 'public_rental',
    category: 'exit',
    subject: 'open_case',
    appliesTo: ['waiting'],
    startedBy: ['district_reviewer'],
    materials: [M.idCard, M.withdraw],
    sections: [S.applicant, S.withdraw],
    rules: [],
    start: 'draft',
    stages: actStages('exit', ['district_reviewer']),
    documents: ['exit_confirmation'],
    illustrative: '放弃声明由街道窗口收取、区住房主管部门登记(示例)',
  },
  tenancyItem({
    code: 'talent_housing.renewal',
    name: { zh: '人才住房续租(历史项目)', en: 'Talent housing lease renewal (legacy)' },
    programme: 'talent_housing',
    category: 'tenancy',
    materials: [M.idCard, M.lease, M.talent, M.property],
    sections: [S.applicant, S.household, S.housing, S.tenancy, S.talent],
    rules: [...rules('housing'), NO_ARREARS],
    stages: twoReviewStages(LIMITS),
    documents: [...DECIDED, 'change_confirmation'],
  }),
  exitItem('talent_housing.exit', { zh: '人才住房退出(历史项目)', en: 'Leaving talent housing (legacy)' }, 'talent_housing'),
];
