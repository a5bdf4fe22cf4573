// Materials the items ask for, in both languages. `form`: the clerk checks the original and hands
// it back, or a copy is scanned and kept with the case.
import type { CatalogueMaterial } from '../types';

const m = (code: string, zh: string, en: string, per: CatalogueMaterial['per'], form: CatalogueMaterial['form'], when?: string): CatalogueMaterial =>
  when ? { code, name: { zh, en }, per, form, when } : { code, name: { zh, en }, per, form };

export const MATERIALS = {
  idCard: m('id_card', '居民身份证', 'Resident ID card', 'member', 'original_checked'),
  hukouBook: m('hukou_book', '户口簿', 'Household register (hukou book)', 'household', 'original_checked'),
  marriage: m('marriage_proof', '结婚证或单身、离婚证明', 'Marriage certificate, or proof of being single or divorced', 'adult_member', 'original_checked'),
  birth: m('birth_cert', '子女出生医学证明', 'Child’s birth certificate', 'member', 'original_checked', 'minor_child'),
  property: m('property_search', '不动产登记查询结果', 'Property register search result', 'adult_member', 'copy_scanned'),
  insurance: m('social_insurance', '社会保险缴纳记录', 'Social insurance record', 'adult_member', 'copy_scanned'),
  income: m('income_proof', '收入证明(单位证明或银行流水)', 'Proof of income (employer’s letter or bank statement)', 'adult_member', 'original_checked'),
  allowance: m('allowance_cert', '残疾人证、孤儿或高龄津贴证明', 'Disability, orphan or old-age allowance certificate', 'member', 'original_checked', 'allowance'),
  degree: m('degree_cert', '学历或职称证书', 'Degree or professional title certificate', 'adult_member', 'original_checked', 'degree'),
  permit: m('residence_permit', '深圳市居住证', 'Shenzhen residence permit', 'adult_member', 'original_checked', 'no_hukou'),
  sales: m('sale_record', '近5年住房交易记录查询结果', 'Housing sales of the last 5 years', 'adult_member', 'copy_scanned'),
  talent: m('talent_cert', '人才认定证明', 'Talent recognition certificate', 'member', 'original_checked'),
  lease: m('lease', '租赁合同', 'Lease contract', 'household', 'original_checked'),
  rentPaid: m('rent_receipts', '租金及物业费缴清凭证', 'Receipts of rent and fees paid', 'household', 'copy_scanned'),
  hardship: m('hardship_proof', '困难证明(低保、特困或重大疾病)', 'Proof of hardship (minimum living allowance, extreme poverty or serious illness)', 'household', 'copy_scanned'),
  handover: m('handover_record', '房屋交接确认单', 'Unit handover record', 'household', 'original_checked'),
  memberAdded: m('member_added_proof', '成员增加证明(结婚证、出生证明等)', 'Proof of a member added (marriage or birth certificate…)', 'member', 'original_checked', 'members_added'),
  memberRemoved: m('member_removed_proof', '成员减少证明(离婚证、死亡证明、户口迁出等)', 'Proof of a member removed (divorce, death, hukou moved out…)', 'member', 'original_checked', 'members_removed'),
  swapReason: m('swap_proof', '调换理由证明(就医、就学、就业或行动不便)', 'Proof of the reason for the swap (care, school, work or mobility)', 'household', 'copy_scanned'),
  objection: m('objection_letter', '书面异议材料', 'Written objection', 'household', 'copy_scanned'),
  withdraw: m('withdraw_statement', '放弃轮候声明', 'Statement of leaving the waiting list', 'household', 'original_checked'),
  correction: m('correction_materials', '告知书所列补正材料', 'Materials listed in the notice of corrections', 'household', 'copy_scanned'),
  account: m('bank_card', '本人银行卡', 'Applicant’s bank card', 'household', 'copy_scanned'),
} as const satisfies Record<string, CatalogueMaterial>;
