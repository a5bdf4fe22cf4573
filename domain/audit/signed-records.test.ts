// Readers verify a duplicate-benefit override carried in a submit event: it must be signed by a
// key the registry holds for a reviewer, for this case, and unchanged.
import { describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, signDoc, type SigningKeyPair } from '../crypto/signing';
import { overrideBody } from '../intake/override';
import { staffKeyDoc, type StaffKeyDoc } from '../sync/staff-keys';
import { verifyRecord } from './signed-records';

const AT = '2026-11-27T08:00:00.000Z';
const clerk = { userId: 'clerk1', name: '张敏', roles: ['clerk'], officeId: 'a' };
const reviewer = { userId: 'rev1', name: '陈刚', roles: ['reviewer'], officeId: 'a' };

async function registry(entries: [SigningKeyPair, { name: string; roles: string[] }][]): Promise<Map<string, StaffKeyDoc>> {
  return new Map(entries.map(([pair, u]) => {
    const doc = staffKeyDoc({ name: u.name, officeId: 'a', roles: u.roles }, pair.publicKey, 'ws', '2020-01-01T00:00:00.000Z');
    return [doc._id, doc];
  }));
}

async function submitEvent(clerkKey: SigningKeyPair, override: unknown) {
  const event = { id: 'event:1', type: 'case_event', schemaVersion: 0, officeId: 'a', caseId: 'case:1', kind: 'submit', actor: clerk, at: AT, payload: { businessItem: 'public_rental', override }, deviceId: 'ws' };
  return signDoc(await importSigner(clerkKey), event);
}

describe('a submit event carrying a duplicate-benefit override', () => {
  it('verifies when a registered reviewer signed it for this case, and not when it was altered, moved or signed by a clerk', async () => {
    const [clerkKey, reviewerKey, colleagueKey] = await Promise.all([generateSigningKey(), generateSigningKey(), generateSigningKey()]);
    const keys = await registry([[clerkKey, { name: 'clerk1', roles: ['clerk'] }], [reviewerKey, { name: 'rev1', roles: ['reviewer'] }], [colleagueKey, { name: 'clerk2', roles: ['clerk'] }]]);
    const good = await signDoc(await importSigner(reviewerKey), overrideBody('case:1', '原补贴已停发', reviewer, AT));
    expect(await verifyRecord(keys, await submitEvent(clerkKey, good))).toEqual({ ok: true });

    const altered = { ...good, reason: '另一个理由' };
    expect(await verifyRecord(keys, await submitEvent(clerkKey, altered))).toMatchObject({ ok: false, reason: expect.stringContaining('放行签名无效') });
    const otherCase = await signDoc(await importSigner(reviewerKey), overrideBody('case:2', '原补贴已停发', reviewer, AT));
    expect(await verifyRecord(keys, await submitEvent(clerkKey, otherCase))).toMatchObject({ ok: false, reason: expect.stringContaining('另一宗') });
    // The clerk signs an "override" with their own key, claiming a reviewer's role: the registry says clerk.
    const selfMade = await signDoc(await importSigner(clerkKey), overrideBody('case:1', '自己放行', { ...clerk, userId: 'clerk1', roles: ['reviewer'] }, AT));
    expect(await verifyRecord(keys, await submitEvent(clerkKey, selfMade))).toMatchObject({ ok: false });
    // Another clerk signs with their own registered key and claims to be a reviewer: the registry says clerk.
    const colleague = await signDoc(await importSigner(colleagueKey), overrideBody('case:1', '同事放行', { ...clerk, userId: 'clerk2', roles: ['reviewer'] }, AT));
    expect(await verifyRecord(keys, await submitEvent(clerkKey, colleague))).toMatchObject({ ok: false, reason: expect.stringContaining('未登记为初审或复审人员') });
    const asReviewer = await signDoc(await importSigner(clerkKey), overrideBody('case:1', '冒名放行', reviewer, AT));
    expect(await verifyRecord(keys, await submitEvent(clerkKey, asReviewer))).toMatchObject({ ok: false, reason: expect.stringContaining('放行签名无效') });
  });
});
