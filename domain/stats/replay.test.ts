// The fast replay agrees with deriveCase, and the memoised deadlines with stageDeadline + countdown
// case by case (as the review queue computes them), over generated cases and over cases whose
// stored projection or events disagree.
import { describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR, countdown, stageDeadline } from '../deadlines';
import { generateCases } from '../seed';
import { deriveCase, localDate, type CaseEvent } from '../workflow';
import { ev } from '../workflow/fixtures.test-helpers';
import { computeDashboard } from './dashboard';
import { localDates, workingDays } from './days';
import { appliedSteps, cleanReplay } from './replay';
import { caseFacts } from './stages';

const CAL = calendarOf(CN_CALENDAR);
const data = generateCases({ count: 400, officeId: 'futian-huafu', seed: 7 });
const byCase = new Map<string, CaseEvent[]>();
for (const e of data.events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);

/** Returned in 初审, resubmitted and accepted again, approved, returned in 复审 and resubmitted. */
const RETURNED_TWICE = [
  ev('submit', 'clerk', '2025-09-01T02:00:00Z'), ev('accept', 'clerk', '2025-09-02T02:00:00Z'), ev('return', 'reviewer', '2025-09-04T02:00:00Z'),
  ev('submit', 'clerk', '2025-09-10T02:00:00Z'), ev('accept', 'clerk', '2025-09-11T02:00:00Z'), ev('preliminary_approve', 'reviewer', '2025-09-12T02:00:00Z'),
  ev('return', 'district_reviewer', '2025-09-15T02:00:00Z'), ev('submit', 'clerk', '2025-09-17T02:00:00Z'),
];

/** A case of a catalogue item: submitted naming it, then `steps` a day apart. */
const itemCase = (item: string, steps: readonly (readonly [Parameters<typeof ev>[0], Parameters<typeof ev>[1]])[]): CaseEvent[] => [
  ev('submit', 'clerk', '2026-03-02T02:00:00Z', { businessItem: 'public_rental', item, catalogueVersion: '2026.1' }),
  ...steps.map(([kind, role], i) => ev(kind, role, new Date(Date.parse('2026-03-03T02:00:00Z') + i * 86_400_000).toISOString())),
];

describe('fast replay', () => {
  it("replays each case on its own item's stages, as deriveCase does, without falling back", () => {
    const reviewed = [['accept', 'clerk'], ['preliminary_approve', 'reviewer'], ['review_approve', 'district_reviewer']] as const;
    const cases = {
      // 退租: 退房交接 then 已退出 — an exit from 复审通过 that a public rental application has not.
      exited: itemCase('public_rental.exit', [...reviewed, ['exit', 'district_reviewer']]),
      // 合同变更: the street decides alone, 已办结.
      completed: itemCase('public_rental.contract_change', [['accept', 'clerk'], ['preliminary_approve', 'reviewer']]),
      review_approved: itemCase('public_rental.renewal', reviewed),
    };
    for (const [status, events] of Object.entries(cases)) {
      const derived = deriveCase(events);
      expect(derived.status).toBe(status);
      const fast = cleanReplay(events);
      expect(fast?.map((s) => s.statusAfter), status).toEqual(derived.history.map((h) => h.statusAfter));
    }
    // An event its item has no step for is not replayed fast: deriveCase refuses it.
    expect(cleanReplay([...cases.review_approved, ev('publicity', 'district_reviewer', '2026-03-20T02:00:00Z')])).toBeNull();
    // A catalogue version this workstation does not know: derived in full (and refused there).
    expect(cleanReplay([ev('submit', 'clerk', '2026-03-02T02:00:00Z', { businessItem: 'public_rental', item: 'public_rental', catalogueVersion: '2099.1' })])).toBeNull();
  });

  it('gives the applied history of deriveCase for every generated case', () => {
    for (const c of data.cases) {
      const events = byCase.get(c.id) ?? [];
      const derived = deriveCase(events).history.filter((h) => h.applied);
      expect(appliedSteps(events, c)).toEqual(derived.map((h) => ({ kind: h.kind, at: h.at, statusBefore: h.statusBefore, statusAfter: h.statusAfter, payload: events.find((e) => e.id === h.eventId)!.payload })));
    }
  });

  it('derives in full when an event is refused or the stored status disagrees', () => {
    const twice = [ev('submit', 'clerk', '2025-09-01T02:00:00Z'), ev('accept', 'clerk', '2025-09-02T02:00:00Z'), ev('accept', 'clerk', '2025-09-02T03:00:00Z')];
    expect(appliedSteps(twice, { status: 'accepted' }).map((s) => s.kind)).toEqual(['submit', 'accept']);
    const reject = ev('preliminary_reject', 'reviewer', '2025-09-03T02:00:00Z', { reason: '' });
    // An empty refusal reason is a payload the workflow refuses: the stored status says so.
    expect(appliedSteps([...twice.slice(0, 2), reject], { status: 'accepted', flagged: true }).map((s) => s.kind)).toEqual(['submit', 'accept']);
  });

  it('keeps the running stage clock as stageDeadline does', () => {
    const dayOf = localDates();
    const workdays = workingDays(CAL).between;
    const withReturns = [...data.cases.map((c) => byCase.get(c.id) ?? []), RETURNED_TWICE];
    for (const events of withReturns) {
      const expected = stageDeadline(deriveCase(events).history, CAL);
      const clock = caseFacts(appliedSteps(events), dayOf, workdays).clock;
      expect(clock && { stage: clock.stage, startedOn: clock.startedOn, pausedDays: clock.pausedDays, paused: clock.paused }).toEqual(
        expected && { stage: expected.stage, startedOn: expected.startedOn, pausedDays: expected.pausedDays, paused: expected.dueOn === null },
      );
    }
  });

  it('counts overdue and due-soon cases as the review queue does, case by case', () => {
    const now = new Date('2024-06-28T06:00:00Z');
    const today = localDate(now.toISOString());
    const expected = { overdue: 0, dueSoon: 0, ok: 0, paused: 0 };
    for (const c of data.cases) {
      const d = stageDeadline(deriveCase(byCase.get(c.id) ?? []).history, CAL);
      if (!d) continue;
      const u = countdown(d, today, CAL).urgency;
      expected[u === 'due_soon' ? 'dueSoon' : u] += 1;
    }
    const stats = computeDashboard({ cases: data.cases, events: data.events, now, calendar: CAL });
    expect(stats.deadlines).toEqual(expected);
    expect(expected.overdue).toBeGreaterThan(0);
  });

  it('gives the same figures when cases settled before the window skip their replay', () => {
    const now = new Date('2024-06-28T06:00:00Z');
    const unknown = data.cases.map(({ lastEventAt: _, ...c }) => c);
    for (const weeks of [2, 12, 52]) {
      const skipping = computeDashboard({ cases: data.cases, events: data.events, now, calendar: CAL, weeks });
      expect(skipping).toEqual(computeDashboard({ cases: unknown, events: data.events, now, calendar: CAL, weeks }));
      expect(skipping.weekly.some((w) => w.submitted > 0)).toBe(true);
    }
  });
});
