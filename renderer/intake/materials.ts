// The business items a clerk may start and what each asks for, from the catalogue (the district's
// variant). An application item whose office keeps its own material list in reference data (the
// published requirements, domain/seed) uses that list; every other item its catalogue materials.
import { itemFor } from '../../domain/catalogue/engine';
import { currentCatalogue } from '../../domain/catalogue/registry';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import type { Category, CatalogueItem } from '../../domain/catalogue/types';
import type { BusinessItem } from '../../domain/model';
import type { Role } from '../../domain/model/events';
import type { MaterialListDoc, MaterialRequirement } from '../../domain/model/reference';
import { referenceDocs } from '../../domain/seed';

const LISTS = new Map(
  referenceDocs()
    .filter((d): d is MaterialListDoc => d.type === 'material_list')
    .map((d) => [d.businessItem, d.materials]),
);

/** Every material's English name in the shipped catalogue, by code. */
const ENGLISH = new Map(CATALOGUE.items.flatMap((i) => i.materials.map((m) => [m.code, m.name.en] as const)));

/** The draft's item code: older drafts name only the programme (its application item). */
export const draftItemCode = (draft: { readonly businessItem: BusinessItem | null; readonly item?: string | null }): string | null => draft.item ?? draft.businessItem;

/** The item as the district sees it, in the catalogue version new cases start under. */
export const catalogueItem = (code: string | null, districtId: string): CatalogueItem | undefined => (code ? itemFor(currentCatalogue(), code, districtId) : undefined);

export function requirementsFor(code: string | null, districtId = ''): readonly MaterialRequirement[] {
  const item = catalogueItem(code, districtId);
  if (!item) return [];
  const list = item.code === item.programme ? LISTS.get(item.programme) : undefined;
  // A published list names its materials in Chinese: the English names are the catalogue's.
  if (list) return list.map((r) => (r.nameEn ? r : { ...r, ...(ENGLISH.get(r.code) ? { nameEn: ENGLISH.get(r.code) } : {}) }));
  return item.materials.map((m) => ({ code: m.code, name: m.name.zh, nameEn: m.name.en, per: m.per, original: m.form === 'original_checked', ...(m.when ? { when: m.when } : {}) }));
}

export const CATEGORY_ORDER: readonly Category[] = ['allocation', 'subsidy', 'tenancy', 'exit', 'service'];

/** Items the roles may start as a case of their own (acts on an open case are taken on that case), by category. */
export function startableItems(roles: readonly Role[]): Map<Category, CatalogueItem[]> {
  const out = new Map<Category, CatalogueItem[]>();
  for (const c of CATEGORY_ORDER) {
    const items = currentCatalogue().items.filter((i) => i.category === c && i.subject !== 'open_case' && i.startedBy.some((r) => roles.includes(r)));
    if (items.length > 0) out.set(c, items);
  }
  return out;
}
