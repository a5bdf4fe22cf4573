// generateCases: deterministic demo and benchmark data — households, persons, cases and their events.
// Events are produced through the real workflow (`decide`), so every case is a valid lifecycle.
import { AppError } from '../errors';
import type { CaseDoc } from '../model/case';
import type { IsoDateTime } from '../model/common';
import { nameKey } from '../model/common';
import type { Actor, Role } from '../model/events';
import type { BusinessItem } from '../model/programmes';
import type { CaseEvent, EventKind, Payloads } from '../workflow/events';
import { decide } from '../workflow/decide';
import { applyEvent, deriveCase } from '../workflow/derive';
import { localDate } from '../workflow/payloads';
import type { CaseState } from '../workflow/state';
import { INITIAL_STATE } from '../workflow/state';
import type { HouseholdLimits, SeedHousehold, SeedPerson } from './households';
import { generateHousehold } from './households';
import { fullName } from './names';
import { addDays } from './persons';
import type { SeedStreet } from './places';
import { SHENZHEN_STREETS } from './places';
import type { Rng } from './prng';
import { createRng } from './prng';

/** A case whose applicant ID hash is still to be computed from `clear.applicantIdNumber`. */
export type SeedCase = Omit<CaseDoc, 'idHash'> & { readonly clear: { readonly applicantIdNumber: string } };

export interface GenerateOptions {
  readonly count: number;
  readonly officeId: string;
  readonly seed: number;
  /** One of SHENZHEN_STREETS ids; otherwise households spread over the whole city. */
  readonly streetId?: string;
  /** Reference date: nothing happens after it. Default 2024-06-30. */
  readonly asOf?: string;
  /** Limits the incomes and assets are spread around. Default: public rental 2023. */
  readonly limits?: HouseholdLimits;
  /**
   * A live office: each case's last step falls in the few weeks before `asOf` (a case waiting
   * for 初审 was accepted days ago, not 14 months ago). Off by default, which keeps every seed's
   * data as it was.
   */
  readonly recent?: boolean;
  /**
   * Holders of a benefit added after the `count` drawn cases (which they leave unchanged): one case
   * per programme listed, through to its contract (a subsidy recipient, a legacy talent-housing
   * tenant), so the items about a held benefit (年审, 人才住房续租…) have someone to be taken for.
   */
  readonly holders?: readonly BusinessItem[];
}

export interface SeedData {
  readonly households: readonly SeedHousehold[];
  readonly persons: readonly SeedPerson[];
  readonly cases: readonly SeedCase[];
  readonly events: readonly CaseEvent[];
}

export const PUBLIC_RENTAL_2023_LIMITS: HouseholdLimits = { incomePerCapita: 54_000, assetsSmall: 660_000, assetsLarge: 870_000 };

const ITEMS: readonly [BusinessItem, number][] = [
  ['public_rental', 0.55],
  ['rental_subsidy', 0.15],
  ['shared_ownership', 0.15],
  ['affordable_rental', 0.12],
  ['talent_housing', 0.03],
];

type Step = { readonly [K in EventKind]: { kind: K; role: Role; payload: (at: IsoDateTime) => Payloads[K] } }[EventKind];

/** A holder's case goes as far as its contract (stop 10). */
const HOLDER_STOP = 10;

/** How far each case gets along the lifecycle, with weights. */
const STOPS: readonly [number, number][] = [
  [1, 0.1], [2, 0.2], [3, 0.08], [4, 0.12], [5, 0.05], [6, 0.08], [7, 0.07], [8, 0.15], [9, 0.05], [10, 0.07], [11, 0.03],
];

/** Last day of a lease of `years` from `start` (the day before the anniversary, as the workflow checks). */
function leaseEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let r = rng.next() * table.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table.at(-1)![0];
}

