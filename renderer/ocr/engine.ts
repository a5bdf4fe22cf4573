// Reading a certificate page: the page's file goes to the workstation host in chunks a call may
// carry, and the host reads it with PaddleOCR and tesseract (main/ocr/service.ts), reporting
// progress as events; nothing leaves the workstation. A file whose header declares more than the
// shared limits is refused here, with the reason, before a byte is sent.
import { checkImageSize, HEADER_BYTES } from '../../domain/images/size-policy';
import { toBase64 } from '../../domain/crypto/sealing';
import { OCR_CHUNK_BYTES } from '../../domain/ipc/ocr';
import type { DocKind } from '../../domain/ocr/fields';
import type { PageReading } from '../../domain/ocr/pipeline';
import type { Api } from '../api/client';

/** Progress 0..1 across sending the page (first 10 %) and the host reading it. */
export type ProgressListener = (fraction: number, stage: 'loading' | 'reading') => void;

export class HostOcrReader {
  constructor(private readonly api: Api) {}

  async read(file: Blob, kind: DocKind, onProgress?: ProgressListener): Promise<PageReading> {
    const checked = checkImageSize(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()), file.size);
    if (!checked.ok) throw new Error(checked.message);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const transferId = crypto.randomUUID();
    onProgress?.(0, 'loading');
    for (let offset = 0; offset < bytes.length; offset += OCR_CHUNK_BYTES) {
      const chunk = bytes.subarray(offset, offset + OCR_CHUNK_BYTES);
      await this.api.invoke('ocr/stage', { transferId, offset, dataBase64: toBase64(chunk) });
      onProgress?.((0.1 * (offset + chunk.length)) / bytes.length, 'loading');
    }
    let shown = 0.1;
    const stop = this.api.on('ocr/progress', (p) => {
      const fraction = 0.1 + 0.9 * p.fraction;
      if (p.transferId !== transferId || fraction <= shown) return;
      shown = fraction;
      onProgress?.(fraction, 'reading');
    });
    try {
      return await this.api.invoke('ocr/read', { transferId, kind });
    } finally {
      stop();
    }
  }
}
