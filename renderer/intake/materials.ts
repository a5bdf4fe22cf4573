// The materials each business item requires. Until reference data carries office-specific lists,
// the defaults of domain/seed (the published requirements) are used.
import type { BusinessItem } from '../../domain/model';
import type { MaterialListDoc, MaterialRequirement } from '../../domain/model/reference';
import { referenceDocs } from '../../domain/seed';

const LISTS = new Map(
  referenceDocs()
    .filter((d): d is MaterialListDoc => d.type === 'material_list')
    .map((d) => [d.businessItem, d.materials]),
);

export const requirementsFor = (item: BusinessItem | null): readonly MaterialRequirement[] => (item ? (LISTS.get(item) ?? []) : []);
