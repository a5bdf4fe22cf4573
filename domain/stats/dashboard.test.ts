// The figures a supervisor reads off the dashboard, for a hand-made fortnight of cases in two
// streets (September 2025, Beijing dates; "now" is Friday 2025-09-19).
import { describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR } from '../deadlines';
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import { ev, PAYLOADS } from '../workflow/fixtures.test-helpers';
import type { CaseEvent, EventKind, Payloads } from '../workflow';
import { computeDashboard, type StatsCase } from './dashboard';

const CAL = calendarOf(CN_CALENDAR);
const A = 'futian-huafu';
const B = 'futian-shatou';
const NOW = new Date('2025-09-19T02:00:00Z');
const ROLE: Partial<Record<EventKind, Role>> = { submit: 'clerk', accept: 'clerk', preliminary_approve: 'reviewer', preliminary_reject: 'reviewer', return: 'reviewer', review_approve: 'district_reviewer' };

type Step = [EventKind, string, Role?, unknown?];
const events: CaseEvent[] = [];
const cases: StatsCase[] = [];
/** A case of `officeId` with its events on the given Beijing dates (10:00 local). */
function kase(n: number, officeId: string, status: CaseStatus, steps: Step[], flagged = false) {
  const caseId = `case:${n}`;
  cases.push({ id: caseId, officeId, status, flagged });
  steps.forEach(([kind, day, role, payload], i) => {
    const at = `${day}T02:0${i}:00.000Z`;
    events.push({ ...ev(kind, role ?? ROLE[kind]!, at, (payload ?? PAYLOADS[kind]) as never, officeId, `evt:${n}-${i}`), caseId });
  });
}
const ret = (...codes: string[]): Payloads['return'] => ({ missingMaterials: codes.map((code) => ({ code, name: `材料${code}` })) });

kase(1, A, 'accepted', [['submit', '2025-09-08'], ['accept', '2025-09-09']]);
kase(2, A, 'accepted', [['submit', '2025-08-20'], ['accept', '2025-08-21']]);
kase(3, A, 'preliminary_approved', [['submit', '2025-09-10'], ['accept', '2025-09-12'], ['preliminary_approve', '2025-09-16']]);
kase(4, B, 'rejected', [
  ['submit', '2025-09-08'], ['accept', '2025-09-09'], ['return', '2025-09-10', 'reviewer', ret('R01', 'R03')],
  ['submit', '2025-09-15'], ['accept', '2025-09-16'], ['preliminary_reject', '2025-09-18'],
]);
kase(5, B, 'returned', [['submit', '2025-09-08'], ['accept', '2025-09-09'], ['return', '2025-09-11', 'reviewer', ret('R03')]]);
kase(6, B, 'returned', [['submit', '2025-09-12'], ['return', '2025-09-12', 'clerk', ret('income_proof')]]);
kase(7, A, 'review_approved', [['submit', '2025-08-01'], ['accept', '2025-08-04'], ['preliminary_approve', '2025-08-08'], ['review_approve', '2025-09-17']]);
kase(8, B, 'waiting', []);
// Two offices decided the same preliminary review both ways offline: the approval stands, flagged.
kase(9, A, 'preliminary_approved', [['submit', '2025-09-08'], ['accept', '2025-09-09'], ['preliminary_approve', '2025-09-10'], ['preliminary_reject', '2025-09-10', 'district_reviewer']], true);

const stats = computeDashboard({ cases, events, now: NOW, calendar: CAL, weeks: 2 });

describe('dashboard figures', () => {
  it('counts the backlog by stage and street', () => {
    const [a, b] = stats.backlog.rows;
    expect(a).toMatchObject({ officeId: A, total: 5, counts: { accepted: 2, preliminary_approved: 2, review_approved: 1, returned: 0 } });
    expect(b).toMatchObject({ officeId: B, total: 2, counts: { returned: 2, accepted: 0 } });
    expect(stats.backlog.total).toMatchObject({ total: 7, overdue: 1, dueSoon: 1, counts: { accepted: 2, returned: 2 } });
  });

  it('counts overdue and due-soon stages under the holiday calendar, paused while with the applicant', () => {
    // case 2: 初审 due 2025-09-04; case 1: due 2025-09-23 (2 working days left); case 5 is with the applicant.
    expect(stats.deadlines).toEqual({ overdue: 1, dueSoon: 1, ok: 2, paused: 1 });
    expect(stats.backlog.rows[0]).toMatchObject({ overdue: 1, dueSoon: 1 });
  });

  it('gives weekly intake and decisions per ISO week, counter returns left out', () => {
    expect(stats.window).toEqual({ from: '2025-09-08', to: '2025-09-19', weeks: 2 });
    expect(stats.weekly).toEqual([
      { week: '2025-W37', startsOn: '2025-09-08', submitted: 6, accepted: 5, approved: 1, returned: 2, rejected: 0 },
      { week: '2025-W38', startsOn: '2025-09-15', submitted: 0, accepted: 1, approved: 2, returned: 0, rejected: 1 },
    ]);
  });

  it('gives approval, return and rejection rates per review stage; a contradicting decision does not count', () => {
    expect(stats.rates).toEqual([
      { stage: 'preliminary', decisions: 5, approved: 2, returned: 2, rejected: 1, approvalRate: 0.4, returnRate: 0.4, rejectionRate: 0.2 },
      { stage: 'review', decisions: 1, approved: 1, returned: 0, rejected: 0, approvalRate: 1, returnRate: 0, rejectionRate: 0 },
      { stage: 'all', decisions: 6, approved: 3, returned: 2, rejected: 1, approvalRate: 0.5, returnRate: 2 / 6, rejectionRate: 1 / 6 },
    ]);
  });

  it('gives median working days per stage, without the days with the applicant', () => {
    // 初审: case 3 two days, case 4 seven less three paused, case 9 one day.
    expect(stats.stageDays).toEqual([
      { stage: 'acceptance', cases: 6, median: 1 },
      { stage: 'preliminary', cases: 3, median: 2 },
      { stage: 'review', cases: 1, median: 28 },
    ]);
  });

  it('ranks return reasons by how many returns cite them, with their labels', () => {
    expect(stats.returns).toBe(2);
    expect(stats.reasons).toEqual([
      { code: 'R03', zh: '收入证明需补充或更正', en: 'Income proof to be added or corrected', count: 2, share: 1 },
      { code: 'R01', zh: '身份证明材料不全或不清晰', en: 'Identity documents missing or illegible', count: 1, share: 0.5 },
    ]);
  });

  it('is the same whatever order the events arrive in', () => {
    const again = computeDashboard({ cases: [...cases].reverse(), events: [...events].reverse(), now: NOW, calendar: CAL, weeks: 2 });
    expect(again).toEqual(stats);
  });

  it('refuses a bad clock or period with a clear message', () => {
    expect(() => computeDashboard({ cases, events, now: new Date('x'), calendar: CAL })).toThrow('统计时间无效');
    expect(() => computeDashboard({ cases, events, now: NOW, calendar: CAL, weeks: 0 })).toThrow('统计周数应为1至104之间的整数,收到0');
  });
});
