import { describe, expect, it } from 'vitest';
import { characterAccuracy, compactText, fixDigits, normaliseText, parseAmount, parseDate, repairDate } from './normalise';

describe('normaliseText', () => {
  it('removes the spaces tesseract puts between CJK characters and makes punctuation half-width', () => {
    expect(normaliseText('登记 日 期 : 2014 年 11 月 19 日')).toBe('登记日期:2014年11月19日');
    expect(normaliseText('单位名称（盖章）：深圳市')).toBe('单位名称(盖章):深圳市');
    expect(normaliseText('J440303-2014-000050  abc   def')).toBe('J440303-2014-000050 abc def');
  });
  it("reads a dot between Chinese characters as a name's middle dot, and leaves numbers alone", () => {
    expect(normaliseText('阿依.艾买提女士')).toBe('阿依·艾买提女士');
    expect(normaliseText('姓名 艾力 • 努尔')).toBe('姓名艾力·努尔');
    expect(normaliseText('名姓  玛依拉?托合提')).toBe('名姓玛依拉·托合提');
    expect(normaliseText('面积92.33平方米 第1.5条')).toBe('面积92.33平方米第1.5条');
  });
  it('compacts for layout-free comparison', () => {
    expect(compactText('姓 名\n张 三')).toBe('姓名张三');
  });
});

describe('numeric fields', () => {
  it('repairs look-alike letters only where digits are expected', () => {
    expect(fixDigits('44O3O4l98805O61234')).toBe('440304198805061234');
    expect(fixDigits('4403041988050612 3x', 'X')).toBe('44030419880506123X');
  });
  it('parses Chinese and dotted dates, rejecting impossible ones', () => {
    expect(parseDate('1985年3月12日')).toBe('1985-03-12');
    expect(parseDate('2O14年1l月19日')).toBe('2014-11-19');
    // A dot read as a comma.
    expect(parseDate('2025,10.22')).toBe('2025-10-22');
    expect(parseDate('1985.03.12')).toBe('1985-03-12');
    expect(parseDate('2023年02月30日')).toBeUndefined();
    // A year no certificate carries is a misread, never a date.
    expect(parseDate('2926年10月06日')).toBeUndefined();
    expect(parseDate('1026.10.06')).toBeUndefined();
  });

  it('makes a date that is none a date by one often-confused digit of its month, day or impossible year, when only one change fits', () => {
    // No 97th month: a 0 whose gap closed reads 9.
    expect(repairDate('2026.97.30')).toBe('2026-07-30');
    expect(repairDate('2O26.97.3O')).toBe('2026-07-30');
    expect(repairDate('2025.13.05')).toBe('2025-12-05');
    expect(repairDate('2026-11-32')).toBe('2026-11-22');
    // A real date is never changed, and where several changes fit none is taken.
    expect(repairDate('2026.07.30')).toBeUndefined();
    expect(repairDate('2025年2月30日')).toBeUndefined();
    expect(repairDate('2026.99.99')).toBeUndefined();
    // A year outside 1900–2099 by one digit (9 for 0), the month and day as printed.
    expect(repairDate('2926年10月06日')).toBe('2026-10-06');
    // Two parts wrong are not guessed at.
    expect(repairDate('2926.97.30')).toBeUndefined();
    expect(repairDate('5818,073.78')).toBeUndefined();
  });
  it('parses amounts with thousands separators', () => {
    expect(parseAmount('12,200.00')).toBe(12200);
    expect(parseAmount('1O2,OOO.OO')).toBe(102000);
    expect(parseAmount('abc')).toBeUndefined();
  });
});

describe('characterAccuracy', () => {
  it('is 1 − edit distance / length on compacted text', () => {
    expect(characterAccuracy('姓名 张三', '姓名张三')).toBe(1);
    expect(characterAccuracy('姓名张王', '姓名张三')).toBe(0.75);
  });
});

describe('parseAmount with misread separators', () => {
  it('tells a decimal point from a thousands separator by position', () => {
    expect(parseAmount('19,500,00')).toBe(19500);
    expect(parseAmount('12.500.00')).toBe(12500);
    expect(parseAmount('12,200')).toBe(12200);
    expect(parseAmount('12.5')).toBe(12.5);
  });
  it('refuses what cannot be read one way only', () => {
    expect(parseAmount('426,000.007')).toBeUndefined();
    expect(parseAmount('1,2')).toBeUndefined();
    expect(parseAmount('12,,500')).toBeUndefined();
  });
});
