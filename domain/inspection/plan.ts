// Inspection plans (pure): a reproducible random sample of active tenancies, stratified by estate,
// plus every tenancy a risk flag points at; then tasks assigned to inspectors with visit dates.
// The sample depends only on the seed and the tenancies (not their order): the same seed gives the
// same sample, so a plan can be checked later by anyone holding the seed it records.
import type { IsoDate } from '../model/common';
import type { InspectionTaskDoc, LeaseDoc, RiskFlag, TaskReason } from '../model/field';
import { FIELD_SCHEMA_VERSION } from '../model/field';
import { createRng } from '../seed/prng';
import { AppError } from '../errors';

/** What the risk flags read, as reference data a district may change. */
export interface RiskRules {
  /** Months of rent owed from which a tenancy is flagged. */
  readonly arrearsMonths: number;
  /** A lease ending within this many days of the plan's start is due for renewal. */
  readonly renewalWindowDays: number;
  /** Per-capita income limit a year (public rental 2023: 54,000 CNY). */
  readonly incomeLimitPerCapita: number;
}

export const DEFAULT_RISK_RULES: RiskRules = { arrearsMonths: 3, renewalWindowDays: 90, incomeLimitPerCapita: 54_000 };

export const RISK_LABELS: Readonly<Record<RiskFlag, string>> = {
  arrears: '欠租',
  prior_violation: '曾有违规',
  renewal_due: '合同即将到期',
  income_above_limit: '上次申报收入超标',
  complaints: '有投诉举报',
};

const DAY = 86_400_000;
const addDays = (d: IsoDate, n: number): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The risk flags of a tenancy on `asOf`; `violated`: leases with a violation found by an inspection here. */
export function riskFlags(lease: LeaseDoc, asOf: IsoDate, rules: RiskRules = DEFAULT_RISK_RULES, violated: ReadonlySet<string> = new Set()): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (lease.arrearsMonths >= rules.arrearsMonths) flags.push('arrears');
  if (lease.priorViolations > 0 || violated.has(lease.id)) flags.push('prior_violation');
  if (lease.endDate >= asOf && lease.endDate <= addDays(asOf, rules.renewalWindowDays)) flags.push('renewal_due');
  if (lease.declaredIncomePerCapita > rules.incomeLimitPerCapita) flags.push('income_above_limit');
  if (lease.complaints > 0) flags.push('complaints');
  return flags;
}

export interface PlanItem {
  readonly lease: LeaseDoc;
  readonly reason: TaskReason;
  readonly riskFlags: readonly RiskFlag[];
}

export interface SampleOptions {
  readonly seed: number;
  /** Share of each estate's tenancies drawn (0 < rate ≤ 1); every estate gets at least one. */
  readonly sampleRate: number;
  readonly asOf: IsoDate;
  readonly rules?: RiskRules;
  readonly violated?: ReadonlySet<string>;
}

/** FNV-1a of a text, to give each stratum its own stream from the plan's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The plan's items: per estate a seeded random sample, and every flagged tenancy (reason `risk`). */
export function samplePlan(tenancies: readonly LeaseDoc[], options: SampleOptions): PlanItem[] {
  if (!(options.sampleRate > 0 && options.sampleRate <= 1)) throw new AppError('PLAN_RATE', '抽查比例应大于0且不超过100%');
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new AppError('PLAN_SEED', '随机种子应为非负整数');
  const active = tenancies.filter((l) => l.state === 'active');
  const estates = new Map<string, LeaseDoc[]>();
  for (const l of active) estates.set(l.projectName, [...(estates.get(l.projectName) ?? []), l]);
  const sampled = new Set<string>();
  for (const [estate, leases] of [...estates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...leases].sort((a, b) => (a.id < b.id ? -1 : 1));
    const rng = createRng((options.seed ^ hash(estate)) >>> 0);
    // Partial Fisher–Yates: the first k of a seeded shuffle.
    const k = Math.max(1, Math.round(sorted.length * options.sampleRate));
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng.next() * (sorted.length - i));
      [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
      sampled.add(sorted[i]!.id);
    }
  }
  const items: PlanItem[] = [];
  for (const lease of [...active].sort((a, b) => (a.projectName + a.id < b.projectName + b.id ? -1 : 1))) {
    const flags = riskFlags(lease, options.asOf, options.rules, options.violated);
    if (flags.length > 0) items.push({ lease, reason: 'risk', riskFlags: flags });
    else if (sampled.has(lease.id)) items.push({ lease, reason: 'sample', riskFlags: [] });
  }
  return items;
}

