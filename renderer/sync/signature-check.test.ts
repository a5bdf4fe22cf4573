// Readers verify: an event that reaches the server with a replayed or altered signature (the
// server cannot check ECDSA) is reported in the pulling workstation's sync problems and left out
// of the case's derived status, which would otherwise move on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../../domain/sync/databases';
import { deriveCase, type CaseEvent } from '../../domain/workflow';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { untrustedEvents } from '../workflow/untrusted-events';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';

const server = useCouchBehindProxy();

async function waitFor(probe: () => Promise<boolean> | boolean, ms = 25_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('signatures checked after a pull', () => {
  let a: TestWorkstation;
  let b: TestWorkstation;
  beforeAll(async () => {
    const [clerk] = server.couch.users;
    const reviewer = server.couch.users.find((u) => u.roles.includes('reviewer'))!;
    const open = (n: string, u: typeof clerk) =>
      openTestWorkstation({ dbName: `${n}-${Date.now()}`, couchUrl: server.proxy.url, accountUrl: server.couch.url, username: u!.name, password: u!.password, retryTimeMs: 300 });
    a = await open('sig-a', clerk);
    b = await open('sig-b', reviewer);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('flags a replayed and an altered signature and derives the case without them', async () => {
    const clerk = server.couch.users[0]!;
    const created = await createCase(a.ctx, validCase('签名测试', validIdNumber(41)));
    await a.sync.awaitInSync();
    const submit = (await a.db.events.findOne({ selector: { caseId: created.id } }).exec())!.toJSON() as unknown as CaseEvent & Record<string, unknown>;
    expect(submit.signature).toMatchObject({ alg: 'ES256', keyId: a.signing.keyId });

    // The clerk, writing straight to the server as themselves: an `accept` carrying the signature
    // of their own submit event (replayed), and one whose payload was changed after signing.
    const url = new URL(server.couch.url);
    url.username = clerk.name;
    url.password = clerk.password;
    const asClerk = couchClient(url.toString());
    const db = `/${officeDbName(clerk.officeId)}`;
    const { id: _id, ...body } = submit;
    const replayed = { ...body, _id: `event:replayed-${Date.now()}`, kind: 'accept', payload: { receiptNo: 'SZ-FORGED' }, at: new Date(Date.parse(submit.at) + 1).toISOString() };
    await asClerk.request('PUT', `${db}/${replayed._id}`, replayed);
    const altered = { ...body, _id: `event:altered-${Date.now()}`, kind: 'accept', payload: { receiptNo: 'SZ-ALTERED' }, at: new Date(Date.parse(submit.at) + 2).toISOString() };
    await asClerk.request('PUT', `${db}/${altered._id}`, altered);

    b.sync.syncNow();
    const problems = () => b.sync.status$.value.problems.filter((p) => p.kind === 'signature').map((p) => p.id);
    await waitFor(() => problems().includes(replayed._id) && problems().includes(altered._id));
    await waitFor(async () => (await b.db.cases.findOne(created.id).exec()) !== null);
    await b.sync.awaitInSync();
    await new Promise((r) => setTimeout(r, 500));
    const events = (await b.db.events.find({ selector: { caseId: created.id } }).exec()).map((d) => d.toJSON() as unknown as CaseEvent);
    expect(events).toHaveLength(3);
    // Taken at their word, the forged events would accept the case.
    expect(deriveCase(events).status).not.toBe(created.status);
    expect((await b.db.cases.findOne(created.id).exec())!.get('status')).toBe(created.status);
    expect(b.sync.signatures.untrusted.get(replayed._id)).toMatchObject({ caseId: created.id });
    expect(b.sync.status$.value.problems.find((p) => p.id === altered._id)?.reason).toContain('签名与记录内容不符');
    // What the case's detail shows (renderer/workflow/SignatureProblems.tsx).
    const shown = await untrustedEvents(b.db, b.sync.signatures, created.id);
    expect(shown.map((p) => p.event.id).sort()).toEqual([altered._id, replayed._id].sort());
  }, 60_000);
});
