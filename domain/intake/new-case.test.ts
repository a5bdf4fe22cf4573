import { describe, expect, it } from 'vitest';
import { checkNewCase } from './new-case';

const today = new Date('2026-11-27T00:00:00Z');

describe('checkNewCase', () => {
  it('accepts a complete first step', () => {
    const r = checkNewCase({ businessItem: 'public_rental', applicantName: ' 张三 ', idNumber: '11010519491231002x' }, today);
    expect(r).toMatchObject({ ok: true, value: { businessItem: 'public_rental', applicantName: '张三', id: { idNumber: '11010519491231002X' } } });
  });

  it('names every problem at once, in Chinese', () => {
    const r = checkNewCase({ businessItem: '', applicantName: '', idNumber: '110105194912310021' }, today);
    expect(r).toEqual({
      ok: false,
      errors: {
        businessItem: '请选择申请事项',
        applicantName: '请填写申请人姓名',
        idNumber: '身份证号码校验位错误:最后一位应为X,请核对号码是否输错',
      },
    });
  });

  it('refuses digits in a name', () => {
    expect(checkNewCase({ businessItem: 'rental_subsidy', applicantName: '张3', idNumber: '11010519491231002X' }, today)).toMatchObject({
      ok: false,
      errors: { applicantName: '姓名应为2至50个汉字或字母' },
    });
  });
});
