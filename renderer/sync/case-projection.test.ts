// A case named by an arrival is derived again from its events; when that fails for a moment (the
// signature check could not read the key registry: nothing may be derived then), the case is
// derived again shortly after, though nothing arrives again for it. CI once showed a tenancy case
// staying 已签约 at the counter after its hand-back had arrived.
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { projectCase, type CaseEvent } from '../../domain/workflow';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { PROJECTION_RETRY_MS, startCaseProjection } from './case-projection';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c();
});

describe('case projection', () => {
  it('derives a case again after a failed attempt, with no second arrival', async () => {
    const ctx = await openTestContext();
    closing.push(ctx.close);
    const created = await createCase(ctx, validCase('投影重试', validIdNumber(401)));
    const events = (await ctx.db.events.find({ selector: { caseId: created.id } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent);
    const derived = projectCase(events)!;
    // The document says otherwise (a stale version from elsewhere): the projection must correct it.
    await (await ctx.db.cases.findOne(created.id).exec())!.incrementalPatch({ status: 'review_approved' });

    let attempts = 0;
    const trusted = async (evs: readonly CaseEvent[]) => {
      if (++attempts === 1) throw new Error('读取签名密钥登记失败(503)');
      return [...evs];
    };
    const arrivals = new Subject<string>();
    const sub = startCaseProjection(ctx.db, arrivals, trusted);
    try {
      arrivals.next(created.id);
      const end = Date.now() + PROJECTION_RETRY_MS + 5_000;
      let status = '';
      while (Date.now() < end) {
        status = String((await ctx.db.cases.findOne(created.id).exec())!.get('status'));
        if (status === derived.status) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(status).toBe(derived.status);
    } finally {
      sub.unsubscribe();
    }
  });
});
