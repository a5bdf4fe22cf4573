// A batch cannot carry a forgery: each document is imported through the checks of a live write —
// an event's signature must verify against a key registered to its actor, and the office's
// validate_doc_update runs with that actor's roles (other documents: the exporter's). Forged
// decisions are refused and reported one by one; genuine ones in the same batch are written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS_DB, officeDbName } from '../domain/sync/databases';
import { sealBatch, signedPayload, type BatchDoc } from '../domain/sync/batch-file';
import { keyOf, registerKey, signAs } from '../domain/sync/testing/signers';
import { importBatch } from './batch';
import { couchClient, type CouchClient } from './couch';
import type { StaffUser } from './demo';
import { startTestCouch, type TestCouch } from './testing';

let couch: TestCouch;
let admin: CouchClient;
let officeId: string;
let key: string;
beforeAll(async () => {
  couch = await startTestCouch();
  admin = couchClient(couch.adminUrl);
  officeId = couch.offices[0]!.id;
  key = (await admin.request<{ key: string }>('GET', `/${KEYS_DB}/office:${officeId}`)).key;
  for (const u of couch.users) await registerKey(couch.url, u);
}, 60_000);
afterAll(() => couch?.dispose());

const user = (role: string): StaffUser => couch.users.find((u) => u.roles.includes(role as never))!;
const at = '2024-05-02T08:00:00.000Z';
let n = 0;
const event = (actor: StaffUser, kind: string, payload: Record<string, unknown> = {}): BatchDoc => ({
  _id: `event:batch-${Date.now().toString(36)}-${n++}`, _rev: `1-${'c'.repeat(31)}${n % 10}`, type: 'case_event', schemaVersion: 1, officeId, createdAt: at, updatedAt: at,
  caseId: 'case:batch', kind, actor: { userId: actor.name, name: actor.displayName, roles: actor.roles, officeId: actor.officeId }, at, payload, deviceId: 'ws-batch',
});
const batch = async (docs: BatchDoc[], exporter: string, signedBy = exporter) =>
  sealBatch(key, await signedPayload((await keyOf(signedBy)).signer, { officeId, createdAt: at, source: 'ws-batch', since: null, exporter }, docs));
const onServer = async (id: string) => admin.getOrUndefined(`/${officeDbName(officeId)}/${encodeURIComponent(id)}`);

describe('batch import checks authority per document', () => {
  it('refuses another actor\'s name, a clerk\'s review, an unsigned event, a replayed and an altered signature; writes the genuine ones', async () => {
    const clerk = user('clerk');
    const drev = user('district_reviewer');
    const genuineReview = await signAs(drev.name, event(drev, 'review_approve', { opinion: '同意' }));
    const docs = {
      own: await signAs(clerk.name, event(clerk, 'submit', { businessItem: 'public_rental' })),
      carried: genuineReview, // the reviewer's own signed decision, carried in the clerk's batch
      otherName: await signAs(clerk.name, event(drev, 'review_approve', { opinion: '同意' })),
      clerkReview: await signAs(clerk.name, event(clerk, 'review_approve', { opinion: '同意' })),
      unsigned: event(clerk, 'accept', { receiptNo: 'SZ1' }),
      replayed: { ...event(drev, 'review_approve', { opinion: '同意' }), signature: genuineReview.signature },
      altered: { ...genuineReview, _id: `${genuineReview._id}-x`, payload: { opinion: '同意(补)' } },
      person: { _id: `person:batch-${Date.now()}`, _rev: `1-${'d'.repeat(32)}`, type: 'person', schemaVersion: 2, officeId, createdAt: at, updatedAt: at, name: '批量' },
    };
    const report = await importBatch(couch.adminUrl, await batch(Object.values(docs), clerk.name));
    const reasonOf = (d: BatchDoc) => report.refused.find((r) => r.id === d._id)?.reason;
    expect([...report.writtenIds].sort()).toEqual([docs.own._id, docs.carried._id, docs.person._id].sort());
    expect(reasonOf(docs.otherName)).toContain(`不是 ${drev.name} 登记的密钥`);
    expect(reasonOf(docs.clerkReview)).toContain('无权登记此办件事件');
    expect(reasonOf(docs.unsigned)).toContain('没有经办人签名');
    expect(reasonOf(docs.replayed)).toContain('签名与记录内容不符');
    expect(reasonOf(docs.altered)).toContain('签名与记录内容不符');
    for (const d of [docs.otherName, docs.clerkReview, docs.unsigned, docs.replayed, docs.altered]) expect(await onServer(d._id)).toBeUndefined();
    expect(await onServer(docs.carried._id)).toMatchObject({ kind: 'review_approve', actor: { userId: drev.name } });
    // Imported again: all there already, the forgeries still refused.
    const again = await importBatch(couch.adminUrl, await batch(Object.values(docs), clerk.name));
    expect({ written: again.written, skipped: again.skipped, refused: again.refused.length }).toEqual({ written: 0, skipped: 3, refused: 5 });
  });

  it('refuses a whole batch whose manifest is unsigned or signed by someone other than the exporter named', async () => {
    const clerk = user('clerk');
    const drev = user('district_reviewer');
    const person: BatchDoc = { _id: `person:whole-${Date.now()}`, _rev: `1-${'e'.repeat(32)}`, type: 'person', schemaVersion: 2, officeId, createdAt: at, updatedAt: at, name: '整批' };
    await expect(importBatch(couch.adminUrl, await batch([person], drev.name, clerk.name))).rejects.toThrow('导出人签名无效');
    const { manifest, docs } = await signedPayload((await keyOf(clerk.name)).signer, { officeId, createdAt: at, source: 'ws', since: null, exporter: clerk.name }, [person]);
    const { signature: _s, ...unsigned } = manifest;
    await expect(importBatch(couch.adminUrl, await sealBatch(key, { manifest: unsigned, docs }))).rejects.toThrow('没有导出人的签名');
    expect(await onServer(person._id)).toBeUndefined();
  });

  it('an IT user of the office carries its records and genuine decisions, never a decision of their own or a forged one', async () => {
    const it = user('it');
    const clerk = user('clerk');
    const rev = user('reviewer');
    const docs = {
      person: { _id: `person:courier-${Date.now()}`, _rev: `1-${'f'.repeat(32)}`, type: 'person', schemaVersion: 2, officeId, createdAt: at, updatedAt: at, name: '运维带送' },
      submit: await signAs(clerk.name, event(clerk, 'submit', { businessItem: 'public_rental' })),
      itDecision: await signAs(it.name, event(it, 'preliminary_approve', { opinion: '同意' })),
      forged: await signAs(it.name, event(rev, 'preliminary_approve', { opinion: '同意' })),
    };
    const report = await importBatch(couch.adminUrl, await batch(Object.values(docs), it.name));
    expect([...report.writtenIds].sort()).toEqual([docs.person._id, docs.submit._id].sort());
    const reasonOf = (d: BatchDoc) => report.refused.find((r) => r.id === d._id)?.reason;
    expect(reasonOf(docs.itDecision)).toContain('当前角色无权');
    expect(reasonOf(docs.forged)).toContain(`不是 ${rev.name} 登记的密钥`);
    expect(await onServer(docs.itDecision._id)).toBeUndefined();
    expect(await onServer(docs.forged._id)).toBeUndefined();
    expect(await onServer(docs.person._id)).toMatchObject({ name: '运维带送' });
  });
});
