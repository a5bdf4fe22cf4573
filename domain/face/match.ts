// Comparing two face descriptors: Euclidean distance and the threshold that decides "same person".
import { DESCRIPTOR_LENGTH, FaceError } from './face';

/**
 * Two descriptors closer than this are taken to be the same person.
 *
 * Why 0.5 and not the library's 0.6: face-api's FaceMatcher defaults to 0.6, the cut-off the
 * underlying dlib model was trained for (99.38 % on LFW, balanced pairs). At a housing counter a
 * false "same person" (an impostor accepted, a sublet tenant passed at inspection) costs more
 * than a false "different" (the clerk re-captures or checks the ID card by hand), and the
 * face_recognition project notes a lower cut-off trades false accepts for false rejects.
 * Measured here on the package's demo photos (22 faces of women of similar age and styling; one
 * cross-photo pair looks like the same woman to a person yet measures 0.62): cross-photo distances between different people go down to 0.47 with a 5th percentile
 * of 0.58, so 0.6 would accept several of them; the same photographed face, recropped, mirrored
 * and re-lit, measured 0.18–0.37 (five faces). 0.5 keeps nearly all of those impostor pairs out. Not yet
 * measured: two live captures of one real person (none in the package's images); re-check the
 * value on counter photos. A non-match is a prompt for a manual check, never an automatic refusal.
 */
export const MATCH_THRESHOLD = 0.5;

export interface FaceComparison {
  /** Euclidean distance between the two descriptors (0 = identical; different people ≳ 0.6). */
  readonly distance: number;
  readonly match: boolean;
  readonly threshold: number;
}

export function isDescriptor(value: unknown): value is readonly number[] {
  return (
    (Array.isArray(value) || value instanceof Float32Array) &&
    value.length === DESCRIPTOR_LENGTH &&
    Array.prototype.every.call(value, (v: unknown) => typeof v === 'number' && Number.isFinite(v))
  );
}

export function descriptorDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== DESCRIPTOR_LENGTH || b.length !== DESCRIPTOR_LENGTH) throw new FaceError('BAD_DESCRIPTOR');
  let sum = 0;
  for (let i = 0; i < DESCRIPTOR_LENGTH; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export function compareDescriptors(a: ArrayLike<number>, b: ArrayLike<number>, threshold = MATCH_THRESHOLD): FaceComparison {
  const distance = descriptorDistance(a, b);
  return { distance, match: distance < threshold, threshold };
}
