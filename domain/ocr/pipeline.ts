// Reading one page: preprocess, recognise all regions in one stacked sheet with a runtime-provided
// recogniser (tesseract in Node or in a browser worker), normalise, assemble the text, extract
// fields; then read the names and relations again on their own (recheck.ts) and extract again.
import { confidenceFor } from './calibration';
import { flattenPaper, medianHeight, scaleGlyphs, TARGET_GLYPH_PX } from './enhance';
import { type Extraction, extractFields, type FieldRead } from './extract';
import type { DocKind, OcrResult } from './fields';
import type { GreyImage, QuarterTurn, RgbaImage } from './image';
import type { ReadLine } from './labels';
import { normaliseText } from './normalise';
import { preparePage, type PreparedPage, type Region, regionImage } from './preprocess';
import { type Decision, type PageSheet, recheckValues } from './recheck';
import { type PlacedWord, stackRegions, wordsBySlot } from './stack';

export interface Recognised {
  readonly text: string;
  /** 0..100, as tesseract reports it. */
  readonly confidence: number;
  /** Words with their boxes in image pixels. */
  readonly words: readonly PlacedWord[];
}

/** How the image is laid out: one text line, a uniform block of lines, or a whole page to analyse. */
export type RecogniseMode = 'line' | 'block' | 'page';

/** The recognition engine of one runtime. Implementations: main/ocr/engine.ts, renderer/ocr/engine.ts. */
export interface Recogniser {
  recognise(image: GreyImage, mode: RecogniseMode): Promise<Recognised>;
  /**
   * Whether the model can give this character at all (a model with a fixed dictionary, as
   * PaddleOCR's, cannot read a rare name character it lacks); absent: any character.
   */
  canRead?(char: string): boolean;
  /** How far a page lies turned clockwise (see PaddleRecogniser.orientation); absent: pages are taken as upright. */
  orientation?(image: GreyImage): Promise<QuarterTurn>;
}

export interface ReadOptions {
  readonly kind: DocKind;
  /** Called with 0..1 as regions are read. */
  readonly onProgress?: (fraction: number) => void;
}

export interface PageReading extends OcrResult {
  /** Each field with its evidence (see extract.ts). */
  readonly reads: Readonly<Record<string, FieldRead>>;
  readonly lines: readonly ReadLine[];
  readonly notes: Readonly<Record<string, string>>;
  readonly skewDeg: number;
  readonly regions: number;
  /** How far the page lay turned clockwise when it was read upright (readDocument); absent or 0: upright. */
  readonly turned?: QuarterTurn;
}

/** Cells of a table row are joined with this separator in the page text. */
const CELL_SEPARATOR = '  ';

export async function readPage(image: RgbaImage | GreyImage, recogniser: Recogniser, options: ReadOptions): Promise<PageReading> {
  const page = preparePage(image);
  options.onProgress?.(0);
  const sheet = buildSheet(page);
  const first = page.regions.length === 0 ? undefined : await recogniser.recognise(sheet.stacked.image, 'block');
  options.onProgress?.(0.8);
  let words = first ? wordsBySlot(first.words, sheet.stacked.slots) : [];
  let assembled = assembleLines(page.regions, words);
  let extraction = extractFields(options.kind, assembled.lines);
  if (first && extraction.recheck.length > 0) {
    // Second look at names and relations, then extract again from the corrected lines.
    const decided = new Map<string, Decision>();
    words = await recheckValues(extraction.recheck, assembled.regionLines, words, sheet, recogniser, decided);
    assembled = assembleLines(page.regions, words);
    extraction = withVotes(extractFields(options.kind, assembled.lines), decided);
  }
  options.onProgress?.(1);
  const lines = assembled.lines;
  return {
    kind: options.kind,
    text: lines.map((l) => l.text).join('\n'),
    fields: extraction.fields,
    confidence: extraction.confidence,
    notes: extraction.notes,
    reads: extraction.reads,
    lines,
    skewDeg: page.skewDeg,
    regions: page.regions.length,
  };
}

/**
 * Every region flattened to white paper and scaled so its glyphs are TARGET_GLYPH_PX tall (bicubic
 * when enlarging a low-resolution scan's small glyphs), stacked
 * into one sheet (one recogniser call per page instead of one per cell).
 */
