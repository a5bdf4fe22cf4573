// Reference documents for demos: districts, streets, programmes, thresholds and materials per business item.
import type { MaterialListDoc, MaterialRequirement, ProgrammeDoc, ReferenceDoc } from '../model/reference';
import type { BusinessItem } from '../model/programmes';
import { BUSINESS_ITEMS, BUSINESS_ITEM_LABELS, LEGACY_ITEMS } from '../model/programmes';
import { DEFAULT_THRESHOLD_DOCS } from '../rules/defaults';
import { SHENZHEN_DISTRICTS, SHENZHEN_STREETS } from './places';

const AT = '2023-08-01T00:00:00.000Z';
const base = { schemaVersion: 0, officeId: 'city', createdAt: AT, updatedAt: AT } as const;

const COMMON: readonly MaterialRequirement[] = [
  { code: 'id_card', name: '居民身份证', per: 'member', original: true },
  { code: 'hukou_book', name: '户口簿', per: 'household', original: true },
  { code: 'marriage_proof', name: '结婚证或单身、离婚证明', per: 'adult_member', original: true },
  { code: 'birth_cert', name: '子女出生医学证明', per: 'member', original: true, when: 'minor_child' },
  { code: 'property_search', name: '不动产登记查询结果', per: 'adult_member', original: false },
  { code: 'social_insurance', name: '社会保险缴纳记录', per: 'adult_member', original: false },
];
const INCOME: readonly MaterialRequirement[] = [
  { code: 'income_proof', name: '收入证明(单位证明或银行流水)', per: 'adult_member', original: true },
  { code: 'allowance_cert', name: '残疾人证、孤儿或高龄津贴证明', per: 'member', original: true, when: 'allowance' },
];

const MATERIALS: Readonly<Record<BusinessItem, readonly MaterialRequirement[]>> = {
  public_rental: [...COMMON, ...INCOME, { code: 'degree_cert', name: '学历或职称证书', per: 'adult_member', original: true, when: 'degree' }],
  rental_subsidy: [...COMMON, ...INCOME],
  affordable_rental: [COMMON[0]!, { code: 'residence_permit', name: '深圳市居住证', per: 'adult_member', original: true, when: 'no_hukou' }, COMMON[4]!, COMMON[5]!],
  shared_ownership: [...COMMON, { code: 'sale_record', name: '近5年住房交易记录查询结果', per: 'adult_member', original: false }],
  talent_housing: [...COMMON, { code: 'talent_cert', name: '人才认定证明', per: 'member', original: true }],
};

export function referenceDocs(): ReferenceDoc[] {
  const districts: ReferenceDoc[] = SHENZHEN_DISTRICTS.map((d) => ({ ...base, id: d.id, type: 'district', name: d.name, regionCode: d.regionCode }));
  const streets: ReferenceDoc[] = SHENZHEN_STREETS.map((s) => ({ ...base, id: s.id, type: 'street', name: s.name, districtId: s.district.id }));
  const programmes: ProgrammeDoc[] = BUSINESS_ITEMS.map((item) => ({
    ...base,
    id: `programme:${item}`,
    type: 'programme',
    businessItem: item,
    name: BUSINESS_ITEM_LABELS[item],
    acceptsApplications: !LEGACY_ITEMS.includes(item),
  }));
  const materials: MaterialListDoc[] = BUSINESS_ITEMS.map((item) => ({
    ...base,
    id: `material_list:${item}`,
    type: 'material_list',
    businessItem: item,
    materials: MATERIALS[item],
  }));
  return [...districts, ...streets, ...programmes, ...DEFAULT_THRESHOLD_DOCS, ...materials];
}
