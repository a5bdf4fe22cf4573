// A case's status is a projection of its events: when two workstations changed a case while cut
// off, every side ends with the status derived from all the events, whichever version of the case
// document was written later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { decide, deriveCase, projectCase, type CaseEvent, type EventKind, type Payloads } from '../../domain/workflow';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { createCase } from '../cases/case-store';
import { validCase, validIdNumber } from '../audit/testing';
import { recordEvents } from '../workflow/record-events';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean>, ms = 25_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const eventsOf = async (w: TestWorkstation, caseId: string) =>
  (await w.db.events.find({ selector: { caseId } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent);
const caseOf = async (w: TestWorkstation, caseId: string) => (await w.db.cases.findOne(caseId).exec())!.toJSON() as Record<string, unknown>;

/** Records an event the way the counter does: checked against the derived state, case projection updated. */
async function record<K extends EventKind>(w: TestWorkstation, caseId: string, kind: K, payload: Payloads[K], at: string): Promise<void> {
  const { user } = w.ctx;
  const r = decide(deriveCase(await eventsOf(w, caseId)), {
    id: `event:${crypto.randomUUID()}`,
    caseId,
    kind,
    actor: { userId: user.name, name: user.displayName, roles: user.roles, officeId: user.officeId },
    at,
    payload,
    deviceId: w.ctx.deviceId,
  });
  if (!r.ok) throw new Error(r.error.message);
  await recordEvents(w.ctx, [r.value]);
  const p = projectCase(await eventsOf(w, caseId))!;
  await (await w.db.cases.findOne(caseId).exec())!.incrementalPatch({ ...p, updatedAt: at });
}

describe('case status after sync', () => {
  let a: TestWorkstation;
  let b: TestWorkstation;
  beforeAll(async () => {
    const clerk = server.couch.users[0]!;
    const open = (n: string) =>
      openTestWorkstation({ dbName: `${n}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 300 });
    a = await open('sa');
    b = await open('sb');
  });
  afterAll(async () => {
    server.proxy.restore();
    await a?.close();
    await b?.close();
  });

  async function caseOnBoth(seq: number): Promise<string> {
    const c = await createCase(a.ctx, validCase('李四', validIdNumber(seq)));
    await waitFor(async () => !!(await b.db.cases.findOne(c.id).exec()) && (await eventsOf(b, c.id)).length === 1);
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();
    return c.id;
  }

  async function reconnectAndSettle(caseId: string, expect_: (doc: Record<string, unknown>) => boolean) {
    server.proxy.restore();
    a.sync.syncNow();
    b.sync.syncNow();
    const admin = couchClient(server.couch.adminUrl);
    const officeDb = officeDbName(a.ctx.user.officeId);
    await waitFor(async () => {
      const onServer = await admin.request<Record<string, unknown>>('GET', `/${officeDb}/${encodeURIComponent(caseId)}`);
      const docs = [onServer, await caseOf(a, caseId), await caseOf(b, caseId)];
      const [ea, eb] = [await eventsOf(a, caseId), await eventsOf(b, caseId)];
      return ea.length === eb.length && docs.every(expect_);
    });
  }

  it('takes the status from the events, not from the later edit of another field', async () => {
    const caseId = await caseOnBoth(101);
    server.proxy.cut();
    await record(a, caseId, 'accept', { receiptNo: 'SZ-2030-0001' }, '2030-01-01T09:00:00.000Z');
    // B, still seeing the case as submitted, corrects the household size an hour later.
    await (await b.db.cases.findOne(caseId).exec())!.incrementalPatch({ householdSize: 3, updatedAt: '2030-01-01T10:00:00.000Z' });
    await reconnectAndSettle(caseId, (d) => d.status === 'accepted' && d.householdSize === 3);
    const derived = projectCase(await eventsOf(a, caseId))!;
    for (const w of [a, b]) expect(await caseOf(w, caseId)).toMatchObject({ status: derived.status, flagged: derived.flagged, householdSize: 3 });
  });

  it('derives the status from the events of both sides when both recorded one', async () => {
    const caseId = await caseOnBoth(102);
    server.proxy.cut();
    // A accepts the case; B, later and unaware, records the applicant's withdrawal.
    await record(a, caseId, 'accept', { receiptNo: 'SZ-2030-0002' }, '2030-01-02T09:00:00.000Z');
    await record(b, caseId, 'exit', { reason: 'withdrawn' }, '2030-01-02T10:00:00.000Z');
    expect((await caseOf(b, caseId)).status).toBe('exited'); // B's version is the later one
    await reconnectAndSettle(caseId, (d) => d.status === 'accepted' && d.flagged === true);
    const all = await eventsOf(a, caseId);
    expect(all.map((e) => e.kind).sort()).toEqual(['accept', 'exit', 'submit']);
    const derived = projectCase(all)!;
    expect(derived).toMatchObject({ status: 'accepted', flagged: true });
    for (const w of [a, b]) expect(await caseOf(w, caseId)).toMatchObject({ ...derived });
  });
});
