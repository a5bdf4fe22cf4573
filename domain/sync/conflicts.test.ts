import { describe, expect, it } from 'vitest';
import { addConflict, conflictKey, followingValues, MAX_CONFLICTS_KEPT, summarizeValue, type ConflictRecord } from './conflicts';

const rec = (docId: string, resolved = false): ConflictRecord => ({
  key: conflictKey('people', docId, 'hukou'),
  collection: 'people',
  docId,
  field: 'hukou',
  kept: 'shenzhen',
  lost: 'other',
  at: '2030-01-01T00:00:00.000Z',
  resolution: resolved ? { choice: 'keep', at: '2030-01-02T00:00:00.000Z', by: 'it1' } : null,
});

describe('conflicts kept for a person to decide', () => {
  it('never shows sealed values or keyed hashes, only shortens the rest', () => {
    expect(summarizeValue('phoneEnc', 'v1:abcdef')).toEqual({ kind: 'sealed' });
    expect(summarizeValue('note', 'v1:abcdef')).toEqual({ kind: 'sealed' });
    expect(summarizeValue('idHash', 'f00d')).toEqual({ kind: 'sealed' });
    expect(summarizeValue('hukou', null)).toEqual({ kind: 'empty' });
    expect(summarizeValue('householdSize', 3)).toEqual({ kind: 'text', text: '3' });
    expect((summarizeValue('name', 'x'.repeat(200)) as { text: string }).text).toHaveLength(80);
  });

  it('keeps one conflict per field, the latest, and drops resolved ones first when full', () => {
    const again = { ...rec('a'), lost: 'guangdong_other' };
    expect(addConflict([rec('a', true)], again)).toEqual([again]);
    const full = Array.from({ length: MAX_CONFLICTS_KEPT }, (_, i) => rec(`d${i}`, i === 5));
    const next = addConflict(full, rec('new'));
    expect(next).toHaveLength(MAX_CONFLICTS_KEPT);
    expect(next.some((c) => c.docId === 'd5')).toBe(false);
    expect(next.at(-1)!.docId).toBe('new');
  });

  it("recomputes a name's search key along with the name", () => {
    expect(followingValues('case', 'applicantName', '林 甲')).toEqual({ nameKey: '林甲' });
    expect(followingValues('person', 'name', 'Li Si')).toEqual({ nameKey: 'lisi' });
    expect(followingValues('person', 'hukou', 'other')).toEqual({});
  });
});
