// The dossier as a reviewer reads it, on a real local RxDB (fake-indexeddb) filled by the real intake:
// members masked, a full number only after an audit entry, materials received and missing with their
// scans' OCR fields, duplicate hits naming the other case, the timeline with workstation and
// signature state, and the 补正告知书 of a return listing every correction. What goes to the main side
// is checked by the contract's own schema here; main/documents/notice-pdf.test.ts reads the PDF back.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, type SigningKeyPair } from '../../../domain/crypto/signing';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../../domain/intake/draft';
import type { SessionUser } from '../../../domain/ipc/session';
import type { AuditEventDoc } from '../../../domain/model';
import { staffKeyDoc, staffKeyId, type StaffKeyDoc } from '../../../domain/sync/staff-keys';
import { correctionsOf, reasonsFor } from '../../../domain/workflow';
import type { ArgsOf, HandlerName } from '../../../domain/ipc/contract';
import { checkArgs } from '../../../domain/ipc/schemas';
import type { Api } from '../../api/client';
import { openTestContext, validIdNumber } from '../../audit/testing';
import { readChain } from '../../audit/audit-log';
import { createCase, type CaseContext } from '../../cases/case-store';
import { requirementsFor } from '../../intake/materials';
import { putScanContent } from '../../intake/scan-store';
import { submitIntake } from '../../intake/submit';
import { openBlobStore } from '../../sync/blob-store';
import { startBlobSync } from '../../sync/blob-sync';
import { startSignatureCheck } from '../../sync/signature-check';
import { recordCaseEvent } from '../review-store';
import { printCorrectionNotice, readDossier, reprintReceipt } from './read-dossier';
import { revealMemberIdNumber } from './members';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const card = {
  name: '陈晓梅', genderCode: '2', nationCode: '01', birthDate: '1988-03-15', address: '广东省深圳市福田区福华路123号',
  idNumber: '44030419880315002X', issuer: '深圳市公安局福田分局', validFrom: '2016-05-20', validTo: '2036-05-20', photoWlt: 'AAEC',
};
const spouseId = validIdNumber(31, '44030419870202');
/** A full ID number standing on its own (not 18 digits inside a hash's hex, which happens now and then). */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

const REVIEWER: SessionUser = { name: 'rev-li', displayName: '李审核', roles: ['reviewer'], officeId: 'futian-huafu', officeName: '福田区华富街道办事处', districtId: 'futian', offline: false };

/** The main side as the dossier sees it: each call checked against the contract's schema (as main/dispatch does), then recorded. */
function mainSide() {
  const sent: { name: HandlerName; args: unknown }[] = [];
  const api: Pick<Api, 'invoke'> = {
    async invoke<K extends HandlerName>(name: K, args: ArgsOf<K>) {
      const checked = checkArgs(name, args);
      if (!checked.ok) throw new Error(checked.message);
      sent.push({ name, args: checked.args });
      return { fileName: `${name}.pdf`, pdfBase64: '' } as never;
    },
  };
  return { api, sent };
}

/** A clerk's workstation after a real intake of a two-member household; `received` picks the materials handed in. */
async function intake(received: (ids: string[]) => string[]) {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'files', 'audit'] });
  closers.push(ctx.close);
  const store = await openBlobStore('t', new IDBFactory());
  const contents = startBlobSync({ store, couchUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('offline')), keyFor: () => ctx.keys.data });
  const contentId = await putScanContent(ctx.db, ctx.keys, new TextEncoder().encode('PNG-BYTES'));
  const d: IntakeDraft = {
    ...newDraft(`case:${crypto.randomUUID()}`, '2026-11-27T02:00:00.000Z'),
    businessItem: 'public_rental',
    maritalStatus: 'married',
    householdAssets: 200_000,
    members: [
      { ...blankMember('a', 'applicant'), name: card.name, idNumber: card.idNumber, card, annualIncome: 60_000, socialInsuranceYears: 5, ownsHousingInShenzhen: false },
      { ...blankMember('s', 'spouse'), name: '王建华', idNumber: spouseId, annualIncome: 50_000, ownsHousingInShenzhen: false },
    ],
    fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 },
    face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
  };
  const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
  const handedIn = received(items.map((i) => i.id));
  // Pages scanned of every material handed in that intake keeps a copy of.
  const scans = ['hukou_book', 'marriage_proof', 'income_proof']
    .filter((code) => handedIn.some((id) => id.startsWith(code)))
    .map((materialCode, i) => ({ key: `k${i}`, materialCode, fileName: `${materialCode}.png`, mimeType: 'image/png', contentId, byteLength: 9, fields: (materialCode === 'hukou_book' ? { 姓名: '陈晓梅', 住址: '福华路123号' } : {}) as Record<string, string>, text: '', ...(materialCode === 'hukou_book' ? { turned: 180 as const } : {}) }));
  const done = await submitIntake(ctx, { ...d, scans, received: handedIn }, items, contents);
  if (!done.ok) throw new Error(done.reasons.map((r) => r.message).join(';'));
  const reviewerKey = await generateSigningKey();
  const reviewer: CaseContext = { ...ctx, user: REVIEWER, signer: await importSigner(reviewerKey) };
  return { ctx, reviewer, caseDoc: done.caseDoc, items, keys: registry([[ctx.user, ctx.signing], [REVIEWER, reviewerKey]]) };
}

