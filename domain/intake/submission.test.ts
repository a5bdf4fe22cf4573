import { describe, expect, it } from 'vitest';
import { generateSigningKey, importSigner, signDoc } from '../crypto/signing';
import { overrideBody, type DuplicateOverride } from './override';
import { checkCharacter } from '../identity/idnumber';
import type { MaterialListDoc } from '../model/reference';
import { referenceDocs } from '../seed';
import { checklistNotice, documentKindFor, submittedDocument } from './documents';
import { blankMember, checklist, missingMaterials, newDraft, type IntakeDraft, type IntakeStep } from './draft';
import { isReceived, setReceived } from './received';
import { checkSubmission, intakeProgress, visit, type DuplicateCheck } from './submission';

const id = (first17: string) => first17 + checkCharacter(first17);
const publicRental = (referenceDocs().find((d) => d.id === 'material_list:public_rental') as MaterialListDoc).materials;
const ON = '2026-11-27';
const issuer = { officeName: '福田区华富街道办事处', clerkName: '张敏' };

function complete(): IntakeDraft {
  return {
    ...newDraft('case:1a2b3c4d', '2026-11-27T02:00:00Z'),
    businessItem: 'public_rental',
    maritalStatus: 'single',
    members: [{ ...blankMember('a', 'applicant'), name: '林晓红', idNumber: id('44030419850615002') }],
    face: { descriptor: [0.1], jpegBase64: '' },
    fingerprint: { template: 'dA==', module: 'R30x/AS608', quality: 80 },
  };
}
/** A check over every member that found `hits`, all of them the applicant's own. */
const checked = (d: IntakeDraft, hits: DuplicateCheck['hits'] = []): DuplicateCheck => ({
  idNumbers: d.members.map((m) => m.idNumber),
  hits,
  byIdNumber: Object.fromEntries(d.members.map((m) => [m.idNumber, m.relation === 'applicant' ? hits : []])),
});
/** The applicant's own public rental tenancy (a contracted case). */
const TENANCY = { officeId: 'o', caseId: 'case:t', businessItem: 'public_rental' as const, standing: 'current' as const, message: '已享受公共租赁住房' };
const codes = (d: IntakeDraft, duplicates: DuplicateCheck | undefined = checked(d)) => {
  const r = checkSubmission(d, { items: checklist(d, publicRental, ON), duplicates, on: ON });
  return r.ok ? [] : r.reasons.map((x) => x.code);
};

