import { describe, expect, it } from 'vitest';
import type { Role } from '../model/events';
import { ROLES } from '../model/events';
import type { CaseStatus } from '../model/status';
import { CASE_STATUSES } from '../model/status';
import { canApply, canRecord } from './check';
import type { EventKind } from './events';
import { EVENT_KINDS } from './events';
import { PAYLOADS, actor, stateAt } from './fixtures.test-helpers';

// The lifecycle as the business describes it, written out independently of TRANSITIONS.
const ALLOWED: readonly (readonly [EventKind, Role, readonly CaseStatus[]])[] = [
  ['submit', 'clerk', ['new', 'returned']],
  ['accept', 'clerk', ['submitted']],
  ['return', 'clerk', ['submitted']],
  ['return', 'reviewer', ['accepted']],
  ['return', 'district_reviewer', ['accepted', 'preliminary_approved']],
  ['preliminary_approve', 'reviewer', ['accepted']],
  ['preliminary_approve', 'district_reviewer', ['accepted']],
  ['preliminary_reject', 'reviewer', ['accepted']],
  ['preliminary_reject', 'district_reviewer', ['accepted']],
  ['review_approve', 'district_reviewer', ['preliminary_approved']],
  ['review_reject', 'district_reviewer', ['preliminary_approved', 'in_publicity']],
  ['publicity', 'district_reviewer', ['review_approved']],
  ['objection', 'reviewer', ['in_publicity']],
  ['objection', 'district_reviewer', ['in_publicity']],
  ['waitlist', 'district_reviewer', ['in_publicity']],
  ['allocate', 'district_reviewer', ['waiting']],
  ['contract', 'clerk', ['allocated']],
  ['inspection_result', 'inspector', ['contracted', 'in_tenancy', 'violation']],
  ['exit', 'clerk', ['submitted', 'returned']],
  ['exit', 'district_reviewer', ['waiting', 'allocated', 'contracted', 'in_tenancy', 'violation']],
];

const allowed = (kind: EventKind, role: Role, status: CaseStatus) =>
  ALLOWED.some(([k, r, from]) => k === kind && r === role && from.includes(status));

describe('canApply: every kind × role × status', () => {
  const kinds = EVENT_KINDS.filter((k) => k !== 'resolve_conflict');
  for (const kind of kinds) {
    for (const role of ROLES) {
      for (const status of CASE_STATUSES) {
        const expected = allowed(kind, role, status);
        it(`${role} ${expected ? 'may' : 'may not'} record ${kind} on a ${status} case`, () => {
          const verdict = canApply(stateAt(status), kind, actor(role));
          expect(verdict.ok).toBe(expected);
          if (!verdict.ok) expect(verdict.reason).toMatch(/[\u4e00-\u9fa5]/);
        });
      }
    }
  }
});

describe('refusal reasons', () => {
  it('names the role that may not decide', () => {
    const v = canApply(stateAt('accepted'), 'preliminary_approve', actor('clerk'));
    expect(v).toEqual({ ok: false, code: 'ROLE', reason: '窗口受理员无权作出初审决定' });
    expect(canApply(stateAt('accepted'), 'accept', actor('it'))).toMatchObject({ reason: '信息运维人员无权受理申请' });
  });

  it('names the current status and the one required', () => {
    const v = canApply(stateAt('returned'), 'preliminary_approve', actor('reviewer'));
    expect(v).toEqual({ ok: false, code: 'STATUS', reason: '案件当前状态为"已退回",不能作出初审决定(需为"已受理"状态)' });
  });

  it('refuses everything on an exited case', () => {
    expect(canApply(stateAt('exited'), 'inspection_result', actor('inspector'))).toMatchObject({ code: 'CLOSED' });
  });

  it('refuses new decisions on a flagged case until a district reviewer resolves it', () => {
    const flagged = stateAt('preliminary_approved', { flagged: { reason: '初审结论矛盾', eventIds: ['a', 'b'] } });
    expect(canApply(flagged, 'review_approve', actor('district_reviewer'))).toMatchObject({ code: 'FLAGGED' });
    expect(canApply(flagged, 'resolve_conflict', actor('district_reviewer'))).toEqual({ ok: true });
    expect(canApply(flagged, 'resolve_conflict', actor('reviewer'))).toMatchObject({ code: 'ROLE' });
    expect(canApply(stateAt('accepted'), 'resolve_conflict', actor('district_reviewer'))).toMatchObject({
      code: 'NOT_FLAGGED',
    });
  });

  it('refuses a decision contradicting the one already taken for the stage', () => {
    const s = stateAt('preliminary_approved', { decisions: { preliminary: { outcome: 'approve', eventId: 'e1' } } });
    expect(canApply(s, 'preliminary_reject', actor('reviewer'))).toEqual({
      ok: false,
      code: 'CONTRADICTS',
      reason: '初审已作出"通过"决定,与本次"不通过"决定相互矛盾',
    });
  });

  it('accepts an actor holding several roles if one of them may act', () => {
    const both = { name: '王芳', roles: ['clerk', 'reviewer'] as Role[], officeId: 'o' };
    expect(canApply(stateAt('accepted'), 'preliminary_approve', both)).toEqual({ ok: true });
  });
});

