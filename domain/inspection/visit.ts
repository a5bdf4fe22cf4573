// A visit (入户核查) as the inspector records it, offline: who opened the door (the ID card read
// compared with the tenancy's household), the checklist, and what follows — the findings, the
// correction deadline, the signed case event and the re-inspection. `completeVisit` is the one
// function that turns a draft into the stored record, and it refuses an incomplete one.
import { AppError } from '../errors';
import type { IsoDate, IsoDateTime } from '../model/common';
import type { Actor } from '../model/events';
import type { ConditionItem, Finding, FindingKind, IdentityResult, InspectionDoc, InspectionTaskDoc, LeaseDoc, Occupancy } from '../model/field';
import { FIELD_SCHEMA_VERSION } from '../model/field';
import type { HouseholdDoc, PersonDoc } from '../model/people';
import type { CaseEvent } from '../workflow/events';
import { decide } from '../workflow/decide';
import { applyEvent, orderEvents } from '../workflow/derive';
import { INITIAL_STATE, type CaseState } from '../workflow/state';
import type { CaseDoc } from '../model/case';
import { correctionDeadline, deficiencyOf, DEFAULT_CONDITIONS, type ConditionCatalogue } from './nspire';
import { taskDoc } from './plan';

/** Months of arrears that make a finding (rent arrears ≥ 6 months is a violation). */
export const ARREARS_VIOLATION_MONTHS = 6;

export interface Occupant {
  readonly result: IdentityResult;
  readonly personId: string | null;
  readonly name: string | null;
}

/** Compares the ID card read at the door (its keyed hash) with the tenancy's household. */
export function compareOccupant(idHash: string | null, household: HouseholdDoc, persons: readonly PersonDoc[]): Occupant {
  if (!idHash) return { result: 'not_read', personId: null, name: null };
  const members = new Set(household.members.map((m) => m.personId));
  const person = persons.find((p) => p.idHash === idHash && members.has(p.id));
  if (!person) return { result: 'other', personId: null, name: null };
  return { result: person.id === household.applicantPersonId ? 'tenant' : 'member', personId: person.id, name: person.name };
}

export interface VisitDraft {
  readonly task: InspectionTaskDoc;
  readonly lease: LeaseDoc;
  readonly inspector: Actor;
  readonly at: IsoDateTime;
  /** Nobody opened: only the attempt is recorded. */
  readonly notHome: boolean;
  readonly occupant: Occupant;
  /** Distance of the face captured at the door from the enrolled one (domain/face; below MATCH_THRESHOLD: same person). */
  readonly faceScore: number | null;
  readonly fingerprintMatched: boolean | null;
  readonly occupancy: Occupancy;
  readonly arrearsMonths: number;
  readonly conditions: readonly { readonly code: string; readonly note: string }[];
  readonly photoIds: readonly string[];
  /** Watermarked JPEG data URLs. */
  readonly photos: readonly string[];
  readonly signature: string | null;
  readonly signatureRefused: boolean;
  readonly note: string;
}

function findingsOf(d: VisitDraft, conditions: readonly ConditionItem[]): Finding[] {
  const out: Finding[] = [];
  const add = (kind: FindingKind, note: string) => out.push({ kind, note, evidenceIds: [...d.photoIds] });
  if (d.occupant.result === 'other' || d.occupancy === 'other_occupant') add('occupant_not_tenant', '实际居住人不是承租家庭成员');
  if (d.occupancy === 'sublet_or_lent') add('sublet', '房屋转租或出借');
  if (d.occupancy === 'vacant') add('vacant_6_months', '入户时房屋无人居住,需核实空置时长');
  if (d.occupancy === 'use_changed') add('use_changed', '房屋被改变用途');
  if (d.arrearsMonths >= ARREARS_VIOLATION_MONTHS) add('rent_arrears_6_months', `拖欠租金${d.arrearsMonths}个月`);
  if (conditions.length > 0) add('unit_condition', conditions.map((c) => c.note || c.code).join(';'));
  return out;
}

/** Kinds that breach the tenancy (a condition to correct does not). */
export const isViolation = (kind: FindingKind): boolean => kind !== 'unit_condition';

