// The timed operations of the local benchmark: the queries a workstation runs all day, and saving
// an intake. Each run uses fresh parameters and a distinct limit (page size + run number: part of the
// query's cache key, so pages are 50-250 rows, a pessimistic page) so RxDB's query cache never
// answers in place of the storage.
import { lookupHash } from '../../domain/crypto/sealing';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { createCase, type CaseContext } from '../cases/case-store';
import { checkDuplicateBenefits } from '../cases/duplicates';
import { FUTIAN_STREETS, OFFICE_ID, type Samples } from './load';
import { measureQueues } from './queues';

export interface Figures {
  readonly name: string;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Rows returned by the last run (a sanity check that the query found something). */
  readonly rows: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed(name: string, runs: number, warmup: number, op: (i: number) => Promise<number>): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await op(runs + i);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await op(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!), rows };
}

const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length]!;
const DAY = 86_400_000;
/** Statuses the generated cases reach (a queue of 'new' would be empty). */
const QUEUES = ['submitted', 'accepted', 'returned', 'preliminary_approved', 'review_approved', 'in_publicity', 'waiting', 'allocated', 'contracted', 'in_tenancy'] as const;
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'];

export async function measureAll(ctx: CaseContext, samples: Samples, runs: number): Promise<Figures[]> {
  const { db } = ctx;
  const out: Figures[] = [];
  const warmup = 10;

  // A clerk's queue is worked oldest first: ascending on [officeId, status, updatedAt], so the
  // cursor stops after one page.
  out.push(await timed('queue by status, oldest first (page 50-250)', runs, warmup, async (i) => {
    const status = pick(QUEUES, i);
    const docs = await db.cases.find({ selector: { officeId: OFFICE_ID, status }, sort: [{ officeId: 'asc' }, { status: 'asc' }, { updatedAt: 'asc' }], limit: 50 + i }).exec();
    return docs.length;
  }));

  // For comparison: newest first. RxDB's Dexie storage cannot walk an index backwards, so a
  // 'desc' sort reads every case of the status and sorts in memory.
  out.push(await timed('(info) queue by status, newest first (desc)', Math.min(runs, 40), 3, async (i) => {
    const status = pick(QUEUES, i);
    const docs = await db.cases.find({ selector: { officeId: OFFICE_ID, status }, sort: [{ officeId: 'desc' }, { status: 'desc' }, { updatedAt: 'desc' }], limit: 50 + i }).exec();
    return docs.length;
  }));

  out.push(await timed('lookup by ID number (hash)', runs, warmup, async (i) => {
    const idHash = await lookupHash(ctx.keys.lookup, pick(samples.idNumbers, i + 13));
    const [persons, cases] = await Promise.all([
      db.people.find({ selector: { type: 'person', idHash } }).exec(),
      db.cases.find({ selector: { idHash } }).exec(),
    ]);
    return persons.length + cases.length;
  }));

  out.push(await timed('name-prefix search, 2 chars (page 50-250)', runs, warmup, async (i) => {
    const p = pick(samples.namePrefixes, i);
    const docs = await db.cases.find({ selector: { nameKey: { $gte: p, $lt: `${p}\uffff` } }, sort: [{ nameKey: 'asc' }], limit: 50 + i }).exec();
    return docs.length;
  }));

  out.push(...(await measureQueues(ctx, samples, runs, timed)));

  const span = Date.parse(samples.maxCreatedAt) - Date.parse(samples.minCreatedAt) - 30 * DAY;
  out.push(await timed('street + 30-day range (page 100-300)', runs, warmup, async (i) => {
    const from = new Date(Date.parse(samples.minCreatedAt) + ((i * 104_729) % Math.max(1, span))).toISOString();
    const to = new Date(Date.parse(from) + 30 * DAY).toISOString();
    const docs = await db.cases
      .find({ selector: { streetId: pick(FUTIAN_STREETS, i), createdAt: { $gte: from, $lt: to } }, sort: [{ streetId: 'asc' }, { createdAt: 'asc' }], limit: 100 + i })
      .exec();
    return docs.length;
  }));

  out.push(await timed('open a case (20 materials, events, people)', runs, warmup, async (i) => {
    const caseDoc = await db.cases.findOne(pick(samples.caseIdsWithMaterials, i + 1)).exec();
    if (!caseDoc) throw new Error('benchmark case missing');
    const [applicant, household, events, materials] = await Promise.all([
      db.people.findOne(String(caseDoc.get('applicantPersonId'))).exec(),
      db.people.findOne(String(caseDoc.get('householdId'))).exec(),
      db.events.find({ selector: { caseId: caseDoc.primary }, sort: [{ caseId: 'asc' }, { at: 'asc' }] }).exec(),
      db.files.find({ selector: { caseId: caseDoc.primary, type: 'material' } }).exec(),
    ]);
    if (!applicant || !household || materials.length !== 20) throw new Error(`case ${caseDoc.primary} incomplete: ${materials.length} materials`);
    return 3 + events.length + materials.length;
  }));

  // The duplicate-benefit check: applicant hits come from the idHash index; member hits need the
  // households that list the person, which no index covers (a scan of every household).
  out.push(await timed('(info) duplicate-benefit check (incl. members)', Math.min(runs, 10), 1, async (i) => {
    return (await checkDuplicateBenefits(ctx, pick(samples.idNumbers, i + 29))).length;
  }));

  let seq = 0;
  out.push(await timed('save an intake (person+household+case+event+audit)', runs, warmup, async () => {
    const n = seq++;
    const first17 = `440304199${String(n % 10)}0${1 + (Math.floor(n / 10) % 9)}1${String(n % 9)}${String(Math.floor(n / 90) % 1000).padStart(3, '0')}`;
    const input = checkNewCase({ businessItem: 'public_rental', applicantName: `测试${GIVEN[n % GIVEN.length]!}${GIVEN[Math.floor(n / GIVEN.length) % GIVEN.length]!}`, idNumber: first17 + checkCharacter(first17) });
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    await createCase(ctx, input.value);
    return 5;
  }));
  return out;
}
