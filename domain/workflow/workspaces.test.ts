import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/shipped';
import { decide } from './decide';
import { deriveCase } from './derive';
import type { EventKind } from './events';
import { actor, ev, PAYLOADS } from './fixtures.test-helpers';
import { caseActions, decidedStatuses, decisionsFor, mayRecord, mayStartCase, queueStage, queueStatuses, stageQueues, workspaceOf } from './workspaces';
import { stageAt } from '../catalogue/engine';

/** A case of `item` taken through `steps` (kind, role), a day apart. */
function caseOf(item: string, steps: readonly (readonly [EventKind, 'clerk' | 'reviewer' | 'district_reviewer'])[]) {
  const programme = CATALOGUE.items.find((i) => i.code === item)!.programme;
  const events = steps.map(([kind, role], n) => {
    const at = new Date(Date.parse('2026-03-02T02:00:00Z') + n * 86_400_000).toISOString();
    return ev(kind, role, at, kind === 'submit' ? { businessItem: programme, item, catalogueVersion: CATALOGUE.version } : PAYLOADS[kind]);
  });
  return deriveCase(events);
}
const THROUGH_REVIEW = [['submit', 'clerk'], ['accept', 'clerk'], ['preliminary_approve', 'reviewer'], ['review_approve', 'district_reviewer']] as const;
const street = actor('reviewer');
const district = actor('district_reviewer');

describe('workspaces per role', () => {
  it('lands each role on its own work', () => {
    expect(workspaceOf(['clerk'])).toEqual({ home: 'cases', pages: ['cases', 'intake', 'returned', 'contracts', 'devices', 'sync'] });
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
    // A street decision alone (合同变更) ends 已办结: it is among the street reviewer's decided cases.
    expect(decidedStatuses(['reviewer']).sort()).toEqual(['completed', 'preliminary_approved', 'rejected']);
    // 复审 leads to 复审通过 (an application before publicity, a renewal, an exit at 退房交接) or, for a
    // unit swap, straight to waiting for a unit.
    expect(decidedStatuses(['district_reviewer']).sort()).toEqual(['rejected', 'review_approved', 'waiting']);
  });

  it('offers the decisions the transition table allows from the status', () => {
    expect(decisionsFor('accepted', ['reviewer'])).toEqual(['preliminary_approve', 'preliminary_reject', 'return']);
    expect(decisionsFor('preliminary_approved', ['reviewer'])).toEqual([]);
    expect(decisionsFor('preliminary_approved', ['district_reviewer'])).toEqual(['return', 'review_approve', 'review_reject']);
    expect(decisionsFor('accepted', ['clerk'])).toEqual([]);
    expect(mayRecord(['district_reviewer'], 'resolve_conflict')).toBe(false); // recorded from a flag, not a status
    expect(mayRecord(['reviewer'], 'return')).toBe(true);
  });

  it("offers on a case the acts of its own item's stage, and the committing function refuses any other", () => {
    // 退租: after both reviews the case is at 退房交接; the district records the hand-back, nothing else.
    const exit = caseOf('public_rental.exit', THROUGH_REVIEW);
    expect(exit.status).toBe('review_approved');
    expect(caseActions(exit, district)).toEqual(['exit']);
    expect(caseActions(exit, street)).toEqual([]);
    const publish = decide(exit, { id: 'e:p', caseId: 'case:1', kind: 'publicity', actor: district, at: '2026-03-10T02:00:00Z', payload: PAYLOADS.publicity });
    expect(publish.ok).toBe(false);
    const handedBack = decide(exit, { id: 'e:x', caseId: 'case:1', kind: 'exit', actor: district, at: '2026-03-10T02:00:00Z', payload: { reason: 'voluntary' } });
    expect(handedBack.ok).toBe(true);
    // 续租 ends at 复审通过: no publicity, no waiting list, no hand-back.
    const renewal = caseOf('public_rental.renewal', THROUGH_REVIEW);
    expect(renewal.status).toBe('review_approved');
    expect(caseActions(renewal, district)).toEqual([]);
    expect(decide(renewal, { id: 'e:p', caseId: 'case:1', kind: 'publicity', actor: district, at: '2026-03-10T02:00:00Z', payload: PAYLOADS.publicity }).ok).toBe(false);
    // The public rental application goes on to publicity (on the publicity page, not here).
    const application = caseOf('public_rental', THROUGH_REVIEW);
    expect(caseActions(application, district)).toEqual([]);
    expect(decide(application, { id: 'e:p', caseId: 'case:1', kind: 'publicity', actor: district, at: '2026-03-10T02:00:00Z', payload: PAYLOADS.publicity }).ok).toBe(true);
  });

  it('offers a single review stage its own decisions only: the street decides 合同变更 alone', () => {
    const change = caseOf('public_rental.contract_change', [['submit', 'clerk'], ['accept', 'clerk']]);
    expect(caseActions(change, street)).toEqual(['preliminary_approve', 'preliminary_reject', 'return']);
    const approved = caseOf('public_rental.contract_change', [['submit', 'clerk'], ['accept', 'clerk'], ['preliminary_approve', 'reviewer']]);
    expect(approved.status).toBe('completed');
    expect(caseActions(approved, district)).toEqual([]);
    const at = '2026-03-10T02:00:00Z';
    expect(decide(approved, { id: 'e:r', caseId: 'case:1', kind: 'review_approve', actor: district, at, payload: PAYLOADS.review_approve }).ok).toBe(false);
    // A flagged case offers nothing until the conflict is settled.
    expect(caseActions({ ...change, flagged: { reason: 'x', eventIds: [] } }, street)).toEqual([]);
  });
});

