// The counted dashboard (index counts, the window's events, the histories of the cases with figures in
// it) gives the same figures as the full computation over every case and event, on generated cases
// of two offices with their projections written as a workstation writes them; after a decision it
// takes in only that case and still agrees with the full computation.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCases, sealSeed, type SeedData } from '../../domain/seed';
import { computeDashboard } from '../../domain/stats';
import { projectCase, type CaseEvent } from '../../domain/workflow';
import { openTestContext, TEST_USER } from '../audit/testing';
import type { AnyDoc } from '../db/database';
import { recordCaseEvent } from '../review/review-store';
import { loadDashboardFull } from './dashboard-full';
import { DashboardCounter, DEFAULT_CALENDAR, loadDashboard } from './dashboard-store';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const NOW = new Date('2024-06-28T06:00:00Z');
const sealer = { encrypt: async (c: string) => c, keyedHash: async (c: string) => `h-${c}` };

/** Cases with the projected status, due date and flags, as the workstation stores them. */
async function stored(data: SeedData): Promise<AnyDoc[]> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of data.events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const cases = (await sealSeed(data, sealer)).cases as unknown as AnyDoc[];
  return cases.map((c) => ({ ...c, ...projectCase(byCase.get(String(c.id)) ?? [], DEFAULT_CALENDAR) }));
}

describe('counted dashboard', () => {
  it('counts the same figures as the full computation, and only for the chosen offices', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events'], user: { ...TEST_USER, name: 'reviewer1', roles: ['reviewer'] } });
    close = ctx.close;
    const huafu = generateCases({ count: 250, officeId: 'futian-huafu', seed: 3 });
    const shatou = generateCases({ count: 80, officeId: 'futian-shatou', seed: 4 });
    for (const data of [huafu, shatou]) {
      await ctx.db.cases.bulkInsert(await stored(data));
      await ctx.db.events.bulkInsert(data.events.map((e) => ({ ...e })) as unknown as AnyDoc[]);
    }
    const gone = huafu.cases.find((c) => c.status === 'accepted')!;
    await (await ctx.db.cases.findOne(gone.id).exec())!.remove();
    // A reviewer's return pauses the 初审 clock (the generated returns are all at the counter, before any clock).
    const withApplicant = huafu.cases.find((c) => c.status === 'accepted' && c.id !== gone.id)!;
    const decide = { ...ctx, deviceId: 'ws-1', now: () => NOW, calendar: DEFAULT_CALENDAR };
    await recordCaseEvent(decide, withApplicant.id, 'return', { missingMaterials: [{ code: 'income_proof', name: '收入证明' }] });

    const counted = await loadDashboard(ctx.db, ['futian-huafu'], { now: NOW, weeks: 12 });
    const full = await loadDashboardFull(ctx.db, ['futian-huafu'], { now: NOW, weeks: 12 });
    const kept = huafu.cases.filter((c) => c.id !== gone.id);
    expect(full.stats).toEqual(computeDashboard({ cases: kept.map((c) => (c.id === withApplicant.id ? { ...c, status: 'returned' as const } : c)), events: (await ctx.db.events.find({ selector: { officeId: 'futian-huafu' } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent), now: NOW, weeks: 12, calendar: DEFAULT_CALENDAR }));
    expect(counted.stats).toEqual(full.stats);
    expect(counted.cases).toBe(249);
    // The figures are not trivially empty: each part of the dashboard has something to agree on.
    const s = counted.stats;
    expect(s.deadlines).toMatchObject({ paused: 1 });
    expect([s.deadlines.overdue, s.deadlines.dueSoon, s.deadlines.ok].every((n) => n > 0)).toBe(true);
    expect(s.weekly.reduce((n, w) => n + w.submitted + w.approved, 0)).toBeGreaterThan(0);
    expect(s.returns).toBeGreaterThan(0);
    // The first load built the view from every event held; the next one reads none and agrees.
    expect(counted.events).toBe(huafu.events.length + shatou.events.length + 1);
    const again = await loadDashboard(ctx.db, ['futian-huafu'], { now: NOW, weeks: 12 });
    expect(again.events).toBe(0);
    expect(again.stats).toEqual(full.stats);

    const both = await loadDashboard(ctx.db, ['futian-huafu', 'futian-shatou'], { now: NOW, weeks: 26 });
    expect(both.stats).toEqual((await loadDashboardFull(ctx.db, ['futian-huafu', 'futian-shatou'], { now: NOW, weeks: 26 })).stats);
    expect(both.stats.backlog.rows.map((r) => r.officeId)).toEqual(['futian-huafu', 'futian-shatou']);
  }, 120_000);

  it('after a decision, re-reads that case only and agrees with the full computation', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events'], user: { ...TEST_USER, name: 'reviewer1', roles: ['reviewer'] } });
    close = ctx.close;
    const data = generateCases({ count: 200, officeId: 'futian-huafu', seed: 7 });
    await ctx.db.cases.bulkInsert(await stored(data));
    await ctx.db.events.bulkInsert(data.events.map((e) => ({ ...e })) as unknown as AnyDoc[]);
    const counter = new DashboardCounter(ctx.db, ['futian-huafu']);
    const before = await counter.load({ now: NOW, weeks: 12 });

    const target = data.cases.find((c) => c.status === 'accepted')!;
    await recordCaseEvent({ ...ctx, deviceId: 'ws-1', now: () => NOW, calendar: DEFAULT_CALENDAR }, target.id, 'preliminary_approve', { opinion: '符合条件' } as never);
    const after = await counter.load({ now: NOW, weeks: 12 });
    const full = await loadDashboardFull(ctx.db, ['futian-huafu'], { now: NOW, weeks: 12 });
    expect(after.stats).toEqual(full.stats);
    expect(after.stats.backlog.total.counts.accepted).toBe(before.stats.backlog.total.counts.accepted - 1);
    expect(after.stats.rates.find((r) => r.stage === 'preliminary')!.approved).toBe(before.stats.rates.find((r) => r.stage === 'preliminary')!.approved + 1);
    expect(after.events).toBeLessThan(20); // the changed case's history, not the office's events

    // A case removed (merged into another) leaves the sums; a new holiday calendar rebuilds them.
    const removed = data.cases.find((c) => c.status === 'preliminary_approved')!;
    await (await ctx.db.cases.findOne(removed.id).exec())!.remove();
    expect((await counter.load({ now: NOW, weeks: 26 })).stats).toEqual((await loadDashboardFull(ctx.db, ['futian-huafu'], { now: NOW, weeks: 26 })).stats);
    const extraHoliday = { ...DEFAULT_CALENDAR, holidays: new Set([...DEFAULT_CALENDAR.holidays, '2024-05-06', '2024-05-07']) };
    const rebuilt = await loadDashboard(ctx.db, ['futian-huafu'], { now: NOW, weeks: 26, calendar: extraHoliday });
    expect(rebuilt.events).toBeGreaterThan(data.events.length - 20);
    expect(rebuilt.stats).toEqual((await loadDashboardFull(ctx.db, ['futian-huafu'], { now: NOW, weeks: 26, calendar: extraHoliday })).stats);
    expect(rebuilt.stats.stageDays).not.toEqual(after.stats.stageDays);
  }, 60_000);
});
