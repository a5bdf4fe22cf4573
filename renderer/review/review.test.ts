// Review across workstations: the clerk's case is approved by the street reviewer while their
// workstation is cut off, reaches the district reviewer after sync and is approved there; every
// side derives the same status. A return reaches the clerk's queue with its reasons; two offline
// decisions that disagree are flagged with both, and the district reviewer settles them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctionsOf, deriveCase, projectCase, queueStatuses, reasonsFor, reasonText } from '../../domain/workflow';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { openTestWorkstation, type TestWorkstation } from '../sync/test-workstation';
import { caseState, eventsByCase, readQueuePage, recordCaseEvent } from './review-store';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 25_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const statusOf = async (w: TestWorkstation, caseId: string) => (await w.db.cases.findOne(caseId).exec())?.get('status') as string | undefined;

describe('street and district review across workstations', () => {
  let clerk: TestWorkstation;
  let street: TestWorkstation;
  let district: TestWorkstation;
  let streetOffices: string[];
  beforeAll(async () => {
    const user = (role: string) => server.couch.users.find((u) => u.roles.includes(role as never) && u.name.startsWith(role === 'clerk' ? 'clerka' : ''))!;
    const open = (prefix: string, role: string, viaProxy: boolean) => {
      const u = user(role);
      return openTestWorkstation({
        dbName: `${prefix}-${Date.now()}`,
        couchUrl: viaProxy ? server.proxy.url : server.couch.url,
        accountUrl: server.couch.url,
        username: u.name,
        password: u.password,
        retryTimeMs: 300,
      });
    };
    clerk = await open('rc', 'clerk', false);
    street = await open('rs', 'reviewer', true);
    district = await open('rd', 'district_reviewer', false);
    streetOffices = server.couch.offices.filter((o) => o.level === 'street').map((o) => o.id);
  });
  afterAll(async () => {
    server.proxy.restore();
    await clerk?.close();
    await street?.close();
    await district?.close();
  });

  async function acceptedCase(seq: number, name: string): Promise<string> {
    const c = await createCase(clerk.ctx, validCase(name, validIdNumber(seq)));
    await recordCaseEvent(clerk.ctx, c.id, 'accept', { receiptNo: `SZ-2030-${seq}` });
    return c.id;
  }
  /** In the role's queue, with the events it was derived from held here too (they may arrive after the case). */
  const inQueue = async (w: TestWorkstation, officeIds: readonly string[], caseId: string) => {
    const statuses = queueStatuses(w.ctx.user.roles);
    const listed = (await readQueuePage(w.db, { officeIds, statuses, page: 0 })).rows.some((r) => r.id === caseId);
    return listed && statuses.includes((await caseState(w.db, caseId)).status);
  };

  it('approved offline by the street reviewer, then by the district reviewer: the same status everywhere', async () => {
    const caseId = await acceptedCase(201, '王五');
    await waitFor(() => inQueue(street, [street.ctx.user.officeId], caseId)); // 待初审
    server.proxy.cut();
    const approve = reasonsFor('approve')[0]!;
    const after = await recordCaseEvent(street.ctx, caseId, 'preliminary_approve', { opinion: reasonText([approve], '经核查属实') });
    expect(after.status).toBe('preliminary_approved');
    expect(await statusOf(street, caseId)).toBe('preliminary_approved');
    expect(await inQueue(street, [street.ctx.user.officeId], caseId)).toBe(false);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await statusOf(clerk, caseId)).toBe('accepted'); // nothing left the cut-off workstation

    server.proxy.restore();
    street.sync.syncNow();
    await waitFor(() => inQueue(district, streetOffices, caseId)); // 待复审, across the district's streets
    await recordCaseEvent(district.ctx, caseId, 'review_approve', { opinion: '复审通过' });
    // The case and its events travel in separate replications: wait for both.
    const kindsOf = async (w: TestWorkstation) => (await eventsByCase(w.db, [caseId])).get(caseId)!.map((e) => e.kind).sort();
    for (const w of [clerk, street, district]) {
      await waitFor(async () => (await statusOf(w, caseId)) === 'review_approved' && (await kindsOf(w)).length === 4);
    }
    for (const w of [clerk, street, district]) {
      const events = (await eventsByCase(w.db, [caseId])).get(caseId)!;
      expect(events.map((e) => e.kind).sort()).toEqual(['accept', 'preliminary_approve', 'review_approve', 'submit']);
      expect(projectCase(events)).toMatchObject({ status: 'review_approved', flagged: false });
    }
    // The district reviewer's event is stored in the street's database, in the actor's own name.
    const review = (await eventsByCase(clerk.db, [caseId])).get(caseId)!.find((e) => e.kind === 'review_approve')!;
    expect(review).toMatchObject({ officeId: clerk.ctx.user.officeId, actor: { userId: district.ctx.user.name } });
  });

  it("puts a returned case in the clerk's returned queue with every reason", async () => {
    const caseId = await acceptedCase(202, '赵六');
    await waitFor(() => inQueue(street, [street.ctx.user.officeId], caseId));
    const [r1, , r3] = reasonsFor('return');
    await recordCaseEvent(street.ctx, caseId, 'return', { missingMaterials: correctionsOf([r1!, r3!], '请补交近6个月银行流水') });
    const returned = { officeIds: [clerk.ctx.user.officeId], statuses: ['returned' as const], page: 0 };
    await waitFor(async () => (await readQueuePage(clerk.db, returned)).rows.some((r) => r.id === caseId));
    await waitFor(async () => (await caseState(clerk.db, caseId)).missingMaterials.length === 2);
    expect((await caseState(clerk.db, caseId)).missingMaterials).toEqual([
      { code: 'R01', name: '身份证明材料不全或不清晰' },
      { code: 'R03', name: '收入证明需补充或更正', reason: '请补交近6个月银行流水' },
    ]);
  });

  it('flags two offline decisions that disagree, with both, until the district reviewer resolves it', async () => {
    const caseId = await acceptedCase(203, '孙七');
    await waitFor(() => inQueue(street, [street.ctx.user.officeId], caseId));
    await waitFor(async () => (await caseState(district.db, caseId)).status === 'accepted');
    server.proxy.cut();
    await recordCaseEvent(street.ctx, caseId, 'preliminary_approve', { opinion: '材料齐全' });
    await recordCaseEvent(district.ctx, caseId, 'preliminary_reject', { reason: reasonText([reasonsFor('reject')[0]!], '') });
    server.proxy.restore();
    street.sync.syncNow();
    for (const w of [clerk, street, district]) await waitFor(async () => (await street.db.cases.findOne(caseId).exec())?.get('flagged') === true && (await w.db.cases.findOne(caseId).exec())?.get('flagged') === true);
    // The events may arrive after the case documents: wait until the district derives the flag itself.
    await waitFor(async () => (await caseState(district.db, caseId)).flagged !== null);
    const state = await caseState(district.db, caseId);
    const kinds = state.history.filter((h) => state.flagged!.eventIds.includes(h.eventId)).map((h) => h.kind).sort();
    expect(kinds).toEqual(['preliminary_approve', 'preliminary_reject']);
    // The flagged filter finds it in the district's queue of the status the first decision reached.
    const flagged = await readQueuePage(district.db, { officeIds: streetOffices, statuses: ['preliminary_approved'], flaggedOnly: true, page: 0 });
    expect(flagged.rows.map((r) => r.id)).toContain(caseId);
    await expect(recordCaseEvent(district.ctx, caseId, 'review_approve', { opinion: '通过' })).rejects.toThrow(/冲突/);
    await recordCaseEvent(district.ctx, caseId, 'resolve_conflict', { status: 'rejected', note: '收入超限属实,以不通过为准' });
    for (const w of [clerk, street, district]) await waitFor(async () => (await statusOf(w, caseId)) === 'rejected' && (await w.db.cases.findOne(caseId).exec())?.get('flagged') === false);
    await waitFor(async () => (await eventsByCase(clerk.db, [caseId])).get(caseId)!.some((e) => e.kind === 'resolve_conflict'));
    expect(deriveCase((await eventsByCase(clerk.db, [caseId])).get(caseId)!)).toMatchObject({ status: 'rejected', flagged: null });
  });
});
