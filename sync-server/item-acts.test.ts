// The server checks an event against its case's business item, on the embedded server and on a real
// CouchDB (tests/couchdb/run.sh): a district reviewer, who may publish an application, cannot push
// a 公示 publicity signed for a renewal (whose stages have none). The item an event names is its
// submission's, or the one `decide` adds to a later act's payload; events the workstation decided
// are taken. Limit: the server cannot read the case, so the stage the case is at is the
// workstation's check (deriveCase), and an event naming no item (an older workstation's) is checked
// by kind and role only — a signer may also name the wrong item, which readers ignore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/model/events';
import { officeDbName } from '../domain/sync/databases';
import { signAs } from '../domain/sync/testing/signers';
import { decide, deriveCase, type CaseEvent } from '../domain/workflow';
import { couchClient, CouchError } from './couch';
import type { StaffUser } from './demo';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch?.dispose();
});

const withRole = (role: Role) => couch.users.find((u) => u.roles.includes(role))!;
const actorOf = (u: StaffUser) => ({ userId: u.name, name: u.displayName, roles: u.roles, officeId: u.officeId });
let n = 0;

/** Pushes `doc` signed by `u` to u's office database as u: the status, and the server's reason when refused. */
async function push(u: StaffUser, doc: Record<string, unknown>): Promise<{ status: number; reason?: string }> {
  const url = new URL(couch.url);
  url.username = u.name;
  url.password = u.password;
  const signed = await signAs(u.name, { ...doc, _id: doc.id });
  try {
    await couchClient(url.toString()).request('PUT', `/${officeDbName(u.officeId)}/${encodeURIComponent(String(doc.id))}`, signed);
    return { status: 201 };
  } catch (e) {
    if (e instanceof CouchError) return { status: e.status, reason: e.reason };
    throw e;
  }
}

function publicity(u: StaffUser, item: string | undefined) {
  const now = new Date().toISOString();
  return {
    id: `event:pub-${Date.now().toString(36)}-${n++}`,
    type: 'case_event',
    schemaVersion: 0,
    officeId: u.officeId,
    createdAt: now,
    updatedAt: now,
    caseId: `case:item-acts-${n}`,
    kind: 'publicity',
    actor: actorOf(u),
    at: now,
    payload: { startsOn: now.slice(0, 10), endsOn: now.slice(0, 10), ...(item === undefined ? {} : { item }) },
    deviceId: null,
  };
}

describe('the server checks an act against the case’s business item', () => {
  it('refuses a publicity on a renewal, signed by a district reviewer who may publish an application', async () => {
    const district = withRole('district_reviewer');
    expect(await push(district, publicity(district, 'public_rental.renewal'))).toEqual({
      status: 403,
      reason: '“公共租赁住房续租”没有“公示”环节,不能登记此办件事件(publicity)',
    });
    expect(await push(district, publicity(district, 'public_rental.exit'))).toMatchObject({ status: 403, reason: expect.stringContaining('没有“公示”环节') });
    // The same act on an application is the district reviewer's to record.
    expect(await push(district, publicity(district, 'public_rental'))).toEqual({ status: 201 });
  });

  it('refuses an item the catalogue does not have, and a role the item does not give the act', async () => {
    const district = withRole('district_reviewer');
    expect(await push(district, publicity(district, 'public_rental.bogus'))).toEqual({ status: 403, reason: '办件事件所标的业务事项不在事项目录中(public_rental.bogus)' });
    // A street reviewer records an objection on an application in publicity, never on a renewal.
    const street = withRole('reviewer');
    const objection = { ...publicity(street, 'public_rental.renewal'), kind: 'objection', payload: { reason: '群众反映', item: 'public_rental.renewal' } };
    expect(await push(street, objection)).toMatchObject({ status: 403, reason: '“公共租赁住房续租”没有“公示异议”环节,不能登记此办件事件(objection)' });
  });

  it('takes the acts the workstation decided on a renewal, each naming the item; an event naming none is checked by role only', async () => {
    const clerk = withRole('clerk');
    const caseId = `case:item-acts-renewal-${n++}`;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const events: CaseEvent[] = [];
    const record = async (input: Omit<Parameters<typeof decide>[1], 'caseId' | 'actor' | 'at'>, ms: number) => {
      const decided = decide(deriveCase(events), { ...input, caseId, actor: actorOf(clerk), at: at(ms) } as never);
      if (!decided.ok) throw new Error(decided.error.message);
      events.push(decided.value as CaseEvent);
      return push(clerk, decided.value as unknown as Record<string, unknown>);
    };
    expect(await record({ id: `event:s-${n++}`, kind: 'submit', payload: { businessItem: 'public_rental', item: 'public_rental.renewal', catalogueVersion: '2026.1' } }, 0)).toEqual({ status: 201 });
    expect(await record({ id: `event:a-${n++}`, kind: 'accept', payload: { receiptNo: 'R-1' } }, 1)).toEqual({ status: 201 });
    expect(events[1]!.payload).toEqual({ receiptNo: 'R-1', item: 'public_rental.renewal', catalogueVersion: '2026.1' });
    // The item's own stages: the workstation refuses a publicity on the renewal before anything is written.
    expect(decide(deriveCase(events), { id: 'event:p', caseId, kind: 'publicity', actor: actorOf(withRole('district_reviewer')), at: at(2), payload: { startsOn: '2026-11-28', endsOn: '2026-12-04' } }).ok).toBe(false);
    // The documented limit: an event that names no item is judged on kind and role.
    const district = withRole('district_reviewer');
    expect(await push(district, publicity(district, undefined))).toEqual({ status: 201 });
  });
});
