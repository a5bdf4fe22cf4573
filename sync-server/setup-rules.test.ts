// Setup confirms that every database's validate_doc_update is in force on every copy before it
// reports done (setup.ts rulesInForce). A node of a CouchDB 3.5 cluster can go on validating with
// the design documents it had before: a write the rules forbid, made right after they were
// written, was answered 202 and then copied to every node (1 new database in 30 on the 3-node
// cluster here). That node cannot be made to lag on purpose, so a proxy plays it: it answers the
// probe as a copy without the rules would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DB, officeDbName, userDbName } from '../domain/sync/databases';
import { couchClient, CouchError } from './couch';
import { forward } from './forward';
import { RULES_PROBE_TYPE, setupCouch } from './setup';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

/**
 * Forwards to the server; the first `accept` probes written to `db` are answered as taken (202), as a
 * copy without the rules would; with `olderRules`, refused with another reason, as a copy still
 * validating with an older design document would.
 */
async function staleCopyProxy(target: URL, db: string, accept: number, olderRules = false) {
  const seen = { accepted: [] as string[], removed: [] as string[], ddocWrites: 0 };
  const chunks: Buffer[] = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const probe = path.startsWith(`/${db}/${RULES_PROBE_TYPE}:`);
    if (req.method === 'PUT' && probe && seen.accepted.length < accept) {
      req.resume();
      const id = path.slice(db.length + 2);
      seen.accepted.push(id);
      res.writeHead(olderRules ? 403 : 202, { 'content-type': 'application/json' });
      res.end(JSON.stringify(olderRules ? { error: 'forbidden', reason: '缺少字段 officeId' } : { ok: true, id, rev: '1-0123456789abcdef0123456789abcdef' }));
      return;
    }
    if (req.method === 'DELETE' && probe) seen.removed.push(path.slice(db.length + 2));
    if (req.method === 'POST' && path === `/${db}/_purge`) {
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => seen.removed.push(...Object.keys(JSON.parse(Buffer.concat(chunks.splice(0)).toString()) as object)));
    }
    if (req.method === 'PUT' && path === `/${db}/_design/hws`) seen.ddocWrites++;
    forward(req, res, target);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(target.toString());
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    seen,
    url: url.toString(),
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

const rev = async (db: string) => (await couchClient(couch.adminUrl).request<{ _rev: string }>('GET', `/${db}/_design/hws`))._rev;

describe('setup confirms the rules are in force', () => {
  it('every database refuses the probe, from an administrator too', async () => {
    const admin = couchClient(couch.adminUrl);
    const user = couch.users[0]!;
    for (const db of [REFERENCE_DB, officeDbName(user.officeId), userDbName(user.name)]) {
      const write = admin.request('PUT', `/${db}/${RULES_PROBE_TYPE}:x`, { type: RULES_PROBE_TYPE });
      await expect(write, db).rejects.toMatchObject({ status: 403, reason: RULES_PROBE_TYPE });
    }
  });

  it('where a copy took the probe: the probe is deleted, the rules written again, and confirmed', async () => {
    const proxy = await staleCopyProxy(new URL(couch.adminUrl), REFERENCE_DB, 1);
    try {
      const before = await rev(REFERENCE_DB);
      const report = await setupCouch({ url: proxy.url, offices: couch.offices, users: couch.users, cors: !!process.env.COUCHDB_URL });
      expect(report.changed).toEqual([`${REFERENCE_DB}/_design/hws: written again, a copy did not apply its rules`]);
      expect([...new Set(proxy.seen.removed)]).toEqual(proxy.seen.accepted);
      expect(proxy.seen.ddocWrites).toBe(1);
      expect(await rev(REFERENCE_DB)).not.toBe(before);
      // The rules written again are the same rules: a clerk still cannot write reference data.
      const clerk = couch.users[0]!;
      const u = new URL(couch.url);
      u.username = clerk.name;
      u.password = clerk.password;
      const write = couchClient(u.toString()).request('PUT', `/${REFERENCE_DB}/office:evil`, { type: 'office', name: 'x' });
      await expect(write).rejects.toBeInstanceOf(CouchError);
    } finally {
      await proxy.close();
    }
  });

  it('where a copy refuses the probe by older rules: nothing to remove, the rules written again, and confirmed', async () => {
    const office = officeDbName(couch.offices[1]!.id);
    const proxy = await staleCopyProxy(new URL(couch.adminUrl), office, 1, true);
    try {
      const before = await rev(office);
      const report = await setupCouch({ url: proxy.url, offices: couch.offices, users: couch.users, cors: !!process.env.COUCHDB_URL });
      expect(report.changed).toEqual([`${office}/_design/hws: written again, a copy did not apply its rules`]);
      expect(proxy.seen.removed).toEqual([]);
      expect(proxy.seen.ddocWrites).toBe(1);
      expect(await rev(office)).not.toBe(before);
    } finally {
      await proxy.close();
    }
  });

  it('where the rules never take, setup stops and says which database', async () => {
    const office = officeDbName(couch.offices[0]!.id);
    const proxy = await staleCopyProxy(new URL(couch.adminUrl), office, 100);
    try {
      const run = setupCouch({ url: proxy.url, offices: couch.offices, users: couch.users, cors: !!process.env.COUCHDB_URL });
      await expect(run).rejects.toThrow(`数据库 ${office} 的校验规则未在所有节点生效`);
      expect(proxy.seen.accepted).toHaveLength(5);
      expect([...new Set(proxy.seen.removed)]).toEqual(proxy.seen.accepted);
    } finally {
      await proxy.close();
    }
  });
});
