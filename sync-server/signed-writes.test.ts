// Authority by signature against the server (embedded, or COUCHDB_URL's CouchDB): a case event or
// audit entry is written only by its own actor, signed. What the server cannot check (an ECDSA
// signature: its JavaScript engine has none) every reader does, with the registered staff keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../domain/audit/signed-records';
import { officeDbName } from '../domain/sync/databases';
import { readStaffKeys } from '../domain/sync/staff-keys';
import { registerKey, signAs } from '../domain/sync/testing/signers';
import { couchClient, type CouchClient } from './couch';
import type { StaffUser } from './demo';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
  for (const u of couch.users) await registerKey(couch.url, u);
}, 60_000);
afterAll(() => couch?.dispose());

const user = (role: string): StaffUser => couch.users.find((u) => u.roles.includes(role as never))!;
const as = (u: StaffUser): CouchClient => {
  const url = new URL(couch.url);
  url.username = u.name;
  url.password = u.password;
  return couchClient(url.toString());
};
const now = new Date().toISOString();
let n = 0;
const uid = (p: string) => `${p}:${Date.now().toString(36)}-${n++}`;
const event = (actor: StaffUser, kind: string, officeId: string) => ({
  _id: uid('event'), type: 'case_event', schemaVersion: 1, officeId, createdAt: now, updatedAt: now, caseId: 'case:signed', kind,
  actor: { userId: actor.name, name: actor.displayName, roles: actor.roles, officeId: actor.officeId }, at: now, payload: {}, deviceId: 'ws-x',
});
const write = (u: StaffUser, doc: Record<string, unknown> & { _id: string; officeId: string }) =>
  as(u).request<{ rev: string }>('PUT', `/${officeDbName(doc.officeId)}/${encodeURIComponent(doc._id)}`, doc);
const refused = (p: Promise<unknown>, reason: string) => expect(p).rejects.toMatchObject({ status: 403, reason: expect.stringContaining(reason) });
const keys = () => readStaffKeys(fetch, couch.adminUrl);

describe('the server binds the actor to the login', () => {
  it('refuses an event in another actor\'s name, a clerk\'s district review, and an unsigned event', async () => {
    const clerk = user('clerk');
    const drev = user('district_reviewer');
    const office = clerk.officeId;
    await write(clerk, await signAs(clerk.name, event(clerk, 'submit', office)));
    // Another actor's name, signed with the clerk's own key.
    await refused(write(clerk, await signAs(clerk.name, event(user('reviewer'), 'accept', office))), '不是登录账号');
    // A clerk signing a district reviewer's decision: as the reviewer, or as themselves.
    await refused(write(clerk, await signAs(clerk.name, event(drev, 'review_approve', office))), '不是登录账号');
    await refused(write(clerk, await signAs(clerk.name, event(clerk, 'review_approve', office))), '无权登记');
    // Unsigned, or with a signature that is not even well-formed.
    await refused(write(clerk, event(clerk, 'submit', office)), '缺少经办人签名');
    const signed = await signAs(clerk.name, event(clerk, 'submit', office));
    await refused(write(clerk, { ...signed, signature: { ...signed.signature, value: 'x' } }), '签名值格式');
  });

  it('refuses an audit entry under another user\'s name or unsigned', async () => {
    const clerk = user('clerk');
    const it_ = user('it');
    const entry = (actor: StaffUser) => ({
      _id: uid('audit:ws-other'), type: 'audit_event', schemaVersion: 1, officeId: clerk.officeId, createdAt: now, updatedAt: now, chainId: 'ws-other', seq: 7,
      prevHash: 'a'.repeat(64), hash: 'b'.repeat(64), at: now, actor: { userId: actor.name, name: actor.displayName }, action: 'login', target: null, detail: {},
    });
    await refused(write(clerk, await signAs(clerk.name, entry(it_))), '不是登录账号');
    await refused(write(clerk, entry(clerk)), '缺少经办人签名');
    await write(clerk, await signAs(clerk.name, entry(clerk)));
  });

  it('what passes the server with a replayed or altered signature, the reader refuses', async () => {
    const clerk = user('clerk');
    const rev = user('reviewer');
    const office = clerk.officeId;
    const genuine = await signAs(rev.name, event(rev, 'preliminary_approve', office));
    await write(rev, genuine);
    // Replayed: the reviewer's signature copied onto the clerk's own event.
    const replayed = { ...event(clerk, 'accept', office), signature: genuine.signature };
    await write(clerk, replayed);
    // Altered after signing: the payload changed, the signature kept.
    const signed = await signAs(clerk.name, event(clerk, 'submit', office));
    const altered = { ...signed, payload: { businessItem: 'talent_housing' } };
    await write(clerk, altered);
    const registry = await keys();
    const stored = async (id: string) => as(clerk).request<Record<string, unknown>>('GET', `/${officeDbName(office)}/${encodeURIComponent(id)}`);
    expect(await verifyRecord(registry, await stored(genuine._id))).toEqual({ ok: true });
    expect(await verifyRecord(registry, await stored(replayed._id))).toMatchObject({ ok: false, problem: 'unknown_key' });
    expect(await verifyRecord(registry, await stored(altered._id))).toMatchObject({ ok: false, problem: 'forged' });
  });
});
