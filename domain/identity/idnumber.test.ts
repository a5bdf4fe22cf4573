import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber, maskIdNumber, upgradeLegacy } from './idnumber';

const today = new Date('2026-11-27T00:00:00Z');

describe('checkIdNumber', () => {
  it('accepts a valid 18-digit number and reads birth date and gender', () => {
    const r = checkIdNumber('11010519491231002X', today);
    expect(r).toEqual({
      valid: true,
      info: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female', legacy15: false },
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    const r = checkIdNumber('11010519491231002x', today);
    expect(r.valid && r.info.idNumber).toBe('11010519491231002X');
  });

  it('names the expected check character when the checksum is wrong', () => {
    const r = checkIdNumber('110105194912310021', today);
    expect(r).toMatchObject({ valid: false, problem: 'CHECKSUM' });
    expect(!r.valid && r.message).toContain('最后一位应为X');
  });

  it('reports the length', () => {
    const r = checkIdNumber('4403041990', today);
    expect(!r.valid && r.message).toBe('身份证号码应为18位,当前为10位');
  });

  it('rejects impossible and future birth dates', () => {
    const feb30 = '440304199002300000';
    const withCheck = feb30.slice(0, 17) + checkCharacter(feb30.slice(0, 17));
    expect(checkIdNumber(withCheck, today)).toMatchObject({ valid: false, problem: 'BIRTH_DATE' });
    const future = '44030420300101001';
    expect(checkIdNumber(future + checkCharacter(future), today)).toMatchObject({ valid: false, problem: 'BIRTH_DATE' });
  });

  it('does not reject unknown region codes', () => {
    const first = '99999919900101001';
    expect(checkIdNumber(first + checkCharacter(first), today).valid).toBe(true);
  });

  it('accepts legacy 15-digit numbers and upgrades them', () => {
    const r = checkIdNumber('440304900101003', today);
    expect(r.valid && r.info).toMatchObject({ legacy15: true, birthDate: '1990-01-01', gender: 'male' });
    expect(upgradeLegacy('440304900101003')).toBe(r.valid ? r.info.idNumber : '');
    expect(upgradeLegacy('440304900101003')).toHaveLength(18);
  });

  it('rejects letters in the body', () => {
    expect(checkIdNumber('4403041990A1010011', today)).toMatchObject({ valid: false, problem: 'CHARACTERS' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four characters', () => {
    expect(maskIdNumber('440304199001011234')).toBe('440304********1234');
  });
});
