// IT maintains the reason codes and the holiday calendar on the workstation: 2027's New Year and an
// adjusted working Saturday are added and count in deadlines at once; a reviewer is refused; bad
// entries are refused with a reason a person can act on.
import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../domain/deadlines';
import type { SessionUser } from '../../domain/ipc/session';
import { openTestContext, TEST_USER } from '../audit/testing';
import { addCalendarEntry, loadHolidayCalendar, loadReasonCodes, removeCalendarEntry, saveReasonCode } from './reference-store';

let open: Awaited<ReturnType<typeof openTestContext>>[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const IT: SessionUser = { ...TEST_USER, name: 'it1', displayName: '王工', roles: ['it'] };
const REVIEWER: SessionUser = { ...TEST_USER, name: 'reviewer1', roles: ['reviewer'] };

async function context(user: SessionUser = IT) {
  const ctx = await openTestContext({ collections: ['reference'], user });
  open.push(ctx);
  return { db: ctx.db, user, now: () => new Date('2026-11-28T08:00:00.000Z') };
}

describe('holiday calendar as reference data', () => {
  it('starts from the shipped 2025 and 2026 calendars; IT adds (illustrative) 2027 days and deadlines count them', async () => {
    const ctx = await context();
    const shipped = await loadHolidayCalendar(ctx.db);
    expect(shipped.holidays.has('2026-10-01') && shipped.workdays.has('2026-10-10')).toBe(true);
    // Without a 2027 calendar, 10 working days from 24 Dec 2026 end on 7 Jan 2027 (weekends only).
    expect(addWorkingDays('2026-12-24', 10, shipped)).toBe('2027-01-07');
    await addCalendarEntry(ctx, { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    await addCalendarEntry(ctx, { date: '2027-01-04', kind: 'holiday', name: '元旦' });
    await addCalendarEntry(ctx, { date: '2027-01-09', kind: 'workday', name: '元旦调休上班' });
    const edited = await loadHolidayCalendar(ctx.db);
    expect(addWorkingDays('2026-12-24', 10, edited)).toBe('2027-01-09');
    // 2026 is untouched by a 2027 document.
    expect(edited.holidays.has('2026-10-01')).toBe(true);
    await removeCalendarEntry(ctx, '2027-01-09');
    expect((await loadHolidayCalendar(ctx.db)).workdays.has('2027-01-09')).toBe(false);
  });

  it('editing a shipped year keeps its other days', async () => {
    const ctx = await context();
    await removeCalendarEntry(ctx, '2026-10-10');
    const cal = await loadHolidayCalendar(ctx.db);
    expect(cal.workdays.has('2026-10-10')).toBe(false);
    expect(cal.workdays.has('2026-09-20') && cal.holidays.has('2026-10-07')).toBe(true);
  });

  it('refuses bad entries and non-IT users with a reason', async () => {
    const ctx = await context();
    await expect(addCalendarEntry(ctx, { date: '2027-02-30', kind: 'holiday', name: '春节' })).rejects.toThrow('日期"2027-02-30"无效');
    await expect(addCalendarEntry(ctx, { date: '2027-02-10', kind: 'workday', name: '春节调休' })).rejects.toThrow('是工作日,无需登记为调休上班');
    await expect(addCalendarEntry(ctx, { date: '2026-10-01', kind: 'holiday', name: '国庆节' })).rejects.toThrow('2026-10-01已登记');
    await expect(addCalendarEntry(ctx, { date: '2027-01-01', kind: 'holiday', name: ' ' })).rejects.toThrow('请填写节日名称');
    const reviewer = await context(REVIEWER);
    await expect(addCalendarEntry(reviewer, { date: '2027-01-01', kind: 'holiday', name: '元旦' })).rejects.toThrow('只有信息技术人员');
  });
});

describe('reason codes as reference data', () => {
  it('adds a code, changes a shipped one and withdraws another', async () => {
    const ctx = await context();
    expect((await loadReasonCodes(ctx.db)).map((c) => c.code)).toContain('R01');
    await saveReasonCode(ctx, { code: 'r07', use: 'return', zh: '居住证明需补充', en: 'Residence proof to be added' });
    await saveReasonCode(ctx, { code: 'R01', use: 'return', zh: '身份证明材料不全', en: 'Identity documents missing' });
    await saveReasonCode(ctx, { code: 'J04', use: 'reject', zh: '已享受其他住房保障', en: 'Other benefit' }, false);
    const codes = await loadReasonCodes(ctx.db);
    expect(codes.find((c) => c.code === 'R07')).toMatchObject({ use: 'return', zh: '居住证明需补充' });
    expect(codes.find((c) => c.code === 'R01')!.zh).toBe('身份证明材料不全');
    expect(codes.some((c) => c.code === 'J04')).toBe(false);
    await expect(saveReasonCode(ctx, { code: '7', use: 'return', zh: 'x', en: '' })).rejects.toThrow('代码应为大写字母开头');
    await expect(saveReasonCode(await context(REVIEWER), { code: 'R08', use: 'return', zh: 'x', en: '' })).rejects.toThrow('只有信息技术人员');
  });
});
