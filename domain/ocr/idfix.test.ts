import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../identity/idnumber';
import { readIdNumber, sameIdNumber } from './idfix';

const valid = (first17: string) => first17 + checkCharacter(first17);
const TODAY = new Date('2025-01-01T00:00:00Z');

describe('readIdNumber', () => {
  const id = valid('44030419880506123');
  it('accepts a valid number after repairing look-alike letters', () => {
    const r = readIdNumber(id.replace(/0/g, 'O'), {}, TODAY);
    expect(r).toEqual({ value: id, valid: true, corrected: false });
  });
  it('corrects a near miss only when exactly one plausible change passes the checksum', () => {
    // A misread check character: with the birth date and gender as hints only one fix remains.
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r = readIdNumber(wrongCheck, { birthDate: '1988-05-06', gender: '男' }, TODAY);
    if (r.corrected) expect(r.value).toBe(id);
    else expect(r.valid).toBe(false);
    expect(r.note).toMatch(/身份证号码/);
  });
  it('drops one character read into the number when exactly one deletion passes, as a correction', () => {
    const r = readIdNumber(`${id.slice(0, 9)}1${id.slice(9)}`, { birthDate: '1988-05-06' }, TODAY);
    expect(r).toMatchObject({ value: id, valid: true, corrected: true });
    expect(r.note).toContain('19位');
  });
  it('puts back one digit lost from the number only when the page\'s birth date leaves one choice', () => {
    const lost = '110105194708058138'.slice(1);
    const r = readIdNumber(lost, { birthDate: '1947-08-05', gender: '男' }, TODAY);
    expect(r).toMatchObject({ value: '110105194708058138', valid: true, corrected: true });
    expect(r.note).toContain('17位');
    // Without the birth date many insertions pass the checksum: only a digit printed twice and read
    // once (11 read as 1) is put back, when that leaves one choice; any other lost digit is not.
    expect(readIdNumber(lost, {}, TODAY)).toMatchObject({ value: '110105194708058138', valid: true, corrected: true });
    expect(readIdNumber(lost, {}, TODAY).note).toContain('重复数字');
    expect(readIdNumber('11010194708058138', {}, TODAY).valid).toBe(false);
    // A date that does not fit the number (the wrong party's) fixes nothing either.
    expect(readIdNumber(lost, { birthDate: '1973-03-12' }, TODAY).valid).toBe(false);
    // A digit lost after the date (…1111 1569 read …1111 569): several insertions keep the date, one
    // doubled digit gives a valid number.
    expect(readIdNumber('43042219891111569', { birthDate: '1989-11-11' }, TODAY)).toMatchObject({ value: '430422198911111569', valid: true, corrected: true });
  });
  it('never claims validity for an ambiguous or short number', () => {
    const r = readIdNumber('4403041988', {}, TODAY);
    expect(r.valid).toBe(false);
    expect(r.note).toContain('18位');
  });
  it('compares paper and card numbers ignoring case and spaces', () => {
    expect(sameIdNumber(' 11010519491231002x', '11010519491231002X')).toBe(true);
    expect(sameIdNumber('', '')).toBe(false);
  });
});