/** The staff-key registry as the server holds it, for the signature check. */
function registry(entries: [SessionUser, SigningKeyPair][]): Map<string, StaffKeyDoc> {
  return new Map(entries.map(([u, k]) => [staffKeyId(u.name, k.keyId), staffKeyDoc(u, k.publicKey, 'ws-test-1', '2026-01-01T00:00:00.000Z')]));
}

const checkWith = (keys: ReadonlyMap<string, StaffKeyDoc>) => startSignatureCheck({ fetchKeys: async () => keys, onProblem: () => {} });

describe('case dossier', () => {
  it('shows every member masked with the card as read, and the materials received (with OCR fields) and missing', async () => {
    const { ctx, caseDoc, items } = await intake((ids) => ids.filter((id) => !id.startsWith('income_proof')));
    const dossier = await readDossier(ctx, checkWith(new Map()), caseDoc.id, new Date('2026-11-28T02:00:00Z'));
    const members = dossier.household.members;
    expect(members.map((m) => [m.name, m.relation, m.idMasked])).toEqual([
      ['陈晓梅', 'applicant', '440304********002X'],
      ['王建华', 'spouse', `${spouseId.slice(0, 6)}********${spouseId.slice(-4)}`],
    ]);
    expect(members[0]).toMatchObject({ age: 38, card: { name: '陈晓梅', gender: '女', nation: '汉', issuer: '深圳市公安局福田分局', validTo: '2036-05-20' } });
    // Nothing shown gives the number back: no full number, no birth date beside the masked one.
    const shown = JSON.stringify({ members, materials: dossier.materials, checks: dossier.checks, timeline: dossier.timeline.rows });
    expect(shown).not.toMatch(FULL_ID);
    expect(shown).not.toContain('1988-03-15');

    const missing = dossier.materials.missing.map((m) => m.label);
    expect(missing.length).toBe(items.filter((i) => i.id.startsWith('income_proof')).length);
    expect(missing.every((l) => l.startsWith('收入证明'))).toBe(true);
    expect(missing.some((l) => l.includes('陈晓梅'))).toBe(true);
    const hukou = dossier.materials.received.find((m) => m.code === 'hukou_book')!;
    expect(hukou.scans).toHaveLength(1);
    expect(hukou.scans[0]!.fields).toEqual({ 姓名: '陈晓梅', 住址: '福华路123号' });
    // The household register was put in upside down: the dossier shows it as OCR read it, upright;
    // a page read as it lay (no turn kept) is shown as stored.
    expect(hukou.scans[0]!.turned).toBe(180);
    const others = dossier.materials.received.filter((m) => m.code !== 'hukou_book').flatMap((m) => m.scans.map((s) => s.turned));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others)).toEqual(new Set([0]));
    expect(dossier.timeline.state.status).toBe('returned');
    expect(dossier.checks.fingerprint).toMatchObject({ module: 'R30x/AS608', quality: 88 });
    expect(dossier.checks.face).toMatchObject({ earlier: [] });
    // The identity evidence recorded at intake: the household register's name agrees with the card;
    // the card photo cannot be decoded, nothing is on file, the finger was not verified at the counter.
    expect(dossier.checks.identity?.pairs.map((p) => [p.pair, p.result])).toEqual([
      ['card_paper', 'match'],
      ['card_face', 'not_checked'],
      ['face_on_file', 'not_checked'],
      ['fingerprint_verify', 'not_checked'],
    ]);
    expect(dossier.checks.identity?.pairs[0]!.checks).toEqual([{ what: '户口簿 姓名', result: 'match', left: '陈晓梅', right: '陈晓梅' }]);
  });

  it('opens a full ID number only after writing a signed id_unmask audit entry; refuses a person outside the case, recording nothing', async () => {
    const { ctx, caseDoc } = await intake((ids) => ids);
    const dossier = await readDossier(ctx, undefined, caseDoc.id);
    const spouse = dossier.household.members.find((m) => m.relation === 'spouse')!;
    expect(await revealMemberIdNumber(ctx, caseDoc, spouse.personId)).toBe(spouseId);
    const chain = await readChain(ctx.db, ctx.deviceId);
    const unmask = chain.filter((e: AuditEventDoc) => e.action === 'id_unmask');
    expect(unmask).toHaveLength(1);
    expect(unmask[0]).toMatchObject({ actor: { userId: ctx.user.name }, target: spouse.personId, detail: { caseId: caseDoc.id, field: 'idNumber', reason: '审核办件时核对家庭成员身份证号' } });
    expect(unmask[0]!.signature).toBeDefined();
    expect(JSON.stringify(unmask[0])).not.toContain(spouseId);

    const other = await createCase(ctx, { businessItem: 'rental_subsidy', applicantName: '路人甲', id: { idNumber: validIdNumber(77), regionCode: '440304', birthDate: '1988-01-01', gender: 'male', legacy15: false } });
    await expect(revealMemberIdNumber(ctx, caseDoc, other.applicantPersonId)).rejects.toThrow(/不是本办件的家庭成员/);
    await expect(revealMemberIdNumber(ctx, caseDoc, spouse.personId, '  ')).rejects.toThrow(/须说明用途/);
    expect((await readChain(ctx.db, ctx.deviceId)).filter((e) => e.action === 'id_unmask')).toHaveLength(1);
  });

  it('shows a member’s duplicate benefit with the other case, and the rule that it fails', async () => {
    const { ctx, caseDoc } = await intake((ids) => ids);
    const other = await createCase(ctx, { businessItem: 'rental_subsidy', applicantName: '王建华', id: { idNumber: spouseId, regionCode: '440304', birthDate: '1987-02-02', gender: 'male', legacy15: false } });
    const { checks } = await readDossier(ctx, undefined, caseDoc.id);
    const spouse = checks.duplicates.find((d) => d.name === '王建华')!;
    expect(spouse.hits.map((h) => h.caseId)).toEqual([other.id]);
    expect(spouse.hits[0]!.message).toContain('租赁补贴');
    expect(checks.duplicates.find((d) => d.name === '陈晓梅')!.hits).toEqual([]);
    expect(checks.rules!.results.find((r) => r.rule === 'other_benefits')).toMatchObject({ outcome: 'fail' });
  });

  it('shows each event with its actor, workstation and whether its signature verified; a forged one says why', async () => {
    const { ctx, reviewer, caseDoc, keys } = await intake((ids) => ids);
    // A "reviewer" decision signed with a key the reviewer never registered.
    const impostor: CaseContext = { ...reviewer, deviceId: 'ws-elsewhere', signer: await importSigner(await generateSigningKey()) };
    await recordCaseEvent(impostor, caseDoc.id, 'preliminary_approve', { opinion: '材料齐全' });
    const { timeline } = await readDossier(ctx, checkWith(keys), caseDoc.id);
    expect(timeline.rows.map((r) => [r.kind, r.actorName, r.deviceId, r.signature.kind])).toEqual([
      ['submit', '张敏', 'ws-test-1', 'verified'],
      ['accept', '张敏', 'ws-test-1', 'verified'],
      ['preliminary_approve', '李审核', 'ws-elsewhere', 'invalid'],
    ]);
    const forged = timeline.rows[2]!.signature;
    expect(forged.kind === 'invalid' && forged.reason).toMatch(/不是 rev-li 登记的密钥/);
    expect(timeline.rows[1]!.detail).toBe(caseDoc.receiptNo);
  });

  it('prints the 补正告知书 of a return with every correction at once, and records the print', async () => {
    const { ctx, reviewer, caseDoc } = await intake((ids) => ids);
    const [r1, r2, r3] = reasonsFor('return');
    await recordCaseEvent(reviewer, caseDoc.id, 'return', { missingMaterials: correctionsOf([r1!, r2!, r3!], '请补交近6个月银行流水') });
    const dossier = await readDossier(ctx, undefined, caseDoc.id);
    expect(dossier.timeline.state.status).toBe('returned');
    const { api, sent } = mainSide();
    await printCorrectionNotice(api, ctx, dossier, new Date('2026-11-28T02:00:00Z'));
    expect(sent.map((c) => c.name)).toEqual(['documents/correction-notice']);
    expect(sent[0]!.args).toMatchObject({
      applicantName: '陈晓梅',
      idMasked: '440304********002X',
      receiptNo: caseDoc.receiptNo,
      returnedBy: '李审核',
      deadline: '2026-12-08',
      corrections: [
        { name: '身份证明材料不全或不清晰' },
        { name: '户口簿或婚姻状况证明缺失' },
        { name: '收入证明需补充或更正', reason: '请补交近6个月银行流水' },
      ],
    });
    expect((sent[0]!.args as { noticeNo: string }).noticeNo).toMatch(/^BZ\d{8}-[0-9A-F]{8}$/);
    expect(JSON.stringify(sent)).not.toMatch(FULL_ID);
    const print = (await readChain(ctx.db, ctx.deviceId)).find((e) => e.action === 'print')!;
    expect(print).toMatchObject({ target: caseDoc.id, detail: { document: 'correction_notice', corrections: 3 } });

    // The receipt can still be reprinted, as it was issued.
    await reprintReceipt(api, ctx, dossier);
    expect(sent[1]).toMatchObject({ name: 'documents/render', args: { kind: 'receipt', receiptNo: caseDoc.receiptNo, idMasked: '440304********002X', missing: [] } });
  });

  it('refuses a 补正告知书 for a case that is not returned, saying so', async () => {
    const { ctx, caseDoc } = await intake((ids) => ids);
    const dossier = await readDossier(ctx, undefined, caseDoc.id);
    const { api, sent } = mainSide();
    await expect(printCorrectionNotice(api, ctx, dossier)).rejects.toThrow(/不是"已退回"状态/);
    expect(sent).toEqual([]);
  });
});
