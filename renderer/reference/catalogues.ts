// Catalogue versions published centrally reach the workstation as reference documents. Each one is
// checked before it is adopted — its shape (domain/catalogue/schema), its meaning (every stage
// reachable, every label translated…: domain/catalogue/check) and that its version number was never
// used for other content — and the version in force today is the one new cases start under
// (domain/catalogue/registry). A refused document changes nothing: the version in force stays, and
// the reference page says why it was refused.
import type { Subscription } from 'rxjs';
import { checkCatalogue } from '../../domain/catalogue/check';
import { adoptCatalogues, catalogueOf, compareVersions } from '../../domain/catalogue/registry';
import { parseCatalogue } from '../../domain/catalogue/schema';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import type { Catalogue } from '../../domain/catalogue/types';
import type { WorkstationDb } from '../db/database';

export type CatalogueState = 'in_force' | 'later' | 'earlier' | 'refused';

export interface CatalogueVersionRow {
  readonly version: string;
  readonly effectiveFrom: string;
  readonly items: number;
  readonly state: CatalogueState;
  /** Why a refused document was not adopted, with the place in the document. */
  readonly reason?: string;
  readonly reasonEn?: string;
  readonly shipped: boolean;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** The catalogue a reference document carries, or why it cannot be adopted. */
export function catalogueFromDoc(doc: Record<string, unknown>): { ok: true; catalogue: Catalogue } | { ok: false; version: string; reason: string; reasonEn: string } {
  const version = typeof doc.version === 'string' ? doc.version : String(doc.id ?? '').replace(/^catalogue:/, '');
  const parsed = parseCatalogue(doc.catalogue);
  if (!parsed.ok) {
    const places = parsed.problems.slice(0, 3).map((p) => p.slice(0, p.indexOf(':')));
    return { ok: false, version, reason: `格式不正确:${parsed.problems.slice(0, 3).join(';')}`, reasonEn: `Malformed at ${places.join(', ')}` };
  }
  const catalogue = parsed.value;
  if (catalogue.version !== version || doc.id !== `catalogue:${catalogue.version}`) return { ok: false, version, reason: `记录的版本号(${version})与目录内容的版本号(${catalogue.version})不符`, reasonEn: `The record's version (${version}) does not match the catalogue's (${catalogue.version})` };
  if (doc.effectiveFrom !== catalogue.effectiveFrom) return { ok: false, version, reason: `记录的生效日期(${String(doc.effectiveFrom)})与目录内容(${catalogue.effectiveFrom})不符`, reasonEn: `The record's effective date (${String(doc.effectiveFrom)}) does not match the catalogue's (${catalogue.effectiveFrom})` };
  const problems = checkCatalogue(catalogue);
  if (problems.length > 0) return { ok: false, version, reason: `有 ${problems.length} 个问题:${problems.slice(0, 3).map((p) => `${p.item ? `事项 ${p.item}:` : ''}${p.message}`).join(';')}`, reasonEn: `${problems.length} problem(s)${problems[0]?.item ? `, first in item ${problems[0].item}` : ''}` };
  // Cases keep the version they started under: one number must always mean the same rules.
  const known = catalogueOf(catalogue.version);
  if (known && canonical(known) !== canonical(catalogue)) return { ok: false, version, reason: `版本号 ${catalogue.version} 已用于另一份内容不同的目录:同一版本号不能改变内容,请以新版本号发布`, reasonEn: `Version ${catalogue.version} is already used for a different catalogue: a version number never changes its content; publish under a new one` };
  return { ok: true, catalogue };
}

/** Adopts the valid catalogue documents and lists every version with its state, newest first. */
export function adoptCatalogueDocs(docs: readonly Record<string, unknown>[], today: string): CatalogueVersionRow[] {
  const adopted: Catalogue[] = [];
  const refused: CatalogueVersionRow[] = [];
  for (const doc of docs) {
    const r = catalogueFromDoc(doc);
    if (r.ok) adopted.push(r.catalogue);
    else refused.push({ version: r.version, effectiveFrom: typeof doc.effectiveFrom === 'string' ? doc.effectiveFrom : '', items: 0, state: 'refused', reason: r.reason, reasonEn: r.reasonEn, shipped: false });
  }
  const inForce = adoptCatalogues(adopted, today);
  const versions = new Map<string, Catalogue>([[CATALOGUE.version, CATALOGUE], ...adopted.map((c) => [c.version, c] as const)]);
  const rows: CatalogueVersionRow[] = [...versions.values()].map((c) => ({
    version: c.version,
    effectiveFrom: c.effectiveFrom,
    items: c.items.length,
    state: c === inForce ? 'in_force' : c.effectiveFrom > today ? 'later' : 'earlier',
    shipped: c === CATALOGUE,
  }));
  return [...rows, ...refused].sort((a, b) => compareVersions(b.version, a.version) || (a.state === 'refused' ? 1 : -1));
}

/** Reads the catalogue documents of the reference collection and adopts them. */
export async function loadCatalogues(db: WorkstationDb, today: string): Promise<CatalogueVersionRow[]> {
  if (!db.collections.reference) return adoptCatalogueDocs([], today);
  const docs = await db.reference.find({ selector: { type: 'catalogue' } }).exec();
  return adoptCatalogueDocs(docs.map((d) => d.toJSON() as Record<string, unknown>), today);
}

/**
 * Keeps the adopted versions in step with the reference collection for the session: a version
 * published centrally is adopted as soon as sync brings it. `onRows` hears every new listing.
 */
export function followCatalogues(db: WorkstationDb, today: () => string, onRows: (rows: CatalogueVersionRow[]) => void = () => {}): () => void {
  if (!db.collections.reference) return () => {};
  const sub: Subscription = db.reference.find({ selector: { type: 'catalogue' } }).$.subscribe((docs) => {
    onRows(adoptCatalogueDocs(docs.map((d) => d.toJSON() as Record<string, unknown>), today()));
  });
  return () => sub.unsubscribe();
}
