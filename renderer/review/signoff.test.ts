// Signing a decision as the reviewer sees it: a refused finger (or password) records nothing and
// leaves the case where it was; the reviewer's own finger records the decision, signed in their name.
// The main side is stood in for by its answers (main/handlers/signoff.test.ts runs the real one
// against the fingerprint simulator).
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, verifySignature } from '../../domain/crypto/signing';
import type { ArgsOf, HandlerName } from '../../domain/ipc/contract';
import { checkArgs } from '../../domain/ipc/schemas';
import type { SessionUser } from '../../domain/ipc/session';
import { ApiError, type Api } from '../api/client';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase, type CaseContext } from '../cases/case-store';
import { caseState, eventsByCase, recordCaseEvent } from './review-store';
import { signAndRecord } from './signoff';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const REVIEWER: SessionUser = { name: 'rev-li', displayName: '李审核', roles: ['reviewer'], officeId: 'futian-huafu', officeName: '福田区华富街道办事处', districtId: 'futian', offline: false };

/** What the main side answers for a press: the enrolled finger (`finger` 1) signs as the reviewer, any other is refused. */
function mainSide(finger: () => number, as: SessionUser = REVIEWER) {
  const calls: string[] = [];
  const api: Pick<Api, 'invoke'> = {
    async invoke<K extends HandlerName>(name: K, args: ArgsOf<K>) {
      const checked = checkArgs(name, args);
      if (!checked.ok) throw new ApiError({ code: 'BAD_ARGS', message: checked.message });
      calls.push(name);
      if (name !== 'signoff/fingerprint') throw new ApiError({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
      if (finger() !== 1) throw new ApiError({ code: 'FINGERPRINT_MISMATCH', message: '指纹与您登记的签名指纹不符,未签名;请重按或输入密码签名' });
      return as as never;
    },
  };
  return { api, calls };
}

async function acceptedCase() {
  const clerk = await openTestContext({ collections: ['cases', 'events', 'people', 'audit'] });
  closers.push(clerk.close);
  const c = await createCase(clerk, validCase('周八', validIdNumber(88)));
  await recordCaseEvent(clerk, c.id, 'accept', { receiptNo: 'SZ20261128-0088' });
  const signing = await generateSigningKey();
  const reviewer: CaseContext & { publicKey: string } = { ...clerk, user: REVIEWER, signer: await importSigner(signing), publicKey: signing.publicKey };
  return { clerk, reviewer, caseId: c.id };
}

describe('signing a decision by fingerprint', () => {
  it('a wrong finger is refused with the reason and nothing is recorded; the enrolled finger records the signed decision', async () => {
    const { reviewer, caseId } = await acceptedCase();
    let finger = 2;
    const { api, calls } = mainSide(() => finger);
    const before = (await eventsByCase(reviewer.db, [caseId])).get(caseId)!.length;
    await expect(signAndRecord(api, reviewer, caseId, 'preliminary_approve', { opinion: '材料齐全' }, { method: 'fingerprint' })).rejects.toThrow(/指纹与您登记的签名指纹不符,未签名/);
    expect((await eventsByCase(reviewer.db, [caseId])).get(caseId)).toHaveLength(before);
    expect((await caseState(reviewer.db, caseId)).status).toBe('accepted');
    expect((await reviewer.db.cases.findOne(caseId).exec())!.get('status')).toBe('accepted');

    finger = 1;
    const after = await signAndRecord(api, reviewer, caseId, 'preliminary_approve', { opinion: '材料齐全' }, { method: 'fingerprint' });
    expect(after.status).toBe('preliminary_approved');
    expect(calls).toEqual(['signoff/fingerprint', 'signoff/fingerprint']);
    const decision = (await eventsByCase(reviewer.db, [caseId])).get(caseId)!.find((e) => e.kind === 'preliminary_approve')!;
    expect(decision.actor).toMatchObject({ userId: 'rev-li', name: '李审核' });
    expect(await verifySignature(reviewer.publicKey, decision as unknown as Record<string, unknown>)).toBe(true);
  });

  it('refuses a press that answers for someone else, and a wrong password, recording nothing', async () => {
    const { reviewer, caseId } = await acceptedCase();
    const other = mainSide(() => 1, { ...REVIEWER, name: 'rev-wang', displayName: '王审核' });
    await expect(signAndRecord(other.api, reviewer, caseId, 'return', { missingMaterials: [{ code: 'R01', name: '身份证明材料不全或不清晰' }] }, { method: 'fingerprint' })).rejects.toThrow(/本人确认/);
    const password = mainSide(() => 1);
    await expect(signAndRecord(password.api, reviewer, caseId, 'return', { missingMaterials: [{ code: 'R01', name: '身份证明材料不全或不清晰' }] }, { method: 'password', password: 'wrong' })).rejects.toThrow(/密码错误/);
    expect(password.calls).toEqual(['session/authorize']);
    expect((await caseState(reviewer.db, caseId)).status).toBe('accepted');
  });
});