describe('payload checks', () => {
  const at = '2024-03-05T02:00:00.000Z';
  it('a return must list the missing materials', () => {
    const v = canRecord(stateAt('submitted'), 'return', actor('clerk'), { missingMaterials: [] }, at);
    expect(v).toMatchObject({ code: 'PAYLOAD', reason: '退回补正须一次性列明全部缺少或需更正的材料' });
    expect(canRecord(stateAt('submitted'), 'return', actor('clerk'), PAYLOADS.return, at)).toEqual({ ok: true });
  });

  it('a rejection needs a reason, an approval an opinion', () => {
    expect(canRecord(stateAt('accepted'), 'preliminary_reject', actor('reviewer'), { reason: ' ' }, at)).toMatchObject({
      reason: '不予通过须填写理由',
    });
    expect(canRecord(stateAt('preliminary_approved'), 'review_approve', actor('district_reviewer'), { opinion: '' }, at)).toMatchObject({
      reason: '请填写审核意见',
    });
  });

  it('waiting list only after the objection window closes (Beijing date)', () => {
    const s = stateAt('in_publicity', { publicity: { startsOn: '2024-03-01', endsOn: '2024-03-10' } });
    const dr = actor('district_reviewer');
    expect(canRecord(s, 'waitlist', dr, PAYLOADS.waitlist, '2024-03-10T15:59:00.000Z')).toMatchObject({
      reason: '公示异议期至2024-03-10结束,期满后方可列入轮候',
    });
    expect(canRecord(s, 'waitlist', dr, PAYLOADS.waitlist, '2024-03-10T16:00:00.000Z')).toEqual({ ok: true });
  });

  it('publicity end may not precede its start', () => {
    const v = canRecord(stateAt('review_approved'), 'publicity', actor('district_reviewer'), { startsOn: '2024-03-10', endsOn: '2024-03-01' }, at);
    expect(v).toMatchObject({ reason: '公示结束日期2024-03-01早于开始日期2024-03-10' });
  });

  it('rental contracts run 3 to 5 years', () => {
    const s = stateAt('allocated', { businessItem: 'public_rental' });
    const c = actor('clerk');
    const p = (endDate: string) => ({ leaseId: 'lease:1', startDate: '2024-05-01', endDate });
    expect(canRecord(s, 'contract', c, p('2027-04-30'), at)).toEqual({ ok: true });
    expect(canRecord(s, 'contract', c, p('2029-04-30'), at)).toEqual({ ok: true });
    expect(canRecord(s, 'contract', c, p('2027-04-29'), at)).toMatchObject({
      reason: '租赁合同期限应为3至5年(2024-05-01起,结束日期应在2027-04-30至2029-04-30之间)',
    });
    expect(canRecord(s, 'contract', c, p('2029-05-01'), at)).toMatchObject({ code: 'PAYLOAD' });
  });

  it('a violation needs findings', () => {
    const v = canRecord(stateAt('in_tenancy'), 'inspection_result', actor('inspector'), { inspectionId: 'i', outcome: 'violation', findings: [] }, at);
    expect(v).toMatchObject({ reason: '核查结果为违规时须列明核查发现' });
  });
});
