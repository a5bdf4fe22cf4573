// The due-soon and overdue tabs under a fixed clock across the 2026 National Day holiday (with its
// adjusted working days, 20 Sep and 10 Oct), read on the projected due date; search by full ID
// number through the lookup hash; received-between and flag filters.
import { afterEach, describe, expect, it } from 'vitest';
import { calendarOf, CN_CALENDAR } from '../../domain/deadlines';
import type { CaseDoc, CaseFlag } from '../../domain/model';
import { nameKey } from '../../domain/model';
import { decide, deriveCase, projectCase, type CaseEvent } from '../../domain/workflow';
import { openTestContext, validIdNumber } from '../audit/testing';
import type { AnyDoc } from '../db/database';
import { countdowns, idHashOf, readQueuePage, type QueueQuery } from './review-store';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const cal = calendarOf(CN_CALENDAR);
const weekendsOnly = calendarOf([]);
const clerk = { userId: 'clerk1', name: '张敏', roles: ['clerk' as const], officeId: 'futian-huafu' };

/** A case accepted on `day` (10:00 Beijing), with its events, projected as the workstation projects it. */
function accepted(n: number, day: string, extra: { flags?: CaseFlag[]; idHash?: string } = {}): { doc: CaseDoc; events: CaseEvent[] } {
  const caseId = `case:${String(n).padStart(3, '0')}`;
  const events: CaseEvent[] = [];
  for (const [kind, payload, time] of [
    ['submit', { businessItem: 'public_rental', ...(extra.flags ? { flags: extra.flags } : {}) }, `${day}T01:00:00.000Z`],
    ['accept', { receiptNo: `SZ-${n}` }, `${day}T02:00:00.000Z`],
  ] as const) {
    const r = decide(deriveCase(events), { id: `event:${n}-${kind}`, caseId, kind, actor: clerk, at: time, payload: payload as never });
    if (!r.ok) throw new Error(r.error.message);
    events.push(r.value);
  }
  const name = `申请人${n}`;
  const doc: CaseDoc = {
    id: caseId, type: 'case', schemaVersion: 1, officeId: 'futian-huafu', createdAt: `${day}T01:00:00.000Z`, updatedAt: `${day}T02:00:00.000Z`,
    businessItem: 'public_rental', districtId: 'futian', streetId: 'futian-huafu', householdId: `household:${n}`, applicantPersonId: `person:${n}`,
    applicantName: name, nameKey: nameKey(name), idHash: extra.idHash ?? `h${n}`, householdSize: 1, receiptNo: `SZ-${n}`, dueAt: null,
    ...projectCase(events, cal)!,
  };
  return { doc, events };
}

async function load(cases: { doc: CaseDoc; events: CaseEvent[] }[]) {
  const ctx = await openTestContext({ collections: ['cases', 'events'] });
  open.push(ctx);
  await ctx.db.cases.bulkInsert(cases.map((c) => c.doc) as unknown as AnyDoc[]);
  await ctx.db.events.bulkInsert(cases.flatMap((c) => c.events) as unknown as AnyDoc[]);
  return ctx;
}

const base: QueueQuery = { officeIds: ['futian-huafu'], statuses: ['accepted'], page: 0 };
const names = (rows: readonly CaseDoc[]) => rows.map((r) => r.applicantName);

