// Intake OCR bench: pages of the tuning generators (main/ocr/corpus and nine generators written
// apart from the extractor) and the held-out pages (tests/fixtures/ocr/heldout, never tuned on: THE
// FIGURES THAT COUNT), each read by the pipeline (readDocument) and, in the same process and from
// the same reading, by plain tesseract.js on the unprocessed page. Prints characters and exact
// fields per capture and kind, seconds per page, and whether confidence is calibrated: how often a
// field reported at ≥ 0.9 is right.
//
// Run: npx tsx bench/intake-ocr.ts [N=4] [--sets=corpus,dev,heldout] [--from=K] [--turned] [--capture=C]
//        [--calibrate] [--records=FILE] [--one-model | --tesseract]
//   N            pages per kind of each tuning set (N=0: the held-out pages alone)
//   --sets=…     the sets to read, in this order: corpus, lowres (the corpus, every page a
//                low-resolution scan), dev, field, fresh, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth,
//                thirteenth, heldout, or all (default corpus,dev,heldout)
//   --from=K     seeds K+1 … K+N of each generator instead of 1 … N (seeds no one studied)
//   --turned     every tuning page turned by a quarter, a half or three quarters
//   --capture=C  every page of the chosen generators captured as C (tenth's dpi75, dev's lowres …;
//                a generator without capture C is refused, with the captures it has)
//   --calibrate  rewrites the table in domain/ocr/calibration.ts from the corpus, development and
//                field sets read (never the held-out pages)
//   --one-model  PaddleOCR alone; --tesseract: tesseract's two models, as before PaddleOCR
// Held-out pages print their counts only, never the values read: nobody tuning should see what the
// held-out pages say. The figures measured session by session: docs/ocr-figures.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { confidenceFor, type Evidence, type FieldType } from '../domain/ocr/calibration';
import { type QuarterTurn, toGrey, turn } from '../domain/ocr/image';
import type { DocKind } from '../domain/ocr/fields';
import { CORPUS_KINDS, type CorpusKind } from '../main/ocr/corpus/content';
import { DEV_CAPTURES, DEV_KINDS, devPage, type DevCapture } from '../main/ocr/devset';
import { FIELD_CAPTURES, FIELD_KINDS, fieldPage, type FieldCapture } from '../main/ocr/fieldset';
import { FRESH_CAPTURES, FRESH_KINDS, freshPage, type FreshCapture } from '../main/ocr/freshset';
import { EIGHTH_CAPTURES, EIGHTH_KINDS, eighthPage, type EighthCapture } from '../main/ocr/eighthset';
import { NINTH_CAPTURES, NINTH_KINDS, ninthPage, type NinthCapture } from '../main/ocr/ninthset';
import { TENTH_CAPTURES, TENTH_KINDS, tenthPage, type TenthCapture } from '../main/ocr/tenthset';
import { ELEVENTH_CAPTURES, ELEVENTH_KINDS, eleventhPage, type EleventhCapture } from '../main/ocr/eleventhset';
import { TWELFTH_CAPTURES, TWELFTH_KINDS, twelfthPage, type TwelfthCapture } from '../main/ocr/twelfthset';
import { THIRTEENTH_CAPTURES, THIRTEENTH_KINDS, thirteenthPage, type ThirteenthCapture } from '../main/ocr/thirteenthset';
import { SEVENTH_CAPTURES, SEVENTH_KINDS, seventhPage, type SeventhCapture } from '../main/ocr/seventhset';
import { SIXTH_CAPTURES, SIXTH_KINDS, sixthPage, type SixthCapture } from '../main/ocr/sixthset';
import { corpusPage, fitCalibration, heldOutPages, measurePage, type PageResult, pct, precisionAbove, type TruthPage } from '../main/ocr/corpus/measure';
import { NodeOcrEngine, SECOND_MODEL } from '../main/ocr/engine';
import { createReaders } from '../main/ocr/readers';

const args = process.argv.slice(2);
const perKind = Number(args.find((a) => /^\d+$/.test(a)) ?? 4);
const seedFrom = Number(/^--from=(\d+)$/.exec(args.find((a) => a.startsWith('--from=')) ?? '')?.[1] ?? 0);
const calibrate = args.includes('--calibrate');
const recordsFile = args.find((a) => a.startsWith('--records='))?.slice('--records='.length);
const turnPages = args.includes('--turned');
const forcedCapture = args.find((a) => a.startsWith('--capture='))?.slice('--capture='.length);

