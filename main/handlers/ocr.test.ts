// Reading a page on the host: staged in order, read once with progress, refused with the reason
// when the bytes are not an image — and the staged copy is gone either way.
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import type { OcrProgress } from '../../domain/ipc/ocr';
import type { MainContext } from '../context';
import { EventBus } from '../events';
import { renderFixture } from '../ocr/fixtures/render';
import { OcrService } from '../ocr/service';
import { ocrHandlers } from './ocr';

const events = new EventBus();
const ocr = new OcrService();
const handlers = ocrHandlers({ events, ocr } as unknown as MainContext);
afterAll(() => ocr.close());

async function stage(transferId: string, bytes: Uint8Array, chunk = 512 * 1024): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await handlers['ocr/stage']({ transferId, offset, dataBase64: Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64') });
  }
}

describe('ocr handlers', () => {
  it('reads a staged income proof with progress, and only once', async () => {
    const f = renderFixture('income', 2);
    const progress: number[] = [];
    const stop = events.subscribe((channel, payload) => channel === 'ocr/progress' && progress.push((payload as OcrProgress).fraction));
    await stage('page-0001', await f.png(), 100_000);
    const reading = await handlers['ocr/read']({ transferId: 'page-0001', kind: 'income' });
    stop();
    expect(reading.fields.idNumber).toBe(f.content.fields.idNumber);
    expect(reading.fields.monthlyIncome).toBe(f.content.fields.monthlyIncome);
    expect(reading).not.toHaveProperty('attempts');
    expect(progress.at(-1)).toBe(1);
    await expect(handlers['ocr/read']({ transferId: 'page-0001', kind: 'income' })).rejects.toMatchObject({ code: 'OCR_NOT_STAGED' });
  }, 60_000);

  it('refuses chunks out of order and bytes that are no image, with the reason', async () => {
    await handlers['ocr/stage']({ transferId: 'page-0002', offset: 0, dataBase64: Buffer.from('abc').toString('base64') });
    await expect(handlers['ocr/stage']({ transferId: 'page-0002', offset: 10, dataBase64: 'QUJD' })).rejects.toMatchObject({ code: 'OCR_CHUNK_ORDER' });
    await stage('page-0003', new TextEncoder().encode('\x89PNG\r\n\x1a\n not a png at all'));
    const refused = await handlers['ocr/read']({ transferId: 'page-0003', kind: 'hukou' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/PNG|图像/);
  });
});
