// Reading and writing field inspections in the local database: a supervisor's plan and its tasks,
// an inspector's tasks and everything a visit needs, the visit itself (the inspection record, the
// signed inspection_result event and the re-inspection, written together), and the findings list.
import { openText } from '../../domain/crypto/sealing';
import type { FingerprintTemplate } from '../../domain/devices';
import { isDescriptor } from '../../domain/face/match';
import { assignTasks, caseStateOf, completeVisit, reinspectionTask, samplePlan, visitEvent, type ConditionCatalogue, type PlanItem, type VisitDraft } from '../../domain/inspection';
import type { CaseDoc } from '../../domain/model/case';
import { deriveCase } from '../../domain/workflow/derive';
import type { CaseState } from '../../domain/workflow/state';
import type { HousingUnitDoc, InspectionDoc, InspectionPlanDoc, InspectionTaskDoc, LeaseDoc } from '../../domain/model/field';
import { FIELD_SCHEMA_VERSION } from '../../domain/model/field';
import type { Actor } from '../../domain/model/events';
import type { HouseholdDoc, PersonDoc } from '../../domain/model/people';
import type { CaseEvent } from '../../domain/workflow';
import type { CaseContext } from '../cases/case-store';
import type { AnyDoc, WorkstationDb } from '../db/database';
import { recordEvents } from '../workflow/record-events';

const json = <T>(docs: { toJSON(): unknown }[]): T[] => docs.map((d) => d.toJSON() as T);

export const actorOf = (ctx: CaseContext): Actor => ({ userId: ctx.user.name, name: ctx.user.displayName, roles: ctx.user.roles, officeId: ctx.user.officeId });

export async function activeTenancies(db: WorkstationDb): Promise<LeaseDoc[]> {
  return json<LeaseDoc>(await db.field.find({ selector: { type: 'lease', state: 'active' } }).exec());
}

export interface PlanInput {
  readonly title: string;
  readonly seed: number;
  readonly sampleRate: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly inspectors: readonly string[];
}

/** The plan's items as they would be drawn now (the supervisor sees them before saving). */
export async function previewPlan(db: WorkstationDb, input: PlanInput): Promise<PlanItem[]> {
  const violated = new Set(json<InspectionDoc>(await db.field.find({ selector: { type: 'inspection', outcome: 'violation' } }).exec()).map((i) => String(i.leaseId)));
  return samplePlan(await activeTenancies(db), { seed: input.seed, sampleRate: input.sampleRate, asOf: input.startsOn, violated });
}

/** Saves the plan (its seed recorded) and its tasks; they reach the inspectors' laptops through the office database. */
export async function createPlan(ctx: CaseContext, input: PlanInput): Promise<{ plan: InspectionPlanDoc; tasks: InspectionTaskDoc[] }> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const items = await previewPlan(ctx.db, input);
  const plan: InspectionPlanDoc = {
    id: `inspection_plan:${crypto.randomUUID()}`,
    type: 'inspection_plan',
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: ctx.user.officeId,
    createdAt: at,
    updatedAt: at,
    title: input.title.trim() || `入户核查计划 ${input.startsOn}`,
    seed: input.seed,
    sampleRate: input.sampleRate,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdBy: ctx.user.name,
  };
  // Each task names its household's enrolments, so that the laptop reads them by id.
  const households = json<HouseholdDoc>(await ctx.db.people.find({ selector: { type: 'household', id: { $in: items.map((i) => i.lease.householdId) } } }).exec());
  const personsOf = new Map(households.map((h) => [h.id, h.members.map((m) => m.personId)]));
  const enrolments = json<{ id: string; personId: string }>(await ctx.db.files.find({ selector: { type: 'biometric', personId: { $in: [...personsOf.values()].flat() } } }).exec());
  const enrolmentsOf = (householdId: string) => {
    const members = new Set(personsOf.get(householdId) ?? []);
    return enrolments.filter((e) => members.has(e.personId)).map((e) => e.id);
  };
  const tasks = assignTasks(items, { planId: plan.id, officeId: plan.officeId, inspectors: input.inspectors, startsOn: input.startsOn, endsOn: input.endsOn, at, enrolmentsOf });
  await ctx.db.field.bulkInsert([plan, ...tasks] as unknown as AnyDoc[]);
  return { plan, tasks };
}

/** Takes a task away from its inspector (the laptop drops its data at the next package refresh). */
export async function cancelTask(ctx: CaseContext, taskId: string): Promise<void> {
  const doc = await ctx.db.field.findOne(taskId).exec();
  if (doc) await doc.incrementalPatch({ state: 'cancelled', updatedAt: new Date().toISOString() });
}

export async function tasksOf(db: WorkstationDb, inspectorId: string): Promise<InspectionTaskDoc[]> {
  const tasks = json<InspectionTaskDoc>(await db.field.find({ selector: { type: 'inspection_task', inspectorId } }).exec());
  return tasks.filter((t) => t.state === 'assigned').sort((a, b) => (a.dueDate + a.id < b.dueDate + b.id ? -1 : 1));
}

export async function visitsOf(db: WorkstationDb, taskIds: readonly string[]): Promise<Map<string, InspectionDoc>> {
  const visits = json<InspectionDoc>(await db.field.find({ selector: { type: 'inspection', taskId: { $in: [...taskIds] } } }).exec());
  return new Map(visits.sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : 1)).map((v) => [v.taskId, v]));
}

