import { afterEach, describe, expect, it } from 'vitest';
import { openText } from '../../domain/crypto/sealing';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import { deriveCase } from '../../domain/workflow';
import { openTestContext, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { checkDuplicateBenefits } from '../cases/duplicates';
import { loadDraft, saveDraft } from './draft-store';
import { requirementsFor } from './materials';
import { IDBFactory } from 'fake-indexeddb';
import { openBlobStore } from '../sync/blob-store';
import { startBlobSync, type BlobSync } from '../sync/blob-sync';
import { submitIntake } from './submit';

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
    scans: [{ key: 'k1', materialCode: 'hukou_book', fileName: 'hukou.png', mimeType: 'image/png', dataBase64: btoa('PNG-BYTES'), fields: { name: '陈晓梅' }, text: '' }],
    face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
  };
}

describe('submitting an intake', () => {
  it('with every material received: the case is accepted, members sealed, materials and biometrics stored, receipt complete', async () => {
    const ctx = await context();
    const d = draft();
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const contents = await contentsFor(ctx);
    const { caseDoc, receipt } = await submitIntake(ctx, { ...d, received: items.map((i) => i.id) }, items, contents);

    expect(caseDoc.status).toBe('accepted');
    expect(receipt).toMatchObject({ kind: 'receipt', receiptNo: caseDoc.receiptNo, idMasked: '440304********002X', missing: [] });
    const events = (await ctx.db.events.find({ selector: { caseId: caseDoc.id } }).exec()).map((e) => e.toJSON());
    expect(deriveCase(events as never).status).toBe('accepted');
    const people = (await ctx.db.people.find({ selector: { type: 'person' } }).exec()).map((p) => p.toJSON() as Record<string, string>);
    expect(people.map((p) => p.name).sort()).toEqual(['王建华', '陈晓梅']);
    for (const p of people) expect(JSON.stringify(p)).not.toMatch(/\d{17}[\dX]/);
    const applicant = people.find((p) => p.name === '陈晓梅')!;
    expect(await openText(ctx.keys.data, applicant.idNumberEnc!)).toBe(card.idNumber);
    expect(await openText(ctx.keys.data, applicant.cardAddressEnc!)).toBe(card.address);
    expect(JSON.parse(await openText(ctx.keys.data, applicant.cardRawEnc!))).toMatchObject({ photoWlt: 'AAEC', issuer: card.issuer });
    const files = (await ctx.db.files.find({ selector: { caseId: caseDoc.id } }).exec()).map((f) => f.toJSON() as Record<string, unknown>);
    expect(files.filter((f) => f.type === 'material')).toHaveLength(items.length);
    const scan = files.find((f) => f.type === 'scan')!;
    expect(new TextDecoder().decode(await contents.getBlob(scan.id as string, ctx.user.officeId, scan.contentHash as string))).toBe('PNG-BYTES');
    expect(JSON.parse(await openText(ctx.keys.data, scan.ocrTextEnc as string)).fields).toEqual({ name: '陈晓梅' });
    expect(files.find((f) => f.type === 'material' && f.materialCode === 'hukou_book')!.scanIds).toEqual([scan.id]);
    const bio = files.filter((f) => f.type === 'biometric');
    expect(bio.map((b) => b.kind).sort()).toEqual(['face', 'fingerprint']);
    expect(await openText(ctx.keys.data, bio.find((b) => b.kind === 'fingerprint')!.dataEnc as string)).toBe('dGVtcGxhdGU=');
  });

  it('with materials missing: the case is returned with the one complete list, and the receipt names them', async () => {
    const ctx = await context();
    const d = draft();
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    const { caseDoc, receipt } = await submitIntake(ctx, { ...d, received: [items[0]!.id] }, items, await contentsFor(ctx));
    expect(caseDoc.status).toBe('returned');
    expect(receipt.missing).toHaveLength(items.length - 1);
    const ret = await ctx.db.events.findOne({ selector: { caseId: caseDoc.id, kind: 'return' } }).exec();
    expect((ret!.get('payload') as { missingMaterials: unknown[] }).missingMaterials).toHaveLength(items.length - 1);
  });

  it('the duplicate-benefit check then finds the applicant in this active case', async () => {
    const ctx = await context();
    const d = draft();
    const items = checklist(d, requirementsFor(d.businessItem), '2026-11-27');
    await createCase(ctx, { businessItem: 'rental_subsidy', applicantName: '陈晓梅', id: { idNumber: card.idNumber, regionCode: '440304', birthDate: '1988-03-15', gender: 'female', legacy15: false } });
    const hits = await checkDuplicateBenefits(ctx, card.idNumber, { excludeCaseId: d.caseId });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('440304********002X');
    await submitIntake(ctx, d, items, await contentsFor(ctx));
  });
});

describe('intake autosave', () => {
  it('resumes the sealed draft after the database is reopened, and stores no ID number in clear', async () => {
    const ctx = await context();
    const d = { ...draft(), step: 'household' as const };
    await saveDraft(ctx.db, ctx.keys, d);
    const raw = await ctx.db.getLocal<{ sealed: string }>('intake-draft');
    expect(JSON.stringify(raw!.toJSON())).not.toContain(card.idNumber);
    expect(await loadDraft(ctx.db, ctx.keys)).toEqual(d);
  });
});