/** Working days (Monday–Friday) from `from` to `to` inclusive. */
function workingDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  return days;
}

export interface AssignOptions {
  readonly planId: string;
  readonly officeId: string;
  readonly inspectors: readonly string[];
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly at: string;
  /** Ids of the enrolments of a household's members (the supervisor's workstation holds them). */
  readonly enrolmentsOf?: (householdId: string) => readonly string[];
}

/**
 * A task's id starts with its inspector's: a laptop reads its tasks as one key range of the office
 * database (`_all_docs`), and the server refuses a task whose id names another inspector. Handing a
 * task to someone else is cancelling it and making a new one.
 */
export const taskIdOf = (planId: string, leaseId: string, inspectorId: string): string => `${taskPrefix(inspectorId)}${planId.replace(/^inspection_plan:/, '')}:${leaseId}`;
export const taskPrefix = (inspectorId: string): string => `inspection_task:${inspectorId}:`;

/**
 * Tasks for the plan's items: each estate's tenancies go to one inspector in turn (visits of one
 * estate together), spread over the plan's working days, risk-flagged tenancies first.
 */
export function assignTasks(items: readonly PlanItem[], options: AssignOptions): InspectionTaskDoc[] {
  if (options.inspectors.length === 0) throw new AppError('PLAN_NO_INSPECTOR', '请至少选择一名核查员');
  const days = workingDays(options.startsOn, options.endsOn);
  if (days.length === 0) throw new AppError('PLAN_DATES', '计划期间内没有工作日,请调整起止日期');
  const byEstate = new Map<string, PlanItem[]>();
  for (const item of items) byEstate.set(item.lease.projectName, [...(byEstate.get(item.lease.projectName) ?? []), item]);
  const perInspector = new Map<string, PlanItem[]>(options.inspectors.map((i) => [i, []]));
  // Largest estates first, each to the inspector with the fewest tasks so far.
  for (const [, estateItems] of [...byEstate].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
    const who = [...perInspector].sort((a, b) => a[1].length - b[1].length)[0]![0];
    perInspector.get(who)!.push(...[...estateItems].sort((a, b) => Number(b.reason === 'risk') - Number(a.reason === 'risk')));
  }
  const tasks: InspectionTaskDoc[] = [];
  for (const [inspectorId, list] of perInspector) {
    list.forEach((item, n) => {
      const dueDate = days[Math.min(days.length - 1, Math.floor((n * days.length) / Math.max(1, list.length)))]!;
      tasks.push(taskDoc(item, { ...options, inspectorId, dueDate, reason: item.reason, enrolmentIds: options.enrolmentsOf?.(item.lease.householdId) ?? [] }));
    });
  }
  return tasks;
}

export function taskDoc(
  item: Pick<PlanItem, 'lease' | 'riskFlags'>,
  o: { planId: string; officeId: string; at: string; inspectorId: string; dueDate: IsoDate; reason: TaskReason; id?: string; enrolmentIds?: readonly string[] },
): InspectionTaskDoc {
  const l = item.lease;
  return {
    id: o.id ?? taskIdOf(o.planId, l.id, o.inspectorId),
    type: 'inspection_task',
    schemaVersion: FIELD_SCHEMA_VERSION,
    officeId: o.officeId,
    createdAt: o.at,
    updatedAt: o.at,
    planId: o.planId,
    leaseId: l.id,
    unitId: l.unitId,
    householdId: l.householdId,
    caseId: l.caseId,
    streetId: l.streetId,
    projectName: l.projectName,
    inspectorId: o.inspectorId,
    dueDate: o.dueDate,
    reason: o.reason,
    riskFlags: [...item.riskFlags],
    enrolmentIds: [...(o.enrolmentIds ?? [])],
    state: 'assigned',
  };
}
