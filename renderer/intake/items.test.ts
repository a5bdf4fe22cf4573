// The counter starts any catalogue item a clerk may start: the case keeps the item's code and the
// catalogue version, runs under the item's stages, and the receipt names the item; a legacy
// application is refused with the catalogue's reason and nothing is written. An item about a
// benefit (续租, 退租…) is taken only for a current holder of that programme in the local database.
import { afterEach, describe, expect, it } from 'vitest';
import { blankMember, checklist, newDraft, type IntakeDraft } from '../../domain/intake/draft';
import { deriveCase } from '../../domain/workflow';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase } from '../cases/case-store';
import { IDBFactory } from 'fake-indexeddb';
import { openBlobStore } from '../sync/blob-store';
import { startBlobSync } from '../sync/blob-sync';
import { requirementsFor, startableItems } from './materials';
import { putScanContent } from './scan-store';
import { submitIntake } from './submit';

const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function setup() {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'files', 'audit'] });
  contexts.push(ctx);
  const store = await openBlobStore('t', new IDBFactory());
  const contents = startBlobSync({ store, couchUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('offline')), keyFor: () => ctx.keys.data });
  return { ctx, contents };
}

const APPLICANT_ID = validIdNumber(2, '44030419880315');

/** The applicant's own public rental case in the local database, moved to `status`. */
async function tenancy(ctx: Awaited<ReturnType<typeof setup>>['ctx'], status: 'contracted' | 'waiting' | 'exited') {
  const c = await createCase(ctx, validCase('陈晓梅', APPLICANT_ID, 'public_rental'));
  await (await ctx.db.cases.findOne(c.id).exec())!.incrementalPatch({ status });
  return c;
}

const draftFor = (businessItem: IntakeDraft['businessItem'], item: string): IntakeDraft => ({
  ...newDraft(`case:${crypto.randomUUID()}`, '2026-11-27T02:00:00.000Z'),
  businessItem,
  item,
  maritalStatus: 'single',
  householdAssets: 100_000,
  members: [{ ...blankMember('a', 'applicant'), name: '陈晓梅', idNumber: APPLICANT_ID, annualIncome: 40_000, socialInsuranceYears: 5, ownsHousingInShenzhen: false }],
});

describe('intake of a catalogue item', () => {
  it('offers a clerk every item a clerk may start, grouped, and no act on an open case', () => {
    const groups = startableItems(['clerk']);
    const codes = [...groups.values()].flat().map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['public_rental', 'public_rental.renewal', 'public_rental.exit', 'contact_change', 'rental_subsidy.annual_review']));
    expect(codes).not.toContain('correction');
    expect(codes).not.toContain('talent_housing');
    expect([...groups.keys()]).toEqual(['allocation', 'subsidy', 'tenancy', 'exit', 'service']);
  });

  it('asks for the item’s materials, with the district’s variant', () => {
    const renewal = requirementsFor('public_rental.renewal').map((r) => r.code);
    expect(renewal).toEqual(['id_card', 'hukou_book', 'lease', 'income_proof', 'property_search']);
    expect(requirementsFor('public_rental.renewal', 'district:440306').map((r) => r.code)).toContain('social_insurance_renewal');
    expect(requirementsFor('public_rental.exit').map((r) => r.name)).toContain('房屋交接确认单');
  });

  it('a renewal with every material: accepted under its item and catalogue version, the receipt names it', async () => {
    const { ctx, contents } = await setup();
    await tenancy(ctx, 'contracted');
    const contentId = await putScanContent(ctx.db, ctx.keys, new TextEncoder().encode('PNG'));
    const page = { fileName: 'p.png', mimeType: 'image/png', contentId, byteLength: 3, fields: {}, text: '' };
    const d: IntakeDraft = {
      ...draftFor('public_rental', 'public_rental.renewal'),
      fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 },
      face: { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), jpegBase64: '' },
      scans: ['hukou_book', 'income_proof', 'property_search'].map((materialCode, i) => ({ ...page, key: `k${i}`, materialCode })),
    };
    const items = checklist(d, requirementsFor(d.item!), '2026-11-27');
    const outcome = await submitIntake(ctx, { ...d, received: items.map((i) => i.id) }, items, contents);
    if (!outcome.ok) throw new Error(outcome.reasons.map((r) => r.message).join(';'));
    expect(outcome.caseDoc).toMatchObject({ status: 'accepted', item: 'public_rental.renewal', catalogueVersion: '2026.1', businessItem: 'public_rental' });
    expect(outcome.receipt.businessItemLabel).toBe('公共租赁住房续租');
    const events = (await ctx.db.events.find({ selector: { caseId: d.caseId } }).exec()).map((e) => e.toJSON());
    expect(deriveCase(events as never)).toMatchObject({ item: 'public_rental.renewal', catalogueVersion: '2026.1', status: 'accepted' });
  });

  it('refuses a renewal or an exit for someone holding no current public rental tenancy, and writes nothing', async () => {
    const { ctx, contents } = await setup();
    const submit = async (item: string) => {
      const d: IntakeDraft = { ...draftFor('public_rental', item), fingerprint: { template: 'dGVtcGxhdGU=', module: 'R30x/AS608', quality: 88 } };
      const items = checklist(d, requirementsFor(item), '2026-11-27').filter((i) => !['hukou_book', 'income_proof'].includes(i.code));
      const outcome = await submitIntake(ctx, { ...d, received: items.map((i) => i.id) }, items, contents);
      return outcome.ok ? [] : outcome.reasons.map((r) => [r.code, r.message]);
    };
    const refusal = (name: string) => ['NO_CURRENT_BENEFIT', `陈晓梅目前没有正在享受的公共租赁住房,不能办理“${name}”:该事项只为现有公共租赁住房的承租人或保障对象办理`];
    // Nobody by that number in this database.
    expect(await submit('public_rental.exit')).toEqual([refusal('退租(退出公共租赁住房)')]);
    // An application still on the waiting list, and a tenancy that has ended, hold no lease.
    const waiting = await tenancy(ctx, 'waiting');
    const eventsBefore = await ctx.db.events.count().exec();
    expect(await submit('public_rental.exit')).toEqual([[refusal('退租(退出公共租赁住房)')[0], expect.stringContaining('申请尚在办理中')]]);
    await (await ctx.db.cases.findOne(waiting.id).exec())!.incrementalPatch({ status: 'exited' });
    expect(await submit('public_rental.contract_change')).toEqual([refusal('租赁合同变更')]);
    expect(await ctx.db.cases.count().exec()).toBe(1);
    expect(await ctx.db.events.count().exec()).toBe(eventsBefore);
    // With the lease signed the same exit is taken.
    await tenancy(ctx, 'contracted');
    expect(await submit('public_rental.exit')).toEqual([]);
    expect(await ctx.db.cases.count().exec()).toBe(3);
  });

  it('refuses a legacy programme’s new application and writes nothing', async () => {
    const { ctx, contents } = await setup();
    const d = draftFor('talent_housing', 'talent_housing');
    const items = checklist(d, requirementsFor(d.item!), '2026-11-27');
    const outcome = await submitIntake(ctx, { ...d, received: items.map((i) => i.id) }, items, contents);
    expect(outcome.ok ? [] : outcome.reasons.map((r) => r.message)).toEqual(['“人才住房申请(历史项目)”已不再受理新的申请']);
    expect(await ctx.db.cases.count().exec()).toBe(0);
    expect(await ctx.db.events.count().exec()).toBe(0);
  });
});
