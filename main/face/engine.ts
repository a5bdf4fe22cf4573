// The Node face engine: face-api's node-wasm bundle, models read from the package's model/
// folder. Detect + 68 landmarks + 128-d descriptor. Shipped: the tiny detector first, SSD MobileNet
// when its answer does not stand (domain/face/detect.ts); 'ssd' alone and 'tiny' alone are baselines.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as faceapiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import {
  type DetectedFace,
  FaceError,
  MIN_DETECTION_SCORE,
  type RgbaImage,
  TINY_ACCEPT_SCORE,
  TINY_INPUT_SIZE,
  detectFastThenFull,
  requireSingleFace,
} from '../../domain/face';
import { type FaceBackend, type Tf, activateBackend } from './backend';

// The bundle is CommonJS; depending on the loader its exports arrive as the namespace or as default.
const faceapi: typeof faceapiModule = (faceapiModule as unknown as { default?: typeof faceapiModule }).default ?? faceapiModule;
const tf = faceapi.tf as unknown as Tf;

const require = createRequire(import.meta.url);
/** The package's own model folder: weights ship with the dependency, nothing is downloaded. */
export const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

/** 'tiny+ssd': the tiny detector, SSD when its answer does not stand (shipped). */
export type FaceDetector = 'tiny+ssd' | 'ssd' | 'tiny';
/** face-api types its input against its own bundled tfjs typings; the runtime tensor is the same. */
type NetInput = Parameters<typeof faceapi.detectAllFaces>[0];

export interface FaceEngineOptions {
  readonly backend?: FaceBackend;
  readonly detector?: FaceDetector;
  readonly modelDir?: string;
}

export interface FaceEngine {
  readonly backend: FaceBackend;
  readonly detector: FaceDetector;
  /** Every face above MIN_DETECTION_SCORE with its descriptor. */
  detectAll(image: RgbaImage): Promise<DetectedFace[]>;
  /** Same, and which detector's answer it is (for the benchmark). */
  detectAllWith(image: RgbaImage): Promise<{ faces: DetectedFace[]; detector: 'ssd' | 'tiny' }>;
  /** The one usable face, or a FaceError (NO_FACE, MULTIPLE_FACES, LOW_QUALITY). */
  detectSingle(image: RgbaImage): Promise<DetectedFace>;
}

const loaded = new Set<string>();

async function loadNet(net: { loadFromDisk(dir: string): Promise<void> }, name: string, dir: string): Promise<void> {
  const key = `${name}@${dir}`;
  if (loaded.has(key)) return;
  await net.loadFromDisk(dir);
  loaded.add(key);
}

const SSD_OPTIONS = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE, maxResults: 10 });
const TINY_OPTIONS = new faceapi.TinyFaceDetectorOptions({ inputSize: TINY_INPUT_SIZE, scoreThreshold: TINY_ACCEPT_SCORE });

/** RGBA pixels → int32 [h, w, 3] tensor (tf.browser.fromPixels accepts plain pixel data in Node). */
function toTensor(image: RgbaImage) {
  const data = image.data instanceof Uint8Array ? image.data : new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return tf.browser.fromPixels({ width: image.width, height: image.height, data }, 3);
}

export async function loadFaceEngine(options: FaceEngineOptions = {}): Promise<FaceEngine> {
  const backend = options.backend ?? 'wasm';
  const detector = options.detector ?? 'tiny+ssd';
  const dir = options.modelDir ?? MODEL_DIR;
  try {
    await activateBackend(tf, backend);
    if (detector !== 'tiny') await loadNet(faceapi.nets.ssdMobilenetv1, 'ssd', dir);
    if (detector !== 'ssd') await loadNet(faceapi.nets.tinyFaceDetector, 'tiny', dir);
    await loadNet(faceapi.nets.faceLandmark68Net, 'landmark68', dir);
    await loadNet(faceapi.nets.faceRecognitionNet, 'recognition', dir);
  } catch (e) {
    throw new FaceError('ENGINE_FAILED', `人脸识别组件加载失败:${(e as Error).message ?? String(e)}`);
  }
  /** Detect with one detector, then landmarks and descriptors for what it found. */
  async function run(input: NetInput, which: 'ssd' | 'tiny'): Promise<DetectedFace[]> {
    const options = which === 'ssd' ? SSD_OPTIONS : TINY_OPTIONS;
    const results = await faceapi.detectAllFaces(input, options).withFaceLandmarks().withFaceDescriptors();
    return results.map((r) => ({
      box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
      score: r.detection.score,
      descriptor: Array.from(r.descriptor),
      ...(which === 'tiny' ? { detector: 'tiny' as const } : {}),
    }));
  }

  async function detectAllWith(image: RgbaImage): Promise<{ faces: DetectedFace[]; detector: 'ssd' | 'tiny' }> {
    // Several engines may share the process (the benchmark): make sure ours is the active backend.
    await activateBackend(tf, backend);
    const input = toTensor(image) as unknown as NetInput;
    try {
      if (detector !== 'tiny+ssd') return { faces: await run(input, detector), detector };
      const { faces, detector: used } = await detectFastThenFull(() => run(input, 'tiny'), () => run(input, 'ssd'));
      return { faces: [...faces], detector: used };
    } finally {
      (input as unknown as { dispose(): void }).dispose();
    }
  }

  return {
    backend,
    detector,
    detectAllWith,
    detectAll: async (image) => (await detectAllWith(image)).faces,
    detectSingle: async (image) => requireSingleFace((await detectAllWith(image)).faces),
  };
}