function buildSheet(page: PreparedPage): PageSheet {
  const glyphPx = medianHeight(page.regions.map((r) => r.rect.height)) ?? TARGET_GLYPH_PX;
  const factor = TARGET_GLYPH_PX / glyphPx;
  const images = page.regions.map((r) => flattenPaper(regionImage(page, r)));
  const rows = new Map<number, GreyImage[]>();
  // Regions are sorted by line, so the flattened slots follow page.regions.
  page.regions.forEach((r, i) => rows.set(r.line, [...(rows.get(r.line) ?? []), scaleGlyphs(images[i]!, factor)]));
  return { regions: page.regions, images, factor, glyphPx, stacked: stackRegions([...rows.values()]) };
}

/** Each field the second pass decided keeps how many of its re-readings gave the value it ended with. */
function withVotes(extraction: Extraction, decided: ReadonlyMap<string, Decision>): Extraction {
  const reads = { ...extraction.reads };
  const confidence = { ...extraction.confidence };
  const notes = { ...extraction.notes };
  for (const [field, d] of decided) {
    const read = reads[field];
    if (!read || String(read.value) !== d.text) continue;
    if (!d.shaped) {
      reads[field] = { ...read, votes: d.votes };
      continue;
    }
    // A rare character matched by shape, or a runner-up put in, is a repair: the clerk checks it against the ID card.
    const note =
      d.shaped.by === 'runner-up'
        ? `“${d.shaped.put.join('')}”为识别模型的次选字(首选读作“${d.shaped.from}”,不像人名),请与身份证核对`
        : `“${d.shaped.put.join('')}”为按字形比对认出的生僻字(识别模型无此字或未读出),请与身份证核对`;
    reads[field] = { ...read, votes: d.votes, evidence: 'repaired', shaped: d.shaped, note };
    confidence[field] = confidenceFor(reads[field], false);
    notes[field] = note;
  }
  return { ...extraction, reads, confidence, notes };
}

/** The page's text lines from the words of each region (cells of a row joined by CELL_SEPARATOR). */
function assembleLines(regions: readonly Region[], slotWords: readonly (readonly PlacedWord[])[]): { lines: ReadLine[]; regionLines: number[] } {
  const byLine = new Map<number, { text: string; confidence: number }[]>();
  regions.forEach((region, i) => {
    const words = slotWords[i] ?? [];
    const text = normaliseText(words.map((w) => w.text).join(' ')).replace(/^[|\]\[_—-]+\s*|\s*[|\]\[_—-]+$/g, '');
    const list = byLine.get(region.line) ?? [];
    list.push({ text, confidence: meanConfidence(words) });
    byLine.set(region.line, list);
  });
  const lines: ReadLine[] = [];
  const regionLines: number[] = [];
  for (const k of [...byLine.keys()].sort((a, b) => a - b)) {
    const parts = byLine.get(k)!.filter((p) => p.text !== '');
    if (parts.length === 0) continue;
    let at = 0;
    const spans = parts.map((p) => {
      const span = { start: at, end: at + p.text.length, confidence: p.confidence };
      at = span.end + CELL_SEPARATOR.length;
      return span;
    });
    lines.push({ text: parts.map((p) => p.text).join(CELL_SEPARATOR), confidence: Math.min(1, ...parts.map((p) => p.confidence)), spans });
    regionLines.push(k);
  }
  return { lines, regionLines };
}

/** Mean word confidence weighted by length, 0..1 (0 when nothing was read). */
function meanConfidence(words: readonly PlacedWord[]): number {
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  return chars === 0 ? 0 : words.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars / 100;
}

/** The baseline the bench compares with: the whole unprocessed page given to the recogniser at once. */
export async function readWholePage(image: GreyImage, recogniser: Recogniser, kind: DocKind): Promise<PageReading> {
  const r = await recogniser.recognise(image, 'page');
  const lines = normaliseText(r.text)
    .split('\n')
    .filter((t) => t.trim() !== '')
    .map((text) => ({ text, confidence: r.confidence / 100, ...spansOf(text, r.confidence / 100) }));
  const { fields, confidence, notes, reads } = extractFields(kind, lines);
  return { kind, text: lines.map((l) => l.text).join('\n'), fields, confidence, notes, reads, lines, skewDeg: 0, regions: 1 };
}

/**
 * The cells of a line read whole, where the recogniser set them apart by CELL_SEPARATOR or more
 * (PaddleOCR's boxes far apart, tesseract's runs of spaces): a row of labels over a row of values
 * is then a table the extractors unfold (tables.ts), as in a prepared page's reading.
 */
function spansOf(text: string, confidence: number): Pick<ReadLine, 'spans'> {
  const spans: { start: number; end: number; confidence: number }[] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) spans.push({ start: m.index, end: m.index + m[0].length, confidence });
  return spans.length >= 2 ? { spans } : {};
}