describe('checkSubmission: what must pass before an intake is committed', () => {
  it('a complete intake passes', () => {
    expect(codes(complete())).toEqual([]);
  });

  it('the skip-to-submit path (only the item chosen) is refused with every missing check', () => {
    const d = { ...newDraft('case:1', '2026-11-27T02:00:00Z'), businessItem: 'public_rental' as const };
    const r = checkSubmission(d, { items: checklist(d, publicRental, ON), duplicates: undefined, on: ON });
    expect(!r.ok && r.reasons.map((x) => x.code)).toEqual(['NO_APPLICANT', 'DUPLICATES_NOT_CHECKED', 'FACE_MISSING', 'FINGERPRINT_MISSING']);
    expect(!r.ok && r.reasons.map((x) => x.message)).toContain('尚未采集申请人人像');
  });

  it('asks for the face and fingerprint the item names: an application both, a renewal or an exit the fingerprint only', () => {
    const bare = { ...complete(), face: null, fingerprint: null } as unknown as IntakeDraft;
    expect(codes(bare)).toEqual(['FACE_MISSING', 'FINGERPRINT_MISSING']);
    for (const item of ['public_rental.renewal', 'public_rental.exit']) {
      expect(codes({ ...bare, item }, checked(bare, [TENANCY])), item).toEqual(['FINGERPRINT_MISSING']);
      expect(codes({ ...bare, item, fingerprint: complete().fingerprint }, checked(bare, [TENANCY])), item).toEqual([]);
    }
  });

  it("does not count the benefit a renewal or an exit is about as a duplicate; another programme's still blocks", () => {
    const d = complete();
    const own = TENANCY;
    const other = { officeId: 'o', caseId: 'case:x', businessItem: 'rental_subsidy' as const, message: '已享受租赁补贴' };
    expect(codes(d, checked(d, [own]))).toEqual(['DUPLICATE_BENEFIT']);
    const renewal = { ...d, item: 'public_rental.renewal' };
    expect(codes(renewal, checked(renewal, [own]))).toEqual([]);
    expect(codes(renewal, checked(renewal, [own, other]))).toEqual(['DUPLICATE_BENEFIT']);
  });

  it('starts an item about a benefit (续租, 家庭成员变更, 退租, 年审, 租金减免, 调换, 合同变更) only for a current holder of that programme', () => {
    const d = complete();
    const about = ['public_rental.renewal', 'public_rental.member_change', 'public_rental.exit', 'public_rental.rent_reduction', 'public_rental.swap', 'public_rental.contract_change'];
    for (const item of about) {
      const r = checkSubmission({ ...d, item }, { items: [], duplicates: checked(d), on: ON });
      expect(!r.ok && r.reasons.map((x) => x.code), item).toEqual(['NO_CURRENT_BENEFIT']);
      expect(codes({ ...d, item }, checked(d, [TENANCY])), item).toEqual([]);
    }
    const renewal = { ...d, item: 'public_rental.renewal' };
    const r = checkSubmission(renewal, { items: [], duplicates: checked(d), on: ON });
    expect(!r.ok && r.reasons[0]).toMatchObject({
      step: 'check',
      message: '林晓红目前没有正在享受的公共租赁住房,不能办理“公共租赁住房续租”:该事项只为现有公共租赁住房的承租人或保障对象办理',
      messageEn: '林晓红 holds no current public rental housing, so “Public rental lease renewal” cannot be started: it is only for a current tenant or recipient of public rental housing',
    });
    // An application still under review holds nothing yet; another programme's tenancy is no public rental.
    const applied = { ...TENANCY, standing: 'applied' as const };
    expect(checkSubmission(renewal, { items: [], duplicates: checked(d, [applied]), on: ON })).toMatchObject({ ok: false, reasons: [{ code: 'NO_CURRENT_BENEFIT', message: expect.stringContaining('申请尚在办理中') }] });
    expect(codes(renewal, checked(d, [{ ...TENANCY, businessItem: 'talent_housing' }]))).toEqual(['DUPLICATE_BENEFIT', 'NO_CURRENT_BENEFIT']);
    // A hit without a standing (a source that does not say) is not taken as current.
    const { standing: _s, ...unknown } = TENANCY;
    expect(codes(renewal, checked(d, [unknown]))).toEqual(['NO_CURRENT_BENEFIT']);
    // The subsidy's annual review needs a granted subsidy, not a public rental lease.
    const review = { ...d, businessItem: 'rental_subsidy' as const, item: 'rental_subsidy.annual_review' };
    const reviewed = checkSubmission(review, { items: [], duplicates: checked(d, [TENANCY]), on: ON });
    expect(!reviewed.ok && reviewed.reasons.map((x) => x.code)).toEqual(['DUPLICATE_BENEFIT', 'NO_CURRENT_BENEFIT']);
    expect(!reviewed.ok && reviewed.reasons[1]!.message).toContain('没有正在享受的租赁补贴');
    expect(codes(review, checked(d, [{ ...TENANCY, businessItem: 'rental_subsidy' }]))).toEqual([]);
  });

  it('the tenancy must be the applicant’s: a household member’s lease does not let the applicant renew', () => {
    const d = complete();
    const spouse = { ...blankMember('s', 'spouse' as const), name: '陈志远', idNumber: id('44030419840120003') };
    const renewal = { ...d, item: 'public_rental.renewal', members: [...d.members, spouse] };
    const spouseHolds: DuplicateCheck = { idNumbers: renewal.members.map((m) => m.idNumber), hits: [TENANCY], byIdNumber: { [spouse.idNumber]: [TENANCY] } };
    expect(codes(renewal, spouseHolds)).toEqual(['NO_CURRENT_BENEFIT']);
  });

  it('a change of contact details needs a case or benefit of the programme, even one still waiting; an application needs none', () => {
    const d = complete();
    const contact = { ...d, item: 'contact_change' };
    expect(checkSubmission(contact, { items: [], duplicates: checked(d), on: ON })).toMatchObject({ ok: false, reasons: [{ code: 'NO_CURRENT_BENEFIT', message: '林晓红没有在办或正在享受的公共租赁住房,不能办理“联系信息变更”' }] });
    expect(codes(contact, checked(d, [{ ...TENANCY, standing: 'applied' }]))).toEqual([]);
    expect(codes(d)).toEqual([]);
  });

  it('refuses a member whose number fails the checksum, a card that disagrees with its number, an expired card', () => {
    const d = complete();
    const bad = { ...d, members: [...d.members, { ...blankMember('s', 'spouse' as const), name: '陈志远', idNumber: '440304198401200031' }] };
    const r = checkSubmission(bad, { items: [], duplicates: checked(bad), on: ON });
    expect(!r.ok && r.reasons.map((x) => [x.code, x.step])).toEqual([['MEMBER_ID', 'household']]);
    expect(!r.ok && r.reasons[0]!.message).toMatch(/^陈志远的身份证号码未通过校验:身份证号码校验位错误/);
    const card = { name: '林晓红', genderCode: '1', nationCode: '01', birthDate: '1985-06-15', address: '', idNumber: d.members[0]!.idNumber, issuer: '', validFrom: '2005-01-01', validTo: '2025-01-01', photoWlt: '' };
    const withCard = { ...d, members: [{ ...d.members[0]!, card }] };
    expect(codes(withCard)).toEqual(['CARD_MISMATCH', 'CARD_INVALID']);
  });

  it('a duplicate benefit blocks until a reviewer’s signed override for this case is recorded; a check run for fewer members does not count', async () => {
    const d = complete();
    const hit = { officeId: 'o', caseId: 'case:x', businessItem: 'rental_subsidy' as const, message: '身份证号440304********0021的人员已作为主申请人在o享受或申请租赁补贴(案件case:x)' };
    expect(codes(d, checked(d, [hit]))).toEqual(['DUPLICATE_BENEFIT']);
    const reviewer = { userId: 'rev1', name: '李审核', roles: ['reviewer'], officeId: 'o' };
    const signer = await importSigner(await generateSigningKey());
    const signed = await signDoc(signer, overrideBody(d.caseId, '原补贴已停发', reviewer, '2026-11-27T08:00:00.000Z'));
    expect(codes({ ...d, override: signed }, checked(d, [hit]))).toEqual([]);
    // What a renderer could make up by itself: no signature, another case's override, a clerk's own.
    const unsigned = { by: '李审核', reason: '原补贴已停发' } as unknown as DuplicateOverride;
    expect(codes({ ...d, override: unsigned }, checked(d, [hit]))).toEqual(['DUPLICATE_BENEFIT']);
    const otherCase = await signDoc(signer, overrideBody('case:other', '原补贴已停发', reviewer, '2026-11-27T08:00:00.000Z'));
    expect(codes({ ...d, override: otherCase }, checked(d, [hit]))).toEqual(['DUPLICATE_BENEFIT']);
    const byClerk = await signDoc(signer, overrideBody(d.caseId, '我自己放行', { ...reviewer, roles: ['clerk'] }, '2026-11-27T08:00:00.000Z'));
    expect(codes({ ...d, override: byClerk }, checked(d, [hit]))).toEqual(['DUPLICATE_BENEFIT']);
    expect(codes(d, { idNumbers: [], hits: [], byIdNumber: {} })).toEqual(['DUPLICATES_NOT_CHECKED']);
  });

  it('a received certificate the office keeps needs its scan', () => {
    const d = complete();
    const items = checklist(d, publicRental, ON);
    const withHukou = { ...d, received: [items.find((i) => i.code === 'hukou_book')!.id] };
    expect(codes(withHukou)).toEqual(['SCAN_MISSING']);
    expect(codes({ ...withHukou, scans: [{ key: 'k', materialCode: 'hukou_book', fileName: 'a.png', mimeType: 'image/png', contentId: 'c', byteLength: 1, fields: {}, text: '' }] })).toEqual([]);
  });
});

