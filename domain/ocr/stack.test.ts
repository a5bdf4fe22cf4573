import { describe, expect, it } from 'vitest';
import { readingOrder, wordsBySlot } from './stack';

const word = (text: string, x0: number, y0: number, width = 100, height = 30) => ({ text, confidence: 90, x0, y0, x1: x0 + width, y1: y0 + height });

describe('words back to their regions', () => {
  it('keeps the lines of a cell whose text wraps in order, each left to right', () => {
    // Three lines of one cell, all starting at the cell's left edge; the last is one character.
    const words = [word('司', 10, 90, 30), word('服务有限公司龙华分公', 10, 50, 300), word('深圳市创维达人力资源', 10, 10, 300)];
    const [cell] = wordsBySlot(words, [{ x0: 0, x1: 320, y0: 0, y1: 130, top: 0 }]);
    expect(cell!.map((w) => w.text).join('')).toBe('深圳市创维达人力资源服务有限公司龙华分公司');
  });
  it('reads one line left to right, a small mark on it included', () => {
    const line = [word('女', 300, 12, 30, 28), word('性别', 200, 10), word(':', 180, 24, 8, 10), word('姓名张伟', 10, 10, 160)];
    expect(readingOrder(line).map((w) => w.text)).toEqual(['姓名张伟', ':', '性别', '女']);
  });
});