describe('stageQueues: queues by the stage of the case’s item, not by status alone', () => {
  it('a district reviewer has the 轮候, 已配租配售 and 退房交接 queues, named in both languages; the counter has 已配租配售 (to sign); a street reviewer and an inspector have none', () => {
    const exits = CATALOGUE.items.filter((i) => i.category === 'exit' && i.subject !== 'open_case').map((i) => i.code);
    expect(exits).toEqual(expect.arrayContaining(['public_rental.exit', 'talent_housing.exit']));
    // Every application and the unit swap wait for a unit and are signed at the counter.
    const allocating = CATALOGUE.items.filter((i) => i.stages.some((s) => s.id === 'waiting')).map((i) => i.code);
    expect(allocating).toEqual(expect.arrayContaining(['public_rental', 'rental_subsidy', 'shared_ownership', 'public_rental.swap']));
    const waiting = { stage: 'waiting', name: { zh: '轮候', en: 'Waiting list' }, status: 'waiting', items: allocating };
    const allocated = { stage: 'allocated', name: { zh: '已配租配售', en: 'Allocated' }, status: 'allocated', items: allocating };
    expect(stageQueues(['district_reviewer'])).toEqual([waiting, allocated, { stage: 'handover', name: { zh: '退房交接', en: 'Handing back the unit' }, status: 'review_approved', items: exits }]);
    expect(stageQueues(['clerk'])).toEqual([allocated]);
    for (const role of ['reviewer', 'inspector', 'it'] as const) expect(stageQueues([role]), role).toEqual([]);
  });

  it('offers 配租配售 to the district on the waiting list and 签约 to the counter once allocated', () => {
    const clerk = actor('clerk');
    const listed = [...THROUGH_REVIEW, ['publicity', 'district_reviewer'], ['waitlist', 'district_reviewer']] as const;
    const waiting = caseOf('public_rental', listed);
    expect(waiting.status).toBe('waiting');
    expect(caseActions(waiting, district)).toEqual(['exit', 'allocate']);
    expect(caseActions(waiting, clerk)).toEqual([]);
    const allocated = caseOf('public_rental', [...listed, ['allocate', 'district_reviewer']]);
    expect(caseActions(allocated, clerk)).toEqual(['contract']);
    expect(caseActions(allocated, district)).toEqual(['exit']);
  });

  it('selects the exit case at 退房交接 and not the other items’ cases in the same status (待公示, 已核准)', () => {
    const handover = stageQueues(['district_reviewer']).find((q) => q.stage === 'handover');
    const atStage = (code: string) => {
      const item = CATALOGUE.items.find((i) => i.code === code)!;
      return handover!.items.includes(code) && stageAt(item, handover!.status)?.id === 'handover';
    };
    expect(atStage('public_rental.exit')).toBe(true);
    expect(atStage('public_rental')).toBe(false);
    expect(atStage('public_rental.renewal')).toBe(false);
    // The act the queue is for is the one the case offers the district reviewer there.
    const state = caseOf('public_rental.exit', THROUGH_REVIEW);
    expect(state.status).toBe(handover!.status);
    expect(caseActions(state, district)).toEqual(['exit']);
    expect(caseActions(state, street)).toEqual([]);
  });
});