/** One tuning generator: its pages, the report's title, and whether it fits the calibration. */
interface TuningSet {
  readonly kinds: readonly DocKind[];
  readonly page: (kind: DocKind, seed: number, capture?: string) => Promise<TruthPage>;
  /** The captures the generator can be made to use for every page (--capture). */
  readonly captures?: readonly string[];
  readonly title: string;
  readonly calibrates?: boolean;
}
const apart = 'written apart from the extractor and the other generators';
const TUNING_SETS: Readonly<Record<string, TuningSet>> = {
  corpus: { kinds: CORPUS_KINDS, page: (k, s, c) => corpusPage(k as CorpusKind, s, c as 'scan' | 'lowres' | 'photo' | undefined), captures: ['scan', 'lowres', 'photo'], title: 'TUNING CORPUS (generator main/ocr/corpus; used to fit the calibration)', calibrates: true },
  lowres: { kinds: CORPUS_KINDS, page: (k, s) => corpusPage(k as CorpusKind, s, 'lowres'), title: 'TUNING CORPUS, EVERY PAGE A LOW-RESOLUTION SCAN (about 65 dpi)' },
  dev: { kinds: DEV_KINDS, page: (k, s, c) => devPage(k, s, c as DevCapture), captures: DEV_CAPTURES, title: 'DEVELOPMENT SET (generator main/ocr/devset; tuned on, used to fit the calibration)', calibrates: true },
  field: { kinds: FIELD_KINDS, page: (k, s, c) => fieldPage(k, s, c as FieldCapture), captures: FIELD_CAPTURES, title: 'FIELD SET (generator main/ocr/fieldset; written apart, tuned on since session 13, fits the calibration)', calibrates: true },
  fresh: { kinds: FRESH_KINDS, page: (k, s, c) => freshPage(k, s, c as FreshCapture), captures: FRESH_CAPTURES, title: `FRESH SET (generator main/ocr/freshset, ${apart}; read once before tuning, tuned on since)` },
  sixth: { kinds: SIXTH_KINDS, page: (k, s, c) => sixthPage(k, s, c as SixthCapture), captures: SIXTH_CAPTURES, title: `SIXTH SET (generator main/ocr/sixthset, ${apart}; read once before tuning on 2026-11-30)` },
  seventh: { kinds: SEVENTH_KINDS, page: (k, s, c) => seventhPage(k, s, c as SeventhCapture), captures: SEVENTH_CAPTURES, title: `SEVENTH SET (generator main/ocr/seventhset, ${apart}; read once before tuning on 2026-11-30)` },
  eighth: { kinds: EIGHTH_KINDS, page: (k, s, c) => eighthPage(k, s, c as EighthCapture), captures: EIGHTH_CAPTURES, title: `EIGHTH SET (generator main/ocr/eighthset, ${apart}; read once before tuning on 2026-11-30)` },
  ninth: { kinds: NINTH_KINDS, page: (k, s, c) => ninthPage(k, s, c as NinthCapture), captures: NINTH_CAPTURES, title: `NINTH SET (generator main/ocr/ninthset, ${apart}; read once before tuning on 2026-11-30)` },
  tenth: { kinds: TENTH_KINDS, page: (k, s, c) => tenthPage(k, s, c as TenthCapture), captures: TENTH_CAPTURES, title: `TENTH SET (generator main/ocr/tenthset, ${apart}; read once before tuning on 2026-11-30)` },
  eleventh: { kinds: ELEVENTH_KINDS, page: (k, s, c) => eleventhPage(k, s, c as EleventhCapture), captures: ELEVENTH_CAPTURES, title: `ELEVENTH SET (generator main/ocr/eleventhset, ${apart}; read once before tuning on 2026-11-30)` },
  twelfth: { kinds: TWELFTH_KINDS, page: (k, s, c) => twelfthPage(k, s, c as TwelfthCapture), captures: TWELFTH_CAPTURES, title: `TWELFTH SET (generator main/ocr/twelfthset, ${apart}; read once before tuning on 2026-11-30)` },
  thirteenth: { kinds: THIRTEENTH_KINDS, page: (k, s, c) => thirteenthPage(k, s, c as ThirteenthCapture), captures: THIRTEENTH_CAPTURES, title: `THIRTEENTH SET (generator main/ocr/thirteenthset, ${apart}; read once before tuning on 2026-11-30)` },
};
const HELD_OUT = 'heldout';
const setsArg = args.find((a) => a.startsWith('--sets='))?.slice('--sets='.length) ?? 'corpus,dev,heldout';
const chosen = setsArg === 'all' ? [...Object.keys(TUNING_SETS), HELD_OUT] : setsArg.split(',').filter((s) => s !== '');
const unknown = chosen.filter((s) => s !== HELD_OUT && !(s in TUNING_SETS));
const stray = args.filter((a) => a.startsWith('--') && !/^--(sets|from|records|capture)=|^--(calibrate|turned|one-model|tesseract)$/.test(a));
if (unknown.length > 0 || stray.length > 0) {
  console.error(`bench:intake: unknown ${[...unknown.map((s) => `set “${s}”`), ...stray].join(', ')}; sets: ${Object.keys(TUNING_SETS).join(', ')}, ${HELD_OUT}, all`);
  process.exit(2);
}
const readTuning = perKind > 0 ? chosen.filter((s) => s !== HELD_OUT) : [];
const uncaptured = forcedCapture === undefined ? [] : readTuning.filter((s) => !TUNING_SETS[s]!.captures?.includes(forcedCapture));
if (uncaptured.length) {
  console.error(`bench:intake: no capture “${forcedCapture}” in ${uncaptured.map((s) => `${s} (${TUNING_SETS[s]!.captures?.join(', ') ?? 'its own only'})`).join('; ')}`);
  process.exit(2);
}

