// Every business item of the shipped catalogue, end to end through the one workflow engine: a case of
// the item is started, and each stage's step is recorded (decide → deriveCase) by a role of that
// stage until the item's final decision. The path is read from the catalogue, so an item whose
// stages the engine cannot walk fails here. Acts on an open case (补正, 公示异议, 放弃轮候) are
// recorded on a case of an application item brought to the status the act applies to.
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/shipped';
import type { CatalogueItem, StageDef } from '../catalogue/types';
import type { Role } from '../model/events';
import type { CaseStatus } from '../model/status';
import { decide } from './decide';
import { deriveCase } from './derive';
import type { CaseEvent, EventKind, Payloads } from './events';
import { startProblem } from './item-engine';
import { projectCase } from './projection';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms + 8 * 3600_000).slice(0, 10);

/** A valid payload for each step, at time `at` (publicity runs 7 days from `at`). */
function payload(kind: EventKind, item: CatalogueItem, at: number): Payloads[EventKind] {
  const p: { [K in EventKind]?: Payloads[K] } = {
    submit: { businessItem: item.programme, item: item.code, catalogueVersion: CATALOGUE.version },
    accept: { receiptNo: 'SZ-FT-2026-000001' },
    return: { missingMaterials: [{ code: 'income_proof', name: '收入证明' }] },
    preliminary_approve: { opinion: '符合条件' },
    preliminary_reject: { reason: '不符合条件' },
    review_approve: { opinion: '复核通过' },
    review_reject: { reason: '复核不通过' },
    publicity: { startsOn: date(at), endsOn: date(at + 6 * DAY) },
    objection: { reason: '群众反映申请人名下有商铺' },
    waitlist: { queueNo: 7 },
    allocate: { unitId: 'unit:ft-001-0101' },
    contract: { leaseId: 'lease:1', startDate: date(at), endDate: date(at + 3 * 365 * DAY) },
    exit: { reason: 'voluntary' },
  };
  return p[kind]!;
}

interface Step {
  readonly from: StageDef;
  readonly event: EventKind;
  readonly role: Role;
  readonly to: StageDef;
}

/** The shortest path of steps from `start` to a stage satisfying `goal` (breadth first). */
function pathTo(item: CatalogueItem, start: string, goal: (s: StageDef) => boolean, avoid: readonly EventKind[] = []): Step[] | null {
  const byId = new Map(item.stages.map((s) => [s.id, s]));
  const queue: [string, Step[]][] = [[start, []]];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const [id, path] = queue.shift()!;
    const stage = byId.get(id)!;
    if (goal(stage) && path.length > 0) return path;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const a of stage.actions) {
      if (avoid.includes(a.event)) continue;
      const role = (a.roles ?? stage.roles)[0]!;
      queue.push([a.to, [...path, { from: stage, event: a.event, role, to: byId.get(a.to)! }]]);
    }
  }
  return null;
}

const FINAL_REFUSALS = new Set(['rejected', 'withdrawn']);
/** The item's final decision when all goes well: a terminal stage other than rejected or withdrawn. */
const finalDecision = (s: StageDef) => s.terminal === true && !FINAL_REFUSALS.has(s.id);

/** Records the steps on `events` (a case), checking each lands on the stage's status. */
function walk(item: CatalogueItem, steps: readonly Step[], events: CaseEvent[], caseItem: CatalogueItem = item): void {
  for (const step of steps) {
    // A week between steps (a publicity window of 7 days is over by the next); an objection comes within it.
    const last = events[events.length - 1];
    const at = last === undefined ? T0 : Date.parse(last.at) + (step.event === 'objection' ? DAY : 8 * DAY);
    const actor = { userId: `${step.role}1`, name: `${step.role}-user`, roles: [step.role], officeId: 'futian-huafu' };
    const body = step.event === 'submit' && events.length > 0 ? { businessItem: caseItem.programme } : payload(step.event, caseItem, at);
    const r = decide(deriveCase(events), { id: `event:${String(events.length).padStart(3, '0')}`, caseId: 'case:1', kind: step.event, actor, at: iso(at), payload: body as never });
    expect(r.ok ? null : r.error.message, `${item.code}: ${step.event} from ${step.from.id} by ${step.role}`).toBeNull();
    if (!r.ok) return;
    events.push(r.value as CaseEvent);
    expect(deriveCase(events).status, `${item.code}: after ${step.event}`).toBe(step.to.status);
  }
}