export interface VisitContext {
  readonly task: InspectionTaskDoc;
  readonly lease: LeaseDoc;
  readonly unit: HousingUnitDoc | null;
  readonly household: HouseholdDoc;
  readonly persons: readonly PersonDoc[];
  /** The case as this laptop knows it: its document's status, with the laptop's own later events. */
  readonly caseState: CaseState;
  readonly applicantName: string | null;
  /** Enrolled face descriptors and fingerprint templates per person, opened with the office key. */
  readonly faces: ReadonlyMap<string, readonly number[]>;
  readonly fingerprints: ReadonlyMap<string, FingerprintTemplate>;
}

/** Everything a visit reads, from the task package on the laptop (no network needed). */
export async function loadVisit(ctx: CaseContext, taskId: string): Promise<VisitContext> {
  const task = (await ctx.db.field.findOne(taskId).exec())?.toJSON() as InspectionTaskDoc | undefined;
  if (!task) throw new Error('核查任务不在本机任务包中,请联网同步后再试');
  const lease = (await ctx.db.field.findOne(task.leaseId).exec())?.toJSON() as LeaseDoc | undefined;
  const household = (await ctx.db.people.findOne(task.householdId).exec())?.toJSON() as HouseholdDoc | undefined;
  if (!lease || !household) throw new Error('任务包中缺少该任务的租约或家庭资料,请联网同步后再试');
  const unit = ((await ctx.db.field.findOne(task.unitId).exec())?.toJSON() as HousingUnitDoc | undefined) ?? null;
  const ids = household.members.map((m) => m.personId);
  const persons = json<PersonDoc>(await ctx.db.people.find({ selector: { id: { $in: ids } } }).exec());
  const events = json<CaseEvent>(await ctx.db.events.find({ selector: { caseId: task.caseId } }).exec());
  const caseDoc = (await ctx.db.cases.findOne(task.caseId).exec())?.toJSON() as CaseDoc | undefined;
  // A supervisor's workstation holds the whole history; a laptop the case document and its own events.
  const caseState = caseDoc ? caseStateOf(caseDoc, events.filter((e) => e.actor.userId === ctx.user.name)) : deriveCase(events);
  const faces = new Map<string, readonly number[]>();
  const fingerprints = new Map<string, FingerprintTemplate>();
  for (const r of await ctx.db.files.find({ selector: { type: 'biometric', personId: { $in: ids } } }).exec()) {
    if (r.get('purged')) continue;
    try {
      const clear = await openText(ctx.keys.data, String(r.get('dataEnc')));
      if (r.get('kind') === 'face') {
        const d: unknown = JSON.parse(clear);
        if (isDescriptor(d)) faces.set(String(r.get('personId')), d);
      } else {
        fingerprints.set(String(r.get('personId')), { template: clear, module: String(r.get('model')), quality: Number(r.get('quality') ?? 0) });
      }
    } catch {
      // sealed with a key this laptop does not hold: that check is done by hand
    }
  }
  return { task, lease, unit, household, persons, caseState, applicantName: caseDoc?.applicantName ?? null, faces, fingerprints };
}

export interface SavedVisit {
  readonly visit: InspectionDoc;
  readonly event: CaseEvent;
  readonly reinspection: InspectionTaskDoc | null;
}

/** Records the visit: the inspection (with the re-inspection it schedules) and its signed event, offline. */
export async function saveVisit(ctx: CaseContext, draft: Omit<VisitDraft, 'inspector'>, caseState: CaseState, catalogue?: ConditionCatalogue): Promise<SavedVisit> {
  const inspector = actorOf(ctx);
  const visit = completeVisit({ ...draft, inspector }, catalogue);
  const event = visitEvent(visit, inspector, caseState, ctx.deviceId);
  const reinspection = reinspectionTask(visit, draft.task, draft.lease);
  // The record and the signed event are independent writes to two collections: the event's signing
  // runs while the record is written, rather than after it.
  const [written, [signed]] = await Promise.all([ctx.db.field.bulkInsert([visit, ...(reinspection ? [reinspection] : [])] as unknown as AnyDoc[]), recordEvents(ctx, [event])]);
  if (written.error.length > 0) throw new Error(`核查记录未能保存(${written.error[0]!.status}),请重试`);
  return { visit, event: signed!, reinspection };
}

export interface FindingRow {
  readonly visit: InspectionDoc;
  readonly task: InspectionTaskDoc | null;
}

/** Visits with findings, newest first (the district reviewer's queue: violations; and conditions to correct). */
export async function findings(db: WorkstationDb): Promise<FindingRow[]> {
  const visits = json<InspectionDoc>(await db.field.find({ selector: { type: 'inspection' } }).exec()).filter((v) => v.findings.length > 0);
  const tasks = new Map(json<InspectionTaskDoc>(await db.field.find({ selector: { type: 'inspection_task', id: { $in: visits.map((v) => v.taskId) } } }).exec()).map((t) => [t.id, t]));
  return visits.sort((a, b) => (a.visitedAt < b.visitedAt ? 1 : -1)).map((visit) => ({ visit, task: tasks.get(visit.taskId) ?? null }));
}
