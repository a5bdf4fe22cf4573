import { describe, expect, it } from 'vitest';
import { FACE_MESSAGES, FaceError, MIN_FACE_PX, requireSingleFace, selectSingleFace } from './face';
import { MATCH_THRESHOLD, compareDescriptors, descriptorDistance, isDescriptor } from './match';

const face = (score: number, size = 200) => ({ box: { x: 10, y: 10, width: size, height: size * 1.2 }, score });

describe('selectSingleFace', () => {
  it('accepts exactly one good face', () => {
    expect(selectSingleFace([face(0.99)])).toEqual({ ok: true, value: face(0.99) });
  });

  it('refuses an empty frame with the NO_FACE message', () => {
    expect(selectSingleFace([])).toEqual({ ok: false, error: { code: 'NO_FACE', message: '未检测到人脸,请正对摄像头' } });
  });

  it('ignores detections below the detection score, so a weak blob is not a face', () => {
    expect(selectSingleFace([face(0.3)])).toMatchObject({ ok: false, error: { code: 'NO_FACE' } });
    expect(selectSingleFace([face(0.99), face(0.3)])).toMatchObject({ ok: true });
  });

  it('refuses two faces with the MULTIPLE_FACES message', () => {
    expect(selectSingleFace([face(0.99), face(0.9)])).toEqual({
      ok: false,
      error: { code: 'MULTIPLE_FACES', message: '画面中有多张人脸,请只保留申请人一人' },
    });
  });

  it('refuses a weak or small face as LOW_QUALITY', () => {
    expect(selectSingleFace([face(0.6)])).toMatchObject({ ok: false, error: { code: 'LOW_QUALITY', message: FACE_MESSAGES.LOW_QUALITY } });
    expect(selectSingleFace([face(0.99, MIN_FACE_PX - 1)])).toMatchObject({ ok: false, error: { code: 'LOW_QUALITY' } });
  });

  it('requireSingleFace throws a FaceError carrying the face count', () => {
    const error = (() => {
      try {
        requireSingleFace([face(0.99), face(0.99), face(0.8)]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FaceError);
    expect(error).toMatchObject({ code: 'MULTIPLE_FACES', faces: 3 });
  });
});

describe('descriptor comparison', () => {
  const zeros = new Array<number>(128).fill(0);
  const shifted = (d: number) => zeros.map((_, i) => (i === 0 ? d : 0));

  it('is the Euclidean distance', () => {
    expect(descriptorDistance(zeros, shifted(0.3))).toBeCloseTo(0.3);
    expect(descriptorDistance(zeros.map(() => 0.1), zeros)).toBeCloseTo(Math.sqrt(128 * 0.01));
  });

  it('matches strictly below the threshold', () => {
    expect(compareDescriptors(zeros, shifted(MATCH_THRESHOLD - 0.01))).toMatchObject({ match: true, threshold: MATCH_THRESHOLD });
    expect(compareDescriptors(zeros, shifted(MATCH_THRESHOLD)).match).toBe(false);
  });

  it('refuses descriptors of the wrong length', () => {
    expect(() => descriptorDistance(zeros, [1, 2, 3])).toThrow(FaceError);
    expect(isDescriptor(zeros)).toBe(true);
    expect(isDescriptor(new Float32Array(128))).toBe(true);
    expect(isDescriptor([...zeros.slice(1), Number.NaN])).toBe(false);
    expect(isDescriptor(zeros.slice(1))).toBe(false);
  });
});