const OWN_CASES = CATALOGUE.items.filter((i) => i.subject !== 'open_case');
const ACTS = CATALOGUE.items.filter((i) => i.subject === 'open_case');

describe('every business item runs end to end on the one engine', () => {
  it('has at least 12 items beyond the four applications with a working path', () => {
    // The applications are the items whose code is their programme's.
    const beyond = CATALOGUE.items.filter((i) => i.code !== i.programme);
    expect(beyond.length).toBeGreaterThanOrEqual(12);
    for (const i of beyond) expect(i.subject === 'open_case' || pathTo(i, i.start, finalDecision) !== null, i.code).toBe(true);
  });

  it.each(OWN_CASES.map((i) => [i.code, i] as const))('%s: from its start to its final decision', (_code, item) => {
    const path = pathTo(item, item.start, finalDecision);
    expect(path, `${item.code} has no path to a final decision`).not.toBeNull();
    const events: CaseEvent[] = [];
    walk(item, path!, events);
    const state = deriveCase(events);
    expect(state.item).toBe(item.code);
    expect(state.catalogueVersion).toBe(CATALOGUE.version);
    expect(state.flagged).toBeNull();
    // Once finished nothing more is recorded, except the engine's own tenancy events.
    const last = path![path!.length - 1]!.to;
    expect(last.terminal).toBe(true);
  });

  it.each(OWN_CASES.filter((i) => i.stages.some((s) => s.id === 'rejected')).map((i) => [i.code, i] as const))('%s: a refusal ends it as rejected', (_code, item) => {
    const path = pathTo(item, item.start, (s) => s.id === 'rejected');
    const events: CaseEvent[] = [];
    walk(item, path!, events);
    expect(deriveCase(events).status).toBe('rejected');
  });

  it.each(ACTS.map((i) => [i.code, i] as const))('%s: recorded on an open case, which moves on under its own item', (_code, act) => {
    const application = CATALOGUE.items.find((i) => i.code === act.programme)!;
    const target = act.appliesTo![0]!;
    const events: CaseEvent[] = [];
    walk(application, pathTo(application, application.start, (s) => s.status === target && s.actions.length > 0)!, events);
    expect(deriveCase(events).status).toBe(target);
    const record = act.stages.find((s) => s.id === act.start)!.actions[0]!;
    const stage = application.stages.find((s) => s.status === target && s.actions.some((a) => a.event === record.event))!;
    const to = application.stages.find((s) => s.id === stage.actions.find((a) => a.event === record.event)!.to)!;
    const role = act.stages.find((s) => s.id === act.start)!.roles[0]!;
    const step: Step = { from: stage, event: record.event, role, to };
    walk(act, [step], events, application);
    expect(deriveCase(events).status).not.toBe(target);
  });
});