describe('due-soon and overdue tabs across the 2026 National Day holiday', () => {
  // Accepted 10 Sep: due 23 Sep. Accepted 17 Sep: 10 working days (20 Sep is worked, 25–27 Sep and
  // 1–7 Oct are off) → due 8 Oct. Accepted 24 Sep: due 15 Oct (10 Oct, a Saturday, is worked).
  const cases = () => [accepted(1, '2026-09-10'), accepted(2, '2026-09-17'), accepted(3, '2026-09-24')];

  it('projects the due date with the holiday calendar', () => {
    expect(cases().map((c) => c.doc.dueOn)).toEqual(['2026-09-23', '2026-10-08', '2026-10-15']);
    // Without the holidays the second case would be due on 1 Oct, in the middle of the holiday.
    expect(projectCase(cases()[1]!.events, weekendsOnly)!.dueOn).toBe('2026-10-01');
  });

  it('on Wednesday 30 Sep: the case due on 8 Oct is due soon (one working day left), the one due on 23 Sep overdue', async () => {
    const { db } = await load(cases());
    const due = (urgency: 'due_soon' | 'overdue', today: string) => readQueuePage(db, { ...base, due: { urgency, today, calendar: cal } }).then((p) => names(p.rows));
    expect(await due('due_soon', '2026-09-30')).toEqual(['申请人2']);
    expect(await due('overdue', '2026-09-30')).toEqual(['申请人1']);
    const clocks = await countdowns(db, ['case:002'], new Date('2026-09-30T02:00:00.000Z'), cal);
    expect(clocks.get('case:002')).toEqual({ urgency: 'due_soon', daysLeft: 1, dueOn: '2026-10-08' });
    // During the holiday (Saturday 3 Oct) nothing changes: no working day passes.
    expect(await due('due_soon', '2026-10-03')).toEqual(['申请人2']);
    expect(await due('overdue', '2026-10-03')).toEqual(['申请人1']);
  });

  it('on Friday 9 Oct the 8 Oct case is overdue; on Sunday 11 Oct the 15 Oct case is not yet due soon (10 Oct was worked)', async () => {
    const { db } = await load(cases());
    const due = (urgency: 'due_soon' | 'overdue', today: string) => readQueuePage(db, { ...base, due: { urgency, today, calendar: cal } }).then((p) => names(p.rows));
    expect(await due('overdue', '2026-10-09')).toEqual(['申请人1', '申请人2']);
    expect(await due('due_soon', '2026-10-09')).toEqual([]);
    expect(await due('due_soon', '2026-10-11')).toEqual([]);
    expect(await due('due_soon', '2026-10-12')).toEqual(['申请人3']);
    const clocks = await countdowns(db, ['case:003'], new Date('2026-10-11T02:00:00.000Z'), cal);
    expect(clocks.get('case:003')).toMatchObject({ urgency: 'ok', daysLeft: 4 });
  });
});

describe('queue filters', () => {
  it('finds a case by the full ID number through the lookup hash, and explains a bad number', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events'] });
    open.push(ctx);
    const idNumber = validIdNumber(7);
    const target = accepted(7, '2026-09-17', { idHash: await idHashOf(ctx.keys, idNumber) });
    await ctx.db.cases.bulkInsert([target.doc, accepted(8, '2026-09-17').doc] as unknown as AnyDoc[]);
    const hash = await idHashOf(ctx.keys, ` ${idNumber.toLowerCase()} `);
    expect(names((await readQueuePage(ctx.db, { ...base, idHash: hash })).rows)).toEqual(['申请人7']);
    expect((await readQueuePage(ctx.db, { ...base, statuses: ['returned'], idHash: hash })).rows).toEqual([]);
    await expect(idHashOf(ctx.keys, '4403041988010100')).rejects.toThrow('身份证号码应为18位,当前为16位');
    await expect(idHashOf(ctx.keys, `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`)).rejects.toThrow('校验位错误');
  });

  it('filters by received date (Beijing calendar days) and by review flags', async () => {
    const { db } = await load([
      accepted(1, '2026-09-10', { flags: ['duplicate_hit'] }),
      accepted(2, '2026-09-17', { flags: ['rule_review', 'identity_mismatch'] }),
      accepted(3, '2026-09-24'),
    ]);
    const page = (q: Partial<QueueQuery>) => readQueuePage(db, { ...base, ...q }).then((p) => names(p.rows));
    expect(await page({ receivedFrom: '2026-09-17', receivedTo: '2026-09-24' })).toEqual(['申请人2', '申请人3']);
    expect(await page({ receivedTo: '2026-09-10' })).toEqual(['申请人1']);
    expect(await page({ flags: ['duplicate_hit'] })).toEqual(['申请人1']);
    expect(await page({ flags: ['identity_mismatch', 'duplicate_hit'] })).toEqual(['申请人1', '申请人2']);
    expect(await page({ flags: ['rule_review'], due: { urgency: 'due_soon', today: '2026-09-30', calendar: cal } })).toEqual(['申请人2']);
  });
});
