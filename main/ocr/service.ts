// The host's page reader: PaddleOCR and tesseract (readers.ts) in a worker thread (worker.ts),
// started with the first page and reused, so each page after the first costs only its reading and
// the host's event loop stays free while it reads. One page at a time.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors';
import type { DocKind } from '../../domain/ocr/fields';
import type { PageReading } from '../../domain/ocr/pipeline';
import { OCR_WORKER, type OcrJob, type OcrReply } from './worker-protocol';

interface Pending {
  readonly resolve: (reading: PageReading) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress?: (fraction: number) => void;
}

/** The worker's entry beside this module: main/ocr/ocr-worker.mjs from source, dist/electron/ocr-worker.mjs bundled. */
const WORKER_ENTRY = new URL('./ocr-worker.mjs', import.meta.url);

export class OcrService {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly entry: URL = WORKER_ENTRY) {}

  /**
   * Reads one page from its file's bytes. A corrupt or oversized file is refused with the reason
   * (decodeImage's ImageDecodeError, carried over as an AppError with its code) before any model
   * starts; a reader that dies mid-page fails that page with a message and the next page starts a
   * new one.
   */
  read(bytes: Uint8Array, kind: DocKind, onProgress?: (fraction: number) => void): Promise<PageReading> {
    // The caller's bytes stay its own: the copy is moved to the worker, not shared.
    const copy = bytes.slice();
    const run = this.queue.then(
      () =>
        new Promise<PageReading>((resolve, reject) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
          const job: OcrJob = { id, bytes: copy, kind };
          this.start().postMessage(job, [copy.buffer]);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, { workerData: OCR_WORKER });
    // An idle reader does not keep the process alive; a page being read is awaited by its caller.
    worker.unref();
    worker.on('message', (reply: OcrReply) => this.settle(reply));
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [, p] of this.pending) p.reject(new AppError('OCR_FAILED', `识别程序意外停止(${why}),请重新识别`));
      this.pending.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`退出码 ${code}`));
    this.worker = worker;
    return worker;
  }

  private settle(reply: OcrReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if ('progress' in reply) {
      p.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if ('reading' in reply) p.resolve(reply.reading);
    else p.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    for (const [, p] of this.pending) p.reject(new AppError('OCR_CLOSED', '识别已停止'));
    this.pending.clear();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    // The readers close their models and the worker ends; one that hangs is ended after 5 s.
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
