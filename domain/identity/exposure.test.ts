import { describe, expect, it } from 'vitest';
import { clearFacts, clearValuesOf, exposureOf, leastUnknown } from './exposure';
import { checkCharacter } from './idnumber';

const ID = (() => {
  const first17 = '44030419880315002';
  return first17 + checkCharacter(first17);
})();
const facts = (...values: (string | number)[]) => clearFacts(values.map((value, i) => ({ path: `v${i}`, value })), 2026);
const knownOf = (...values: (string | number)[]) => exposureOf(ID, facts(...values)).known.flatMap((k, i) => (k ? [i] : []));

describe('exposure of an ID number through clear values', () => {
  it('nothing clear: all 18 unknown', () => {
    expect(exposureOf(ID, facts('陈晓梅', 'shenzhen', 3)).unknownCount).toBe(18);
  });

  it('the masked form alone leaves the birth date (8 positions) unknown', () => {
    expect(exposureOf(ID, facts('440304********002X')).unknownCount).toBe(8);
    expect(knownOf('440304********002X')).toEqual([0, 1, 2, 3, 4, 5, 14, 15, 16, 17]);
  });

  it('masked form plus the birth date in any format gives away the whole number', () => {
    for (const date of ['1988-03-15', '19880315', '1988年3月15日', '1988/03/15', '生于1988年03月15日']) {
      expect(exposureOf(ID, facts('440304********002X', date)).unknownCount, date).toBe(0);
    }
  });

  it('a masked form of someone else (a visible digit differs) tells nothing about this person', () => {
    expect(exposureOf(ID, facts('440305********002X', '440303********1234')).unknownCount).toBe(18);
  });

  it('a masked form inside a longer run of digits (as in raw database bytes) is still found', () => {
    expect(knownOf('"1440304********002X0')).toEqual([0, 1, 2, 3, 4, 5, 14, 15, 16, 17]);
  });

  it('last four only, right-aligned; first six only, left-aligned', () => {
    expect(knownOf('****002X')).toEqual([14, 15, 16, 17]);
    expect(knownOf('440304****')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a year alone, a year in a field about birth, and an age each reveal the birth year digits they fix', () => {
    expect(knownOf('1988')).toEqual([6, 7, 8, 9]);
    expect(knownOf('1988年')).toEqual([6, 7, 8, 9]);
    expect(exposureOf(ID, clearFacts([{ path: 'p.birthYear', value: 1988 }])).unknownCount).toBe(14);
    // Aged 37 in 2026: born 1988 or 1989, so "198" is known.
    expect(exposureOf(ID, clearFacts([{ path: 'p.age', value: 37 }], 2026)).known.flatMap((k, i) => (k ? [i] : []))).toEqual([6, 7, 8]);
    // A timestamp's year is not a stated year.
    expect(exposureOf(ID, facts('1988-07-01T00:00:00.000Z')).unknownCount).toBe(18);
  });

  it('substrings of the number of six or more characters, wherever they stand', () => {
    expect(knownOf(`备注:${ID.slice(3, 12)}`)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(knownOf('no 12345 here')).toEqual([]);
  });

  it('a region name or district id reveals the region code when it is this person’s', () => {
    expect(knownOf('福田区华富街道')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(knownOf('futian-huafu')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(knownOf('南山区')).toEqual([]);
  });

  it('gender narrows position 17 (parity) without fixing it', () => {
    const e = exposureOf(ID, clearFacts([{ path: 'p.gender', value: '2' }]));
    expect(e.unknownCount).toBe(18);
    expect(e.constraints.map((c) => c.positions)).toEqual([[16]]);
  });

  it('seventeen known positions give the eighteenth through the check character', () => {
    // Region, the birth date and two sequence digits: the last sequence digit follows from the check.
    expect(exposureOf(ID, facts('1988-03-15', '4403041988031500**', '*****************X')).unknownCount).toBe(0);
  });

  it('walks documents: sealed values, keyed hashes and revisions are not clear', () => {
    const doc = { _rev: '1-440304198803', idNumberEnc: 'v1:4403041988', idHash: ID, note: 'v1:19880315', name: '陈晓梅', members: [{ birth: '1988-03-15' }] };
    expect(clearValuesOf(doc)).toEqual([{ path: 'name', value: '陈晓梅' }, { path: 'members[0].birth', value: '1988-03-15' }]);
    expect(leastUnknown([ID], clearFacts(clearValuesOf(doc))).min).toBe(10);
  });
});
