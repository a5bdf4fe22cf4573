// `hws face compare A.jpg B.jpg [--json]`: are the two photos the same person?
// Exit codes: 0 compared (match or not) · 2 usage · 3 no usable face (none, several, low quality) ·
// 4 unreadable image or engine failure.
import { FaceError, type FaceErrorCode, compareDescriptors, requireSingleFace } from '../domain/face';
import { decodeImageFile } from '../main/face/decode';
import { loadFaceEngine } from '../main/face/engine';

export const FACE_EXIT = { ok: 0, usage: 2, face: 3, image: 4 } as const;

const FACE_PROBLEMS: readonly FaceErrorCode[] = ['NO_FACE', 'MULTIPLE_FACES', 'LOW_QUALITY'];

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

interface CompareArgs {
  readonly files: readonly [string, string];
  readonly json?: boolean;
  readonly threshold?: number;
}

async function compare(args: CompareArgs): Promise<number> {
  // Decode both images first: a bad file fails fast, before the models load.
  const images = [];
  for (const file of args.files) {
    images.push(
      await decodeImageFile(file).catch((e: unknown) => {
        throw e instanceof FaceError ? new FaceError(e.code, `${file}:${e.message}`) : e;
      }),
    );
  }
  const engine = await loadFaceEngine();
  const faces: number[] = [];
  const descriptors: (readonly number[])[] = [];
  for (const [i, file] of args.files.entries()) {
    const image = images[i]!;
    const all = await engine.detectAll(image);
    faces.push(all.length);
    try {
      descriptors.push(requireSingleFace(all).descriptor);
    } catch (e) {
      if (e instanceof FaceError) throw new FaceError(e.code, `${file}:${e.message}(检测到 ${all.length} 张人脸)`, all.length);
      throw e;
    }
  }
  const result = compareDescriptors(descriptors[0]!, descriptors[1]!, args.threshold);
  const distance = Math.round(result.distance * 10_000) / 10_000;
  if (args.json) out(JSON.stringify({ distance, match: result.match, threshold: result.threshold, faces }));
  else out(`${result.match ? '同一人' : '不是同一人'}  距离 ${distance}(阈值 ${result.threshold})`);
  return FACE_EXIT.ok;
}

/** `hws face compare A B`: exit 0 compared (match or not) · 3 no usable face · 4 unreadable image or engine failure. */
export async function faceCompare(args: CompareArgs): Promise<number> {
  try {
    return await compare(args);
  } catch (e) {
    if (e instanceof FaceError) {
      err(`错误(${e.code}):${e.message}`);
      return FACE_PROBLEMS.includes(e.code) ? FACE_EXIT.face : FACE_EXIT.image;
    }
    err(`意外错误:${(e as Error).message ?? String(e)}`);
    return FACE_EXIT.image;
  }
}