describe('management items differ from applications where the catalogue says so', () => {
  const code = (c: string) => CATALOGUE.items.find((i) => i.code === c)!;
  const run = (item: CatalogueItem, events: readonly EventKind[]) => {
    const path = pathTo(item, item.start, finalDecision)!;
    const steps = events.map((e, n) => path.find((s, i) => i >= n && s.event === e)!);
    const out: CaseEvent[] = [];
    walk(item, steps, out);
    return deriveCase(out);
  };

  it('a renewal is decided by the district without publicity: approved is its end', () => {
    const state = run(code('public_rental.renewal'), ['submit', 'accept', 'preliminary_approve', 'review_approve']);
    expect(state.status).toBe('review_approved');
    const publicity = decide(state, { id: 'event:p', caseId: 'case:1', kind: 'publicity', actor: { name: 'd', roles: ['district_reviewer'], officeId: 'x' }, at: iso(T0 + 90 * DAY), payload: payload('publicity', code('public_rental.renewal'), T0 + 90 * DAY) as never });
    expect(publicity.ok).toBe(false);
  });

  it('a contract change is completed by the street alone; a change of contact details at the counter', () => {
    expect(run(code('public_rental.contract_change'), ['submit', 'accept', 'preliminary_approve']).status).toBe('completed');
    const contact = run(code('contact_change'), ['submit', 'accept']);
    expect(contact.status).toBe('completed');
    const again = decide(contact, { id: 'event:x', caseId: 'case:1', kind: 'return', actor: { name: 'c', roles: ['clerk'], officeId: 'x' }, at: iso(T0 + 90 * DAY), payload: payload('return', code('contact_change'), 0) as never });
    expect(again.ok ? '' : again.error.message).toBe('案件已办结,不能再办理');
  });

  it('an exit is handed back after the district approves, and the case is closed', () => {
    const state = run(code('public_rental.exit'), ['submit', 'accept', 'preliminary_approve', 'review_approve', 'exit']);
    expect(state.status).toBe('exited');
  });

  it('the deadlines follow the item and the district variant', () => {
    const renewal = code('public_rental.renewal');
    const out: CaseEvent[] = [];
    walk(renewal, pathTo(renewal, 'draft', (s) => s.id === 'preliminary')!, out);
    const app = CATALOGUE.items.find((i) => i.code === 'public_rental')!;
    const appEvents: CaseEvent[] = [];
    walk(app, pathTo(app, 'draft', (s) => s.id === 'preliminary')!, appEvents);
    // Both accepted on the same day: 10 working days for the street in both, 8 in Nanshan's variant.
    expect(projectCase(out)!.dueOn).toBe(projectCase(appEvents)!.dueOn);
    expect(projectCase(appEvents, undefined, 'district:440305')!.dueOn < projectCase(appEvents)!.dueOn).toBe(true);
  });

  it('keeps the item a case started with: a resubmission cannot change it', () => {
    const renewal = code('public_rental.renewal');
    const out: CaseEvent[] = [];
    walk(renewal, pathTo(renewal, 'draft', (s) => s.id === 'returned')!, out);
    const r = decide(deriveCase(out), { id: 'event:z', caseId: 'case:1', kind: 'submit', actor: { name: 'c', roles: ['clerk'], officeId: 'x' }, at: iso(T0 + 90 * DAY), payload: { businessItem: 'public_rental', item: 'public_rental.exit' } });
    expect(r.ok ? '' : r.error.message).toContain('不能改为');
  });

  it('refuses an unknown item, an act as a case of its own, a legacy application and a wrong programme, in Chinese', () => {
    const first = (p: Payloads['submit']) => decide(deriveCase([]), { id: 'event:a', caseId: 'case:1', kind: 'submit', actor: { name: 'c', roles: ['clerk'], officeId: 'x' }, at: iso(T0), payload: p });
    expect(first({ businessItem: 'public_rental', item: 'free_houses' })).toMatchObject({ ok: false, error: { message: '事项“free_houses”不在事项目录 2026.1 中' } });
    expect(first({ businessItem: 'public_rental', item: 'correction' })).toMatchObject({ ok: false });
    expect(first({ businessItem: 'rental_subsidy', item: 'public_rental.renewal' })).toMatchObject({ ok: false });
    expect(first({ businessItem: 'public_rental', item: 'public_rental.renewal', catalogueVersion: '1999.1' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('1999.1') } });
    expect(startProblem({ businessItem: 'talent_housing' }, ['clerk'])).toBe('“人才住房申请(历史项目)”已不再受理新的申请');
    expect(startProblem({ businessItem: 'talent_housing', item: 'talent_housing.renewal' }, ['clerk'])).toBeNull();
    expect(startProblem({ businessItem: 'public_rental', item: 'public_rental.renewal' }, ['reviewer'])).toContain('当前角色不能发起');
  });
});

/** Status a stage's step leads to is always one of the case statuses the queues know. */
it('every stage status is a case status', () => {
  const statuses = new Set<CaseStatus>(CATALOGUE.items.flatMap((i) => i.stages.map((s) => s.status)));
  expect(statuses.has('completed')).toBe(true);
});
