// Each role against the server (embedded, or the CouchDB in COUCHDB_URL): the writes and reads it
// must not do are refused by the server itself, whatever a workstation sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDbName } from '../domain/sync/databases';
import { couchClient, CouchError, type CouchClient } from './couch';
import type { StaffUser } from './demo';
import { startTestCouch, type TestCouch } from './testing';
import { signAs } from '../domain/sync/testing/signers';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(() => couch?.dispose());

const user = (role: string, n = 0): StaffUser => couch.users.filter((u) => u.roles.includes(role as never))[n]!;
const as = (u: StaffUser): CouchClient => {
  const url = new URL(couch.url);
  url.username = u.name;
  url.password = u.password;
  return couchClient(url.toString());
};
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof CouchError ? e.status : -1));
const now = new Date().toISOString();
let n = 0;
const uid = (p: string) => `${p}:${Date.now().toString(36)}-${n++}`;
const base = (type: string, officeId: string) => ({ type, schemaVersion: 1, officeId, createdAt: now, updatedAt: now });
const event = (u: StaffUser, kind: string, officeId = u.officeId) => ({
  ...base('case_event', officeId),
  caseId: 'case:x',
  kind,
  actor: { userId: u.name, name: u.displayName, roles: u.roles, officeId: u.officeId },
  at: now,
  payload: {},
  deviceId: null,
});
/** Case events and audit entries go up signed by the writer's own key (the server checks the form and the actor). */
const put = async (u: StaffUser, officeId: string, doc: Record<string, unknown> & { type: string }, id = uid(doc.type)) =>
  as(u).request<{ rev: string }>('PUT', `/${officeDbName(officeId)}/${encodeURIComponent(id)}`, doc.type === 'case_event' ? await signAs(u.name, { ...doc, _id: id }) : doc);
const refused = (p: Promise<unknown>, reason: string) => expect(p).rejects.toMatchObject({ status: 403, reason: expect.stringContaining(reason) });
/**
 * The same, for a change to a document written just before: on a loaded 3-node cluster the write
 * may have reached one copy only (202), and the copies without it answer 409 conflict until they
 * catch up — that is not the server's answer to the change yet, so the change is sent again.
 */
async function refusedOnceSettled(send: () => Promise<unknown>, reason: string): Promise<void> {
  for (let i = 0; ; i++) {
    const outcome = await send().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (i < 40 && (outcome as { status?: number } | undefined)?.status === 409) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    expect(outcome).toMatchObject({ status: 403, reason: expect.stringContaining(reason) });
    return;
  }
}

