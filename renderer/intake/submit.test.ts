import { afterEach, describe, expect, it } from 'vitest';
import { overrideBody } from '../../domain/intake/override';
import { signAs } from '../../domain/sync/testing/signers';
import { openText } from '../../domain/crypto/sealing';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import { deriveCase } from '../../domain/workflow';
import { openTestContext, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { checkDuplicateBenefits } from '../cases/duplicates';
import { clearDraft, loadDraft, saveDraft } from './draft-store';
import { getScanContent, putScanContent } from './scan-store';
import { requirementsFor } from './materials';
import { IDBFactory } from 'fake-indexeddb';
import { openBlobStore } from '../sync/blob-store';
import { startBlobSync, type BlobSync } from '../sync/blob-sync';
import { submitIntake, type SubmitOutcome } from './submit';
import { readQueuePage } from '../review/review-store';
import type { IdentityEvidence } from '../../domain/intake/identity-evidence';

const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function context() {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'files', 'audit'] });
  contexts.push(ctx);
  return ctx;
}

/** The real blob sync on a fake IndexedDB; nothing is uploaded in these tests (no server). */
async function contentsFor(ctx: { keys: { data: CryptoKey } }): Promise<BlobSync> {
  const store = await openBlobStore('t', new IDBFactory());
  const unreachable = () => Promise.reject(new Error('offline'));
  return startBlobSync({ store, couchUrl: 'http://127.0.0.1:9', fetch: unreachable, keyFor: () => ctx.keys.data });
}

const card = {
  name: '陈晓梅', genderCode: '2', nationCode: '01', birthDate: '1988-03-15', address: '广东省深圳市福田区福华路123号',
  idNumber: '44030419880315002X', issuer: '深圳市公安局福田分局', validFrom: '2016-05-20', validTo: '2036-05-20', photoWlt: 'AAEC',
};

const submitted = (o: SubmitOutcome) => {
  if (!o.ok) throw new Error(o.reasons.map((r) => r.message).join('; '));
  return o;
};

/** A complete intake; its scanned page is stored apart, as the scans step does. */
async function draftIn(ctx: { db: Parameters<typeof putScanContent>[0]; keys: Parameters<typeof putScanContent>[1] }): Promise<IntakeDraft> {
  const d = draft();
  const contentId = await putScanContent(ctx.db, ctx.keys, new TextEncoder().encode('PNG-BYTES'));
  const page = d.scans[0]!;
  return { ...d, scans: ['hukou_book', 'marriage_proof', 'income_proof'].map((materialCode, i) => ({ ...page, key: `k${i}`, materialCode, contentId })) };
}

function draft(): IntakeDraft {
  return {
    ...newDraft(`case:${crypto.randomUUID()}`, '2026-11-27T02:00:00.000Z'),
    businessItem: 'public_rental',
    maritalStatus: 'married',
    householdAssets: 200_000,
    members: [
      { ...blankMember('a', 'applicant'), name: card.name, idNumber: card.idNumber, card, annualIncome: 60_000, socialInsuranceYears: 5, ownsHousingInShenzhen: false },
      { ...blankMember('s', 'spouse'), name: '王建华', idNumber: validIdNumber(31, '44030419870202'), annualIncome: 50_000, ownsHousingInShenzhen: false },
    ],
    fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 },
    scans: [{ key: 'k1', materialCode: 'hukou_book', fileName: 'hukou.png', mimeType: 'image/png', contentId: 'set-by-draftIn', byteLength: 9, fields: { name: '陈晓梅' }, text: '' }],
    face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
  };
}

