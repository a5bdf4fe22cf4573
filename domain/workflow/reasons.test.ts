import { describe, expect, it } from 'vitest';
import { correctionsOf, DEFAULT_REASON_CODES, reasonsFor, reasonText } from './reasons';

describe('reason codes', () => {
  it('has unique codes with Chinese and English labels for every use', () => {
    expect(new Set(DEFAULT_REASON_CODES.map((c) => c.code)).size).toBe(DEFAULT_REASON_CODES.length);
    for (const use of ['return', 'reject', 'approve'] as const) expect(reasonsFor(use).length).toBeGreaterThan(0);
    for (const c of DEFAULT_REASON_CODES) expect(c.zh && c.en).toBeTruthy();
  });

  it('joins the chosen labels and the free text', () => {
    const [r1, r3] = [reasonsFor('return')[0]!, reasonsFor('return')[2]!];
    expect(reasonText([r1, r3], ' 请补交近6个月银行流水 ')).toBe('身份证明材料不全或不清晰;收入证明需补充或更正;请补交近6个月银行流水');
    expect(correctionsOf([r1, r3], '银行流水')).toEqual([
      { code: 'R01', name: '身份证明材料不全或不清晰' },
      { code: 'R03', name: '收入证明需补充或更正', reason: '银行流水' },
    ]);
    expect(correctionsOf([], '户口簿复印件')).toEqual([{ code: 'OTHER', name: '户口簿复印件' }]);
    expect(correctionsOf([], ' ')).toEqual([]);
  });
});
