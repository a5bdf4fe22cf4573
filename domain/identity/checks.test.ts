import { describe, expect, it } from 'vitest';
import { buildBenefitIndex, checkCardAgainstNumber, checkCardValidity, findDuplicateBenefits } from './checks';
import { checkCharacter } from './idnumber';

const id = (first17: string) => first17 + checkCharacter(first17);
const MALE = id('44030419900307123'); // sequence 123: odd → male
const FEMALE = id('44030519851231002');

describe('checkCardAgainstNumber', () => {
  it('accepts matching card fields in either date format', () => {
    expect(checkCardAgainstNumber({ idNumber: MALE, genderCode: '1', birthDate: '19900307' })).toEqual([]);
    expect(checkCardAgainstNumber({ idNumber: FEMALE, genderCode: '2', birthDate: '1985-12-31' })).toEqual([]);
  });

  it('reports a birth date that differs from the number', () => {
    const p = checkCardAgainstNumber({ idNumber: MALE, genderCode: '1', birthDate: '19900308' });
    expect(p).toEqual([{ code: 'BIRTH_MISMATCH', message: '证件出生日期1990-03-08与身份证号码中的出生日期1990-03-07不一致', messageEn: 'Birth date on the card 1990-03-08 differs from the 1990-03-07 in the ID number' }]);
  });

  it('reports a gender that differs from the number', () => {
    const p = checkCardAgainstNumber({ idNumber: MALE, genderCode: '2', birthDate: '19900307' });
    expect(p).toEqual([{ code: 'GENDER_MISMATCH', message: '证件性别为"女",与身份证号码(第17位为奇数,应为男)不一致', messageEn: 'Gender on the card is "female", not as in the ID number (17th digit odd: male)' }]);
    expect(checkCardAgainstNumber({ idNumber: FEMALE, genderCode: '1', birthDate: '19851231' })[0]?.code).toBe('GENDER_MISMATCH');
  });

  it('reports an invalid number with its own reason', () => {
    const wrong = MALE.slice(0, 17) + (MALE[17] === '0' ? '1' : '0');
    expect(checkCardAgainstNumber({ idNumber: wrong, genderCode: '1', birthDate: '19900307' })[0]?.code).toBe('ID_NUMBER');
  });
});

describe('checkCardValidity', () => {
  it('is valid through the last printed day and expired the day after', () => {
    const card = { validFrom: '20140501', validTo: '20240501' };
    expect(checkCardValidity(card, '2024-05-01')).toEqual({ valid: true, message: '身份证有效期至2024-05-01', messageEn: 'The card is valid until 2024-05-01' });
    expect(checkCardValidity(card, '2024-05-02')).toEqual({
      valid: false,
      code: 'EXPIRED',
      message: '身份证有效期至2024-05-01,于2024-05-02已过期,请申请人换领新证',
      messageEn: 'The card was valid until 2024-05-01 and has expired on 2024-05-02: the applicant needs a new card',
    });
  });

  it('accepts 长期 and refuses a card not yet valid', () => {
    expect(checkCardValidity({ validFrom: '20100101', validTo: '长期' }, '2060-01-01').valid).toBe(true);
    expect(checkCardValidity({ validFrom: '20240601', validTo: '20440601' }, '2024-05-31')).toMatchObject({ code: 'NOT_YET_VALID' });
  });

  it('asks to check the card when the date is missing or unreadable', () => {
    expect(checkCardValidity({}, '2024-01-01')).toMatchObject({ code: 'UNKNOWN' });
    expect(checkCardValidity({ validTo: '2024/01/01' }, '2024-01-01')).toMatchObject({ code: 'UNKNOWN' });
  });
});

describe('findDuplicateBenefits', () => {
  const index = buildBenefitIndex([
    { idHash: 'h1', officeId: 'office:luohu', officeName: '罗湖区住房保障中心', caseId: 'case:9', businessItem: 'public_rental', role: 'member', standing: 'current' },
    { idHash: 'h1', officeId: 'office:futian', caseId: 'case:1', businessItem: 'rental_subsidy', role: 'applicant', standing: 'applied' },
    { idHash: 'h2', officeId: 'office:nanshan', caseId: 'case:5', businessItem: 'shared_ownership', role: 'applicant', standing: 'applied' },
    { idHash: 'h2', officeId: 'office:nanshan', caseId: 'case:4', businessItem: 'public_rental', role: 'applicant', standing: 'ended' },
  ]);

  it('returns where the person already holds a benefit, with a Chinese message', () => {
    const hits = findDuplicateBenefits('h1', index, { excludeCaseId: 'case:1', displayId: MALE });
    expect(hits).toEqual([
      {
        officeId: 'office:luohu',
        officeName: '罗湖区住房保障中心',
        caseId: 'case:9',
        businessItem: 'public_rental',
        standing: 'current',
        message: '身份证号440304********' + MALE.slice(-4) + '的人员已作为共同申请人在罗湖区住房保障中心享受或申请公共租赁住房(案件case:9)',
        messageEn: 'The person with ID number 440304********' + MALE.slice(-4) + ' already receives or applied for public rental housing as co-applicant at 罗湖区住房保障中心 (case case:9)',
      },
    ]);
  });

  it('returns nothing for an unknown person, only the case at hand, or a benefit that has ended', () => {
    expect(findDuplicateBenefits('h3', index)).toEqual([]);
    expect(findDuplicateBenefits('h2', index).map((h) => h.caseId)).toEqual(['case:5']);
    expect(findDuplicateBenefits('h2', index, { excludeCaseId: 'case:5' })).toEqual([]);
    expect(findDuplicateBenefits('h2', index)[0]?.message).toBe('该人员已作为主申请人在office:nanshan享受或申请共有产权住房(案件case:5)');
  });
});
