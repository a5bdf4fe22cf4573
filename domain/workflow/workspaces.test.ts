import { describe, expect, it } from 'vitest';
import { decidedStatuses, decisionsFor, mayRecord, mayStartCase, queueStage, queueStatuses, workspaceOf } from './workspaces';

describe('workspaces per role', () => {
  it('lands each role on its own work', () => {
    expect(workspaceOf(['clerk'])).toEqual({ home: 'cases', pages: ['cases', 'intake', 'returned', 'devices', 'sync'] });
    expect(workspaceOf(['reviewer']).home).toBe('review');
    expect(workspaceOf(['district_reviewer']).pages).toEqual(['review', 'publicity', 'dashboard', 'inspection', 'policy']);
    expect(workspaceOf(['inspector']).home).toBe('tasks');
    expect(workspaceOf(['it'])).toEqual({ home: 'sync', pages: ['sync', 'devices', 'reference'] });
    expect(workspaceOf([]).pages).toEqual(['sync']);
  });

  it('offers starting a case to clerks only', () => {
    expect(mayStartCase(['clerk'])).toBe(true);
    for (const role of ['reviewer', 'district_reviewer', 'inspector', 'it'] as const) expect(mayStartCase([role])).toBe(false);
  });

  it('queues 待初审 for the street reviewer and 待复审 for the district reviewer', () => {
    expect(queueStage(['reviewer'])).toBe('preliminary');
    expect(queueStatuses(['reviewer'])).toEqual(['accepted']);
    expect(queueStage(['district_reviewer'])).toBe('review');
    expect(queueStatuses(['district_reviewer'])).toEqual(['preliminary_approved']);
    expect(queueStatuses(['clerk'])).toEqual([]);
    expect(decidedStatuses(['reviewer'])).toEqual(['preliminary_approved', 'rejected']);
    expect(decidedStatuses(['district_reviewer'])).toEqual(['review_approved', 'rejected']);
  });

  it('offers the decisions the transition table allows from the status', () => {
    expect(decisionsFor('accepted', ['reviewer'])).toEqual(['preliminary_approve', 'preliminary_reject', 'return']);
    expect(decisionsFor('preliminary_approved', ['reviewer'])).toEqual([]);
    expect(decisionsFor('preliminary_approved', ['district_reviewer'])).toEqual(['return', 'review_approve', 'review_reject']);
    expect(decisionsFor('accepted', ['clerk'])).toEqual([]);
    expect(mayRecord(['district_reviewer'], 'resolve_conflict')).toBe(false); // recorded from a flag, not a status
    expect(mayRecord(['reviewer'], 'return')).toBe(true);
  });
});
