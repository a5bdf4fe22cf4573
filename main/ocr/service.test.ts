// The host's reader thread: a reader that dies mid-page fails that page with a message, and the next
// page is read by a new one; the caller's bytes are not taken from it.
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import { OcrService } from './service';

const service = new OcrService(new URL('./fixtures/crashing-worker.mjs', import.meta.url));
afterAll(() => service.close());

describe('OcrService', () => {
  it('fails the page whose reader died with a message, then reads the next page in a new reader', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const died = await service.read(bytes, 'hukou').catch((e: unknown) => e);
    expect(died).toBeInstanceOf(AppError);
    expect(died).toMatchObject({ code: 'OCR_FAILED' });
    expect((died as AppError).message).toMatch(/识别程序意外停止/);
    const progress: number[] = [];
    const next = await service.read(bytes, 'income', (f) => progress.push(f));
    expect(next.text).toBe('4 bytes');
    expect(progress).toEqual([1]);
    // The bytes were copied to the reader, not moved out of the caller's hands.
    expect([...bytes]).toEqual([1, 2, 3, 4]);
  });
});
