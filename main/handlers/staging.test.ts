// Chunked transfers from the page: in order, within the limits, taken once, abandoned ones dropped.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Staging } from './staging';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const staging = () =>
  new Staging({
    chunkBytes: 4,
    maxBytes: 10,
    maxStaged: 2,
    ttlMs: 60_000,
    refusals: { chunk: ['CHUNK', '数据块过大'], busy: ['BUSY', '忙'], order: ['ORDER', '传输中断'], tooLarge: ['LARGE', '太大'], notStaged: ['NONE', '尚未传完'] },
  });

afterEach(() => vi.useRealTimers());

describe('Staging', () => {
  it('joins the chunks in order and gives the file once', () => {
    const s = staging();
    expect(s.add('t1', 0, b64('abcd'))).toEqual({ received: 4 });
    expect(s.add('t1', 4, b64('ef'))).toEqual({ received: 6 });
    expect(s.take('t1').toString()).toBe('abcdef');
    expect(() => s.take('t1')).toThrow(expect.objectContaining({ code: 'NONE', message: '尚未传完' }));
  });

  it('refuses a chunk out of order, an oversized chunk, a file over the limit and a third transfer, each with its reason', () => {
    const s = staging();
    s.add('t1', 0, b64('abcd'));
    expect(() => s.add('t1', 8, b64('ab'))).toThrow(expect.objectContaining({ code: 'ORDER' }));
    expect(() => s.add('t1', 4, b64('abcde'))).toThrow(expect.objectContaining({ code: 'CHUNK' }));
    s.add('t1', 4, b64('abcd'));
    expect(() => s.add('t1', 8, b64('abc'))).toThrow(expect.objectContaining({ code: 'LARGE' }));
    // The oversized transfer is gone, not left holding memory.
    expect(() => s.take('t1')).toThrow(expect.objectContaining({ code: 'NONE' }));
    s.add('t2', 0, b64('a'));
    s.add('t3', 0, b64('a'));
    expect(() => s.add('t4', 0, b64('a'))).toThrow(expect.objectContaining({ code: 'BUSY' }));
  });

  it('drops a transfer abandoned longer than its time, making room for a new one', () => {
    vi.useFakeTimers();
    const s = staging();
    s.add('t1', 0, b64('a'));
    s.add('t2', 0, b64('a'));
    vi.advanceTimersByTime(61_000);
    expect(s.add('t3', 0, b64('a'))).toEqual({ received: 1 });
    expect(() => s.take('t1')).toThrow(expect.objectContaining({ code: 'NONE' }));
  });
});
