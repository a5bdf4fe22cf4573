// The signature check on its own (no server): a registry read once, read again for an unknown key
// at most every KEYS_REFRESH_MS, and after KEYS_MAX_AGE_MS so that a revoked key stops counting.
// A record naming an unknown key gets a second look once the registry is read again, before it is
// reported; if it verifies then, its case is handed back to be derived with it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKey, importSigner, signDoc } from '../../domain/crypto/signing';
import { staffKeyDoc, type StaffKeyDoc } from '../../domain/sync/staff-keys';
import type { SyncProblem } from './couch-replication';
import { KEYS_MAX_AGE_MS, KEYS_REFRESH_MS, startSignatureCheck } from './signature-check';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('signature check', () => {
  it('reports each bad record once, sees a new key, and stops trusting a key once revoked', async () => {
    const pair = await generateSigningKey();
    const signer = await importSigner(pair);
    const key = staffKeyDoc({ name: 'clerk1', officeId: 'o' }, pair.publicKey, 'ws', '2020-01-01T00:00:00.000Z');
    let registry = new Map<string, StaffKeyDoc>();
    let reads = 0;
    let clock = 0;
    const problems: SyncProblem[] = [];
    const check = startSignatureCheck({ fetchKeys: async () => (reads++, registry), onProblem: (p) => problems.push(p), now: () => clock });
    const event = (id: string, at: string) => signDoc(signer, { id, type: 'case_event', caseId: 'case:1', actor: { userId: 'clerk1' }, at });
    const e1 = await event('event:1', '2026-01-01T00:00:00.000Z');
    expect(await check.check(e1)).toMatchObject({ ok: false, problem: 'unknown_key' });
    expect(problems).toEqual([]); // not yet: the registry is read again first
    clock += KEYS_REFRESH_MS;
    await vi.advanceTimersByTimeAsync(KEYS_REFRESH_MS);
    // (the second look verifies with WebCrypto, which runs outside the fake clock)
    await vi.waitFor(() => expect(problems.map((p) => p.id)).toEqual(['event:1'])); // still unknown on the second look
    registry = new Map([[key._id, key]]);
    clock += 6_000; // past KEYS_REFRESH_MS: the unknown key makes it read the registry again
    const e2 = await event('event:2', '2026-01-02T00:00:00.000Z');
    expect(await check.check(e2)).toEqual({ ok: true });
    expect(await check.trusted([e2, { ...e2, id: 'event:3' }])).toEqual([e2]);
    expect(problems.map((p) => p.id)).toEqual(['event:1', 'event:3']);
    registry = new Map([[key._id, { ...key, revokedAt: '2026-01-01T12:00:00.000Z' }]]);
    clock += KEYS_MAX_AGE_MS;
    expect(await check.check(e2)).toMatchObject({ ok: false, problem: 'revoked' });
    expect(reads).toBe(4);
    check.stop();
  });

  it('a record whose key was registered just after the registry was read: not reported, and its case derived again', async () => {
    const pair = await generateSigningKey();
    const signer = await importSigner(pair);
    const key = staffKeyDoc({ name: 'dreviewer1', officeId: 'd' }, pair.publicKey, 'ws', '2020-01-01T00:00:00.000Z');
    let registry = new Map<string, StaffKeyDoc>();
    let clock = 0;
    const problems: SyncProblem[] = [];
    const check = startSignatureCheck({ fetchKeys: async () => registry, onProblem: (p) => problems.push(p), now: () => clock });
    const again: string[] = [];
    check.retrusted$.subscribe((id) => again.push(id));
    const handBack = await signDoc(signer, { id: 'event:hand-back', type: 'case_event', caseId: 'case:tenancy', actor: { userId: 'dreviewer1' }, at: '2026-01-01T00:00:00.000Z' });
    expect(await check.trusted([handBack])).toEqual([]); // the registry read a moment before the key was registered
    registry = new Map([[key._id, key]]);
    clock += KEYS_REFRESH_MS;
    await vi.advanceTimersByTimeAsync(KEYS_REFRESH_MS);
    await vi.waitFor(() => expect(again).toEqual(['case:tenancy']));
    expect(await check.trusted([handBack])).toEqual([handBack]);
    expect(problems).toEqual([]);
    expect(check.untrusted.size).toBe(0);
    check.stop();
  });
});
