// The host's page reader: PaddleOCR and tesseract (readers.ts), created with the first page and
// reused, so each page after the first costs only its reading; one page at a time.
import type { DocKind } from '../../domain/ocr/fields';
import { readDocument } from '../../domain/ocr/document';
import type { PageReading } from '../../domain/ocr/pipeline';
import { decodeImage } from '../images/decode';
import { createReaders, type Readers } from './readers';

export class OcrService {
  private readers: Readers | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly makeReaders: () => Readers = createReaders) {}

  /**
   * Reads one page from its file's bytes. A corrupt or oversized file is refused with the reason
   * (decodeImage's ImageDecodeError, an AppError) before any model starts.
   */
  read(bytes: Uint8Array, kind: DocKind, onProgress?: (fraction: number) => void): Promise<PageReading> {
    const image = decodeImage(bytes);
    const run = this.queue.then(async () => {
      this.readers ??= this.makeReaders();
      const r = await readDocument(image, this.readers.first, { kind, second: this.readers.second, ...(onProgress ? { onProgress } : {}) });
      // The reading without its attempts (each a whole page reading again).
      return { kind: r.kind, text: r.text, fields: r.fields, confidence: r.confidence, notes: r.notes, reads: r.reads, lines: r.lines, skewDeg: r.skewDeg, regions: r.regions };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const readers = this.readers;
    this.readers = undefined;
    await readers?.close();
  }
}
