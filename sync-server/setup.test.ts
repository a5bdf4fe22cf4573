import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_DOC_ID, officeDbName, userDbName } from '../domain/sync/databases';
import { couchClient, CouchError } from './couch';
import { setupCouch } from './setup';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

const as = (name: string, password: string) => {
  const u = new URL(couch.url);
  u.username = name;
  u.password = password;
  return couchClient(u.toString());
};

const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof CouchError ? e.status : -1));

describe('sync-server setup', () => {
  it('is safe to run twice: the second run changes nothing', async () => {
    const again = await setupCouch({ url: couch.adminUrl, offices: couch.offices, users: couch.users, cors: !!process.env.COUCHDB_URL });
    expect(again.changed).toEqual([]);
    expect(again.unchanged).toContain(`database ${officeDbName(couch.offices[0]!.id)}`);
  });

  it('lets a clerk read and write the cases of their own office', async () => {
    const [clerkA] = couch.users;
    const db = `/${officeDbName(clerkA!.officeId)}`;
    const client = as(clerkA!.name, clerkA!.password);
    await client.request('PUT', `${db}/case:one`, { type: 'case', schemaVersion: 1, officeId: clerkA!.officeId });
    const doc = await client.request<{ officeId: string }>('GET', `${db}/case:one`);
    expect(doc.officeId).toBe(clerkA!.officeId);
  });

  it("refuses reads of another office's database and writes in its name", async () => {
    const [clerkA, clerkB] = couch.users;
    const client = as(clerkA!.name, clerkA!.password);
    // A signed-in non-member gets 403 on CouchDB 3.5 and on the embedded server alike.
    expect(await statusOf(client.request('GET', `/${officeDbName(clerkB!.officeId)}/_all_docs`))).toBe(403);
    const ownDb = `/${officeDbName(clerkA!.officeId)}`;
    const write = client.request('PUT', `${ownDb}/case:foreign`, { type: 'case', schemaVersion: 1, officeId: clerkB!.officeId });
    await expect(write).rejects.toMatchObject({ status: 403, reason: expect.stringContaining('不能写入其他办事处') });
  });

  it('refuses a document without type or office', async () => {
    const [clerkA] = couch.users;
    const client = as(clerkA!.name, clerkA!.password);
    const write = client.request('PUT', `/${officeDbName(clerkA!.officeId)}/junk`, { hello: 1 });
    await expect(write).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a wrong password and anonymous reads', async () => {
    const [clerkA] = couch.users;
    expect(await statusOf(as(clerkA!.name, 'wrong').request('GET', `/${officeDbName(clerkA!.officeId)}`))).toBe(401);
    expect(await statusOf(couchClient(couch.url).request('GET', `/${officeDbName(clerkA!.officeId)}/_all_docs`))).toBe(401);
  });

  it('keeps the key database closed to workstations', async () => {
    const [clerkA] = couch.users;
    expect([401, 403]).toContain(await statusOf(as(clerkA!.name, clerkA!.password).request('GET', '/hws-keys/_all_docs')));
  });

  it('keeps reference data read-only for workstations', async () => {
    const [clerkA] = couch.users;
    const client = as(clerkA!.name, clerkA!.password);
    const office = await client.request<{ name: string }>('GET', `/hws-reference/office:${clerkA!.officeId}`);
    expect(office.name).toBe(couch.offices[0]!.name);
    await expect(client.request('PUT', '/hws-reference/office:evil', { type: 'office' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('key distribution', () => {
  it('puts profile and keys in the user’s own database, which only that user may read and nobody but admins may write', async () => {
    const [clerkA, clerkB] = couch.users;
    const db = `/${userDbName(clerkA!.name)}/${PROFILE_DOC_ID}`;
    const own = as(clerkA!.name, clerkA!.password);
    const profile = await own.request<{ officeId: string; keys: { offices: Record<string, string> }; _rev: string }>('GET', db);
    expect(profile.officeId).toBe(clerkA!.officeId);
    expect(Object.keys(profile.keys.offices)).toEqual([clerkA!.officeId]);
    // The user may not give themselves another office's key, nor may a colleague read it.
    const forged = { ...profile, keys: { ...profile.keys, offices: { ...profile.keys.offices, [clerkB!.officeId]: profile.keys.offices[clerkA!.officeId] } } };
    await expect(own.request('PUT', db, forged)).rejects.toMatchObject({ status: 403 });
    await expect(own.request('PUT', `/${userDbName(clerkA!.name)}/extra`, { a: 1 })).rejects.toMatchObject({ status: 403 });
    expect([401, 403]).toContain(await statusOf(as(clerkB!.name, clerkB!.password).request('GET', db)));
    expect(await statusOf(couchClient(couch.url).request('GET', db))).toBe(401);
  });

  it('keeps nothing secret in _users', async () => {
    const admin = couchClient(couch.adminUrl);
    for (const u of couch.users) {
      const doc = await admin.request<Record<string, unknown>>('GET', `/_users/${encodeURIComponent(`org.couchdb.user:${u.name}`)}`);
      expect(doc).not.toHaveProperty('keys');
      expect(doc).not.toHaveProperty('password');
    }
  });
});