function script(rng: Rng, item: BusinessItem, caseNo: string, stop: number): Step[] {
  const submit: Step = { kind: 'submit', role: 'clerk', payload: () => ({ businessItem: item }) };
  const accept: Step = { kind: 'accept', role: 'clerk', payload: () => ({ receiptNo: `SZ${caseNo}` }) };
  if (stop === 3) {
    return [submit, { kind: 'return', role: 'clerk', payload: () => ({ missingMaterials: [{ code: 'income_proof', name: '收入证明' }] }) }];
  }
  if (stop === 5) {
    return [submit, accept, { kind: 'preliminary_reject', role: 'reviewer', payload: () => ({ reason: '家庭人均可支配收入超过上限' }) }];
  }
  const path: Step[] = [
    submit,
    accept,
    { kind: 'preliminary_approve', role: 'reviewer', payload: () => ({ opinion: '材料齐全,符合申请条件' }) },
    { kind: 'review_approve', role: 'district_reviewer', payload: () => ({ opinion: '联审无异常,同意' }) },
    { kind: 'publicity', role: 'district_reviewer', payload: (at) => ({ startsOn: localDate(at), endsOn: addDays(localDate(at), 9) }) },
    { kind: 'waitlist', role: 'district_reviewer', payload: () => ({ queueNo: rng.int(1, 20_000) }) },
    { kind: 'allocate', role: 'district_reviewer', payload: () => ({ unitId: `unit:${caseNo}` }) },
    { kind: 'contract', role: 'clerk', payload: (at) => { const s = addDays(localDate(at), 7); return { leaseId: `lease:${caseNo}`, startDate: s, endDate: leaseEnd(s, rng.chance(0.7) ? 3 : 5) }; } },
    { kind: 'inspection_result', role: 'inspector', payload: () => ({ inspectionId: `inspection:${caseNo}`, outcome: 'ok', findings: [] }) },
  ];
  return path.slice(0, scriptLength(stop));
}

/** How many steps a case that stops at `stop` has (3: submitted and returned; 5: rejected at 初审). */
function scriptLength(stop: number): number {
  // stop: 1 submitted, 2 accepted, 4 prelim, 6 review, 7 publicity, 8 waiting, 9 allocated, 10 contracted, 11 inspected
  const lengths: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 4, 7: 5, 8: 6, 9: 7, 10: 8, 11: 9 };
  return lengths[stop] ?? 2;
}

/** Days from step n-1 to step n: 1–15, and 11–15 before the waiting list (step 5 of the full path). */
const gapDays = (rng: Rng, n: number): number => rng.int(1, n === 5 ? 5 : 15) + (n === 5 ? 10 : 0);

/** A recent case's stop, and its start so that its last step lands 1–20 days before `asOf` (never ahead of the clock). */
function recentTimeline(timing: Rng, asOf: string, fixedStop?: number): { stop: number; created: string; gaps: number[] } {
  const stop = fixedStop ?? weighted(timing, STOPS);
  const gaps = Array.from({ length: scriptLength(stop) }, (_, n) => (n === 0 ? 0 : gapDays(timing, n)));
  const span = gaps.reduce((a, b) => a + b, 0) + timing.int(1, 20);
  return { stop, created: `${addDays(asOf, -span)}T0${timing.int(1, 8)}:${String(timing.int(0, 59)).padStart(2, '0')}:00.000Z`, gaps };
}

function streetFor(rng: Rng, streetId: string | undefined): SeedStreet {
  if (streetId === undefined) return rng.pick(SHENZHEN_STREETS);
  const street = SHENZHEN_STREETS.find((s) => s.id === streetId);
  if (!street) throw new AppError('SEED_UNKNOWN_STREET', `未知街道编号${streetId},请使用深圳市街道列表中的编号`);
  return street;
}

