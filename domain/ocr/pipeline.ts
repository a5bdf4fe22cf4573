// Reading one page: preprocess, recognise each region with a runtime-provided recogniser
// (tesseract in Node or in a browser worker), normalise, assemble the text, extract fields.
import { extractFields } from './extract';
import type { DocKind, OcrResult } from './fields';
import type { GreyImage, RgbaImage } from './image';
import type { ReadLine } from './labels';
import { normaliseText } from './normalise';
import { preparePage, type PreparedPage, regionImage } from './preprocess';
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
}

export interface ReadOptions {
  readonly kind: DocKind;
  /** Called with 0..1 as regions are read. */
  readonly onProgress?: (fraction: number) => void;
}

export interface PageReading extends OcrResult {
  readonly lines: readonly ReadLine[];
  readonly notes: Readonly<Record<string, string>>;
  readonly skewDeg: number;
  readonly regions: number;
}

/** Cells of a table row are joined with this separator in the page text. */
const CELL_SEPARATOR = '  ';

export async function readPage(image: RgbaImage | GreyImage, recogniser: Recogniser, options: ReadOptions): Promise<PageReading> {
  const page = preparePage(image);
  const lines = await readRegions(page, recogniser, options.onProgress);
  const extraction = extractFields(options.kind, lines);
  return {
    kind: options.kind,
    text: lines.map((l) => l.text).join('\n'),
    fields: extraction.fields,
    confidence: extraction.confidence,
    notes: extraction.notes,
    lines,
    skewDeg: page.skewDeg,
    regions: page.regions.length,
  };
}

async function readRegions(page: PreparedPage, recogniser: Recogniser, onProgress?: (f: number) => void): Promise<ReadLine[]> {
  onProgress?.(0);
  if (page.regions.length === 0) {
    onProgress?.(1);
    return [];
  }
  const rowsOf = new Map<number, GreyImage[]>();
  for (const r of page.regions) rowsOf.set(r.line, [...(rowsOf.get(r.line) ?? []), regionImage(page, r)]);
  // Regions are sorted by line, so the flattened slots follow page.regions.
  const sheet = stackRegions([...rowsOf.values()]);
  const result = await recogniser.recognise(sheet.image, 'block');
  onProgress?.(1);
  const slots = wordsBySlot(result.words, sheet.slots);
  const byLine = new Map<number, { text: string; confidence: number }[]>();
  page.regions.forEach((region, i) => {
    const words = slots[i]!;
    const text = normaliseText(words.map((w) => w.text).join(' ')).replace(/^[|\]\[_—-]+\s*|\s*[|\]\[_—-]+$/g, '');
    const list = byLine.get(region.line) ?? [];
    list.push({ text, confidence: meanConfidence(words) });
    byLine.set(region.line, list);
  });
  return [...byLine.keys()]
    .sort((a, b) => a - b)
    .map((k) => {
      const parts = byLine.get(k)!.filter((p) => p.text !== '');
      let at = 0;
      const spans = parts.map((p) => {
        const span = { start: at, end: at + p.text.length, confidence: p.confidence };
        at = span.end + CELL_SEPARATOR.length;
        return span;
      });
      return { text: parts.map((p) => p.text).join(CELL_SEPARATOR), confidence: Math.min(1, ...parts.map((p) => p.confidence)), spans };
    })
    .filter((l) => l.text !== '');
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
    .map((text) => ({ text, confidence: r.confidence / 100 }));
  const extraction = extractFields(kind, lines);
  return { kind, text: lines.map((l) => l.text).join('\n'), ...extraction, lines, skewDeg: 0, regions: 1 };
}
