// The OCR worker thread's entry when the host runs from source: TypeScript through tsx's loader, as
// bin/hws.mjs does. The Electron build bundles main/ocr/worker.ts to dist/electron/ocr-worker.mjs,
// the same name beside the bundled host, so OcrService finds either by one relative URL.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
