import { describe, expect, it } from 'vitest';
import { asQuarterTurn } from './image';

describe('a stored page turn', () => {
  it('keeps a quarter turn and reads anything else as upright', () => {
    expect([0, 90, 180, 270].map(asQuarterTurn)).toEqual([0, 90, 180, 270]);
    // A damaged or foreign value (a string, a half turn's neighbour, nothing) never turns the page.
    expect(['180', 45, 360, -90, null, undefined, {}].map(asQuarterTurn)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
