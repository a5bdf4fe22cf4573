// Certificate pages read on the host (domain/ipc/ocr.ts): the file staged in chunks, then read by
// the host's reader (main/ocr/service.ts) and dropped.
import { MAX_IMAGE_BYTES } from '../../domain/images/size-policy';
import { OCR_CHUNK_BYTES, type OcrHandlers } from '../../domain/ipc/ocr';
import type { MainContext } from '../context';
import { Staging } from './staging';

export function ocrHandlers(ctx: MainContext): { [K in keyof OcrHandlers]: OcrHandlers[K] } {
  const staged = new Staging({
    chunkBytes: OCR_CHUNK_BYTES,
    maxBytes: MAX_IMAGE_BYTES,
    maxStaged: 4,
    // A page abandoned half-sent is dropped after ten minutes.
    ttlMs: 10 * 60_000,
    refusals: {
      chunk: ['OCR_CHUNK', '数据块过大'],
      busy: ['OCR_BUSY', '本机正在识别其他材料,请稍后再试'],
      order: ['OCR_CHUNK_ORDER', '材料图像传输中断,请重新选择'],
      tooLarge: ['IMAGE_TOO_LARGE', `图像文件超过上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB,请降低扫描分辨率`],
      notStaged: ['OCR_NOT_STAGED', '材料图像尚未完整传到本机,请重新选择'],
    },
  });
  return {
    async 'ocr/stage'({ transferId, offset, dataBase64 }) {
      return staged.add(transferId, offset, dataBase64);
    },
    async 'ocr/read'({ transferId, kind }) {
      const bytes = staged.take(transferId);
      return ctx.ocr.read(bytes, kind, (fraction) => ctx.events.emit('ocr/progress', { transferId, fraction }));
    },
  };
}
