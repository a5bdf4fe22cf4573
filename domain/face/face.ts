// Face capture vocabulary shared by the Node engine and the browser camera: what a detection
// yields, the rules that accept exactly one usable face, and the Chinese message for each refusal.
import { AppError, type Result, fail, ok } from '../errors';

/** Length of the face descriptor produced by the recognition net (dlib ResNet-34 port in face-api). */
export const DESCRIPTOR_LENGTH = 128;

/** Face model name and version stored with every descriptor (BiometricDoc.model). */
export const FACE_MODEL = 'face-api-1.7.15/ssd_mobilenetv1+landmark68+recognition';

/** Detections below this detector score are not counted as faces at all. */
export const MIN_DETECTION_SCORE = 0.5;

/**
 * A counted face scoring below this is blurred, turned away or badly lit: the descriptor of such
 * a face drifts, so the clerk is asked to capture again. Frontal, evenly lit faces score 0.95–1.0
 * on the SSD MobileNet detector; the turned faces of the package's demo photos score 0.6–0.9.
 */
export const MIN_GOOD_SCORE = 0.8;

/**
 * Tiny-detector score from which its single face is taken without asking SSD. Tiny scores are
 * lower and noisier than SSD's for the same sharp frontal face (0.5–0.95 where SSD gives 0.97+),
 * so SSD's MIN_GOOD_SCORE does not apply to them; below this, SSD decides.
 */
export const TINY_ACCEPT_SCORE = 0.5;

/**
 * Shorter side of the face box, in pixels, below which the face is too small to describe reliably
 * (the recognition net works on a 150×150 aligned crop; far smaller faces are upscaled noise).
 */
export const MIN_FACE_PX = 80;

export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One face found in an image: where it is, how sure the detector is, and its descriptor. */
export interface DetectedFace {
  readonly box: FaceBox;
  /** The detector's confidence; its scale depends on the detector (see `detector`). */
  readonly score: number;
  readonly descriptor: readonly number[];
  /** Which detector found the face: 'tiny' scores are not on SSD's scale (absent: SSD). */
  readonly detector?: 'ssd' | 'tiny';
}

/** An RGBA image in memory (ImageData-shaped), as decoded from a JPEG/PNG or grabbed from video. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

export type FaceErrorCode = 'NO_FACE' | 'MULTIPLE_FACES' | 'LOW_QUALITY' | 'BAD_IMAGE' | 'BAD_DESCRIPTOR' | 'ENGINE_FAILED';

export const FACE_MESSAGES: Record<FaceErrorCode, string> = {
  NO_FACE: '未检测到人脸,请正对摄像头',
  MULTIPLE_FACES: '画面中有多张人脸,请只保留申请人一人',
  LOW_QUALITY: '人脸不够清晰或离摄像头太远,请靠近摄像头、正对镜头并保持光线充足',
  BAD_IMAGE: '图片无法读取,文件可能已损坏或不是 JPEG/PNG 图片',
  BAD_DESCRIPTOR: '人脸特征数据无效',
  ENGINE_FAILED: '人脸识别组件加载失败,请联系技术支持',
};

export class FaceError extends AppError {
  constructor(
    override readonly code: FaceErrorCode,
    message: string = FACE_MESSAGES[code],
    /** Faces counted in the image, when the refusal is about them. */
    readonly faces?: number,
  ) {
    super(code, message);
    this.name = 'FaceError';
  }
}

/**
 * Accepts exactly one usable face: none → NO_FACE, several → MULTIPLE_FACES, one that is weak or
 * small → LOW_QUALITY. Faces below MIN_DETECTION_SCORE were never counted.
 */
export function selectSingleFace<F extends Omit<DetectedFace, 'descriptor'>>(faces: readonly F[]): Result<F> {
  const counted = faces.filter((f) => f.score >= MIN_DETECTION_SCORE);
  if (counted.length === 0) return fail('NO_FACE', FACE_MESSAGES.NO_FACE);
  if (counted.length > 1) return fail('MULTIPLE_FACES', FACE_MESSAGES.MULTIPLE_FACES);
  const face = counted[0]!;
  // A tiny-detector face says little about sharpness through its score (domain/face/detect.ts).
  const goodScore = face.detector === 'tiny' ? TINY_ACCEPT_SCORE : MIN_GOOD_SCORE;
  if (face.score < goodScore || Math.min(face.box.width, face.box.height) < MIN_FACE_PX) {
    return fail('LOW_QUALITY', FACE_MESSAGES.LOW_QUALITY);
  }
  return ok(face);
}

/** Same as selectSingleFace, throwing a FaceError (with the face count) for code that prefers exceptions. */
export function requireSingleFace<F extends Omit<DetectedFace, 'descriptor'>>(faces: readonly F[]): F {
  const result = selectSingleFace(faces);
  if (result.ok) return result.value;
  const code = result.error.code as FaceErrorCode;
  throw new FaceError(code, result.error.message, faces.filter((f) => f.score >= MIN_DETECTION_SCORE).length);
}
