// The publicity page's data in a real local database: a case the clerk took in and both reviews
// approved waits for publication, is published for 7 days with its masked ID, and an objection
// within the period sends it back to the district reviewer's 待复审 queue; after the period, or by a
// clerk, the objection is refused with a reason.
import { afterEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../domain/identity/idnumber';
import type { SessionUser } from '../../domain/ipc/session';
import { queueStatuses } from '../../domain/workflow';
import { openTestContext, TEST_USER, validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { readQueuePage, recordCaseEvent, type DecisionContext } from '../review/review-store';
import { CATALOGUE } from '../../domain/catalogue/shipped';
import { exportData, publicityDaysFor, publish, readPublicity, recordObjection } from './publicity-store';

const DISTRICT: SessionUser = { ...TEST_USER, name: 'dr1', displayName: '刘洋', roles: ['district_reviewer'], officeId: 'futian', officeName: '福田区住房和建设局' };
const OFFICES = [{ id: TEST_USER.officeId, name: '华富街道' }];
const PUBLISHED_AT = new Date('2026-03-02T01:30:00.000Z'); // Beijing 09:30, 2 March

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

async function setup() {
  const opened = await openTestContext({ collections: ['cases', 'events', 'people', 'audit'] });
  open.push(opened);
  let minute = 0; // the clerk's clock ticks, so submission and acceptance are ordered
  const clerk = { ...opened, now: () => new Date(Date.UTC(2026, 1, 2, 2, minute++)) };
  const at = (d: Date): DecisionContext => ({ ...clerk, user: DISTRICT, now: () => d });
  const approved = async (seq: number, name: string) => {
    const c = await createCase(clerk, validCase(name, validIdNumber(seq)));
    await recordCaseEvent(clerk, c.id, 'accept', { receiptNo: `SZ-2026-${seq}` });
    await recordCaseEvent(at(new Date('2026-02-10T02:00:00Z')), c.id, 'preliminary_approve', { opinion: '材料齐全' });
    await recordCaseEvent(at(new Date('2026-02-20T02:00:00Z')), c.id, 'review_approve', { opinion: '复审通过' });
    return c.id;
  };
  return { clerk, at, approved };
}

describe('publicity in the local database', () => {
  it('publishes for the period the business-item catalogue gives the item in its district (7 days unless overridden)', async () => {
    expect(publicityDaysFor('public_rental', 'futian')).toBe(7);
    const longer = { ...CATALOGUE, overrides: [...CATALOGUE.overrides, { districtId: 'futian', item: 'public_rental', deadlineDays: { publicity: 10 } }] };
    expect(publicityDaysFor('public_rental', 'futian', longer)).toBe(10);
    expect(publicityDaysFor('public_rental', 'nanshan', longer)).toBe(7);
    expect(publicityDaysFor('no_such_item', 'futian', longer)).toBe(7);
    const { clerk, at, approved } = await setup();
    const a = await approved(311, '赵六');
    expect(await publish(at(PUBLISHED_AT), [a], undefined, longer)).toEqual({ published: [a], refused: [] });
    const [batch] = (await readPublicity(clerk.db, OFFICES)).batches;
    expect(batch!.window).toEqual({ startsOn: '2026-03-02', endsOn: '2026-03-11' });
  });

  it('lists review-approved cases to publish, then the published list for its 7 days with masked IDs only', async () => {
    const { clerk, at, approved } = await setup();
    const a = await approved(301, '王五');
    const b = await approved(302, '李晓红');
    const before = await readPublicity(clerk.db, OFFICES);
    expect(before.awaiting.map((e) => e.case.applicantName).sort()).toEqual(['李晓红', '王五']);
    expect(before.batches).toEqual([]);

    const result = await publish(at(PUBLISHED_AT), [a, b]);
    expect(result).toEqual({ published: [a, b], refused: [] });
    const after = await readPublicity(clerk.db, OFFICES);
    expect(after.awaiting).toEqual([]);
    expect(after.batches).toHaveLength(1);
    const [batch] = after.batches;
    expect(batch!.window).toEqual({ startsOn: '2026-03-02', endsOn: '2026-03-08' });
    expect(batch!.rows.map((r) => [r.applicantName, r.idMasked, r.street])).toEqual([
      ['李晓红', maskIdNumber(validIdNumber(302)), '华富街道'],
      ['王五', maskIdNumber(validIdNumber(301)), '华富街道'],
    ]);
    expect(batch!.rows[0]!.idMasked).toMatch(/^440304\*{8}\d{3}[\dX]$/);
    const data = exportData(batch!, DISTRICT.officeName);
    const serialized = JSON.stringify(data);
    for (const seq of [301, 302]) expect(serialized).not.toContain(validIdNumber(seq));
    expect(data).toMatchObject({ officeName: '福田区住房和建设局', startsOn: '2026-03-02', endsOn: '2026-03-08' });
    // A clerk may not publish.
    const again = await approved(303, '陈七');
    expect((await publish({ ...clerk, now: () => PUBLISHED_AT }, [again])).refused[0]!.reason).toBe('窗口受理员无权发布公示');
  });

  it("an objection within the period sends the case back to the district reviewer's 待复审 queue", async () => {
    const { clerk, at, approved } = await setup();
    const a = await approved(311, '赵六');
    await publish(at(PUBLISHED_AT), [a]);
    const state = await recordObjection(at(new Date('2026-03-05T03:00:00Z')), a, '  群众反映申请人名下有商铺  ');
    expect(state.status).toBe('preliminary_approved');
    expect(state.history.at(-1)).toMatchObject({ kind: 'objection', actorName: '刘洋', applied: true });
    const queue = await readQueuePage(clerk.db, { officeIds: [TEST_USER.officeId], statuses: queueStatuses(DISTRICT.roles), page: 0 });
    expect(queue.rows.map((r) => r.id)).toContain(a);
    expect((await readPublicity(clerk.db, OFFICES)).batches).toEqual([]);
    const stored = await clerk.db.events.find({ selector: { caseId: a, kind: 'objection' } }).exec();
    expect(stored.map((d) => d.get('payload'))).toEqual([{ reason: '群众反映申请人名下有商铺', item: 'public_rental', catalogueVersion: '2026.1' }]);
    expect(stored[0]!.get('signature')).toBeTruthy();
  });

  it('refuses an objection after the period, by a clerk, or without content, and the case stays published', async () => {
    const { clerk, at, approved } = await setup();
    const a = await approved(321, '孙七');
    await publish(at(PUBLISHED_AT), [a]);
    await expect(recordObjection(at(new Date('2026-03-08T16:00:00Z')), a, '逾期异议')).rejects.toThrow('公示期已于2026-03-08结束,不能再登记公示异议');
    await expect(recordObjection({ ...clerk, now: () => new Date('2026-03-04T02:00:00Z') }, a, '异议')).rejects.toThrow('窗口受理员无权登记公示异议');
    await expect(recordObjection(at(new Date('2026-03-04T02:00:00Z')), a, '   ')).rejects.toThrow('登记公示异议须写明异议内容');
    const after = await readPublicity(clerk.db, OFFICES);
    expect(after.batches[0]!.rows.map((r) => r.caseId)).toEqual([a]);
    expect(after.states.get(a)!.status).toBe('in_publicity');
  });
});
