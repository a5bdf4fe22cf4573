// Business items (事项) handled by the workstation, with their Chinese names.

export const BUSINESS_ITEMS = [
  'public_rental',
  'affordable_rental',
  'shared_ownership',
  'rental_subsidy',
  'talent_housing',
] as const;
export type BusinessItem = (typeof BUSINESS_ITEMS)[number];

export const BUSINESS_ITEM_LABELS: Readonly<Record<BusinessItem, string>> = {
  public_rental: '公共租赁住房',
  affordable_rental: '保障性租赁住房',
  shared_ownership: '共有产权住房',
  rental_subsidy: '租赁补贴',
  talent_housing: '人才住房',
};

/** The programmes' names in English (the English screens and messages). */
export const BUSINESS_ITEM_LABELS_EN: Readonly<Record<BusinessItem, string>> = {
  public_rental: 'public rental housing',
  affordable_rental: 'affordable rental housing',
  shared_ownership: 'shared-ownership housing',
  rental_subsidy: 'rental subsidy',
  talent_housing: 'talent housing',
};

/** Legacy programmes are still managed (leases, exits) but take no new applications. */
export const LEGACY_ITEMS: readonly BusinessItem[] = ['talent_housing'];

export function isBusinessItem(value: string): value is BusinessItem {
  return (BUSINESS_ITEMS as readonly string[]).includes(value);
}
