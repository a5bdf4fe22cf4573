import { describe, expect, it } from 'vitest';
import { ageOn, formatAmount, formatYears, yearsBefore } from './format';

describe('format', () => {
  it('puts thousands separators and keeps cents only when present', () => {
    expect(formatAmount(61_200)).toBe('61,200');
    expect(formatAmount(54_000)).toBe('54,000');
    expect(formatAmount(870_000)).toBe('870,000');
    expect(formatAmount(1_234_567.5)).toBe('1,234,567.50');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(0)).toBe('0');
    expect(formatYears(2.5)).toBe('2.5');
  });

  it('computes full years of age, a leap-day birthday coming of age on 1 March', () => {
    expect(ageOn('2006-03-15', '2024-03-15')).toBe(18);
    expect(ageOn('2006-03-16', '2024-03-15')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('counts years back, 29 February falling back to 28', () => {
    expect(yearsBefore('2024-03-15', 5)).toBe('2019-03-15');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });
});
