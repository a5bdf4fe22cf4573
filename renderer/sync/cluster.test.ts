// Against a 3-node Apache CouchDB cluster (tests/couchdb/run.sh sets HWS_COUCHDB_NODES=3 and the
// path of ../shared/couchdb/couchdb.sh): one node that the workstations do not talk to is stopped
// during a live sync and started again. Cases keep flowing between two workstations of one office
// while it is down (CouchDB's write and read quorums of 2 of 3), and once it is back it holds every
// case written while it was away.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/identity/idnumber';
import { checkNewCase } from '../../domain/intake/new-case';
import { officeDbName } from '../../domain/sync/databases';
import { couchClient } from '../../sync-server/couch';
import { startTestCouch } from '../../sync-server/testing';
import { createCase } from '../cases/case-store';
import { openTestWorkstation } from './test-workstation';

const run = promisify(execFile);
const script = process.env.HWS_COUCHDB_SH;
const port = Number(process.env.HWS_COUCHDB_PORT);
const cluster = process.env.HWS_COUCHDB_NODES === '3' && !!script && !!process.env.COUCHDB_URL;

let seq = 500;
function validCase(name: string) {
  const first17 = `44030519880303${String(seq++).padStart(3, '0')}`;
  const r = checkNewCase({ businessItem: 'public_rental', applicantName: name, idNumber: first17 + checkCharacter(first17) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 45_000, what = ''): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(cluster)('a 3-node CouchDB cluster losing a node during sync', () => {
  it('keeps two workstations in sync while node 2 is down, and node 2 catches up when it returns', { timeout: 180_000 }, async () => {
    const couch = await startTestCouch();
    const clerk = couch.users[0]!;
    const open = (name: string) =>
      openTestWorkstation({ dbName: `${name}-${Date.now()}`, couchUrl: couch.url, accountUrl: couch.url, username: clerk.name, password: clerk.password, retryTimeMs: 500 });
    const a = await open('cl-a');
    const b = await open('cl-b');
    const node2 = couchClient(couch.adminUrl.replace(`:${port}`, `:${port + 10}`));
    const db = `/${officeDbName(clerk.officeId)}`;
    const onB = (id: string) => waitFor(() => b.db.cases.findOne(id).exec().then((d) => d ?? undefined), undefined, `for ${id} on B`);
    try {
      const before = await createCase(a.ctx, validCase('集群前'));
      await onB(before.id);

      await run(script!, ['stop-node', '2', '--port', String(port)]);
      await expect(node2.request('GET', '/_up')).rejects.toThrow();
      const during = [];
      for (const name of ['节点停甲', '节点停乙', '节点停丙']) during.push(await createCase(a.ctx, validCase(name)));
      for (const c of during) expect((await onB(c.id)).get('applicantName')).toBe(c.applicantName);

      await run(script!, ['start-node', '2', '--port', String(port)]);
      const after = await createCase(b.ctx, validCase('集群后'));
      // A pull that read node 2's copy while it was still catching up is followed by another (the
      // notifier's follow-up wakes at 3, 10, 30 and 90 s, renderer/sync/lagging-copy.test.ts).
      await waitFor(() => a.db.cases.findOne(after.id).exec().then((d) => d ?? undefined), 60_000, `for ${after.id} on A (${JSON.stringify(a.sync.status$.value.state)}, targets ${JSON.stringify(a.sync.targets$.value)})`);
      // Node 2 itself, asked directly, holds every case (internal replication caught it up).
      for (const c of [before, ...during, after]) {
        const doc = await waitFor(() => node2.request<{ applicantName: string }>('GET', `${db}/${encodeURIComponent(c.id)}`), 60_000, `for ${c.id} on node 2`);
        expect(doc.applicantName).toBe(c.applicantName);
      }
    } finally {
      await a.close();
      await b.close();
      await couch.dispose();
    }
  });
});
