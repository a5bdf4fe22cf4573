import { describe, expect, it } from 'vitest';
import { DOUBTFUL, extractFields } from './extract';

const lines = (...texts: string[]) => texts.map((text) => ({ text, confidence: 0.9 }));

describe('hukou relation', () => {
  it('keeps a relation from the vocabulary and marks it for a second reading', () => {
    const e = extractFields('hukou', lines('姓名  张伟  户主或与户主关系  长子'));
    expect(e.fields.relation).toBe('长子');
    expect(e.confidence.relation).toBe(0.9);
    expect(e.recheck.map((r) => [r.field, r.kind])).toEqual([
      ['name', 'name'],
      ['relation', 'relation'],
    ]);
  });
  it('corrects a clear near miss with a note, and flags an unknown word', () => {
    const near = extractFields('hukou', lines('户主或与户主关系  雇主'));
    expect(near.fields.relation).toBe('户主');
    expect(near.confidence.relation).toBe(DOUBTFUL);
    expect(near.notes.relation).toContain('雇主');
    const unknown = extractFields('hukou', lines('户主或与户主关系  芒'));
    expect(unknown.fields.relation).toBe('芒');
    expect(unknown.notes.relation).toBe('与户主关系无法识别,请核对');
  });
});

describe('income proof, tolerant of common misreads', () => {
  const page = (amountLine: string, unit: string, date: string) =>
    lines(
      '兹证明沈雪(身份证号:440582198310100',
      `681)系我单位正式员工。${amountLine}`,
      `单位名称${unit}:深圳市宝安区教育局`,
      `日期:${date}`,
    );
  it('reads amounts whose 元 or decimal point was misread', () => {
    const e = extractFields('income', page('该同志月收入为人民币19,500,00元,年收入为人民币426,000.007。', '(盖章)', '2023年11月01日'));
    expect(e.fields.monthlyIncome).toBe(19500);
    expect(e.fields.annualIncome).toBe(426000);
    expect(e.confidence.annualIncome).toBe(DOUBTFUL);
  });
  it('does not take part of an amount for the whole when separators are misread', () => {
    const e = extractFields('income', page('该同志月收入为人民币12.500.00元,年收入为人民币150,000.00元。', '(盖章)', '2023年11月01日'));
    expect(e.fields.monthlyIncome).toBe(12500);
    expect(e.fields.annualIncome).toBe(150000);
  });
  it('finds the employer after a misread bracket and the date without its 日', () => {
    const e = extractFields('income', page('月收入为人民币3,700.00元', '{盖草)', '2022年10月18晶'));
    expect(e.fields.employer).toBe('深圳市宝安区教育局');
    expect(e.fields.date).toBe('2022-10-18');
    const stray = extractFields('income', page('月收入为人民币3,700.00元', '(盖章)', '2022年01]月21日'));
    expect(stray.fields.date).toBe('2022-01-21');
    expect(stray.confidence.date).toBe(DOUBTFUL);
    expect(e.recheck).toEqual([{ field: 'name', line: 0, text: '沈雪', kind: 'name' }]);
  });
});

describe('marriage dates', () => {
  it('ignores a stray bracket in a date but asks for a check', () => {
    const e = extractFields('marriage', lines('登记日期  2016年01]月28日'));
    expect(e.fields.registrationDate).toBe('2016-01-28');
    expect(e.confidence.registrationDate).toBe(DOUBTFUL);
  });
});
