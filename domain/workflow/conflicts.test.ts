import { describe, expect, it } from 'vitest';
import { conflictingDecisions, resolutionChoices } from './conflicts';
import { deriveCase } from './derive';
import { ev } from './fixtures.test-helpers';

describe('conflicting decisions', () => {
  it('lists both offline decisions of a contradiction with the outcome each would have', () => {
    const state = deriveCase([
      ev('submit', 'clerk', '2025-10-09T01:00:00.000Z'),
      ev('accept', 'clerk', '2025-10-09T02:00:00.000Z'),
      ev('preliminary_approve', 'reviewer', '2025-10-10T02:00:00.000Z'),
      ev('preliminary_reject', 'district_reviewer', '2025-10-10T03:00:00.000Z'),
    ]);
    expect(conflictingDecisions(state).map((d) => [d.kind, d.actorName, d.outcome])).toEqual([
      ['preliminary_approve', 'reviewer-user', 'preliminary_approved'],
      ['preliminary_reject', 'district_reviewer-user', 'rejected'],
    ]);
    expect(resolutionChoices(state)).toEqual(['preliminary_approved', 'rejected']);
  });

  it('lists nothing for a case without a flag', () => {
    expect(conflictingDecisions(deriveCase([ev('submit', 'clerk', '2025-10-09T01:00:00.000Z')]))).toEqual([]);
  });
});
