import { describe, expect, it } from 'vitest';
import { fromCouch, isMalformed } from './couch-docs';

describe('fromCouch', () => {
  it('brings a person written by an older workstation to today’s shape: no clear birth date or card start date', () => {
    const old = { _id: 'person:1', _rev: '1-a', type: 'person', schemaVersion: 1, officeId: 'a', name: '王', birthDate: '1985-06-15', cardValidFrom: '2015-01-01', idMasked: '440304********0011' };
    const doc = fromCouch(old, ['person', 'household'], ['type']);
    if (isMalformed(doc)) throw new Error(doc.reason);
    expect(doc).not.toHaveProperty('birthDate');
    expect(doc).not.toHaveProperty('cardValidFrom');
    expect(doc).toMatchObject({ id: 'person:1', name: '王', idMasked: '440304********0011', schemaVersion: 2 });
  });

  it('keeps a registered staff key without the roles field the local reference schema does not hold', () => {
    const key = { _id: 'staff_key:rev1:abc', type: 'staff_key', schemaVersion: 1, officeId: 'a', name: 'rev1', keyId: 'abc', publicKey: 'P', workstationId: 'ws', roles: ['reviewer'], createdAt: 't', updatedAt: 't' };
    const doc = fromCouch(key, ['staff_key'], ['type']);
    expect(doc).not.toHaveProperty('roles');
    expect(doc).toMatchObject({ id: 'staff_key:rev1:abc', publicKey: 'P' });
  });

  it('leaves documents of today’s shape as they are, and refuses one of another collection', () => {
    const today = { _id: 'person:2', type: 'person', schemaVersion: 2, officeId: 'a', name: '李' };
    expect(fromCouch(today, ['person'], ['type'])).toEqual({ id: 'person:2', _deleted: false, type: 'person', schemaVersion: 2, officeId: 'a', name: '李' });
    expect(fromCouch({ _id: 'x', type: 'case' }, ['person'], [])).toMatchObject({ reason: expect.stringContaining('不属于本集合') });
  });
});
