// Two setups at once on a fresh server (two test workers, two administrators at the same moment):
// both finish, and every user of the city gets the same keys — never a second lookup key.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_DOC_ID, userDbName } from '../domain/sync/databases';
import { couchClient } from './couch';
import { startEmbeddedServer, type EmbeddedServer } from './embedded';
import { setupCouch } from './setup';
import { testOffices, testUsers } from './testing';

let server: EmbeddedServer;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hws-race-'));
  server = await startEmbeddedServer({ dataDir: dir });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('setup run twice at the same moment', () => {
  it('finishes both runs, and both users hold the one lookup key', async () => {
    const offices = [...testOffices('r1'), ...testOffices('r2')];
    const one = testUsers('r1', offices.slice(0, 4));
    const two = testUsers('r2', offices.slice(4));
    await Promise.all([
      setupCouch({ url: server.adminUrl, offices: offices.slice(0, 4), users: one }),
      setupCouch({ url: server.adminUrl, offices: offices.slice(4), users: two }),
    ]);
    const admin = couchClient(server.adminUrl);
    const lookup = async (name: string) =>
      (await admin.request<{ keys: { lookup: string } }>('GET', `/${userDbName(name)}/${PROFILE_DOC_ID}`)).keys.lookup;
    expect(await lookup(one[0]!.name)).toBe(await lookup(two[0]!.name));
  });
});
