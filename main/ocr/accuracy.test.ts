// Accuracy on the project's own rendered certificates (sans and serif fonts, ±2° rotation, noise).
// Floors are what was measured, minus a margin; they guard against regressions, not targets.
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_KINDS } from './fixtures/content';
import { type PageScore, pct, scorePage, summarise } from './fixtures/measure';
import { NodeOcrEngine } from './engine';

const PAGES_PER_KIND = 4;
// Measured with the second pass (names, relations, address): 99.6/99.0/99.8 % characters and
// 100/100/95.8 % fields; the floors allow two or three misread fields per kind.
const FLOORS = {
  hukou: { chars: 0.98, fields: 0.92 },
  marriage: { chars: 0.975, fields: 0.93 },
  income: { chars: 0.98, fields: 0.91 },
} as const;

describe('OCR accuracy on rendered certificates', () => {
  const engine = new NodeOcrEngine();
  afterAll(() => engine.close());

  for (const kind of FIXTURE_KINDS) {
    it(`${kind}: character and field accuracy above the measured floors`, { timeout: 120_000 }, async () => {
      const pages: PageScore[] = [];
      for (let seed = 1; seed <= PAGES_PER_KIND; seed++) pages.push(await scorePage(kind, seed, engine));
      const s = summarise(kind, pages);
      console.log(`${kind}: characters ${pct(s.charAccuracy)}, fields ${pct(s.fieldAccuracy)}, ${s.meanSeconds.toFixed(2)} s/page`);
      for (const p of pages) if (p.wrong.length) console.log(`  ${kind} #${p.seed}: ${p.wrong.join('; ')}`);
      expect(s.charAccuracy).toBeGreaterThanOrEqual(FLOORS[kind].chars);
      expect(s.fieldAccuracy).toBeGreaterThanOrEqual(FLOORS[kind].fields);
    });
  }
});