describe('intakeProgress: the step bar', () => {
  it('unvisited steps are undone, not ticked; visited failing ones are failed; visited passing ones done', () => {
    const start = { ...newDraft('case:1', '2026-11-27T02:00:00Z'), businessItem: 'public_rental' as const };
    // Jumping from the first step straight to the last: only the first was visited.
    const jumped = visit(start, 'receipt');
    const progress = intakeProgress(jumped, checkSubmission(jumped, { items: [], duplicates: undefined, on: ON }));
    expect(progress).toEqual({ item: 'done', applicant: 'undone', household: 'undone', face: 'undone', fingerprint: 'undone', scans: 'undone', check: 'undone', receipt: 'undone' });
    const steps: IntakeStep[] = ['applicant', 'household', 'face', 'fingerprint', 'scans', 'check', 'receipt'];
    const walked = steps.reduce<IntakeDraft>((d, s) => visit(d, s), start);
    const after = intakeProgress(walked, checkSubmission(walked, { items: [], duplicates: undefined, on: ON }));
    expect(after).toMatchObject({ item: 'done', applicant: 'failed', household: 'done', face: 'failed', fingerprint: 'failed', check: 'failed' });
  });
});

describe('received materials', () => {
  it('a material ticked before the members were known stays ticked for each member once they are added', () => {
    const d = complete();
    const before = checklist({ ...d, members: [] }, publicRental, ON);
    const received = setReceived(before, [], [before.find((i) => i.code === 'id_card')!.id]);
    const family = { ...d, members: [...d.members, { ...blankMember('s', 'spouse' as const), name: '陈志远', idNumber: id('44030419840120003') }] };
    const after = checklist(family, publicRental, ON);
    const idCards = after.filter((i) => i.code === 'id_card');
    expect(idCards.map((i) => isReceived(i, received))).toEqual([true, true]);
    expect(missingMaterials(after, received).some((i) => i.code === 'id_card')).toBe(false);
    // Unticking one member's line unticks only that line.
    const shown = after.filter((i) => isReceived(i, received)).map((i) => i.id);
    const untick = setReceived(after, received, shown.filter((x) => x !== idCards[1]!.id));
    expect(idCards.map((i) => isReceived(i, untick))).toEqual([true, false]);
  });
});

