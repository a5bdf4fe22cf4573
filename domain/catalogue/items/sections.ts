// Form sections the items share.
import type { FormSection } from '../types';

const s = (id: string, zh: string, en: string, fields: readonly string[]): FormSection => ({ id, title: { zh, en }, fields });

export const SECTIONS = {
  applicant: s('applicant', '申请人', 'Applicant', ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.address']),
  household: s('household', '家庭成员', 'Household', ['household.maritalStatus', 'household.members', 'household.minorChildren']),
  finances: s('finances', '收入与资产', 'Income and assets', ['member.incomes', 'household.assets']),
  housing: s('housing', '住房情况', 'Housing', ['member.ownsHousing', 'member.soldHousingOn', 'member.otherBenefits']),
  residence: s('residence', '户籍与社保', 'Registration and social insurance', ['member.hukou', 'member.residencePermitSince', 'member.socialInsuranceYears', 'member.qualification']),
  tenancy: s('tenancy', '租赁情况', 'Tenancy', ['tenancy.leaseId', 'tenancy.unitId', 'tenancy.rent', 'tenancy.arrearsMonths', 'tenancy.endDate']),
  memberChange: s('member_change', '成员变更', 'Change of members', ['change.addedMembers', 'change.removedMembers', 'change.reason']),
  contact: s('contact', '联系信息', 'Contact details', ['contact.phone', 'contact.address']),
  exit: s('exit', '退出', 'Leaving', ['exit.date', 'exit.reason']),
  swap: s('swap', '调换', 'Swap', ['swap.reason', 'swap.preferredArea']),
  reduction: s('reduction', '租金减免', 'Rent reduction', ['reduction.reason', 'reduction.monthlyIncome']),
  contract: s('contract', '合同变更', 'Contract change', ['contract.change']),
  objection: s('objection', '异议', 'Objection', ['objection.reason']),
  withdraw: s('withdraw', '放弃轮候', 'Leaving the waiting list', ['withdraw.reason']),
  correction: s('correction', '补正', 'Corrections', ['correction.items']),
  subsidy: s('subsidy', '补贴发放', 'Subsidy payment', ['subsidy.bankAccount']),
  talent: s('talent', '人才认定', 'Talent recognition', ['talent.certificate']),
} as const satisfies Record<string, FormSection>;
