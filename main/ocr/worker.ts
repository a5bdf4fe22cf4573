// The host's page reader in a thread of its own (OcrService's worker): decoding the file, preparing
// the page and extracting its fields are seconds of JavaScript that would otherwise hold up every
// other request the host answers (devices, sync, the renderer's calls) while a page is read.
// One message a page: { id, bytes, kind } in; { id, progress } while it reads, then { id, reading }
// or { id, error } out. The readers are made with the first page and kept.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/errors';
import { readDocument } from '../../domain/ocr/document';
import type { PageReading } from '../../domain/ocr/pipeline';
import { decodeImage } from '../images/decode';
import { createReaders, type Readers } from './readers';
import { OCR_WORKER, type OcrJob, type OcrReply } from './worker-protocol';

/** Reads one page from its file's bytes; a corrupt or oversized file is refused before any model starts. */
export async function readJob(readers: Readers, job: OcrJob, onProgress: (fraction: number) => void): Promise<PageReading> {
  const image = decodeImage(job.bytes);
  const r = await readDocument(image, readers.first, { kind: job.kind, second: readers.second, onProgress });
  // The reading without its attempts (each a whole page reading again).
  return { kind: r.kind, text: r.text, fields: r.fields, confidence: r.confidence, notes: r.notes, reads: r.reads, lines: r.lines, skewDeg: r.skewDeg, regions: r.regions, ...(r.turned ? { turned: r.turned } : {}) };
}

const port = parentPort;
if (port && workerData === OCR_WORKER) {
  let readers: Readers | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (job: OcrJob | 'close') => {
    if (job === 'close') {
      queue = queue.then(async () => {
        await readers?.close();
        port.close();
      });
      return;
    }
    const post = (reply: OcrReply) => port.postMessage(reply);
    queue = queue.then(async () => {
      try {
        readers ??= createReaders();
        post({ id: job.id, reading: await readJob(readers, job, (progress) => post({ id: job.id, progress })) });
      } catch (e) {
        post({ id: job.id, error: e instanceof AppError ? { code: e.code, message: e.message } : { message: e instanceof Error ? e.message : String(e) } });
      }
    });
  });
}
