import { afterEach, describe, expect, it } from 'vitest';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase, loadApplicant, renameApplicant } from './case-store';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

describe('case store', () => {
  it('writes person, household, case, submit event and audit event, with the ID number only sealed', async () => {
    const ctx = await openTestContext();
    open.push(ctx);
    const idNumber = validIdNumber(41);
    const created = await createCase(ctx, validCase('黄佳慧', idNumber, 'affordable_rental'));
    const [people, events, cases, audit] = await Promise.all(
      (['people', 'events', 'cases', 'audit'] as const).map((c) => ctx.db[c].find().exec().then((d) => d.map((x) => x.toJSON()))),
    );
    expect([people!.length, events!.length, cases!.length, audit!.length]).toEqual([2, 1, 1, 1]);
    expect(cases![0]).toMatchObject({ status: 'submitted', applicantName: '黄佳慧', businessItem: 'affordable_rental' });
    const person = people!.find((p) => p.type === 'person')!;
    expect(person).toMatchObject({ idMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`, idHash: created.idHash });
    expect(String(person.idNumberEnc)).toMatch(/^v1:/);
    expect(JSON.stringify([people, events, cases, audit])).not.toContain(idNumber);
    expect((await loadApplicant(ctx, created))?.person.id).toBe(created.applicantPersonId);
  });

  it('renames the applicant on the case and the person together', async () => {
    const ctx = await openTestContext();
    open.push(ctx);
    const created = await createCase(ctx, validCase('黄佳', validIdNumber(42)));
    await renameApplicant(ctx, created.id, '黄佳慧');
    expect((await ctx.db.cases.findOne(created.id).exec())!.get('nameKey')).toBe('黄佳慧');
    expect((await ctx.db.people.findOne(created.applicantPersonId).exec())!.get('name')).toBe('黄佳慧');
    await expect(renameApplicant(ctx, 'case:none', '某某')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
