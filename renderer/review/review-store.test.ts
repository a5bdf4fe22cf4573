// Queue pages straight from the local database: oldest first, 20 a page, across the offices of a
// district, with filters; the countdown of each row from its events under a fixed clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDoc } from '../../domain/model';
import { nameKey } from '../../domain/model';
import type { CaseStatus } from '../../domain/model/status';
import { decide, deriveCase, stageQueues, type CaseEvent } from '../../domain/workflow';
import { openTestContext } from '../audit/testing';
import type { AnyDoc } from '../db/database';
import { countdowns, readQueuePage } from './review-store';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const at = (n: number) => new Date(Date.UTC(2025, 8, 1, 2, n)).toISOString();
function caseDoc(n: number, officeId: string, status: CaseStatus, extra: Partial<CaseDoc> = {}): CaseDoc {
  const name = extra.applicantName ?? `申请人${String(n).padStart(2, '0')}`;
  return {
    id: `case:${String(n).padStart(3, '0')}`,
    type: 'case',
    schemaVersion: 1,
    officeId,
    createdAt: at(n),
    updatedAt: at(n),
    businessItem: 'public_rental',
    status,
    flagged: false,
    districtId: 'futian',
    streetId: officeId,
    householdId: `household:${n}`,
    applicantPersonId: `person:${n}`,
    applicantName: name,
    nameKey: nameKey(name),
    idHash: `h${n}`,
    householdSize: 1,
    receiptNo: null,
    lastEventAt: at(n),
    dueAt: null,
    ...extra,
  };
}

async function withCases(docs: CaseDoc[]) {
  const ctx = await openTestContext({ collections: ['cases', 'events'] });
  open.push(ctx);
  await ctx.db.cases.bulkInsert(docs as unknown as AnyDoc[]);
  return ctx;
}

