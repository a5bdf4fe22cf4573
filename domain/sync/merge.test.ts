import { describe, expect, it } from 'vitest';
import { mergeEdits } from './merge';

const base = { id: 'person:1', name: '王一', phoneEnc: 'p0', hukou: 'other', updatedAt: '2024-01-01T00:00:00Z' };

describe('three-way merge of edits made apart', () => {
  it('keeps both sides where they changed different fields', () => {
    const local = { ...base, name: '王一一', updatedAt: '2024-01-02T00:00:00Z' };
    const server = { ...base, phoneEnc: 'p1', updatedAt: '2024-01-03T00:00:00Z' };
    expect(mergeEdits(base, local, server)).toEqual({ merged: { ...base, name: '王一一', phoneEnc: 'p1', updatedAt: server.updatedAt }, conflicts: [] });
  });

  it('gives a field changed on both sides to the later writer and keeps the loser', () => {
    const local = { ...base, hukou: 'shenzhen', updatedAt: '2024-01-05T00:00:00Z' };
    const server = { ...base, hukou: 'guangdong_other', updatedAt: '2024-01-03T00:00:00Z' };
    const r = mergeEdits(base, local, server);
    expect(r.merged.hukou).toBe('shenzhen');
    expect(r.conflicts).toEqual([{ field: 'hukou', kept: 'shenzhen', lost: 'guangdong_other', winner: 'local' }]);
  });

  it('without a common version treats every difference as a conflict, later writer first', () => {
    const r = mergeEdits(null, { ...base, name: 'A', updatedAt: '2024-01-01T00:00:00Z' }, { ...base, name: 'B', updatedAt: '2024-01-02T00:00:00Z' });
    expect(r.merged.name).toBe('B');
    expect(r.conflicts[0]).toMatchObject({ field: 'name', lost: 'A', winner: 'server' });
  });

  it('takes derived fields as given, never from either side and never as a conflict', () => {
    const caseBase = { id: 'case:1', status: 'submitted', flagged: false, receiptNo: null, updatedAt: '2024-01-01T00:00:00Z' };
    const local = { ...caseBase, status: 'accepted', updatedAt: '2024-01-02T00:00:00Z' };
    const server = { ...caseBase, status: 'exited', receiptNo: 'R-1', updatedAt: '2024-01-03T00:00:00Z' };
    const r = mergeEdits(caseBase, local, server, { status: 'accepted', flagged: true });
    expect(r.merged).toEqual({ ...caseBase, status: 'accepted', flagged: true, receiptNo: 'R-1', updatedAt: server.updatedAt });
    expect(r.conflicts).toEqual([]);
  });
});