describe('receipt and notice', () => {
  it('a returned case gets a one-time notice (TZ, 退回), an accepted one a receipt (SZ): never 已受理 for a returned case', () => {
    expect(documentKindFor('returned')).toBe('notice');
    expect(documentKindFor('accepted')).toBe('receipt');
    const d = complete();
    const items = checklist(d, publicRental, ON);
    const notice = submittedDocument(d, items, 'returned', '2026-11-27T03:00:00Z', issuer);
    expect(notice).toMatchObject({ kind: 'notice', applicantName: '林晓红', idMasked: '440304********0026'.slice(0, 14) + d.members[0]!.idNumber.slice(-4) });
    expect(notice.receiptNo).toMatch(/^TZ20261127-/);
    const receipt = submittedDocument({ ...d, received: items.map((i) => i.id) }, items, 'accepted', '2026-11-27T03:00:00Z', issuer);
    expect(receipt).toMatchObject({ kind: 'receipt', missing: [] });
    expect(receipt.receiptNo).toMatch(/^SZ20261127-/);
  });

  it('the one-time notice from the checklist names the applicant and masked number, and is refused before there is one', () => {
    const d = complete();
    const none = checklistNotice({ ...d, members: [] }, checklist({ ...d, members: [] }, publicRental, ON), '2026-11-27T03:00:00Z', issuer);
    expect(none).toEqual({ ok: false, message: '一次性告知书须写明申请人:请先读取或录入主申请人的身份证' });
    const notice = checklistNotice(d, checklist(d, publicRental, ON), '2026-11-27T03:00:00Z', issuer);
    expect(notice.ok && notice.value).toMatchObject({ kind: 'notice', applicantName: '林晓红' });
    expect(notice.ok && notice.value.idMasked).toMatch(/^440304\*{8}\d{3}[\dX]$/);
  });
});
