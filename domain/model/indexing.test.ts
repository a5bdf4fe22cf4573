import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections';
import { indexedFields, padIndexFields, requireIndexedFields } from './indexing';

describe('index fields for IndexedDB', () => {
  it('requires every indexed field of a grouped collection', () => {
    const people = requireIndexedFields(COLLECTIONS.people);
    for (const f of ['idHash', 'nameKey', 'applicantPersonId', 'type']) expect(people.required).toContain(f);
  });

  it('pads the fields a kind does not carry and keeps the ones it does', () => {
    const household = { id: 'household:1', type: 'household', applicantPersonId: 'person:1' };
    expect(padIndexFields(COLLECTIONS.people, household)).toEqual({ ...household, idHash: '', nameKey: '', householdId: '' });
  });

  it('pads numbers with their minimum', () => {
    const audit = COLLECTIONS.audit;
    const numeric = indexedFields(audit).filter((f) => audit.properties[f]?.type === 'integer');
    const padded = padIndexFields(audit, { id: 'a' }) as Record<string, unknown>;
    for (const f of numeric) expect(typeof padded[f]).toBe('number');
  });
});
