import { describe, expect, it, vi } from 'vitest';
import { TINY_MIN_FACE_PX, detectFastThenFull, fastAnswerStands } from './detect';
import { MIN_FACE_PX, TINY_ACCEPT_SCORE, selectSingleFace } from './face';

const face = (score: number, size = 200, detector?: 'tiny') => ({
  box: { x: 10, y: 10, width: size, height: size * 1.2 },
  score,
  descriptor: [score],
  ...(detector ? { detector } : {}),
});
const tiny = (score: number, size = 200) => face(score, size, 'tiny');

/** Detectors as spies: which ran, and what each returned. */
function detectors(fast: ReturnType<typeof face>[], full: ReturnType<typeof face>[]) {
  return { fast: vi.fn(async () => fast), full: vi.fn(async () => full) };
}

describe('tiny detector first, SSD when its answer does not stand', () => {
  it('keeps the tiny answer for one confident, large face and never runs SSD', async () => {
    const d = detectors([tiny(0.9, TINY_MIN_FACE_PX)], [face(0.99)]);
    const result = await detectFastThenFull(d.fast, d.full);
    expect(result).toEqual({ faces: [tiny(0.9, TINY_MIN_FACE_PX)], detector: 'tiny' });
    expect(d.full).not.toHaveBeenCalled();
  });

  it('falls back to SSD when the tiny detector finds nothing, and returns what SSD found', async () => {
    const d = detectors([], [face(0.97)]);
    expect(await detectFastThenFull(d.fast, d.full)).toEqual({ faces: [face(0.97)], detector: 'ssd' });
    expect(d.full).toHaveBeenCalledOnce();
  });

  it('lets SSD decide NO_FACE: nothing from either detector is nothing', async () => {
    const d = detectors([], []);
    const { faces, detector } = await detectFastThenFull(d.fast, d.full);
    expect(detector).toBe('ssd');
    expect(selectSingleFace(faces)).toMatchObject({ ok: false, error: { code: 'NO_FACE' } });
  });

  it('asks SSD when the tiny detector sees two faces, so MULTIPLE_FACES comes from SSD', async () => {
    const d = detectors([tiny(0.9), tiny(0.8)], [face(0.99), face(0.9)]);
    const { faces, detector } = await detectFastThenFull(d.fast, d.full);
    expect(detector).toBe('ssd');
    expect(selectSingleFace(faces)).toMatchObject({ ok: false, error: { code: 'MULTIPLE_FACES' } });
  });

  it('asks SSD when the one tiny face is small (its box is coarse there) or below the acceptance score', async () => {
    for (const quick of [[tiny(0.9, TINY_MIN_FACE_PX - 1)], [tiny(TINY_ACCEPT_SCORE - 0.01)]]) {
      const d = detectors(quick, [face(0.6)]);
      const { faces, detector } = await detectFastThenFull(d.fast, d.full);
      expect(detector).toBe('ssd');
      // SSD's own quality rule then applies: 0.6 on SSD is LOW_QUALITY.
      expect(selectSingleFace(faces)).toMatchObject({ ok: false, error: { code: 'LOW_QUALITY' } });
    }
  });

  it('counts only tiny faces at the acceptance score: a weak second blob does not force SSD', () => {
    expect(fastAnswerStands([tiny(0.9), tiny(TINY_ACCEPT_SCORE - 0.1)])).toBe(true);
    expect(fastAnswerStands([tiny(0.9), tiny(TINY_ACCEPT_SCORE)])).toBe(false);
  });
});

describe('quality rule per detector', () => {
  it('applies SSD\'s good score to SSD faces and the acceptance score to tiny faces', () => {
    expect(selectSingleFace([face(0.6)])).toMatchObject({ ok: false, error: { code: 'LOW_QUALITY' } });
    expect(selectSingleFace([tiny(0.6)])).toMatchObject({ ok: true });
    expect(selectSingleFace([tiny(0.9, MIN_FACE_PX - 1)])).toMatchObject({ ok: false, error: { code: 'LOW_QUALITY' } });
  });
});
