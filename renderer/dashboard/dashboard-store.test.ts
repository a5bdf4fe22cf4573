// The dashboard reads every case and event of the offices asked for, and nothing of the others or of
// deleted documents: its figures equal the aggregation of the same data held in memory.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCases, sealSeed } from '../../domain/seed';
import { computeDashboard } from '../../domain/stats';
import { openTestContext } from '../audit/testing';
import type { AnyDoc } from '../db/database';
import { DEFAULT_CALENDAR, loadDashboard } from './dashboard-store';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const NOW = new Date('2024-06-28T06:00:00Z');

describe('dashboard reader', () => {
  it('reads the cases and events of the chosen offices, without deleted cases', async () => {
    const ctx = await openTestContext({ collections: ['cases', 'events'] });
    close = ctx.close;
    const huafu = generateCases({ count: 60, officeId: 'futian-huafu', seed: 3 });
    const shatou = generateCases({ count: 25, officeId: 'futian-shatou', seed: 4 });
    const sealer = { encrypt: async (c: string) => c, keyedHash: async (c: string) => `h-${c}` };
    for (const data of [huafu, shatou]) {
      await ctx.db.cases.bulkInsert((await sealSeed(data, sealer)).cases as unknown as AnyDoc[]);
      await ctx.db.events.bulkInsert(data.events.map((e) => ({ ...e })) as unknown as AnyDoc[]);
    }
    const gone = huafu.cases.find((c) => c.status === 'accepted')!;
    await (await ctx.db.cases.findOne(gone.id).exec())!.remove();

    const load = await loadDashboard(ctx.db, ['futian-huafu'], { now: NOW, weeks: 12 });
    const kept = huafu.cases.filter((c) => c.id !== gone.id);
    expect(load.cases).toBe(59);
    expect(load.events).toBe(huafu.events.length);
    const expected = computeDashboard({ cases: kept, events: huafu.events, now: NOW, weeks: 12, calendar: DEFAULT_CALENDAR });
    expect(load.stats).toEqual(expected);
    expect(load.stats.backlog.rows.map((r) => r.officeId)).toEqual(['futian-huafu']);
    expect(load.stats.backlog.total.total).toBe(kept.filter((c) => ['submitted', 'accepted', 'returned', 'preliminary_approved', 'review_approved', 'in_publicity'].includes(c.status)).length);

    const both = await loadDashboard(ctx.db, ['futian-huafu', 'futian-shatou'], { now: NOW, weeks: 12 });
    expect(both.cases).toBe(84);
    expect(both.stats.backlog.rows.map((r) => r.officeId)).toEqual(['futian-huafu', 'futian-shatou']);
  });
});
