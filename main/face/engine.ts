// The Node face engine: face-api's node-wasm bundle, models read from the package's model/
// folder. Detect (SSD MobileNet, or the tiny detector as a baseline) + 68 landmarks + 128-d descriptor.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as faceapiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { type DetectedFace, FaceError, MIN_DETECTION_SCORE, type RgbaImage, requireSingleFace } from '../../domain/face';
import { type FaceBackend, type Tf, activateBackend } from './backend';

// The bundle is CommonJS; depending on the loader its exports arrive as the namespace or as default.
const faceapi: typeof faceapiModule = (faceapiModule as unknown as { default?: typeof faceapiModule }).default ?? faceapiModule;
const tf = faceapi.tf as unknown as Tf;

const require = createRequire(import.meta.url);
/** The package's own model folder: weights ship with the dependency, nothing is downloaded. */
export const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

export type FaceDetector = 'ssd' | 'tiny';
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

function detectorOptions(detector: FaceDetector) {
  return detector === 'ssd'
    ? new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE, maxResults: 10 })
    : new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: MIN_DETECTION_SCORE });
}

/** RGBA pixels → int32 [h, w, 3] tensor (tf.browser.fromPixels accepts plain pixel data in Node). */
function toTensor(image: RgbaImage) {
  const data = image.data instanceof Uint8Array ? image.data : new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return tf.browser.fromPixels({ width: image.width, height: image.height, data }, 3);
}

export async function loadFaceEngine(options: FaceEngineOptions = {}): Promise<FaceEngine> {
  const backend = options.backend ?? 'wasm';
  const detector = options.detector ?? 'ssd';
  const dir = options.modelDir ?? MODEL_DIR;
  try {
    await activateBackend(tf, backend);
    await loadNet(detector === 'ssd' ? faceapi.nets.ssdMobilenetv1 : faceapi.nets.tinyFaceDetector, detector, dir);
    await loadNet(faceapi.nets.faceLandmark68Net, 'landmark68', dir);
    await loadNet(faceapi.nets.faceRecognitionNet, 'recognition', dir);
  } catch (e) {
    throw new FaceError('ENGINE_FAILED', `人脸识别组件加载失败:${(e as Error).message ?? String(e)}`);
  }
  const opts = detectorOptions(detector);

  async function detectAll(image: RgbaImage): Promise<DetectedFace[]> {
    // Several engines may share the process (the benchmark): make sure ours is the active backend.
    await activateBackend(tf, backend);
    const input = toTensor(image);
    try {
      const results = await faceapi.detectAllFaces(input as unknown as NetInput, opts).withFaceLandmarks().withFaceDescriptors();
      return results.map((r) => ({
        box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
        score: r.detection.score,
        descriptor: Array.from(r.descriptor),
      }));
    } finally {
      input.dispose();
    }
  }

  return {
    backend,
    detector,
    detectAll,
    detectSingle: async (image) => requireSingleFace(await detectAll(image)),
  };
}
