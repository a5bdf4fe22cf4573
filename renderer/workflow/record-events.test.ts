// The one place events are recorded signs them as the signed-in user and refuses to record one in
// anyone else's name; audit entries are signed too, and both verify against the user's registered key.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../domain/audit/signed-records';
import { staffKeyDoc } from '../../domain/sync/staff-keys';
import { decide, INITIAL_STATE, type CaseEvent } from '../../domain/workflow';
import { readChain, recordAudit } from '../audit/audit-log';
import { openTestContext } from '../audit/testing';
import { recordEvents } from './record-events';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const submit = (userId: string): CaseEvent => {
  const r = decide(INITIAL_STATE, {
    id: `event:${crypto.randomUUID()}`, caseId: 'case:r', kind: 'submit', actor: { userId, name: '某人', roles: ['clerk'], officeId: 'futian-huafu' },
    at: '2026-01-01T00:00:00.000Z', payload: { businessItem: 'public_rental' }, deviceId: 'ws-1',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('recordEvents', () => {
  it('signs events and audit entries as the signed-in user; both verify against their registered key', async () => {
    const ctx = await openTestContext({ deviceId: 'ws-r' });
    close = ctx.close;
    const key = staffKeyDoc(ctx.user, ctx.signing.publicKey, 'ws-r', '2020-01-01T00:00:00.000Z');
    const registry = new Map([[key._id, key]]);
    const [stored] = await recordEvents(ctx, [submit(ctx.user.name)]);
    const local = (await ctx.db.events.findOne(stored!.id).exec())!.toJSON() as Record<string, unknown>;
    expect(await verifyRecord(registry, local)).toEqual({ ok: true });
    await recordAudit(ctx, 'login', null);
    const [entry] = await readChain(ctx.db, 'ws-r');
    expect(await verifyRecord(registry, entry as unknown as Record<string, unknown>)).toEqual({ ok: true });
    // Another user's registered key does not make them verify.
    const other = new Map([[key._id, { ...key, name: 'someone' }]]);
    expect(await verifyRecord(other, local)).toMatchObject({ ok: false });
  });

  it('refuses, writing nothing, an event in another actor\'s name', async () => {
    const ctx = await openTestContext();
    close = ctx.close;
    await expect(recordEvents(ctx, [submit(ctx.user.name), submit('reviewer1')])).rejects.toThrow('只能以本人');
    expect(await ctx.db.events.count().exec()).toBe(0);
  });
});
