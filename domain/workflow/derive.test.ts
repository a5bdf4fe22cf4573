import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { deriveCase, orderEvents } from './derive';
import type { CaseEvent } from './events';
import { actor, ev } from './fixtures.test-helpers';

const t = (day: number, hour = 2) => `2024-0${day < 10 ? '1' : '2'}-${String(((day - 1) % 28) + 1).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function happyPath(): CaseEvent[] {
  return [
    ev('submit', 'clerk', t(1)),
    ev('accept', 'clerk', t(1, 3)),
    ev('preliminary_approve', 'reviewer', t(2)),
    ev('review_approve', 'district_reviewer', t(3)),
    ev('publicity', 'district_reviewer', t(4), { startsOn: '2024-01-05', endsOn: '2024-01-14' }),
    ev('waitlist', 'district_reviewer', '2024-01-15T02:00:00.000Z'),
    ev('allocate', 'district_reviewer', '2024-03-01T02:00:00.000Z'),
    ev('contract', 'clerk', '2024-03-05T02:00:00.000Z', { leaseId: 'lease:1', startDate: '2024-04-01', endDate: '2027-03-31' }),
    ev('inspection_result', 'inspector', '2024-09-01T02:00:00.000Z'),
  ];
}

describe('deriveCase', () => {
  it('starts as a new case with no history', () => {
    expect(deriveCase([])).toMatchObject({ status: 'new', flagged: null, history: [] });
  });

  it('follows the lifecycle from application to tenancy management', () => {
    const s = deriveCase(happyPath());
    expect(s.status).toBe('in_tenancy');
    expect(s.flagged).toBeNull();
    expect(s.businessItem).toBe('public_rental');
    expect(s.history.map((h) => h.statusAfter)).toEqual([
      'submitted',
      'accepted',
      'preliminary_approved',
      'review_approved',
      'in_publicity',
      'waiting',
      'allocated',
      'contracted',
      'in_tenancy',
    ]);
    expect(s.history.every((h) => h.applied)).toBe(true);
  });

  it('derives the same state whatever order the events arrive in', () => {
    const events = happyPath();
    const shuffled = [events[5]!, events[0]!, events[8]!, events[2]!, events[1]!, events[7]!, events[3]!, events[6]!, events[4]!];
    expect(deriveCase(shuffled)).toEqual(deriveCase(events));
  });

  it('breaks ties on the same timestamp by event id', () => {
    const a = ev('submit', 'clerk', t(1), undefined, 'o', 'evt:b');
    const b = ev('accept', 'clerk', t(1), undefined, 'o', 'evt:a');
    expect(orderEvents([a, b]).map((e) => e.id)).toEqual(['evt:a', 'evt:b']);
  });

  it('a returned case carries the missing materials and can be resubmitted', () => {
    const s = deriveCase([
      ev('submit', 'clerk', t(1)),
      ev('return', 'clerk', t(1, 4), { missingMaterials: [{ code: 'income_proof', name: '收入证明' }] }),
    ]);
    expect(s.status).toBe('returned');
    expect(s.missingMaterials.map((m) => m.name)).toEqual(['收入证明']);
    const again = deriveCase([
      ev('submit', 'clerk', t(1)),
      ev('return', 'clerk', t(1, 4)),
      ev('submit', 'clerk', t(2)),
      ev('accept', 'clerk', t(2, 3)),
    ]);
    expect(again).toMatchObject({ status: 'accepted', missingMaterials: [], flagged: null });
  });

  it('an objection upheld during publicity rejects the case', () => {
    const events = happyPath().slice(0, 5);
    events.push(ev('review_reject', 'district_reviewer', t(6), { reason: '公示期间异议成立', objectionUpheld: true }));
    expect(deriveCase(events)).toMatchObject({ status: 'rejected', flagged: null });
  });

  it('a violation found on inspection, then exit', () => {
    const events = happyPath();
    events.push(ev('inspection_result', 'inspector', '2024-10-01T02:00:00.000Z', { inspectionId: 'i2', outcome: 'violation', findings: ['sublet'] }));
    expect(deriveCase(events).status).toBe('violation');
    events.push(ev('exit', 'district_reviewer', '2024-11-01T02:00:00.000Z', { reason: 'violation' }));
    expect(deriveCase(events).status).toBe('exited');
  });

  describe('two offices deciding offline', () => {
    const base = [ev('submit', 'clerk', t(1)), ev('accept', 'clerk', t(1, 3))];
    const approve = ev('preliminary_approve', 'reviewer', t(2, 2), undefined, 'office:street-a');
    const reject = ev('preliminary_reject', 'district_reviewer', t(2, 5), undefined, 'office:district');

    it('flags contradictory decisions of one stage instead of failing', () => {
      const s = deriveCase([...base, reject, approve]);
      expect(s.status).toBe('preliminary_approved');
      expect(s.flagged?.reason).toContain('初审已作出"通过"决定,与本次"不通过"决定相互矛盾');
      expect(s.flagged?.eventIds).toEqual([approve.id, reject.id]);
      const last = s.history.at(-1)!;
      expect(last).toMatchObject({ eventId: reject.id, applied: false });
    });

    it('flags them whichever decision came first', () => {
      const early = ev('preliminary_reject', 'reviewer', t(2, 1), undefined, 'office:street-b');
      const s = deriveCase([...base, approve, early]);
      expect(s.status).toBe('rejected');
      expect(s.flagged?.reason).toContain('初审已作出"不通过"决定,与本次"通过"决定相互矛盾');
    });

    it('a district reviewer resolves the conflict and work continues', () => {
      const resolve = ev('resolve_conflict', 'district_reviewer', t(3), { status: 'preliminary_approved', note: '以街道意见为准' });
      const s = deriveCase([...base, approve, reject, resolve]);
      expect(s).toMatchObject({ status: 'preliminary_approved', flagged: null });
      const next = decide(s, {
        id: 'evt:next',
        caseId: 'case:1',
        kind: 'review_approve',
        actor: actor('district_reviewer'),
        at: t(4),
        payload: { opinion: '同意' },
      });
      expect(next.ok).toBe(true);
    });

    it('the same act recorded twice is ignored, not flagged', () => {
      const s = deriveCase([...base, ev('accept', 'clerk', t(1, 4), undefined, 'office:other')]);
      expect(s).toMatchObject({ status: 'accepted', flagged: null });
      expect(s.history.at(-1)).toMatchObject({ applied: false, note: '重复的"受理"操作,已忽略' });
    });

    it('an act that no longer fits the status is flagged with its reason', () => {
      // The counter returned the case while, offline, the street approved it.
      const s = deriveCase([...base, approve, ev('return', 'clerk', t(2, 6))]);
      expect(s.status).toBe('preliminary_approved');
      expect(s.flagged?.reason).toContain('无法生效');
      expect(s.flagged?.reason).toContain('案件当前状态为"初审通过"');
    });

    it('a recorded event by a role without the right is flagged, never applied', () => {
      const s = deriveCase([...base, ev('preliminary_approve', 'clerk', t(2))]);
      expect(s.status).toBe('accepted');
      expect(s.flagged?.reason).toContain('窗口受理员无权作出初审决定');
    });
  });
});

describe('decide', () => {
  it('builds the event document for an allowed act', () => {
    const s = deriveCase([ev('submit', 'clerk', t(1))]);
    const r = decide(s, { id: 'evt:x', caseId: 'case:1', kind: 'accept', actor: actor('clerk'), at: t(1, 5), payload: { receiptNo: 'R1' } });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ id: 'evt:x', type: 'case_event', kind: 'accept', caseId: 'case:1', at: t(1, 5), officeId: 'office:futian-shatou' }),
    });
  });

  it('returns the refusal as data', () => {
    const s = deriveCase([ev('submit', 'clerk', t(1)), ev('return', 'clerk', t(1, 3))]);
    const r = decide(s, { id: 'e', caseId: 'case:1', kind: 'preliminary_approve', actor: actor('reviewer'), at: t(2), payload: { opinion: '同意' } });
    expect(r).toEqual({ ok: false, error: { code: 'CASE_STATUS', message: '案件当前状态为"已退回",不能作出初审决定(需为"已受理"状态)' } });
  });
});
