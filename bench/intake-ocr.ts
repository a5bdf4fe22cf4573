// Intake OCR bench: renders N pages per kind and reads them twice in the same process — with the
// preprocessing pipeline (deskew, rule removal, cells) and with tesseract on the whole unprocessed
// page — printing seconds per page and character / field accuracy per kind.
// Then the pipeline again on held-out variants (fonts, seeds, rotation and noise the tests never
// use), which stand in for certificates from outside the project.
// Run: npx tsx bench/intake-ocr.ts [N=10]
import { NodeOcrEngine } from '../main/ocr/engine';
import { FIXTURE_KINDS } from '../main/ocr/fixtures/content';
import { heldOutVariant, type KindSummary, type Method, type PageScore, pct, scorePage, summarise } from '../main/ocr/fixtures/measure';

const TARGETS = { seconds: 2, chars: 0.97, fields: 0.95 };
const perKind = Number(process.argv[2] ?? 10);

async function run(method: Method, engine: NodeOcrEngine, heldOut = false): Promise<KindSummary[]> {
  const out: KindSummary[] = [];
  for (const kind of FIXTURE_KINDS) {
    const pages: PageScore[] = [];
    for (let n = 1; n <= perKind; n++) {
      const { seed, options } = heldOut ? heldOutVariant(n) : { seed: n, options: {} };
      pages.push(await scorePage(kind, seed, engine, method, options));
    }
    out.push(summarise(kind, pages));
  }
  return out;
}

const loadAtStart = (await import('node:os')).loadavg();
const engine = new NodeOcrEngine();
const t0 = performance.now();
await engine.recognise({ width: 8, height: 8, data: new Uint8Array(64).fill(255) }, 'line');
console.log(`worker start (language data load): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const pipeline = await run('pipeline', engine);
const baseline = await run('whole-page', engine);
const heldOut = await run('pipeline', engine, true);
await engine.close();

console.log(`\nload average (1 min) ${loadAtStart[0]!.toFixed(1)} at start, ${(await import('node:os')).loadavg()[0]!.toFixed(1)} at end, on ${(await import('node:os')).cpus().length} cores (wall-clock times include waiting for the CPU)`);
console.log(`${perKind} pages per kind; targets: ≤ ${TARGETS.seconds} s/page, ≥ ${pct(TARGETS.chars)} characters, ≥ ${pct(TARGETS.fields)} fields`);
console.log('kind      method       s/page mean  p95    cpu s/page  characters  fields');
for (const [name, rows] of [['pipeline', pipeline], ['whole-page', baseline], ['held-out', heldOut]] as const) {
  for (const s of rows) {
    console.log(
      `${s.kind.padEnd(9)} ${name.padEnd(12)} ${s.meanSeconds.toFixed(2).padStart(6)}       ${s.p95Seconds.toFixed(2).padStart(5)}  ${s.meanCpuSeconds.toFixed(2).padStart(10)}  ${pct(s.charAccuracy).padStart(9)}  ${pct(s.fieldAccuracy).padStart(7)}`,
    );
  }
}
const mean = (rows: KindSummary[], f: (s: KindSummary) => number) => rows.reduce((a, s) => a + f(s), 0) / rows.length;
console.log(
  `\nall kinds: pipeline ${mean(pipeline, (s) => s.meanSeconds).toFixed(2)} s/page, ${pct(mean(pipeline, (s) => s.charAccuracy))} chars, ${pct(mean(pipeline, (s) => s.fieldAccuracy))} fields` +
    ` | whole page ${mean(baseline, (s) => s.meanSeconds).toFixed(2)} s/page, ${pct(mean(baseline, (s) => s.charAccuracy))} chars, ${pct(mean(baseline, (s) => s.fieldAccuracy))} fields` +
    ` | held-out variants ${mean(heldOut, (s) => s.meanSeconds).toFixed(2)} s/page, ${pct(mean(heldOut, (s) => s.charAccuracy))} chars, ${pct(mean(heldOut, (s) => s.fieldAccuracy))} fields`,
);
console.log('held-out variants: fonts Noto Sans SC Light / Noto Serif SC Medium / Noto Sans SC Bold, seeds 1001+, rotation ±3°, noise σ 20');
