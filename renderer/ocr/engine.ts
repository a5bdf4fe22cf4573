// The browser OCR engine: tesseract.js in a web worker, with the worker script, the wasm core and
// the language data all served by the app from ./tessdata/ (copied at build time by
// build/vite-tessdata.ts), so reading works with no network.
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { checkImageSize, HEADER_BYTES } from '../../domain/images/size-policy';
import { encodePgm, type GreyImage, type RgbaImage } from '../../domain/ocr/image';
import type { DocKind } from '../../domain/ocr/fields';
import { readDocument } from '../../domain/ocr/document';
import { type PageReading, type Recognised, type Recogniser, type RecogniseMode } from '../../domain/ocr/pipeline';
import { parseTsvWords } from '../../domain/ocr/stack';

const PSM_OF: Record<RecogniseMode, PSM> = { line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK, page: PSM.AUTO };

/** Progress 0..1 across loading the model (first 30 %) and reading the page. */
export type ProgressListener = (fraction: number, stage: 'loading' | 'reading') => void;

export class BrowserOcrEngine implements Recogniser {
  private worker: Promise<Worker> | undefined;
  private mode: RecogniseMode | undefined;
  private listener: ProgressListener | undefined;
  /** Highest fraction reported for the current page: the second pass's short reads must not move the bar back. */
  private shown = 0;

  /** The second model the first votes with (SECOND_MODEL in main/ocr/engine.ts), started with the first page. */
  private second: BrowserOcrEngine | undefined;

  /**
   * `base`: the folder with the worker script and wasm cores; `model`: the sub-folder of the
   * language data and its languages ('' holds the best_int models, 'second/' tessdata's chi_sim).
   */
  constructor(
    private readonly base = new URL('./tessdata/', document.baseURI).href,
    private readonly model: { readonly folder: string; readonly languages: readonly string[] } = { folder: '', languages: ['chi_sim', 'eng'] },
  ) {}

  private start(): Promise<Worker> {
    this.worker ??= createWorker([...this.model.languages], OEM.LSTM_ONLY, {
      workerPath: `${this.base}worker.min.js`,
      corePath: this.base,
      langPath: `${this.base}${this.model.folder}`.replace(/\/$/, ''),
      gzip: true,
      cacheMethod: 'none',
      logger: (m) => {
        // Only the page's first, long read reports its own progress; readPage reports the rest.
        if (m.status === 'recognizing text') {
          if (this.mode === 'block' || this.mode === 'page') this.report(0.3 + 0.5 * m.progress, 'reading');
        } else this.report(0.3 * m.progress, 'loading');
      },
    // Tesseract's own diagnostics (resolution estimates, a language probe) go nowhere, not to the console.
    }, 'debug_file /dev/null').then(async (w) => {
      await w.setParameters({ preserve_interword_spaces: '1' });
      return w;
    });
    return this.worker;
  }

  async recognise(image: GreyImage, mode: RecogniseMode): Promise<Recognised> {
    const worker = await this.start();
    if (this.mode !== mode) {
      await worker.setParameters({ tessedit_pageseg_mode: PSM_OF[mode] });
      this.mode = mode;
    }
    const blob = new Blob([encodePgm(image) as Uint8Array<ArrayBuffer>]);
    const { data } = await worker.recognize(blob, {}, { text: true, tsv: true });
    return { text: data.text, confidence: data.confidence, words: parseTsvWords(data.tsv ?? '') };
  }

  private report(fraction: number, stage: 'loading' | 'reading'): void {
    if (fraction < this.shown) return;
    this.shown = fraction;
    this.listener?.(fraction, stage);
  }

  /** Reads one page (the same pipeline as `hws ocr`, second pass included), reporting progress. */
  async read(image: RgbaImage, kind: DocKind, onProgress?: ProgressListener): Promise<PageReading> {
    this.listener = onProgress;
    this.shown = 0;
    try {
      // readDocument reports 0 before the first read and 1 at the end, with steps between.
      const onProgress = (f: number) => {
        if (f > 0) this.report(0.3 + 0.7 * f, 'reading');
      };
      this.second ??= new BrowserOcrEngine(this.base, { folder: 'second/', languages: ['chi_sim'] });
      return await readDocument(image, this, { kind, onProgress, second: this.second });
    } finally {
      this.listener = undefined;
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await (await w).terminate();
    await this.second?.close();
    this.second = undefined;
  }
}

/**
 * Decodes an image file with the browser's own codecs (PNG, JPEG …) into RGBA pixels, after the
 * size its header declares has passed the shared limits: a small file claiming 20000 × 20000 is
 * refused with the reason instead of taking gigabytes.
 */
export async function decodeInBrowser(file: Blob): Promise<RgbaImage> {
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const checked = checkImageSize(head, file.size);
  if (!checked.ok) throw new Error(checked.message);
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: bitmap.width, height: bitmap.height, data };
}
