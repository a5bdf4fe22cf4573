// Reading a certificate page on the workstation host (PaddleOCR and tesseract, main/ocr/readers.ts):
// the page's file arrives in chunks a call may carry, is read once, and is then dropped; the reading
// goes back to the intake screen, with progress as events.
import type { DocKind } from '../ocr/fields';
import type { PageReading } from '../ocr/pipeline';
import { BATCH_CHUNK_BYTES } from './batches';

/** Bytes of the file a call carries (the socket takes 1 MB a message). */
export const OCR_CHUNK_BYTES = BATCH_CHUNK_BYTES;

export interface OcrStageArgs {
  readonly transferId: string;
  readonly offset: number;
  readonly dataBase64: string;
}

export interface OcrProgress {
  readonly transferId: string;
  /** 0..1 */
  readonly fraction: number;
}

export type OcrHandlers = {
  'ocr/stage': (args: OcrStageArgs) => Promise<{ readonly received: number }>;
  'ocr/read': (args: { readonly transferId: string; readonly kind: DocKind }) => Promise<PageReading>;
};
