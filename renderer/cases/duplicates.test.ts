import { afterEach, describe, expect, it } from 'vitest';
import type { HouseholdDoc } from '../../domain/model';
import { openTestContext, validCase, validIdNumber } from '../audit/testing';
import { createCase } from './case-store';
import { checkDuplicateBenefits } from './duplicates';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

async function context() {
  const ctx = await openTestContext({ collections: ['cases', 'events', 'people', 'audit'] });
  open.push(ctx);
  return ctx;
}

describe('duplicate-benefit check in the local database', () => {
  it('flags an applicant of another active case with office, case and programme', async () => {
    const ctx = await context();
    const idNumber = validIdNumber(21);
    const first = await createCase(ctx, validCase('陈一', idNumber, 'public_rental'));
    const hits = await checkDuplicateBenefits(ctx, idNumber);
    expect(hits).toEqual([
      {
        officeId: 'futian-huafu',
        officeName: '福田区华富街道办事处',
        caseId: first.id,
        businessItem: 'public_rental',
        standing: 'applied',
        message: expect.stringMatching(/^身份证号440304\*{8}\d{3}[\dX]的人员已作为主申请人在福田区华富街道办事处享受或申请公共租赁住房/),
        messageEn: expect.stringMatching(/^The person with ID number 440304\*{8}\d{3}[\dX] already receives or applied for public rental housing as main applicant at 福田区华富街道办事处/),
      },
    ]);
    expect(await checkDuplicateBenefits(ctx, idNumber, { excludeCaseId: first.id })).toEqual([]);
    expect(await checkDuplicateBenefits(ctx, validIdNumber(22))).toEqual([]);
  });

  it('ignores rejected and exited cases', async () => {
    const ctx = await context();
    const idNumber = validIdNumber(23);
    const first = await createCase(ctx, validCase('陈二', idNumber));
    await (await ctx.db.cases.findOne(first.id).exec())!.incrementalPatch({ status: 'rejected' });
    expect(await checkDuplicateBenefits(ctx, idNumber)).toEqual([]);
    await (await ctx.db.cases.findOne(first.id).exec())!.incrementalPatch({ status: 'in_tenancy' });
    expect(await checkDuplicateBenefits(ctx, idNumber)).toMatchObject([{ caseId: first.id, standing: 'current' }]);
  });

  it('finds a person who is a household member (not the applicant) of another case', async () => {
    const ctx = await context();
    const spouseId = validIdNumber(25);
    const other = await createCase(ctx, validCase('刘三', validIdNumber(24), 'rental_subsidy'));
    // The spouse was registered as a member of that household (a person document of their own).
    const spouse = await createCase(ctx, validCase('刘妻', spouseId, 'shared_ownership'));
    await (await ctx.db.cases.findOne(spouse.id).exec())!.incrementalPatch({ status: 'exited' });
    // As the intake writes it: each case has its own person documents, linked to its household.
    const spouseInOther = { ...(await ctx.db.people.findOne(spouse.applicantPersonId).exec())!.toJSON(), id: 'person:spouse-in-other', householdId: other.householdId };
    await ctx.db.people.insert(spouseInOther as never);
    const household = await ctx.db.people.findOne(other.householdId).exec();
    const members = (household!.get('members') as HouseholdDoc['members']).concat({
      personId: spouseInOther.id,
      relation: 'spouse',
      annualIncome: null,
      ownsHousingInShenzhen: null,
    });
    await household!.incrementalPatch({ members });
    const hits = await checkDuplicateBenefits(ctx, spouseId);
    expect(hits).toMatchObject([{ caseId: other.id, businessItem: 'rental_subsidy', message: expect.stringContaining('共同申请人') }]);
  });
});
