// A case's business item by name, as the catalogue version it started under calls it.
import { stageAt } from './engine';
import { CATALOGUE } from './shipped';
import type { CatalogueItem } from './types';

const BY_CODE = new Map(CATALOGUE.items.map((i) => [i.code, i]));

/** The item of a case document (old documents: their programme's application item). */
export const caseCatalogueItem = (doc: { readonly businessItem: string; readonly item?: string }): CatalogueItem | undefined => BY_CODE.get(doc.item ?? doc.businessItem);

/** The item's name in the language ('en…' English, otherwise Chinese); the code when unknown. */
export function itemName(doc: { readonly businessItem: string; readonly item?: string }, language = 'zh-CN'): string {
  const item = caseCatalogueItem(doc);
  if (!item) return doc.item ?? doc.businessItem;
  return language.startsWith('en') ? item.name.en : item.name.zh;
}

/** The name of the item's stage a case at `status` is in (e.g. 退房交接), or '' when the item has none. */
export function stageName(doc: { readonly businessItem: string; readonly item?: string }, status: string, language = 'zh-CN'): string {
  const item = caseCatalogueItem(doc);
  const stage = item && stageAt(item, status as never);
  if (!stage) return '';
  return language.startsWith('en') ? stage.name.en : stage.name.zh;
}
