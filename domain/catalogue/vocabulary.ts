// The words a catalogue may use: form fields, conditions of materials, printed documents. A
// catalogue naming anything else is refused by `checkCatalogue` (and `hws catalogue check`).
import type { RuleId } from '../rules/result';
import type { Text } from './types';

/** Fields a form section may collect, with their labels. */
export const FORM_FIELDS: Readonly<Record<string, Text>> = {
  'applicant.name': { zh: '申请人姓名', en: 'Applicant name' },
  'applicant.idNumber': { zh: '申请人身份证号码', en: 'Applicant ID number' },
  'applicant.phone': { zh: '联系电话', en: 'Phone' },
  'applicant.address': { zh: '现居住地址', en: 'Current address' },
  'household.maritalStatus': { zh: '婚姻状况', en: 'Marital status' },
  'household.members': { zh: '家庭成员', en: 'Household members' },
  'household.minorChildren': { zh: '未成年子女人数', en: 'Minor children' },
  'household.assets': { zh: '家庭资产净值', en: 'Net household assets' },
  'member.incomes': { zh: '成员收入', en: 'Members’ incomes' },
  'member.socialInsuranceYears': { zh: '社保缴纳年限', en: 'Years of social insurance' },
  'member.qualification': { zh: '学历或职称', en: 'Degree or title' },
  'member.ownsHousing': { zh: '在深自有住房', en: 'Owns housing in Shenzhen' },
  'member.soldHousingOn': { zh: '住房出售日期', en: 'Date housing was sold' },
  'member.otherBenefits': { zh: '其他住房保障待遇', en: 'Other housing benefits' },
  'member.hukou': { zh: '户籍', en: 'Household registration' },
  'member.residencePermitSince': { zh: '居住证起始日期', en: 'Residence permit since' },
  'tenancy.leaseId': { zh: '租赁合同编号', en: 'Lease number' },
  'tenancy.unitId': { zh: '房源', en: 'Unit' },
  'tenancy.rent': { zh: '月租金', en: 'Monthly rent' },
  'tenancy.arrearsMonths': { zh: '欠租月数', en: 'Months in arrears' },
  'tenancy.endDate': { zh: '合同到期日', en: 'Lease end date' },
  'change.addedMembers': { zh: '新增成员', en: 'Members added' },
  'change.removedMembers': { zh: '减少成员', en: 'Members removed' },
  'change.reason': { zh: '变更原因', en: 'Reason for the change' },
  'contact.phone': { zh: '新联系电话', en: 'New phone' },
  'contact.address': { zh: '新通讯地址', en: 'New postal address' },
  'exit.date': { zh: '退租日期', en: 'Move-out date' },
  'exit.reason': { zh: '退出原因', en: 'Reason for leaving' },
  'swap.reason': { zh: '调换原因', en: 'Reason for the swap' },
  'swap.preferredArea': { zh: '意向片区', en: 'Preferred area' },
  'reduction.reason': { zh: '减免原因', en: 'Reason for the reduction' },
  'reduction.monthlyIncome': { zh: '家庭月收入', en: 'Monthly household income' },
  'contract.change': { zh: '合同变更内容', en: 'Contract change' },
  'objection.reason': { zh: '异议事由', en: 'Grounds of the objection' },
  'withdraw.reason': { zh: '放弃原因', en: 'Reason for withdrawing' },
  'subsidy.bankAccount': { zh: '补贴发放账户', en: 'Account for the subsidy' },
  'talent.certificate': { zh: '人才认定证明编号', en: 'Talent certificate number' },
  'correction.items': { zh: '补正材料', en: 'Materials supplied' },
};

/** What a built-in rule reads: an item that runs it must collect these fields. */
export const RULE_INPUTS: Readonly<Record<RuleId, readonly string[]>> = {
  applicant_age_hukou: ['applicant.idNumber', 'member.hukou'],
  income: ['member.incomes', 'household.members'],
  assets: ['household.assets', 'household.members'],
  social_insurance: ['member.socialInsuranceYears'],
  housing: ['member.ownsHousing'],
  household_composition: ['household.maritalStatus', 'household.members'],
  other_benefits: ['member.otherBenefits'],
  identity_documents: ['applicant.idNumber'],
};

/** Conditions a material may depend on. */
export const CONDITIONS: Readonly<Record<string, Text>> = {
  married: { zh: '已婚', en: 'married' },
  minor_child: { zh: '有未成年子女', en: 'with a minor child' },
  allowance: { zh: '领取津贴', en: 'receiving an allowance' },
  degree: { zh: '以学历或职称申请', en: 'applying with a degree or title' },
  no_hukou: { zh: '非深户籍', en: 'without Shenzhen hukou' },
  members_added: { zh: '新增成员', en: 'members added' },
  members_removed: { zh: '减少成员', en: 'members removed' },
  arrears: { zh: '有欠租', en: 'with rent arrears' },
};

/** Documents an item may print. */
export const DOCUMENT_KINDS: Readonly<Record<string, Text>> = {
  receipt: { zh: '受理回执', en: 'Receipt' },
  notice: { zh: '一次性告知书', en: 'One-time notice of missing materials' },
  correction_notice: { zh: '补正告知书', en: 'Notice of corrections' },
  decision_notice: { zh: '审核结果通知书', en: 'Decision notice' },
  publicity_list: { zh: '公示名单', en: 'Publicity list' },
  change_confirmation: { zh: '变更确认书', en: 'Confirmation of the change' },
  exit_confirmation: { zh: '退出确认书', en: 'Confirmation of leaving' },
  objection_receipt: { zh: '异议受理回执', en: 'Receipt of the objection' },
  allocation_notice: { zh: '配租配售通知书', en: 'Notice of allocation' },
  contract_confirmation: { zh: '签约确认书', en: 'Confirmation of the contract' },
};