// As in the product (hws ocr, the intake screen): PaddleOCR first, tesseract second (main/ocr/readers.ts);
// --one-model: PaddleOCR alone; --tesseract: the reading before PaddleOCR (tesseract with tessdata's chi_sim second).
const oldReading = args.includes('--tesseract');
const readers = oldReading ? undefined : createReaders();
const engine = readers?.first ?? new NodeOcrEngine();
const second = args.includes('--one-model') ? undefined : (readers?.second ?? new NodeOcrEngine(SECOND_MODEL));
/** The attempt that is plain tesseract on the unprocessed page (with --one-model: plain PaddleOCR). */
const plainMethod = oldReading || !second ? 'as-is' : 'as-is:2';
const t0 = performance.now();
await engine.recognise({ width: 8, height: 8, data: new Uint8Array(64).fill(255) }, 'line');
console.log(`worker start (language data load): ${((performance.now() - t0) / 1000).toFixed(2)} s; load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);

async function run(label: string, pages: AsyncIterable<TruthPage> | Iterable<TruthPage>): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for await (const page of pages) {
    const r = await measurePage(page, engine, second, plainMethod);
    out.push(r);
    const wrong = r.pipeline.wrong.length && label !== HELD_OUT ? `  ✗ ${r.pipeline.wrong.join('; ')}` : '';
    console.log(`${label.padEnd(8)} ${r.name.padEnd(12)} ${r.capture.padEnd(6)} ${r.seconds.toFixed(1).padStart(5)} s  chosen ${r.chosen.padEnd(11)} [${r.photoSteps.join(',')}]  fields ${r.pipeline.fieldsRight}/${r.pipeline.fieldsTotal} (plain ${r.plain.fieldsRight})${wrong}`);
  }
  return out;
}

/** --turned: every tuning page turned clockwise by 90°, 180° or 270° in turn, as a page scanned upside down or photographed on its side. */
const WAYS: readonly QuarterTurn[] = [90, 180, 270];
let turnedSoFar = 0;
function maybeTurned(page: TruthPage): TruthPage {
  if (!turnPages) return page;
  const way = WAYS[turnedSoFar++ % WAYS.length]!;
  const grey = turn(toGrey(page.image), way);
  const data = new Uint8Array(grey.data.length * 4);
  for (let i = 0; i < grey.data.length; i++) {
    data.fill(grey.data[i]!, i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  }
  return { ...page, name: `${page.name}@${way}`, image: { width: grey.width, height: grey.height, data } };
}

async function* pagesOf(set: TuningSet): AsyncIterable<TruthPage> {
  for (const kind of set.kinds) for (let seed = seedFrom + 1; seed <= seedFrom + perKind; seed++) yield maybeTurned(await set.page(kind, seed, forcedCapture));
}

function report(title: string, results: readonly PageResult[]): void {
  console.log(`\n${title}: ${results.length} pages`);
  console.log('group          pages  s/page   chars pipeline / plain     fields pipeline / plain');
  const groups = new Map<string, PageResult[]>();
  for (const r of results) for (const g of [r.capture, r.kind, 'all']) groups.set(g, [...(groups.get(g) ?? []), r]);
  for (const [g, rs] of groups) {
    const mean = (f: (r: PageResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const fields = (m: 'pipeline' | 'plain') => rs.reduce((s, r) => s + r[m].fieldsRight, 0) / rs.reduce((s, r) => s + r[m].fieldsTotal, 0);
    console.log(
      `${g.padEnd(14)} ${String(rs.length).padStart(5)}  ${mean((r) => r.seconds).toFixed(1).padStart(6)}   ${pct(mean((r) => r.pipeline.chars)).padStart(7)} / ${pct(mean((r) => r.plain.chars)).padStart(6)}     ${pct(fields('pipeline')).padStart(7)} / ${pct(fields('plain')).padStart(6)}`,
    );
  }
  const records = results.flatMap((r) => r.records);
  const types = new Map<string, { n: number; right: number }>();
  for (const f of records) {
    const t = f.key.split(':')[0]!;
    const s = types.get(t) ?? { n: 0, right: 0 };
    types.set(t, { n: s.n + 1, right: s.right + (f.right ? 1 : 0) });
  }
  console.log(`fields found and right, by type: ${[...types].sort().map(([t, s]) => `${t} ${s.right}/${s.n}`).join(', ')}`);
  for (const t of [0.9, 0.7, 0.5]) {
    const p = precisionAbove(records, t);
    console.log(`confidence ≥ ${t}: ${p.n} fields, ${p.right} right (${pct(p.precision)})`);
  }
  const worse = results.filter((r) => r.pipeline.fieldsRight < r.plain.fieldsRight);
  console.log(`pages where the pipeline found fewer fields than plain tesseract: ${worse.length ? worse.map((r) => r.name).join(', ') : 'none'}`);
}

const results = new Map<string, PageResult[]>();
for (const name of readTuning) results.set(name, await run(name, pagesOf(TUNING_SETS[name]!)));
const heldOut = chosen.includes(HELD_OUT) ? await run(HELD_OUT, heldOutPages()) : [];
await engine.close();
await second?.close();
// The records of the sets that fit the calibration (never the held-out ones), for studying evidence classes offline.
const tuning = [...results].filter(([name]) => TUNING_SETS[name]!.calibrates).flatMap(([set, rs]) => rs.map((r) => ({ ...r, set })));
if (recordsFile) writeFileSync(recordsFile, JSON.stringify(tuning.map((r) => ({ capture: r.capture, kind: r.kind, set: r.set, records: r.records }))));
// With --calibrate the confidences are those of the table fitted now on the tuning sets (never the held-out pages).
const table = calibrate ? fitCalibration(tuning) : undefined;
const recalibrated = (rs: PageResult[]) =>
  table ? rs.map((r) => ({ ...r, records: r.records.map((f) => ({ ...f, confidence: confidenceFor({ type: f.type as FieldType, evidence: f.evidence as Evidence, unlabelled: f.unlabelled ?? false }, f.agree ?? false, table) })) })) : rs;
for (const [name, rs] of results) report(TUNING_SETS[name]!.title, recalibrated(rs));
if (heldOut.length) report('HELD-OUT (tests/fixtures/ocr/heldout; never tuned on — the figures that count)', recalibrated(heldOut));
console.log('targets: fields ≥ 95 %; a field at confidence ≥ 0.9 right ≥ 97 % of the time; never below plain tesseract');

if (table) {
  const file = join(import.meta.dirname, '../domain/ocr/calibration.ts');
  const src = readFileSync(file, 'utf8');
  const body = Object.entries(table).map(([k, v]) => `  '${k}': ${v},`).join('\n');
  writeFileSync(file, src.replace(/( *\/\/ @calibration-start\n)[\s\S]*?( *\/\/ @calibration-end)/, `$1${body}\n$2`));
  console.log(`\ncalibration written from ${tuning.length} tuning pages (${tuning.flatMap((r) => r.records).length} fields) to domain/ocr/calibration.ts`);
}