export function generateCases(options: GenerateOptions): SeedData {
  const { count, officeId, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new AppError('SEED_COUNT', '生成数量应为非负整数');
  const asOf = options.asOf ?? '2024-06-30';
  const limits = options.limits ?? PUBLIC_RENTAL_2023_LIMITS;
  const drawn = createRng(seed);
  const staff = (role: Role): Actor => ({ name: fullName(createRng(seed ^ role.length), 'female'), roles: [role], officeId });
  const actors: Readonly<Record<Role, Actor>> = {
    clerk: staff('clerk'),
    inspector: staff('inspector'),
    reviewer: staff('reviewer'),
    district_reviewer: staff('district_reviewer'),
    it: staff('it'),
  };
  const out = { households: [] as SeedHousehold[], persons: [] as SeedPerson[], cases: [] as SeedCase[], events: [] as CaseEvent[] };
  const tag = `${seed.toString(36)}-`;
  // The holders after the drawn cases, from their own sequence: the drawn cases are as without them.
  const holders = options.holders ?? [];
  const holderRng = createRng((seed * 104_729 + 17) >>> 0);
  for (let i = 0; i < count + holders.length; i++) {
    const holder = i >= count ? holders[i - count] : undefined;
    const rng = holder ? holderRng : drawn;
    const caseNo = holder ? `${tag}h${String(i - count).padStart(5, '0')}` : `${tag}${String(i).padStart(6, '0')}`;
    const street = streetFor(rng, options.streetId);
    // A recent case draws its stop and timing from its own sequence; the others keep the order of draws they always had.
    const recent = options.recent ? recentTimeline(createRng((seed * 7919 + i) >>> 0), asOf, holder ? HOLDER_STOP : undefined) : undefined;
    const created = recent?.created ?? `${addDays(asOf, -rng.int(1, 420))}T0${rng.int(1, 8)}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
    const h = generateHousehold(rng, { id: `household:${caseNo}`, officeId, street, asOf, at: created, limits });
    const item = holder ?? weighted(rng, ITEMS);
    const caseId = `case:${caseNo}`;
    let state: CaseState = INITIAL_STATE;
    let at = created;
    const events: CaseEvent[] = [];
    for (const [n, step] of script(rng, item, caseNo, recent?.stop ?? (holder ? HOLDER_STOP : weighted(rng, STOPS))).entries()) {
      if (n > 0) at = new Date(Date.parse(at) + (recent ? recent.gaps[n]! : rng.int(1, step.kind === 'waitlist' ? 5 : 15) + (step.kind === 'waitlist' ? 10 : 0)) * 86_400_000).toISOString();
      if (at.slice(0, 10) > asOf) break;
      const r = decide(state, { id: `evt:${caseNo}-${n}`, caseId, kind: step.kind, actor: actors[step.role], at, payload: step.payload(at) as never });
      if (!r.ok) throw new AppError('SEED_WORKFLOW', r.error.message);
      events.push(r.value);
      state = applyEvent(state, r.value);
    }
    const derived = deriveCase(events);
    const accept = events.find((e) => e.kind === 'accept');
    out.households.push(h.household);
    out.persons.push(...h.persons);
    out.events.push(...events);
    out.cases.push({
      id: caseId,
      type: 'case',
      schemaVersion: 1,
      officeId,
      createdAt: created,
      updatedAt: derived.lastEventAt ?? created,
      businessItem: item,
      // As a case taken at the counter: the item and catalogue version its submission named.
      ...(derived.item ? { item: derived.item } : {}),
      ...(derived.catalogueVersion ? { catalogueVersion: derived.catalogueVersion } : {}),
      status: derived.status,
      flagged: derived.flagged !== null,
      districtId: street.district.id,
      streetId: street.id,
      householdId: h.household.id,
      applicantPersonId: h.applicant.id,
      applicantName: h.applicant.name,
      nameKey: nameKey(h.applicant.name),
      householdSize: h.persons.length,
      receiptNo: accept ? (accept.payload as Payloads['accept']).receiptNo : null,
      lastEventAt: derived.lastEventAt ?? created,
      dueAt: null,
      clear: { applicantIdNumber: h.applicant.clear.idNumber },
    });
  }
  return out;
}
