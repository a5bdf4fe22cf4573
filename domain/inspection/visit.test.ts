import { describe, expect, it } from 'vitest';
import type { Actor } from '../model/events';
import type { HouseholdDoc, PersonDoc } from '../model/people';
import { generateCases, generateTenancies } from '../seed';
import { deriveCase, applyEvent } from '../workflow/derive';
import { assignTasks } from './plan';
import { correctionDeadline } from './nspire';
import { caseStateOf, compareOccupant, completeVisit, reinspectionTask, visitEvent, type VisitDraft } from './visit';

const data = generateCases({ count: 300, officeId: 'futian-huafu', seed: 42 });
const { leases } = generateTenancies(data, 42);
const lease = leases[0]!;
const household = data.households.find((h) => h.id === lease.householdId)! as unknown as HouseholdDoc;
const persons = data.persons.filter((p) => p.householdId === household.id).map((p) => ({ ...p, idHash: `hash-${p.id}` })) as unknown as PersonDoc[];
const inspector: Actor = { userId: 'inspector1', name: '王芳', roles: ['inspector'], officeId: 'futian-huafu' };
const [task] = assignTasks([{ lease, reason: 'sample', riskFlags: [] }], { planId: 'inspection_plan:p1', officeId: 'futian-huafu', inspectors: ['inspector1'], startsOn: '2026-01-05', endsOn: '2026-01-09', at: '2026-01-04T00:00:00.000Z' });
const at = '2026-01-06T02:30:00.000Z';
const events = data.events.filter((e) => e.caseId === lease.caseId);

function draft(extra: Partial<VisitDraft> = {}): VisitDraft {
  return {
    task: task!, lease, inspector, at, notHome: false,
    occupant: compareOccupant(`hash-${household.applicantPersonId}`, household, persons),
    faceScore: 0.32, fingerprintMatched: true, occupancy: 'tenant_present', arrearsMonths: 0, conditions: [], photoIds: ['photo:1'], photos: [],
    signature: 'data:image/png;base64,AAAA', signatureRefused: false, note: '', ...extra,
  };
}

describe('compareOccupant', () => {
  it('tells the tenant, a member of the household and somebody else apart', () => {
    expect(compareOccupant(`hash-${household.applicantPersonId}`, household, persons).result).toBe('tenant');
    const member = household.members.find((m) => m.personId !== household.applicantPersonId);
    if (member) expect(compareOccupant(`hash-${member.personId}`, household, persons)).toMatchObject({ result: 'member', personId: member.personId });
    expect(compareOccupant('hash-stranger', household, persons)).toEqual({ result: 'other', personId: null, name: null });
  });
});

describe('completeVisit', () => {
  it('records a clean visit as ok: the case goes to 租住中 through a checked event', () => {
    const visit = completeVisit(draft());
    expect(visit).toMatchObject({ outcome: 'ok', identity: 'tenant', findings: [], correctBy: null, taskId: task!.id });
    const event = visitEvent(visit, inspector, deriveCase(events));
    // A laptop without the history decides from the case document's status, with the same result.
    const c = data.cases.find((x) => x.id === lease.caseId)!;
    expect(visitEvent(visit, inspector, caseStateOf(c)).payload).toEqual(event.payload);
    expect(() => visitEvent(visit, inspector, caseStateOf({ ...c, status: 'accepted' }))).toThrow();
    expect(applyEvent(deriveCase(events), event).status).toBe('in_tenancy');
    expect(reinspectionTask(visit, task!, lease)).toBeNull();
  });

  it('makes a stranger at the door and a sublet a violation, and a case in 违规核查 status', () => {
    const visit = completeVisit(draft({ occupant: compareOccupant('hash-stranger', household, persons), occupancy: 'sublet_or_lent', signature: null, signatureRefused: true }));
    expect(visit.outcome).toBe('violation');
    expect(visit.findings.map((f) => f.kind)).toEqual(['occupant_not_tenant', 'sublet']);
    expect(visit.signatureRefused).toBe(true);
    expect(applyEvent(deriveCase(events), visitEvent(visit, inspector, deriveCase(events))).status).toBe('violation');
  });

  it('gives condition items NSPIRE deadlines (severe: 24 h; moderate: 30 days) and schedules the re-inspection on the earliest', () => {
    const visit = completeVisit(draft({ conditions: [{ code: 'water_leak', note: '' }, { code: 'exposed_wiring', note: '厨房插座外露' }] }));
    expect(visit.conditions.map((c) => [c.severity, c.correctBy])).toEqual([['moderate', '2026-02-05'], ['life_threatening', '2026-01-07']]);
    expect(visit.correctBy).toBe(correctionDeadline('life_threatening', at));
    expect(visit.outcome).toBe('ok');
    expect(visit.findings.map((f) => f.kind)).toEqual(['unit_condition']);
    expect(reinspectionTask(visit, task!, lease)).toMatchObject({ reason: 'reinspection', dueDate: '2026-01-07', inspectorId: 'inspector1', leaseId: lease.id });
  });

  it('refuses a visit without the ID card read, without signature or refusal, or by another inspector', () => {
    expect(() => completeVisit(draft({ occupant: { result: 'not_read', personId: null, name: null } }))).toThrow('身份证');
    expect(() => completeVisit(draft({ signature: null }))).toThrow('签名');
    expect(() => completeVisit(draft({ inspector: { ...inspector, userId: 'inspector2' } }))).toThrow('未分派给您');
    expect(() => completeVisit(draft({ task: { ...task!, state: 'cancelled' } }))).toThrow('撤回');
    expect(() => completeVisit(draft({ conditions: [{ code: 'nonsense', note: '' }] }))).toThrow('未知的房屋状况');
  });

  it('records nobody at home without findings and with a visit again the next day', () => {
    const visit = completeVisit(draft({ notHome: true, occupant: { result: 'not_read', personId: null, name: null }, signature: null }));
    expect(visit).toMatchObject({ outcome: 'not_home', findings: [], identity: 'not_read' });
    expect(reinspectionTask(visit, task!, lease)?.dueDate).toBe('2026-01-07');
  });
});