describe('server permissions by role', () => {
  it('clerk: records intake events, never approval, review, publicity or allocation', async () => {
    const clerk = user('clerk');
    const office = clerk.officeId;
    await put(clerk, office, event(clerk, 'submit'));
    await put(clerk, office, event(clerk, 'accept'));
    for (const kind of ['preliminary_approve', 'review_approve', 'review_reject', 'publicity', 'waitlist', 'allocate', 'resolve_conflict']) {
      await refused(put(clerk, office, event(clerk, kind)), '无权登记此办件事件');
    }
    await refused(put(clerk, office, base('inspection', office)), '无权写入');
  });

  it('clerk: cannot claim roles it lacks in an event, nor write another office', async () => {
    const clerk = user('clerk');
    const forged = { ...event(clerk, 'submit'), actor: { userId: clerk.name, name: 'x', roles: ['district_reviewer'], officeId: clerk.officeId } };
    await refused(put(clerk, clerk.officeId, forged), '角色与登录账号不符');
    await refused(put(clerk, clerk.officeId, base('case', couch.offices[1]!.id)), '不能写入其他办事处');
  });

  it('a person with a clear birth date is refused: with the masked number it would give away the whole ID number', async () => {
    const clerk = user('clerk');
    const person = { ...base('person', clerk.officeId), schemaVersion: 2, name: '王', idMasked: '440304********0011' };
    await put(clerk, clerk.officeId, person);
    await refused(put(clerk, clerk.officeId, { ...person, birthDate: '1985-06-15' }), '明文出生日期');
    await refused(put(clerk, clerk.officeId, { ...person, cardValidFrom: '2015-06-15' }), '明文出生日期');
  });

  it('inspector: only inspections and inspection events', async () => {
    const insp = user('inspector');
    const office = insp.officeId;
    await put(insp, office, { ...base('inspection', office), inspectorId: insp.name });
    // A visit names its inspector, and only the one signed in: none without, none in another's name.
    await refused(put(insp, office, base('inspection', office)), '缺少核查员账号');
    await refused(put(insp, office, { ...base('inspection', office), inspectorId: '' }), '缺少核查员账号');
    await refused(put(insp, office, { ...base('inspection', office), inspectorId: 'inspector9' }), '只能以本人名义登记');
    await put(insp, office, event(insp, 'inspection_result'));
    await refused(put(insp, office, base('case', office)), '无权写入');
    await refused(put(insp, office, base('person', office)), '无权写入');
    await refused(put(insp, office, event(insp, 'accept')), '无权登记');
  });

  it('street reviewer: preliminary decisions, not district review', async () => {
    const rev = user('reviewer');
    await put(rev, rev.officeId, event(rev, 'preliminary_approve'));
    await refused(put(rev, rev.officeId, event(rev, 'review_approve')), '无权登记');
    await refused(put(rev, rev.officeId, base('person', rev.officeId)), '无权写入');
  });

  it('IT: sync status only, no case data', async () => {
    const it_ = user('it');
    await put(it_, it_.officeId, { ...base('sync_health', it_.officeId), workstationId: 'ws1' });
    await refused(put(it_, it_.officeId, base('case', it_.officeId)), '无权写入');
  });

  it('district reviewer: writes review decisions in every street database of the district, nowhere else', async () => {
    const drev = user('district_reviewer');
    const [a, b, , x] = couch.offices;
    for (const street of [a!, b!]) await put(drev, street.id, event(drev, 'review_approve', street.id));
    // 配租配售: the district marks a street's unit offered; persons and leases stay the counter's.
    await put(drev, a!.id, { ...base('unit', a!.id), state: 'allocated' });
    await refused(put(drev, a!.id, base('lease', a!.id)), '无权写入');
    await refused(put(user('inspector'), user('inspector').officeId, base('unit', user('inspector').officeId)), '无权写入');
    // In a street database only that street's records, and never another district's database.
    await refused(put(drev, a!.id, event(drev, 'review_approve', b!.id)), '不能写入其他办事处');
    expect([401, 403]).toContain(await statusOf(as(drev).request('GET', `/${officeDbName(x!.id)}/_all_docs`)));
    expect([401, 403]).toContain(await statusOf(put(drev, x!.id, event(drev, 'review_approve', x!.id))));
  });

  it('event documents are immutable once written; no document changes type; no deletes', async () => {
    const clerk = user('clerk');
    const db = `/${officeDbName(clerk.officeId)}`;
    const id = uid('ev');
    const { rev } = await put(clerk, clerk.officeId, event(clerk, 'submit'), id);
    const changed = await signAs(clerk.name, { ...event(clerk, 'submit'), _id: id, payload: { changed: 1 } });
    await refusedOnceSettled(() => as(clerk).request('PUT', `${db}/${id}`, { ...changed, _rev: rev }), '不能修改');
    const caseId = uid('case');
    const c = await put(clerk, clerk.officeId, base('case', clerk.officeId), caseId);
    await refusedOnceSettled(() => as(clerk).request('PUT', `${db}/${caseId}`, { ...base('person', clerk.officeId), _rev: c.rev }), '不能更改记录的类型');
    await refusedOnceSettled(() => as(clerk).request('DELETE', `${db}/${caseId}?rev=${c.rev}`), '不能删除');
  });

  it('reads: no other office, no key database, no other user, reference data read-only', async () => {
    const clerk = user('clerk');
    const other = couch.users.find((u) => u.name !== clerk.name)!;
    const client = as(clerk);
    expect(await statusOf(client.request('GET', `/${officeDbName(couch.offices[1]!.id)}/_changes`))).toBe(403);
    expect(await statusOf(client.request('GET', '/hws-keys/_all_docs'))).toBe(403);
    // CouchDB 3.5 lets no user read `_users`, not even their own document.
    expect(await statusOf(client.request('GET', `/_users/org.couchdb.user:${other.name}`))).toBe(403);
    expect(await statusOf(client.request('GET', `/_users/org.couchdb.user:${clerk.name}`))).toBe(403);
    await refused(client.request('PUT', '/hws-reference/threshold:x', base('threshold', clerk.officeId)), '参考数据');
    for (const u of couch.users) {
      expect(await statusOf(as(u).request('PUT', `/hws-reference/x-${u.name}`, base('office', u.officeId)))).toBe(403);
    }
  });
});
