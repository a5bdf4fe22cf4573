// Intake OCR bench: renders N pages per kind and reads them twice in the same process — with the
// preprocessing pipeline (deskew, rule removal, cells) and with tesseract on the whole unprocessed
// page — printing seconds per page and character / field accuracy per kind.
// Run: npx tsx bench/intake-ocr.ts [N=10]
import { NodeOcrEngine } from '../main/ocr/engine';
import { FIXTURE_KINDS } from '../main/ocr/fixtures/content';
import { type KindSummary, type Method, type PageScore, pct, scorePage, summarise } from '../main/ocr/fixtures/measure';

const TARGETS = { seconds: 2, chars: 0.97, fields: 0.95 };
const perKind = Number(process.argv[2] ?? 10);

async function run(method: Method, engine: NodeOcrEngine): Promise<KindSummary[]> {
  const out: KindSummary[] = [];
  for (const kind of FIXTURE_KINDS) {
    const pages: PageScore[] = [];
    for (let seed = 1; seed <= perKind; seed++) pages.push(await scorePage(kind, seed, engine, method));
    out.push(summarise(kind, pages));
  }
  return out;
}

const engine = new NodeOcrEngine();
const t0 = performance.now();
await engine.recognise({ width: 8, height: 8, data: new Uint8Array(64).fill(255) }, 'line');
console.log(`worker start (language data load): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const pipeline = await run('pipeline', engine);
const baseline = await run('whole-page', engine);
await engine.close();

console.log(`\nload average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores (wall-clock times include waiting for the CPU)`);
console.log(`${perKind} pages per kind; targets: ≤ ${TARGETS.seconds} s/page, ≥ ${pct(TARGETS.chars)} characters, ≥ ${pct(TARGETS.fields)} fields`);
console.log('kind      method       s/page mean  p95    cpu s/page  characters  fields');
for (const [name, rows] of [['pipeline', pipeline], ['whole-page', baseline]] as const) {
  for (const s of rows) {
    console.log(
      `${s.kind.padEnd(9)} ${name.padEnd(12)} ${s.meanSeconds.toFixed(2).padStart(6)}       ${s.p95Seconds.toFixed(2).padStart(5)}  ${s.meanCpuSeconds.toFixed(2).padStart(10)}  ${pct(s.charAccuracy).padStart(9)}  ${pct(s.fieldAccuracy).padStart(7)}`,
    );
  }
}
const mean = (rows: KindSummary[], f: (s: KindSummary) => number) => rows.reduce((a, s) => a + f(s), 0) / rows.length;
console.log(
  `\nall kinds: pipeline ${mean(pipeline, (s) => s.meanSeconds).toFixed(2)} s/page, ${pct(mean(pipeline, (s) => s.charAccuracy))} chars, ${pct(mean(pipeline, (s) => s.fieldAccuracy))} fields` +
    ` | whole page ${mean(baseline, (s) => s.meanSeconds).toFixed(2)} s/page, ${pct(mean(baseline, (s) => s.charAccuracy))} chars, ${pct(mean(baseline, (s) => s.fieldAccuracy))} fields`,
);
