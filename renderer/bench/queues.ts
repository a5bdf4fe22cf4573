// The reviewer's queue tabs as the review page reads them (renderer/review/review-store
// readQueuePage, first page of 20): to review, due soon, overdue, and search by full ID number.
// RxDB answers a query it already ran from its cache while the collection is unchanged, so each run
// differs: the due tabs are read on a different day, and every run carries a received-before bound
// far in the future (a filter that keeps every case) unique to it.
import { idHashOf, readQueuePage, type QueueQuery } from '../review/review-store';
import type { CaseContext } from '../cases/case-store';
import { urgencyBounds } from '../../domain/deadlines';
import { shippedCalendar } from '../../domain/workflow';
import { OFFICE_ID, type Samples } from './load';


const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length]!;
const farDate = (i: number) => new Date(Date.UTC(2090, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

export async function measureQueues<F>(ctx: CaseContext, samples: Samples, runs: number, timed: (name: string, runs: number, warmup: number, op: (i: number) => Promise<number>) => Promise<F>): Promise<F[]> {
  const { db } = ctx;
  const calendar = shippedCalendar();
  const base = (i: number): QueueQuery => ({ officeIds: [OFFICE_ID], statuses: ['accepted'], page: 0, receivedTo: farDate(i) });
  // Today for the due tabs: a day near a sampled due date (-5…+5 days), so both tabs have cases.
  const today = (i: number) => new Date(Date.parse(pick(samples.dueDates, i)) + (((i * 31) % 11) - 5) * DAY).toISOString().slice(0, 10);
  const out: F[] = [];
  out.push(await timed('review tab "to review", first page of 20', runs, 10, async (i) => (await readQueuePage(db, base(i))).rows.length));
  out.push(await timed('review tab "due soon" (≤ 3 working days), first page', runs, 10, async (i) =>
    (await readQueuePage(db, { ...base(i), due: { urgency: 'due_soon', today: today(i), calendar } })).rows.length));
  out.push(await timed('review tab "overdue", first page', runs, 10, async (i) =>
    (await readQueuePage(db, { ...base(i), due: { urgency: 'overdue', today: today(i), calendar } })).rows.length));
  // The same overdue page read as before (through RxDocuments, find().exec()), for the ratio.
  out.push(await timed('(info) "overdue" read through RxDocuments (previous)', runs, 10, async (i) => {
    const b = urgencyBounds(today(i), calendar);
    const docs = await db.cases
      .find({
        selector: { officeId: OFFICE_ID, status: 'accepted', dueOn: { $gt: '', $lt: b.overdueBefore }, createdAt: { $lt: `${farDate(i)}T16:00:00.000Z` } },
        sort: [{ officeId: 'asc' }, { status: 'asc' }, { dueOn: 'asc' }],
        index: ['officeId', 'status', 'dueOn'],
        limit: 21,
      })
      .exec();
    return Math.min(20, docs.length);
  }));
  out.push(await timed('review search by full ID number (hash), first page', runs, 10, async (i) =>
    (await readQueuePage(db, { ...base(i), statuses: ['accepted', 'preliminary_approved', 'returned'], idHash: await idHashOf(ctx.keys, pick(samples.idNumbers, i + 3)) })).rows.length));
  return out;
}
