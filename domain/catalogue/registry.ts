// The catalogue versions this process knows, and the one new cases start under. The shipped version
// is always known; versions published centrally arrive as reference documents and are adopted once
// checked (renderer/reference/catalogues.ts). A case keeps the version it started under, so every
// version ever adopted stays known for the cases that name it.
import { CATALOGUE } from './shipped';
import type { Catalogue } from './types';

const known = new Map<string, Catalogue>([[CATALOGUE.version, CATALOGUE]]);
let inForce: Catalogue = CATALOGUE;

/** Makes a catalogue version known to this process (the shipped one always is). */
export function registerCatalogue(catalogue: Catalogue): void {
  known.set(catalogue.version, catalogue);
}

/** The catalogue of a version, or undefined when this process does not know it. */
export const catalogueOf = (version: string): Catalogue | undefined => known.get(version);

/** The version a new case starts under. */
export const currentCatalogue = (): Catalogue => inForce;

/** "2026.2" before "2026.10": year, then number. */
export function compareVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split('.').map(Number);
  const [by = 0, bn = 0] = b.split('.').map(Number);
  return ay - by || an - bn;
}

/**
 * The version in force on `today` among `catalogues`: the latest one already effective (by
 * effective date, then version). Versions effective later wait for their day; if none is
 * effective yet, the earliest is taken rather than none.
 */
export function catalogueInForce(catalogues: readonly Catalogue[], today: string): Catalogue {
  const sorted = [...catalogues].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : compareVersions(a.version, b.version)));
  const effective = sorted.filter((c) => c.effectiveFrom <= today);
  return effective.at(-1) ?? sorted[0] ?? CATALOGUE;
}

/** Registers `catalogues` and puts the one in force on `today` (shipped included) in place for new cases. */
export function adoptCatalogues(catalogues: readonly Catalogue[], today: string): Catalogue {
  for (const c of catalogues) registerCatalogue(c);
  inForce = catalogueInForce([CATALOGUE, ...catalogues], today);
  return inForce;
}

/** Back to the shipped catalogue alone being in force (sign-out; tests). Versions stay known. */
export function resetCatalogueInForce(): void {
  inForce = CATALOGUE;
}
