// The host's page reader and its event loop: every request the host answers (the renderer's calls,
// devices, sync) waits while JavaScript runs on its thread. Reads the same pages twice in one
// process — in the host's own thread (the baseline: how the host read before OcrService moved the
// reading to a worker thread) and through OcrService — and prints seconds per page and how late a
// 10 ms timer on the host's thread fired (the longest and the 99th percentile wait).
// Run: npx tsx bench/ocr-host.ts [pages per kind = 2]   (npm run bench:ocr-host)
//
// Measured 2026-11-30 (load 1.2 on 2 cores, 6 pages): host thread 1.71 s a page, the timer up to
// 397 ms late (p99 355 ms); worker thread 1.73 s a page, at most 22 ms late (p99 14 ms); the same
// 48 fields.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DocKind } from '../domain/ocr/fields';
import { renderFixture } from '../main/ocr/fixtures/render';
import { createReaders } from '../main/ocr/readers';
import { OcrService } from '../main/ocr/service';
import { readJob } from '../main/ocr/worker';

const perKind = Number(process.argv[2] ?? 2);
const kinds = ['hukou', 'marriage', 'income'] as const;
const pages: { kind: DocKind; bytes: Uint8Array }[] = [];
for (const kind of kinds) for (let s = 1; s <= perKind; s++) pages.push({ kind, bytes: new Uint8Array(await renderFixture(kind, 100 + s).png()) });

interface Figures {
  readonly secondsPerPage: number;
  readonly maxLateMs: number;
  readonly p99LateMs: number;
  readonly fields: number;
}

/** Reads every page after one warm-up page (models loaded), with the host's event loop watched. */
async function measure(read: (kind: DocKind, bytes: Uint8Array) => Promise<{ fields: Readonly<Record<string, unknown>> }>): Promise<Figures> {
  await read(pages[0]!.kind, pages[0]!.bytes);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  let fields = 0;
  for (const p of pages) fields += Object.keys((await read(p.kind, p.bytes)).fields).length;
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  return { secondsPerPage: seconds / pages.length, maxLateMs: loop.max / 1e6, p99LateMs: loop.percentile(99) / 1e6, fields };
}

const readers = createReaders();
const inThread = await measure((kind, bytes) => readJob(readers, { id: 0, bytes, kind }, () => undefined));
await readers.close();
const service = new OcrService();
const worker = await measure((kind, bytes) => service.read(bytes, kind));
await service.close();

const row = (name: string, f: Figures) =>
  `${name.padEnd(26)} ${f.secondsPerPage.toFixed(2).padStart(6)} s  ${f.maxLateMs.toFixed(0).padStart(6)} ms  ${f.p99LateMs.toFixed(0).padStart(6)} ms  ${String(f.fields).padStart(6)}`;
console.log(`${pages.length} pages (${kinds.join(', ')}), load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
console.log(`${'reader'.padEnd(26)} ${'s/page'.padStart(8)}  ${'host timer late, max'.padStart(9)}  ${'p99'.padStart(6)}  fields`);
console.log(row('host thread (baseline)', inThread));
console.log(row('worker thread (OcrService)', worker));
console.log(`longest wait on the host: ${(worker.maxLateMs / inThread.maxLateMs).toFixed(2)}× the baseline's; seconds per page ${(worker.secondsPerPage / inThread.secondsPerPage).toFixed(2)}×`);
