import { describe, expect, it } from 'vitest';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { useCouchBehindProxy } from '../../sync-server/test-fixture';
import { createCase } from '../cases/case-store';
import { openTestWorkstation, type TestWorkstation } from './test-workstation';
import type { SyncState } from './sync';

const server = useCouchBehindProxy();

let seq = 100;
function validCase(name: string) {
  const first17 = `44030419900101${String(seq++).padStart(3, '0')}`;
  const r = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: first17 + checkCharacter(first17) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const open = (dbName: string, user = server.couch.users[0]!, via = server.proxy.url) =>
  openTestWorkstation({ dbName, couchUrl: via, accountUrl: server.couch.url, username: user.name, password: user.password, retryTimeMs: 500 });

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stateIs = (ws: TestWorkstation, state: SyncState, ms = 15_000) =>
  firstValueFrom(ws.sync.status$.pipe(filter((s) => s.state === state), timeout(ms)));

async function serverRevs(officeId: string): Promise<Map<string, string>> {
  const admin = couchClient(server.couch.adminUrl);
  const all = await admin.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${officeDbName(officeId)}/_all_docs`);
  return new Map(all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev]));
}

describe('live two-way sync between two workstations of one office', () => {
  it('a case created on A appears on B within seconds, with its applicant and first event', async () => {
    const a = await open(`a-${Date.now()}`);
    const b = await open(`b-${Date.now()}`);
    try {
      await stateIs(a, 'idle');
      const created = await createCase(a.ctx, validCase('王小明'));
      const seen = await waitFor(() => b.db.cases.findOne(created.id).exec().then((d) => d ?? undefined));
      expect(seen.get('applicantName')).toBe('王小明');
      expect(seen.get('status')).toBe('submitted');
      await waitFor(() => b.db.events.findOne({ selector: { caseId: created.id } }).exec().then((d) => d ?? undefined));
      const person = await waitFor(() => b.db.people.findOne(created.applicantPersonId).exec().then((d) => d ?? undefined));
      expect(person.get('idNumberEnc')).toMatch(/^v1:/);
      expect(b.sync.status$.value.lastSuccessAt).not.toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps working through an outage and a restart, then delivers everything once', async () => {
    const nameA = `a2-${Date.now()}`;
    let a = await open(nameA);
    const b = await open(`b2-${Date.now()}`);
    try {
      await stateIs(a, 'idle');
      server.proxy.cut();
      const c1 = await createCase(a.ctx, validCase('离线一'));
      const c2 = await createCase(a.ctx, validCase('离线二'));
      await a.db.cases.findOne(c2.id).exec().then((d) => d!.incrementalPatch({ applicantName: '离线二改', updatedAt: new Date().toISOString() }));
      await stateIs(a, 'offline');
      await a.close();
      a = await open(nameA);
      expect(await a.db.cases.findByIds([c1.id, c2.id]).exec().then((m) => m.size)).toBe(2);
      server.proxy.restore();
      await waitFor(() => b.db.cases.findOne(c2.id).exec().then((d) => (d?.get('applicantName') === '离线二改' ? d : undefined)), 20_000);
      await a.sync.awaitInSync();
      await b.sync.awaitInSync();
      const onB = await b.db.cases.find({ selector: { applicantName: { $in: ['离线一', '离线二改', '离线二'] } } }).exec();
      expect(onB.map((d) => d.get('applicantName')).sort()).toEqual(['离线一', '离线二改']);
      const revs = await serverRevs(server.couch.users[0]!.officeId);
      expect([...revs.keys()].filter((id) => id === c1.id || id === c2.id)).toHaveLength(2);
      const onServer = await couchClient(server.couch.adminUrl).request<{ applicantName: string }>('GET', `/${officeDbName(server.couch.users[0]!.officeId)}/${c2.id}`);
      expect(onServer.applicantName).toBe('离线二改');
      // Both workstations and the server agree on the same revision.
      expect((await b.db.cases.findOne(c2.id).exec())!.get('applicantName')).toBe('离线二改');
    } finally {
      server.proxy.restore();
      await a.close();
      await b.close();
    }
  });

  it('skips a malformed document from the server with a clear reason and keeps syncing', async () => {
    const [clerk] = server.couch.users;
    const a = await open(`a3-${Date.now()}`);
    try {
      await stateIs(a, 'idle');
      const admin = couchClient(server.couch.adminUrl);
      await admin.request('PUT', `/${officeDbName(clerk!.officeId)}/case:broken`, { type: 'case', schemaVersion: 1, officeId: clerk!.officeId });
      const problem = await waitFor(async () => a.sync.status$.value.problems.find((p) => p.id === 'case:broken'));
      expect(problem).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('缺少必填字段') });
      const good = await createCase(a.ctx, validCase('正常件'));
      await waitFor(async () => ((await serverRevs(clerk!.officeId)).has(good.id) ? true : undefined));
      expect(await a.db.cases.findOne('case:broken').exec()).toBeNull();
    } finally {
      await a.close();
    }
  });

  it('reports a write the server refuses and keeps the local record', async () => {
    const [clerk, other] = server.couch.users;
    const a = await open(`a4-${Date.now()}`);
    try {
      await stateIs(a, 'idle');
      const ctx = { ...a.ctx, user: { ...a.ctx.user, officeId: other!.officeId } };
      const foreign = await createCase(ctx, validCase('越权件'));
      const problem = await waitFor(async () => a.sync.status$.value.problems.find((p) => p.id === foreign.id));
      expect(problem).toMatchObject({ kind: 'refused', reason: expect.stringContaining('不能写入其他办事处') });
      expect(await a.db.cases.findOne(foreign.id).exec()).not.toBeNull();
      expect((await serverRevs(clerk!.officeId)).has(foreign.id)).toBe(false);
    } finally {
      await a.close();
    }
  });
});
