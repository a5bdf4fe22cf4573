// The recognisers every Node reading uses (hws ocr, the intake screen's ocr/read, the bench):
// PaddleOCR's models first, tesseract second (readDocument's `second`, voting with the first).
// Measured on pages of two generators written apart from the extractor (bench:intake, N=3 a kind):
// tesseract with its second model found 68.7 % / 85.3 % of the fields, PaddleOCR with tesseract
// 87.8 % / 99.1 %, PaddleOCR alone 87.8 % / 95.7 %.
import { NodeOcrEngine } from './engine';
import { PaddleEngine } from './paddle';

export interface Readers {
  readonly first: PaddleEngine;
  readonly second: NodeOcrEngine;
  close(): Promise<void>;
}

export function createReaders(): Readers {
  const first = new PaddleEngine();
  const second = new NodeOcrEngine();
  return {
    first,
    second,
    async close() {
      await Promise.allSettled([first.close(), second.close()]);
    },
  };
}
