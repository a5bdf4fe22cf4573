// The real reference design function: reason codes and the holiday calendar are written by IT (and
// administrators) only; a clerk or a reviewer is refused, and IT's documents must be well formed.
import { describe, expect, it } from 'vitest';
import { calendarDocWith } from '../../../domain/deadlines';
import { compileDesignFunction, loadDesignDoc } from '../load';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;

async function validator() {
  const validate = compileDesignFunction<Validate>(String((await loadDesignDoc('reference')).validate_doc_update));
  return (doc: unknown, old: unknown, roles: string[]) => {
    try {
      validate(doc, old, { name: 'u', roles }, { members: { roles: ['staff'] } });
      return 'ok';
    } catch (e) {
      return (e as { forbidden: string }).forbidden;
    }
  };
}

const code = { _id: 'reason_code:R07', type: 'reason_code', schemaVersion: 0, officeId: 'city', code: 'R07', use: 'return', zh: '居住证明需补充', en: 'Residence proof', active: true };
const year2027 = calendarDocWith([], 2027, { add: { date: '2027-01-01', kind: 'holiday', name: '元旦' } }, { at: '2026-11-28T08:00:00.000Z', officeId: 'city' });
const calendar = { ...year2027, _id: year2027.id };

describe('reference validate_doc_update: reason codes and the holiday calendar', () => {
  it('lets IT and administrators write them', async () => {
    const run = await validator();
    expect(run(code, null, ['staff', 'office:it-futian', 'it'])).toBe('ok');
    expect(run(calendar, null, ['staff', 'it'])).toBe('ok');
    expect(run({ ...code, active: false }, code, ['it'])).toBe('ok');
    expect(run(calendar, null, ['_admin'])).toBe('ok');
  });

  it('refuses a clerk or a reviewer, also for changing or deleting them', async () => {
    const run = await validator();
    const refused = '审核理由和节假日安排只能由信息技术人员维护';
    expect(run(code, null, ['staff', 'office:futian-huafu', 'clerk'])).toBe(refused);
    expect(run(calendar, null, ['staff', 'office:futian-huafu', 'reviewer'])).toBe(refused);
    expect(run({ ...calendar, entries: [] }, calendar, ['district_reviewer'])).toBe(refused);
    expect(run({ _id: code._id, _deleted: true }, code, ['reviewer'])).toBe(refused);
    // Other reference data stays with the central administrators, IT included.
    expect(run({ _id: 'office:x', type: 'office', schemaVersion: 0, officeId: 'x' }, null, ['it'])).toBe('参考数据只能由中心管理员维护');
  });

  it('refuses malformed documents from IT with the reason', async () => {
    const run = await validator();
    expect(run({ ...code, _id: 'reason_code:R08' }, null, ['it'])).toBe('审核理由记录的编号不符');
    expect(run({ ...code, use: 'maybe' }, null, ['it'])).toBe('审核理由的用途不正确');
    expect(run({ ...calendar, entries: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] }, null, ['it'])).toContain('不属于该年份');
    expect(run({ ...calendar, entries: [{ date: '2027-01-02', kind: 'off', name: '元旦' }] }, null, ['it'])).toContain('类别');
    expect(run({ ...code, _id: 'office:x', type: 'office' }, { ...code }, ['it'])).toBe('不能改变参考数据的类型');
  });
});

describe('reference validate_doc_update: inspection deficiencies', () => {
  const gas = { _id: 'deficiency:gas_leak', type: 'deficiency', schemaVersion: 4, officeId: 'city', code: 'gas_leak', zh: '燃气泄漏', en: 'Gas leak', severity: 'life_threatening', hours: 12, active: true };
  it('IT (and administrators) maintain them; nobody else', async () => {
    const run = await validator();
    expect(run(gas, null, ['staff', 'it'])).toBe('ok');
    expect(run({ ...gas, active: false }, gas, ['it'])).toBe('ok');
    expect(run(gas, null, ['_admin'])).toBe('ok');
    expect(run(gas, null, ['staff', 'inspector'])).toBe('房屋状况问题及整改期限只能由信息技术人员维护');
    expect(run({ _id: gas._id, _deleted: true }, gas, ['reviewer'])).toBe('房屋状况问题及整改期限只能由信息技术人员维护');
  });
  it('refuses malformed ones, and more than 24 hours for a life-threatening or severe deficiency', async () => {
    const run = await validator();
    expect(run({ ...gas, _id: 'deficiency:other' }, null, ['it'])).toBe('房屋状况问题记录的编号不符');
    expect(run({ ...gas, severity: 'bad' }, null, ['it'])).toBe('房屋状况问题的严重程度不正确');
    expect(run({ ...gas, hours: 0.5 }, null, ['it'])).toContain('整数');
    expect(run({ ...gas, hours: 720 }, null, ['it'])).toBe('危及生命和严重问题须在24小时内整改');
    expect(run({ ...gas, severity: 'moderate', hours: 720 }, null, ['it'])).toBe('ok');
    expect(run({ ...gas, zh: '' }, null, ['it'])).toContain('中文说明');
  });
});

describe('reference validate_doc_update: the platform’s allocation results', () => {
  it('are written by the administrator (the bridge) only: IT, a district reviewer or a clerk cannot redirect a unit', async () => {
    const run = await validator();
    const result = { _id: 'allocation_result:c-1', type: 'allocation_result', schemaVersion: 1, officeId: 'city', caseId: 'case:c-1', unitId: 'unit:a-0102', districtId: 'district:440304', businessItem: 'public_rental' };
    expect(run(result, null, ['_admin'])).toBe('ok');
    for (const roles of [['staff', 'it'], ['staff', 'district_reviewer', 'district:440304'], ['staff', 'clerk', 'office:futian-huafu']]) {
      expect(run(result, null, roles), roles.join(',')).toBe('参考数据只能由中心管理员维护');
      expect(run({ ...result, unitId: 'unit:z-0001' }, result, roles), roles.join(',')).toBe('参考数据只能由中心管理员维护');
    }
  });
});
