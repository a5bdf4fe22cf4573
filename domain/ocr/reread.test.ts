import { describe, expect, it } from 'vitest';
import { alignSpan, findRun, voteCharacters } from './reread';
import type { PlacedWord } from './stack';

const words = (...texts: string[]): PlacedWord[] => texts.map((text, i) => ({ text, confidence: 90, x0: i * 20, x1: i * 20 + 18, y0: 0, y1: 20 }));

describe('findRun', () => {
  it('finds the words holding a value, one character per word', () => {
    expect(findRun(words('持', '证', '人', '罗', '慧', '思'), '罗慧思')).toMatchObject({ from: 3, to: 6, start: 3, end: 6, headExtra: 0, tailExtra: 0 });
  });
  it('notes characters of the edge words that lie outside the value', () => {
    expect(findRun(words('证明沈', '雪(身'), '沈雪')).toMatchObject({ from: 0, to: 2, start: 2, end: 4, headExtra: 2, tailExtra: 2 });
  });
  it('returns undefined when the value is not on the line', () => {
    expect(findRun(words('姓', '名'), '张三')).toBeUndefined();
  });
});

describe('alignSpan', () => {
  it('takes the characters a new reading has where the first reading had the value', () => {
    expect(alignSpan('兹证明尤雪(身份证', 3, 5, '兹证明沈雪(身份证')).toBe('沈雪');
  });
  it('keeps a character the new reading inserts inside the value, not one at its edge', () => {
    expect(alignSpan('姓名罗思性别', 2, 4, '姓名罗慧思性别')).toBe('罗慧思');
    expect(alignSpan('姓名罗思性别', 2, 4, '姓名罗思了性别')).toBe('罗思');
  });
  it('drops value characters the new reading lost', () => {
    expect(alignSpan('姓名徐轩明人性别', 2, 6, '姓名徐轩明性别')).toBe('徐轩明');
  });
});

describe('voteCharacters', () => {
  it('changes a character only when both new readings agree against the first', () => {
    expect(voteCharacters('红老路1527号', ['红荔路1527号', '红荔路1527号'])).toBe('红荔路1527号');
    expect(voteCharacters('红老路1527号', ['红荔路1527号', '红成路1527号'])).toBe('红老路1527号');
  });
  it('keeps the length of the first reading when a new one drops or adds characters', () => {
    expect(voteCharacters('凤凰街道', ['凤街道', '凤凰凰街道'])).toBe('凤凰街道');
  });
});
