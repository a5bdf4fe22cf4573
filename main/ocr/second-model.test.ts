// The second model (SECOND_MODEL) votes with the first on real recognition: a photographed property
// search result whose owner's surname the first model misreads (萧 as 痕) comes out right with both.
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../domain/ocr/document';
import { corpusPage } from './corpus/measure';
import { NodeOcrEngine, SECOND_MODEL } from './engine';

const first = new NodeOcrEngine();
const second = new NodeOcrEngine(SECOND_MODEL);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('two models read each page', () => {
  it('reads the name right where one model alone misreads it, and keeps every other field', async () => {
    const page = await corpusPage('property', 2);
    expect(page.capture).toBe('photo');
    const alone = await readDocument(page.image, first, { kind: page.kind });
    const both = await readDocument(page.image, first, { kind: page.kind, second });
    expect(alone.fields.name).not.toBe(page.fields.name);
    expect(both.fields).toEqual(page.fields);
    expect(both.attempts.map((a) => a.method)).toEqual(['as-is', 'cells', 'photo-whole', 'as-is:2', 'cells:2']);
  }, 120_000);
});
