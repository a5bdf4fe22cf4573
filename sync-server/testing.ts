// Test support: a CouchDB for integration tests. With COUCHDB_URL set (admin credentials in the
// URL) the tests run against that server; otherwise an embedded server starts in a temp folder.
// Each run uses its own office ids and user names and removes them afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { officeDbName, userDbName } from '../domain/sync/databases';
import { couchClient } from './couch';
import type { OfficeRef, StaffUser } from './demo';
import { startEmbeddedServer } from './embedded';
import { setupCouch } from './setup';

export interface TestCouch {
  readonly url: string;
  readonly adminUrl: string;
  readonly offices: readonly OfficeRef[];
  readonly users: readonly StaffUser[];
  /** Stops an embedded server (data kept) so that it can be started again with `restart`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export function testOffices(suffix: string): OfficeRef[] {
  return [
    { id: `t${suffix}-a`, name: `测试街道A${suffix}`, districtId: `d${suffix}`, districtName: '测试区', level: 'street' },
    { id: `t${suffix}-b`, name: `测试街道B${suffix}`, districtId: `d${suffix}`, districtName: '测试区', level: 'street' },
    { id: `t${suffix}-d`, name: `测试区住建局${suffix}`, districtId: `d${suffix}`, districtName: '测试区', level: 'district' },
    { id: `t${suffix}-x`, name: `另区街道${suffix}`, districtId: `x${suffix}`, districtName: '另一区', level: 'street' },
  ];
}

export function testUsers(suffix: string, offices: readonly OfficeRef[]): StaffUser[] {
  const [a, b, d] = offices as [OfficeRef, OfficeRef, OfficeRef];
  return [
    { name: `clerka${suffix}`, password: 'pw-a', displayName: '测试甲', roles: ['clerk'], officeId: a.id },
    { name: `clerkb${suffix}`, password: 'pw-b', displayName: '测试乙', roles: ['clerk'], officeId: b.id },
    { name: `insp${suffix}`, password: 'pw-i', displayName: '测试核查', roles: ['inspector'], officeId: a.id },
    { name: `rev${suffix}`, password: 'pw-r', displayName: '测试初审', roles: ['reviewer'], officeId: a.id },
    { name: `drev${suffix}`, password: 'pw-d', displayName: '测试复审', roles: ['district_reviewer'], officeId: d.id },
    { name: `it${suffix}`, password: 'pw-t', displayName: '测试运维', roles: ['it'], officeId: a.id },
  ];
}

export async function startTestCouch(): Promise<TestCouch> {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const offices = testOffices(suffix);
  const users = testUsers(suffix, offices);
  const external = process.env.COUCHDB_URL;
  if (external) {
    await setupCouch({ url: external, offices, users, cors: true });
    const admin = couchClient(external);
    return {
      url: admin.url,
      adminUrl: external,
      offices,
      users,
      stop: () => Promise.reject(new Error('cannot stop an external CouchDB')),
      restart: () => Promise.resolve(),
      async dispose() {
        for (const o of offices) await admin.request('DELETE', `/${officeDbName(o.id)}`).catch(() => {});
        for (const u of users) {
          const id = `/_users/${encodeURIComponent(`org.couchdb.user:${u.name}`)}`;
          const doc = await admin.getOrUndefined<{ _rev: string }>(id);
          if (doc) await admin.request('DELETE', `${id}?rev=${doc._rev}`).catch(() => {});
          await admin.request('DELETE', `/${userDbName(u.name)}`).catch(() => {});
        }
      },
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hws-couch-'));
  let server = await startEmbeddedServer({ dataDir });
  const port = Number(new URL(server.url).port);
  await setupCouch({ url: server.adminUrl, offices, users });
  let running = true;
  return {
    get url() {
      return server.url;
    },
    get adminUrl() {
      return server.adminUrl;
    },
    offices,
    users,
    async stop() {
      if (running) await server.close();
      running = false;
    },
    async restart() {
      if (!running) server = await startEmbeddedServer({ dataDir, port });
      running = true;
    },
    async dispose() {
      if (running) await server.close();
      running = false;
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