export function completeVisit(d: VisitDraft, catalogue: ConditionCatalogue = DEFAULT_CONDITIONS): InspectionDoc {
  if (d.task.state !== 'assigned') throw new AppError('TASK_CANCELLED', '该核查任务已被撤回,不能再登记核查结果');
  if (d.task.inspectorId !== d.inspector.userId) throw new AppError('NOT_YOUR_TASK', '该核查任务未分派给您');
  if (!Number.isInteger(d.arrearsMonths) || d.arrearsMonths < 0) throw new AppError('VISIT_ARREARS', '欠租月数应为非负整数');
  const conditions: ConditionItem[] = d.notHome
    ? []
    : d.conditions.map((c) => {
        const def = deficiencyOf(c.code, catalogue);
        if (!def) throw new AppError('VISIT_CONDITION', `未知的房屋状况项目(${c.code})`);
        return { code: c.code, severity: def.severity, note: c.note.trim() || def.label, correctBy: correctionDeadline(def.severity, d.at, def.hours) };
      });
  if (!d.notHome) {
    if (d.occupant.result === 'not_read') throw new AppError('VISIT_NO_CARD', '请先读取在场居住人的身份证');
    if (!d.signature && !d.signatureRefused) throw new AppError('VISIT_NO_SIGNATURE', '请居住人在屏幕上签名,或登记拒绝签名');
  }
  const findings = d.notHome ? [] : findingsOf(d, conditions);
  const correctBy = conditions.map((c) => c.correctBy).sort()[0] ?? null;
  return {
    id: `inspection:${d.task.id.replace(/^inspection_task:/, '')}:${Date.parse(d.at).toString(36)}`,
    type: 'inspection',
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: d.task.officeId,
    createdAt: d.at,
    updatedAt: d.at,
    unitId: d.task.unitId,
    leaseId: d.lease.id,
    caseId: d.task.caseId,
    taskId: d.task.id,
    inspectorId: d.inspector.userId,
    visitedAt: d.at,
    outcome: d.notHome ? 'not_home' : findings.some((f) => isViolation(f.kind)) ? 'violation' : 'ok',
    findings,
    identity: d.notHome ? 'not_read' : d.occupant.result,
    occupantPersonId: d.occupant.personId,
    faceScore: d.faceScore,
    fingerprintMatched: d.fingerprintMatched,
    occupancy: d.occupancy,
    arrearsMonths: d.arrearsMonths,
    conditions,
    correctBy,
    photoIds: [...d.photoIds],
    photos: d.notHome ? [] : [...d.photos],
    signature: d.notHome ? null : d.signature,
    signatureRefused: !d.notHome && !d.signature && d.signatureRefused,
    position: null,
  };
}

/**
 * The case's state as a laptop without its history knows it: the status the case document carries
 * (projected from the events by the office), with the laptop's own later events applied.
 */
export function caseStateOf(caseDoc: Pick<CaseDoc, 'id' | 'status' | 'businessItem' | 'lastEventAt'> & Partial<Pick<CaseDoc, 'item' | 'catalogueVersion'>>, ownEvents: readonly CaseEvent[] = []): CaseState {
  // The item and catalogue version the case runs under go with the visit's event, as from a full history.
  const base: CaseState = { ...INITIAL_STATE, caseId: caseDoc.id, status: caseDoc.status, businessItem: caseDoc.businessItem, lastEventAt: caseDoc.lastEventAt, ...(caseDoc.item ? { item: caseDoc.item } : {}), ...(caseDoc.catalogueVersion ? { catalogueVersion: caseDoc.catalogueVersion } : {}) };
  return orderEvents(ownEvents.filter((e) => e.at > (caseDoc.lastEventAt ?? ''))).reduce(applyEvent, base);
}

/** The case event that records the visit, checked by the workflow against the case's state (to be signed by the caller). */
export function visitEvent(visit: InspectionDoc, inspector: Actor, state: CaseState, deviceId?: string): CaseEvent<'inspection_result'> {
  const r = decide(state, {
    id: `evt:${visit.id.replace(/^inspection:/, '')}`,
    caseId: visit.caseId ?? '',
    kind: 'inspection_result',
    actor: inspector,
    at: visit.visitedAt,
    payload: { inspectionId: visit.id, outcome: visit.outcome, findings: [...new Set(visit.findings.map((f) => f.kind))] },
    deviceId,
    officeId: visit.officeId,
  });
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value;
}

/** A re-inspection due on the correction deadline, to the same inspector; none without a deadline. */
export function reinspectionTask(visit: InspectionDoc, task: InspectionTaskDoc, lease: LeaseDoc): ReturnType<typeof taskDoc> | null {
  if (!visit.correctBy && visit.outcome !== 'not_home') return null;
  const dueDate: IsoDate = visit.correctBy ?? nextDay(visit.visitedAt);
  return taskDoc(
    { lease, riskFlags: task.riskFlags },
    { id: `${task.id}:r${Date.parse(visit.visitedAt).toString(36)}`, planId: task.planId, officeId: task.officeId, at: visit.visitedAt, inspectorId: task.inspectorId, dueDate, reason: 'reinspection' },
  );
}

const nextDay = (at: IsoDateTime): IsoDate => new Date(Date.parse(at) + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