describe('review queue pages', () => {
  it('pages a street queue 20 at a time, oldest first, only the queue status', async () => {
    const docs = [
      ...Array.from({ length: 25 }, (_, i) => caseDoc(i, 'futian-huafu', 'accepted')),
      ...Array.from({ length: 3 }, (_, i) => caseDoc(40 + i, 'futian-huafu', 'returned')),
    ];
    const { db } = await withCases(docs.reverse());
    const q = { officeIds: ['futian-huafu'], statuses: ['accepted' as const] };
    const first = await readQueuePage(db, { ...q, page: 0 });
    expect(first.rows.map((r) => r.applicantName)).toEqual(Array.from({ length: 20 }, (_, i) => `申请人${String(i).padStart(2, '0')}`));
    expect(first.hasMore).toBe(true);
    const second = await readQueuePage(db, { ...q, page: 1 });
    expect(second.rows.map((r) => r.id)).toEqual(['case:020', 'case:021', 'case:022', 'case:023', 'case:024']);
    expect(second.hasMore).toBe(false);
    expect((await readQueuePage(db, { ...q, statuses: ['returned'], page: 0 })).rows).toHaveLength(3);
  });

  it("merges the district's streets in time order and filters by street, item, contradiction and name", async () => {
    const docs = Array.from({ length: 30 }, (_, i) =>
      caseDoc(i, i % 2 === 0 ? 'futian-huafu' : 'futian-xiangmihu', 'preliminary_approved', {
        businessItem: i % 3 === 0 ? 'shared_ownership' : 'public_rental',
        flagged: i === 7,
        ...(i === 11 ? { applicantName: '欧阳娜娜' } : {}),
      }),
    );
    const { db } = await withCases(docs);
    const q = { officeIds: ['futian-huafu', 'futian-xiangmihu'], statuses: ['preliminary_approved' as const] };
    const first = await readQueuePage(db, { ...q, page: 0 });
    expect(first.rows.map((r) => r.id)).toEqual(docs.slice(0, 20).map((d) => d.id));
    const second = await readQueuePage(db, { ...q, page: 1 });
    expect([second.rows.length, second.hasMore]).toEqual([10, false]);
    expect((await readQueuePage(db, { ...q, officeIds: ['futian-xiangmihu'], page: 0 })).rows.every((r) => r.officeId === 'futian-xiangmihu')).toBe(true);
    expect((await readQueuePage(db, { ...q, businessItem: 'shared_ownership', page: 0 })).rows).toHaveLength(10);
    expect((await readQueuePage(db, { ...q, flaggedOnly: true, page: 0 })).rows.map((r) => r.id)).toEqual(['case:007']);
    expect((await readQueuePage(db, { ...q, name: '欧阳', page: 0 })).rows.map((r) => r.applicantName)).toEqual(['欧阳娜娜']);
  });

  it('counts down each row in working days under a fixed clock, paused while returned', async () => {
    const ctx = await withCases([caseDoc(1, 'futian-huafu', 'accepted'), caseDoc(2, 'futian-huafu', 'returned')]);
    const actor = { userId: 'clerk1', name: '张敏', roles: ['clerk' as const], officeId: 'futian-huafu' };
    const events: CaseEvent[] = [];
    const add = (caseId: string, kind: 'submit' | 'accept' | 'return', time: string) => {
      const state = deriveCase(events.filter((e) => e.caseId === caseId));
      const payload = kind === 'submit' ? { businessItem: 'public_rental' } : kind === 'accept' ? { receiptNo: 'SZ-1' } : { missingMaterials: [{ code: 'R03', name: '收入证明需补充或更正' }] };
      const who = kind === 'return' ? { ...actor, userId: 'reviewer1', roles: ['reviewer' as const] } : actor;
      const r = decide(state, { id: `event:${events.length}`, caseId, kind, actor: who, at: time, payload: payload as never });
      if (!r.ok) throw new Error(r.error.message);
      events.push(r.value);
    };
    for (const id of ['case:001', 'case:002']) {
      add(id, 'submit', '2025-09-25T01:00:00.000Z');
      add(id, 'accept', '2025-09-25T02:00:00.000Z');
    }
    add('case:002', 'return', '2025-09-29T02:00:00.000Z');
    await ctx.db.events.bulkInsert(events as unknown as AnyDoc[]);
    const clocks = await countdowns(ctx.db, ['case:001', 'case:002'], new Date('2025-10-14T01:00:00.000Z'));
    expect(clocks.get('case:001')).toEqual({ urgency: 'due_soon', daysLeft: 1, dueOn: '2025-10-15' });
    expect(clocks.get('case:002')).toEqual({ urgency: 'paused', daysLeft: null, dueOn: null });
    expect((await countdowns(ctx.db, ['case:001'], new Date('2025-10-16T01:00:00.000Z'))).get('case:001')).toMatchObject({ urgency: 'overdue', daysLeft: -1 });
  });

  it('a stage queue reads only the cases of the items at that stage: 退房交接, not 待公示 or a renewal’s 已核准 in the same status', async () => {
    const docs = [
      caseDoc(1, 'futian-huafu', 'review_approved', { item: 'public_rental.exit', catalogueVersion: '2026.1' }),
      caseDoc(2, 'futian-huafu', 'review_approved'),
      caseDoc(3, 'futian-huafu', 'review_approved', { item: 'public_rental.renewal', catalogueVersion: '2026.1' }),
      caseDoc(4, 'futian-lianhua', 'review_approved', { item: 'talent_housing.exit', businessItem: 'talent_housing', catalogueVersion: '2026.1' }),
      caseDoc(5, 'futian-huafu', 'exited', { item: 'public_rental.exit', catalogueVersion: '2026.1' }),
    ];
    const { db } = await withCases(docs);
    const handover = stageQueues(['district_reviewer']).find((q) => q.stage === 'handover');
    const q = { officeIds: ['futian-huafu', 'futian-lianhua'], statuses: [handover!.status], items: handover!.items, page: 0 };
    expect((await readQueuePage(db, q)).rows.map((r) => r.id)).toEqual(['case:001', 'case:004']);
    expect((await readQueuePage(db, { ...q, idHash: 'h1' })).rows.map((r) => r.id)).toEqual(['case:001']);
    expect((await readQueuePage(db, { ...q, items: undefined })).rows.map((r) => r.id)).toEqual(['case:001', 'case:002', 'case:003', 'case:004']);
  });
});
