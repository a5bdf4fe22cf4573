// Which catalogue version a workstation starts new cases under, from the catalogue documents sync
// brings: the latest one already effective; a later one waits for its day; a document that is
// malformed, has problems, or reuses a version number for other content is refused with a reason
// and changes nothing. (Versions stay known for the process, as on a workstation: each test uses its own numbers.)
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueOf, currentCatalogue, resetCatalogueInForce } from '../../domain/catalogue/registry';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import type { Catalogue } from '../../domain/catalogue/types';
import { itemOfState } from '../../domain/workflow/item-engine';
import { catalogueItem, startableItems } from '../intake/materials';
import { adoptCatalogueDocs } from './catalogues';

type Mutable = { version: string; effectiveFrom: string; items: { code: string; name: { zh: string; en: string }; start: string }[] };
const RENEWAL = 'public_rental.renewal';

function version(v: string, effectiveFrom: string, edit: (c: Mutable) => void = () => {}): Record<string, unknown> {
  const c = JSON.parse(JSON.stringify(CATALOGUE)) as Mutable;
  c.version = v;
  c.effectiveFrom = effectiveFrom;
  edit(c);
  return { id: `catalogue:${v}`, type: 'catalogue', version: v, effectiveFrom, catalogue: c };
}
const renamed = (zh: string) => (c: Mutable) => void (c.items.find((i) => i.code === RENEWAL)!.name.zh = zh);

afterEach(() => resetCatalogueInForce());

describe('catalogue versions published centrally', () => {
  it('puts the latest effective version in force for new cases; a case keeps the version it started under', () => {
    const rows = adoptCatalogueDocs([version(CATALOGUE.version, CATALOGUE.effectiveFrom), version('2026.7', '2026-07-01', renamed('公租房续租(2026年7月起)')), version('2027.1', '2027-01-01', renamed('公租房续租(2027年)'))], '2026-11-29');
    expect(currentCatalogue().version).toBe('2026.7');
    expect(rows.map((r) => [r.version, r.state])).toEqual([
      ['2027.1', 'later'],
      ['2026.7', 'in_force'],
      ['2026.1', 'earlier'],
    ]);
    // What the counter offers and asks for comes from the version in force…
    expect(catalogueItem(RENEWAL, '')?.name.zh).toBe('公租房续租(2026年7月起)');
    expect([...startableItems(['clerk']).values()].flat().find((i) => i.code === RENEWAL)?.name.zh).toBe('公租房续租(2026年7月起)');
    // …while a case started under the shipped version keeps its rules, and one under 2027.1 its own.
    expect(itemOfState({ item: RENEWAL, businessItem: 'public_rental', catalogueVersion: '2026.1' })?.name.zh).toBe(CATALOGUE.items.find((i) => i.code === RENEWAL)!.name.zh);
    expect(itemOfState({ item: RENEWAL, businessItem: 'public_rental', catalogueVersion: '2027.1' })?.name.zh).toBe('公租房续租(2027年)');
    // On its day the later version takes over.
    adoptCatalogueDocs([version('2026.7', '2026-07-01', renamed('公租房续租(2026年7月起)')), version('2027.1', '2027-01-01', renamed('公租房续租(2027年)'))], '2027-01-01');
    expect(currentCatalogue().version).toBe('2027.1');
  });

  it('refuses a malformed document, one with problems, and one reusing a version number, keeping the version in force', () => {
    adoptCatalogueDocs([version('2026.17', '2026-07-01')], '2026-11-29');
    const rows = adoptCatalogueDocs(
      [
        version('2026.17', '2026-07-01'),
        { id: 'catalogue:2026.8', type: 'catalogue', version: '2026.8', effectiveFrom: '2026-08-01', catalogue: { version: '2026.8', items: 'none' } },
        version('2026.9', '2026-09-01', (c) => void (c.items.find((i) => i.code === RENEWAL)!.start = 'nowhere')),
        version(CATALOGUE.version, CATALOGUE.effectiveFrom, renamed('改过的续租')),
        { ...version('2026.10', '2026-10-01'), id: 'catalogue:2026.11' },
      ],
      '2026-11-29',
    );
    expect(currentCatalogue().version).toBe('2026.17');
    const refused = Object.fromEntries(rows.filter((r) => r.state === 'refused').map((r) => [r.version, r.reason]));
    expect(Object.keys(refused).sort()).toEqual(['2026.1', '2026.10', '2026.8', '2026.9']);
    expect(refused['2026.8']).toMatch(/^格式不正确:/);
    expect(refused['2026.9']).toMatch(/个问题/);
    expect(refused['2026.1']).toMatch(/同一版本号不能改变内容/);
    expect(refused['2026.10']).toMatch(/不符/);
    // The shipped version's rules are untouched by the refused rewrite.
    expect(catalogueOf('2026.1')!.items.find((i) => i.code === RENEWAL)!.name.zh).not.toBe('改过的续租');
  });

  it('starts under the shipped version when nothing was published', () => {
    const rows = adoptCatalogueDocs([], '2026-11-29');
    expect(currentCatalogue()).toBe(CATALOGUE as Catalogue);
    expect(rows).toEqual([{ version: CATALOGUE.version, effectiveFrom: CATALOGUE.effectiveFrom, items: CATALOGUE.items.length, state: 'in_force', shipped: true }]);
  });
});
