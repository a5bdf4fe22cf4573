// What OcrService (service.ts) and its worker thread (worker.ts) send each other.
import type { DocKind } from '../../domain/ocr/fields';
import type { PageReading } from '../../domain/ocr/pipeline';

/** The worker's workerData: marks the thread OcrService started (a test runner's own worker thread may load worker.ts too). */
export const OCR_WORKER = 'hws-ocr';

/** One page to read, or 'close' (the readers close and the thread ends). */
export interface OcrJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly kind: DocKind;
}

export type OcrReply =
  | { readonly id: number; readonly progress: number }
  | { readonly id: number; readonly reading: PageReading }
  | { readonly id: number; readonly error: { readonly code?: string; readonly message: string } };
