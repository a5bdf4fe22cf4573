// Certificate pages read on the host (domain/ipc/ocr.ts): the file staged in chunks, then read by
// the host's reader (main/ocr/service.ts) and dropped.
import { AppError } from '../../domain/errors';
import { MAX_IMAGE_BYTES } from '../../domain/images/size-policy';
import { OCR_CHUNK_BYTES, type OcrHandlers } from '../../domain/ipc/ocr';
import type { MainContext } from '../context';

/** Pages staged at once (a page abandoned half-sent is dropped after STAGE_TTL_MS). */
const MAX_STAGED = 4;
const STAGE_TTL_MS = 10 * 60_000;

interface Staged {
  readonly chunks: Buffer[];
  size: number;
  touched: number;
}

export function ocrHandlers(ctx: MainContext): { [K in keyof OcrHandlers]: OcrHandlers[K] } {
  const staged = new Map<string, Staged>();
  const sweep = () => {
    for (const [id, s] of staged) if (Date.now() - s.touched > STAGE_TTL_MS) staged.delete(id);
  };
  return {
    async 'ocr/stage'({ transferId, offset, dataBase64 }) {
      sweep();
      const chunk = Buffer.from(dataBase64, 'base64');
      if (chunk.length > OCR_CHUNK_BYTES) throw new AppError('OCR_CHUNK', '数据块过大');
      let s = staged.get(transferId);
      if (offset === 0) {
        if (!s && staged.size >= MAX_STAGED) throw new AppError('OCR_BUSY', '本机正在识别其他材料,请稍后再试');
        s = { chunks: [], size: 0, touched: Date.now() };
        staged.set(transferId, s);
      }
      if (!s || s.size !== offset) throw new AppError('OCR_CHUNK_ORDER', '材料图像传输中断,请重新选择');
      if (s.size + chunk.length > MAX_IMAGE_BYTES) {
        staged.delete(transferId);
        throw new AppError('IMAGE_TOO_LARGE', `图像文件超过上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB,请降低扫描分辨率`);
      }
      s.chunks.push(chunk);
      s.size += chunk.length;
      s.touched = Date.now();
      return { received: s.size };
    },
    async 'ocr/read'({ transferId, kind }) {
      const s = staged.get(transferId);
      if (!s) throw new AppError('OCR_NOT_STAGED', '材料图像尚未完整传到本机,请重新选择');
      staged.delete(transferId);
      return ctx.ocr.read(Buffer.concat(s.chunks, s.size), kind, (fraction) => ctx.events.emit('ocr/progress', { transferId, fraction }));
    },
  };
}
