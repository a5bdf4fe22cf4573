import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChain } from '../audit/audit-log';
import { openTestContext } from '../audit/testing';
import type { CaseContext } from '../cases/case-store';
import { openConflictStore } from './conflict-store';

let ctx: CaseContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await openTestContext({ collections: ['people', 'audit'] });
});
afterEach(() => ctx.close());

const problem = { kind: 'conflict', collection: 'people', id: 'person:gone', field: 'hukou', kept: 'shenzhen', lost: 'other', reason: '' } as const;

describe('the conflicts list on one workstation', () => {
  it('keeping the current value closes the conflict, leaves the documents alone and is audited', async () => {
    const store = await openConflictStore(ctx.db);
    await store.record(problem);
    const [open] = store.conflicts$.value;
    await store.keep(open!.key, ctx);
    expect(store.conflicts$.value[0]!.resolution).toMatchObject({ choice: 'keep', by: ctx.user.name });
    expect((await openConflictStore(ctx.db)).conflicts$.value[0]!.resolution?.choice).toBe('keep');
    const audit = await readChain(ctx.db, ctx.deviceId);
    expect(audit.map((e) => [e.action, e.target, e.detail])).toEqual([['sync_conflict', 'person:gone', { op: 'keep', collection: 'people', field: 'hukou' }]]);
    await expect(store.keep(open!.key, ctx)).rejects.toThrow('该冲突已处理或不存在');
  });

  it('says so when the record to change is no longer here, and leaves the conflict open', async () => {
    const store = await openConflictStore(ctx.db);
    await store.record(problem);
    await expect(store.useOther(store.conflicts$.value[0]!.key, ctx)).rejects.toThrow('找不到该记录');
    expect(store.conflicts$.value[0]!.resolution).toBeNull();
  });
});