describe('submitting an intake', () => {
  it('with every material received: the case is accepted, members sealed, materials and biometrics stored, receipt complete', async () => {
    const ctx = await context();
    const d = await draftIn(ctx);
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const contents = await contentsFor(ctx);
    const { caseDoc, receipt } = submitted(await submitIntake(ctx, { ...d, received: items.map((i) => i.id) }, items, contents));

    expect(caseDoc.status).toBe('accepted');
    expect(receipt).toMatchObject({ kind: 'receipt', receiptNo: caseDoc.receiptNo, idMasked: '440304********002X', missing: [] });
    const events = (await ctx.db.events.find({ selector: { caseId: caseDoc.id } }).exec()).map((e) => e.toJSON());
    expect(deriveCase(events as never).status).toBe('accepted');
    const people = (await ctx.db.people.find({ selector: { type: 'person' } }).exec()).map((p) => p.toJSON() as Record<string, string>);
    expect(people.map((p) => p.name).sort()).toEqual(['王建华', '陈晓梅']);
    // No member's number in clear (any run of 18 digits would also match a hash's hex now and then).
    for (const p of people) for (const m of d.members) expect(JSON.stringify(p)).not.toContain(m.idNumber);
    const applicant = people.find((p) => p.name === '陈晓梅')!;
    expect(await openText(ctx.keys.data, applicant.idNumberEnc!)).toBe(card.idNumber);
    expect(await openText(ctx.keys.data, applicant.cardAddressEnc!)).toBe(card.address);
    expect(JSON.parse(await openText(ctx.keys.data, applicant.cardRawEnc!))).toMatchObject({ photoWlt: 'AAEC', issuer: card.issuer });
    const files = (await ctx.db.files.find({ selector: { caseId: caseDoc.id } }).exec()).map((f) => f.toJSON() as Record<string, unknown>);
    expect(files.filter((f) => f.type === 'material')).toHaveLength(items.length);
    const scan = files.find((f) => f.type === 'scan')!;
    expect(new TextDecoder().decode(await contents.getBlob(scan.id as string, ctx.user.officeId, scan.contentHash as string))).toBe('PNG-BYTES');
    expect(JSON.parse(await openText(ctx.keys.data, scan.ocrTextEnc as string)).fields).toEqual({ name: '陈晓梅' });
    expect(files.find((f) => f.type === 'material' && f.materialCode === 'hukou_book')!.scanIds).toHaveLength(1);
    expect(files.filter((f) => f.type === 'scan')).toHaveLength(3);
    const bio = files.filter((f) => f.type === 'biometric');
    expect(bio.map((b) => b.kind).sort()).toEqual(['face', 'fingerprint']);
    expect(await openText(ctx.keys.data, bio.find((b) => b.kind === 'fingerprint')!.dataEnc as string)).toBe('dGVtcGxhdGU=');
  });

  it('with materials missing: the case is returned with the one complete list, and the receipt names them', async () => {
    const ctx = await context();
    const d = await draftIn(ctx);
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const { caseDoc, receipt } = submitted(await submitIntake(ctx, { ...d, received: [items[0]!.id] }, items, await contentsFor(ctx)));
    expect(caseDoc.status).toBe('returned');
    expect(receipt.missing).toHaveLength(items.length - 1);
    // What the applicant is handed agrees with the case: a one-time notice, not a receipt of acceptance.
    expect(receipt).toMatchObject({ kind: 'notice', applicantName: '陈晓梅', idMasked: '440304********002X' });
    expect(receipt.receiptNo).toMatch(/^TZ/);
    expect(receipt.nextSteps.join()).toContain('退回');
    expect(caseDoc.receiptNo).toBe(receipt.receiptNo);
    const ret = await ctx.db.events.findOne({ selector: { caseId: caseDoc.id, kind: 'return' } }).exec();
    expect((ret!.get('payload') as { missingMaterials: unknown[] }).missingMaterials).toHaveLength(items.length - 1);
  });

  it('records what the intake found: the running stage\'s due date, review flags and the identity evidence, pair by pair', async () => {
    // Submitted on a fixed day, whatever day the test runs (it failed once the real date had moved on).
    const ctx = { ...(await context()), now: () => new Date('2026-11-27T02:10:00.000Z') };
    const d = await draftIn(ctx);
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const counter = {
      faceMatch: { comparedWith: [{ caseId: 'case:earlier', capturedAt: '2025-03-01T02:00:00.000Z', distance: 0.31, match: true }] },
      fingerprintMatch: { match: true, score: 182, at: '2026-11-27T02:05:00.000Z' },
    };
    const { caseDoc } = submitted(await submitIntake(ctx, { ...d, ...counter, received: items.map((i) => i.id) }, items, await contentsFor(ctx)));
    // Accepted at the counter: 初审 runs, due ten working days on (2026-11-27 is a Friday).
    expect(caseDoc.dueOn).toBe('2026-12-11');
    const stored = (await ctx.db.cases.findOne(caseDoc.id).exec())!.toJSON() as unknown as typeof caseDoc;
    expect(stored.dueOn).toBe('2026-12-11');
    // The spouse's card was not read (identity documents need review) and the income is over the limit: flagged for the reviewer.
    expect(stored.flags).toEqual(['rule_review']);
    const submit = (await ctx.db.events.findOne({ selector: { caseId: caseDoc.id, kind: 'submit' } }).exec())!.get('payload') as { identity: IdentityEvidence; flags: string[] };
    expect(submit.flags).toEqual(['rule_review']);
    expect(submit.identity.pairs.map((p) => [p.pair, p.result])).toEqual([
      ['card_paper', 'match'],
      ['card_face', 'not_checked'],
      ['face_on_file', 'match'],
      ['fingerprint_verify', 'match'],
    ]);
    expect(submit.identity.pairs[1]!.reason).toContain('WLT');
  });

  it('a certificate naming someone else: identity mismatch with both values, and the review queue finds it by that flag', async () => {
    const ctx = await context();
    const d = await draftIn(ctx);
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const scans = d.scans.map((s) => (s.materialCode === 'income_proof' ? { ...s, fields: { name: '陈晓海', idNumber: '440304198803150010' } } : s));
    const { caseDoc } = submitted(await submitIntake(ctx, { ...d, scans, received: items.map((i) => i.id) }, items, await contentsFor(ctx)));
    expect(caseDoc.flags).toContain('identity_mismatch');
    const submit = (await ctx.db.events.findOne({ selector: { caseId: caseDoc.id, kind: 'submit' } }).exec())!.get('payload') as { identity: IdentityEvidence };
    const paper = submit.identity.pairs.find((p) => p.pair === 'card_paper')!;
    expect(paper.result).toBe('mismatch');
    expect(paper.checks.filter((c) => c.result === 'mismatch').map((c) => [c.what, c.left, c.right])).toEqual([
      ['收入证明 公民身份号码', '440304********002X', '440304********0010(校验不通过)'],
      ['收入证明 姓名', '陈晓梅', '陈晓海'],
    ]);
    // Without face or fingerprint results from the counter, those pairs say so.
    expect(submit.identity.pairs.find((p) => p.pair === 'fingerprint_verify')).toMatchObject({ result: 'not_checked', reason: '已采集指纹,未做现场验证' });
    const queue = (flags: ('identity_mismatch' | 'duplicate_hit')[]) => readQueuePage(ctx.db, { officeIds: [ctx.user.officeId], statuses: ['accepted'], page: 0, flags });
    expect((await queue(['identity_mismatch'])).rows.map((r) => r.id)).toEqual([caseDoc.id]);
    expect((await queue(['duplicate_hit'])).rows).toEqual([]);
  });

  it('an applicant already in an active case: submitting is refused with the reason, nothing written; a reviewer override lets it through', async () => {
    const ctx = await context();
    const d = await draftIn(ctx);
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    await createCase(ctx, { businessItem: 'rental_subsidy', applicantName: '陈晓梅', id: { idNumber: card.idNumber, regionCode: '440304', birthDate: '1988-03-15', gender: 'female', legacy15: false } });
    const hits = await checkDuplicateBenefits(ctx, card.idNumber, { excludeCaseId: d.caseId });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('440304********002X');
    const refused = await submitIntake(ctx, d, items, await contentsFor(ctx));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reasons.map((r) => r.code)).toEqual(['DUPLICATE_BENEFIT']);
    expect(!refused.ok && refused.reasons[0]!.message).toContain('租赁补贴');
    expect(await ctx.db.cases.findOne(d.caseId).exec()).toBeNull();
    const unsigned = await submitIntake(ctx, { ...d, override: { by: '李审核', reason: '原补贴已申请停发' } as never }, items, await contentsFor(ctx));
    expect(!unsigned.ok && unsigned.reasons.map((r) => r.code)).toEqual(['DUPLICATE_BENEFIT']);
    const reviewer = { userId: 'rev-li', name: '李审核', roles: ['reviewer'], officeId: ctx.user.officeId };
    const override = await signAs('rev-li', overrideBody(d.caseId, '原补贴已申请停发', reviewer, '2026-11-27T08:00:00.000Z'));
    const overridden = await submitIntake(ctx, { ...d, override }, items, await contentsFor(ctx));
    expect(overridden.ok).toBe(true);
    // The override travels, signed, in the case's submit event, where every reader verifies it.
    const submit = await ctx.db.events.findOne({ selector: { caseId: d.caseId, kind: 'submit' } }).exec();
    expect((submit!.get('payload') as { override?: unknown }).override).toEqual(override);
  });

  it('skipping the checks (bad member number, no face, no fingerprint, a received certificate not scanned) is refused with every reason; no case, person or event is written', async () => {
    const ctx = await context();
    const d = draft();
    const broken: IntakeDraft = {
      ...d,
      members: [d.members[0]!, { ...d.members[1]!, idNumber: '440304198702020310' }],
      face: null,
      fingerprint: null,
      scans: [],
    };
    const items = checklist(broken, requirementsFor(broken.businessItem), '2026-11-27');
    const outcome = await submitIntake(ctx, { ...broken, received: items.map((i) => i.id) }, items, await contentsFor(ctx));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reasons.map((r) => r.code)).toEqual(['MEMBER_ID', 'FACE_MISSING', 'FINGERPRINT_MISSING', 'SCAN_MISSING', 'SCAN_MISSING', 'SCAN_MISSING']);
    expect(outcome.reasons[0]!.message).toContain('王建华的身份证号码未通过校验');
    expect(outcome.reasons.filter((r) => r.code === 'SCAN_MISSING').map((r) => r.message)).toEqual(['已收"户口簿",尚未扫描留存', '已收"结婚证或单身、离婚证明",尚未扫描留存', '已收"收入证明(单位证明或银行流水)",尚未扫描留存']);
    expect(await ctx.db.cases.count().exec()).toBe(0);
    expect(await ctx.db.people.count().exec()).toBe(0);
    expect(await ctx.db.events.count().exec()).toBe(0);
  });
});

