// `hws face compare A.jpg B.jpg [--json]`: are the two photos the same person?
// Exit codes: 0 compared (match or not) · 2 usage · 3 no usable face (none, several, low quality) ·
// 4 unreadable image or engine failure.
import { FaceError, type FaceErrorCode, compareDescriptors, requireSingleFace } from '../domain/face';
import { decodeImageFile } from '../main/face/decode';
import { loadFaceEngine } from '../main/face/engine';

export const FACE_EXIT = { ok: 0, usage: 2, face: 3, image: 4 } as const;

const USAGE = 'hws face compare A.jpg B.jpg [--json] [--threshold 0.5]';
const FACE_PROBLEMS: readonly FaceErrorCode[] = ['NO_FACE', 'MULTIPLE_FACES', 'LOW_QUALITY'];

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

interface CompareArgs {
  readonly files: [string, string];
  readonly json: boolean;
  readonly threshold: number | undefined;
}

function parseCompare(argv: string[]): CompareArgs | string {
  const files: string[] = [];
  let json = false;
  let threshold: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--threshold') {
      threshold = Number(argv[++i]);
      if (!Number.isFinite(threshold) || threshold <= 0) return '--threshold 必须是正数';
    } else if (a.startsWith('--')) return `未知参数 ${a}`;
    else files.push(a);
  }
  if (files.length !== 2) return '需要两张图片';
  return { files: [files[0]!, files[1]!], json, threshold };
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

export async function faceCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'compare') {
    err(`用法:${USAGE}`);
    return sub === undefined || sub === '--help' ? FACE_EXIT.ok : FACE_EXIT.usage;
  }
  const args = parseCompare(rest);
  if (typeof args === 'string') {
    err(`参数错误:${args}\n用法:${USAGE}`);
    return FACE_EXIT.usage;
  }
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
