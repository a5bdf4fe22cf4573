// The Node OCR engine: one tesseract.js worker (a pool of one), created lazily and reused; regions
// are handed over as PGM bytes so no image codec is needed.
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { GreyImage } from '../../domain/ocr/image';
import { encodePgm } from '../../domain/ocr/image';
import { parseTsvWords } from '../../domain/ocr/stack';
import type { Recognised, Recogniser, RecogniseMode } from '../../domain/ocr/pipeline';
import { type Language, LANGUAGES, type ModelVariant, prepareLangDir } from './langdata';

export interface NodeEngineOptions {
  /** Folder for the language data (default: a cache folder under the OS temp dir). */
  readonly langDir?: string;
  /** Which packaged model (default MODEL_VARIANT). */
  readonly variant?: ModelVariant;
  /** Languages (default both, Chinese and English). */
  readonly languages?: readonly Language[];
}

/**
 * The second model the pipeline votes with (readDocument's `second`): tessdata's chi_sim (legacy and
 * LSTM; only its LSTM is used), trained apart from the best_int model, so the two seldom misread the
 * same glyph the same way. English adds nothing to it (measured: same fields on 60 corpus pages).
 */
export const SECOND_MODEL: NodeEngineOptions = { variant: '4.0.0', languages: ['chi_sim'] };

const PSM_OF: Record<RecogniseMode, PSM> = { line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK, page: PSM.AUTO };

export class NodeOcrEngine implements Recogniser {
  private worker: Promise<Worker> | undefined;
  private mode: RecogniseMode | undefined;
  /** Serialises calls: one worker reads one image at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: NodeEngineOptions = {}) {}

  private start(): Promise<Worker> {
    this.worker ??= (async () => {
      const langPath = prepareLangDir(this.options.langDir, this.options.variant);
      // Tesseract's own diagnostics (resolution estimates, a language probe) go nowhere, not to stderr.
      const worker = await createWorker([...(this.options.languages ?? LANGUAGES)], OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }, 'debug_file /dev/null');
      // Chinese text has no spaces between words; keep the spaces the page does have.
      await worker.setParameters({ preserve_interword_spaces: '1' });
      return worker;
    })();
    return this.worker;
  }

  recognise(image: GreyImage, mode: RecogniseMode): Promise<Recognised> {
    const run = this.queue.then(async () => {
      const worker = await this.start();
      if (this.mode !== mode) {
        await worker.setParameters({ tessedit_pageseg_mode: PSM_OF[mode] });
        this.mode = mode;
      }
      const { data } = await worker.recognize(Buffer.from(encodePgm(image)), {}, { text: true, tsv: true });
      return { text: data.text, confidence: data.confidence, words: parseTsvWords(data.tsv ?? '') };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}