describe('intake autosave', () => {
  it('resumes the sealed draft after the database is reopened, and stores no ID number in clear', async () => {
    const ctx = await context();
    const d = { ...(await draftIn(ctx)), step: 'household' as const };
    await saveDraft(ctx.db, ctx.keys, d);
    const raw = await ctx.db.getLocal<{ sealed: string }>('intake-draft');
    expect(JSON.stringify(raw!.toJSON())).not.toContain(card.idNumber);
    expect(await loadDraft(ctx.db, ctx.keys)).toEqual(d);
  });

  it('keeps a 20 MB scan out of the autosave: the saved draft stays small, the page is resumed and removed with the draft', async () => {
    const ctx = await context();
    const page = crypto.getRandomValues(new Uint8Array(65_536));
    const big = new Uint8Array(20 * 1024 * 1024).map((_, i) => page[i % page.length]!);
    const contentId = await putScanContent(ctx.db, ctx.keys, big);
    const d = { ...draft(), scans: [{ ...draft().scans[0]!, contentId, byteLength: big.length }] };
    await saveDraft(ctx.db, ctx.keys, { ...d, members: [{ ...d.members[0]!, name: '陈晓梅1' }, d.members[1]!] });
    const raw = await ctx.db.getLocal('intake-draft');
    expect(JSON.stringify(raw!.toJSON()).length).toBeLessThan(64_000);
    const resumed = await loadDraft(ctx.db, ctx.keys);
    expect(resumed!.members[0]!.name).toBe('陈晓梅1');
    expect((await getScanContent(ctx.db, ctx.keys, resumed!.scans[0]!.contentId)).length).toBe(big.length);
    await clearDraft(ctx.db);
    await expect(getScanContent(ctx.db, ctx.keys, contentId)).rejects.toThrow('扫描件内容未找到');
  });

  it('a draft saved by the previous version, its pages inline, resumes with the pages moved out', async () => {
    const ctx = await context();
    const { scans, ...rest } = draft();
    const legacy = { ...rest, scans: scans.map(({ contentId: _c, byteLength: _b, ...s }) => ({ ...s, dataBase64: btoa('PNG-BYTES') })) };
    await saveDraft(ctx.db, ctx.keys, legacy as unknown as IntakeDraft);
    const resumed = await loadDraft(ctx.db, ctx.keys);
    expect(resumed!.scans[0]).not.toHaveProperty('dataBase64');
    expect(new TextDecoder().decode(await getScanContent(ctx.db, ctx.keys, resumed!.scans[0]!.contentId))).toBe('PNG-BYTES');
  });
});
