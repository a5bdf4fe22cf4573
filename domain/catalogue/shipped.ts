// The catalogue of business items (事项) this version of the workstation ships with. It goes to the
// reference data at setup; a case keeps the version it started under.
import { APPLICATION_ITEMS } from './items/applications';
import { MANAGEMENT_ITEMS } from './items/management';
import { MATERIALS } from './items/materials';
import type { Catalogue } from './types';

export const CATALOGUE: Catalogue = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  items: [...APPLICATION_ITEMS, ...MANAGEMENT_ITEMS],
  overrides: [
    {
      districtId: 'district:440305',
      item: 'public_rental',
      deadlineDays: { preliminary: 8 },
      note: '示例:南山区初审时限 8 个工作日',
    },
    {
      districtId: 'district:440306',
      item: 'public_rental.renewal',
      materialsAdded: [{ ...MATERIALS.insurance, code: 'social_insurance_renewal' }],
      note: '示例:宝安区续租另收社保缴纳记录',
    },
    {
      districtId: 'district:440304',
      item: 'public_rental.rent_reduction',
      rulesOff: ['reduction_income'],
      note: '示例:福田区租金减免不设收入标准,由街道逐案审核',
    },
  ],
};
