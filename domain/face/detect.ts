// Which face detector runs on a camera frame. SSD MobileNet (face-api's most accurate detector) costs
// about 400 ms of CPU per 640×480 frame on the wasm backend, almost all of it in its fixed 512×512
// input; landmarks and the 128-d descriptor add about 55 ms. The tiny detector at a small input
// costs 10–25 ms and finds a counter frame's one large, frontal face almost always, so it goes
// first, and SSD runs only when the tiny detector does not see exactly one usable face: then SSD's
// answer (including NO_FACE, MULTIPLE_FACES, LOW_QUALITY) is the one the clerk gets.
import { type DetectedFace, MIN_FACE_PX, TINY_ACCEPT_SCORE } from './face';

export type FaceDetectorName = 'ssd' | 'tiny';

/**
 * Input size of the tiny detector (a multiple of 32). Its largest anchor covers about 10.7 grid
 * cells, so a small input suits faces that fill a third or more of the frame, as at a counter;
 * at 416 it missed close-up faces (300–450 px) that 160–288 found.
 */
export const TINY_INPUT_SIZE = 160;

/**
 * Shorter side of a tiny-detector box below which SSD decides. The tiny detector's boxes are coarse
 * for small faces (a 58 px face got a 102×89 box at input 160), so the size rule, made for SSD's
 * boxes, cannot be applied to them near MIN_FACE_PX; a counter face is 150 px or more.
 */
export const TINY_MIN_FACE_PX = 2 * MIN_FACE_PX;

type Located = Omit<DetectedFace, 'descriptor'>;

/** True when the fast detector's answer can stand: exactly one face, confident and clearly large enough. */
export function fastAnswerStands(faces: readonly Located[]): boolean {
  const counted = faces.filter((f) => f.score >= TINY_ACCEPT_SCORE);
  if (counted.length !== 1) return false;
  const { box } = counted[0]!;
  return Math.min(box.width, box.height) >= TINY_MIN_FACE_PX;
}

/**
 * Runs `fast` (the tiny detector, faces marked detector 'tiny') and keeps its answer when it
 * stands; otherwise runs `full` (SSD) and returns that instead. Both return faces with descriptors.
 */
export async function detectFastThenFull<F extends Located>(
  fast: () => Promise<readonly F[]>,
  full: () => Promise<readonly F[]>,
): Promise<{ faces: readonly F[]; detector: FaceDetectorName }> {
  const quick = await fast();
  if (fastAnswerStands(quick)) return { faces: quick.filter((f) => f.score >= TINY_ACCEPT_SCORE), detector: 'tiny' };
  return { faces: await full(), detector: 'ssd' };
}
