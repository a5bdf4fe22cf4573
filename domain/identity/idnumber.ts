// Resident ID numbers (GB 11643-1999): 18-digit with a check character, and legacy 15-digit numbers.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

export interface IdNumberInfo {
  /** The number normalised to 18 characters with an upper-case X. */
  readonly idNumber: string;
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly gender: Gender;
  readonly legacy15: boolean;
}

export type IdNumberProblem = 'EMPTY' | 'LENGTH' | 'CHARACTERS' | 'BIRTH_DATE' | 'CHECKSUM';

export type IdNumberCheck =
  | { readonly valid: true; readonly info: IdNumberInfo }
  | { readonly valid: false; readonly problem: IdNumberProblem; readonly message: string; readonly messageEn: string };

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const bad = (problem: IdNumberProblem, message: string, messageEn: string): IdNumberCheck => ({ valid: false, problem, message, messageEn });

/**
 * Validates an ID number and explains in Chinese what is wrong.
 * Region codes are not checked: old cards carry retired codes.
 */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (value === '') return bad('EMPTY', '请填写身份证号码', 'Enter the ID number');
  if (value.length === 15) return checkLegacy(value, today);
  if (value.length !== 18) return bad('LENGTH', `身份证号码应为18位,当前为${value.length}位`, `An ID number has 18 characters, this one ${value.length}`);
  if (!/^\d{17}[\dX]$/.test(value)) return bad('CHARACTERS', '身份证号码前17位必须是数字,最后一位是数字或X', 'The first 17 characters of an ID number are digits, the last a digit or X');
  const birth = value.slice(6, 14);
  const dateProblem = checkBirth(birth, today);
  if (dateProblem) return dateProblem;
  const expected = checkCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return bad('CHECKSUM', `身份证号码校验位错误:最后一位应为${expected},请核对号码是否输错`, `Wrong check character: the last should be ${expected}; check the number for a typing error`);
  }
  return { valid: true, info: infoOf(value, birth, false) };
}

function checkLegacy(value: string, today: Date): IdNumberCheck {
  if (!/^\d{15}$/.test(value)) return bad('CHARACTERS', '15位身份证号码必须全部是数字', 'A 15-digit ID number has digits only');
  const birth = `19${value.slice(6, 12)}`;
  const dateProblem = checkBirth(birth, today);
  if (dateProblem) return dateProblem;
  return { valid: true, info: infoOf(upgradeLegacy(value), birth, true) };
}

function checkBirth(yyyymmdd: string, today: Date): IdNumberCheck | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!isRealDate(y, m, d) || y < 1880) {
    return bad('BIRTH_DATE', `身份证号码中的出生日期${yyyymmdd}不是有效日期`, `The birth date ${yyyymmdd} in the ID number is not a valid date`);
  }
  if (Date.UTC(y, m - 1, d) > today.getTime()) {
    return bad('BIRTH_DATE', `身份证号码中的出生日期${yyyymmdd}晚于今天`, `The birth date ${yyyymmdd} in the ID number is after today`);
  }
  return undefined;
}

function infoOf(id18: string, birth: string, legacy15: boolean): IdNumberInfo {
  return {
    idNumber: id18,
    regionCode: id18.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(id18[16]) % 2 === 1 ? 'male' : 'female',
    legacy15,
  };
}

/** Converts a legacy 15-digit number to its 18-digit form (century 19, computed check character). */
export function upgradeLegacy(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** Masked display: region code and last four kept, e.g. 440304********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}
