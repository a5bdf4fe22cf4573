// Face detection in the renderer: face-api's browser bundle on the tfjs wasm backend, with the
// models and .wasm binaries served by the app itself (build/vite-face-assets.ts puts them under
// <base>face/). Loaded on first use and shared by every CameraCapture. The tiny detector goes first,
// SSD MobileNet only when its answer does not stand (domain/face/detect.ts), as in the Node engine.
import type * as FaceApiModule from '@vladmandic/face-api';
import {
  type DetectedFace,
  type FaceDetectorName,
  MIN_DETECTION_SCORE,
  TINY_ACCEPT_SCORE,
  TINY_INPUT_SIZE,
  detectFastThenFull,
} from '../../domain/face';

export interface BrowserFaceDetector {
  /** The tfjs backend in use ('wasm'). */
  readonly backend: string;
  /** Every face above MIN_DETECTION_SCORE in the picture, with its 128-d descriptor. */
  detectAll(picture: HTMLCanvasElement): Promise<DetectedFace[]>;
}

/** Where the app serves face/models/ and face/wasm/, relative to the page. */
export const DEFAULT_FACE_ASSETS = './face/';

type FaceApi = typeof FaceApiModule;
type WasmTf = { setWasmPaths(prefix: string): void; setBackend(name: string): Promise<boolean>; getBackend(): string; ready(): Promise<void> };

const loading = new Map<string, Promise<BrowserFaceDetector>>();

async function load(assets: string): Promise<BrowserFaceDetector> {
  const base = new URL(assets, document.baseURI);
  const faceapi: FaceApi = await import('@vladmandic/face-api');
  const tf = faceapi.tf as unknown as WasmTf;
  tf.setWasmPaths(new URL('wasm/', base).href);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend unavailable');
  await tf.ready();
  const models = new URL('models', base).href;
  await Promise.all([
    faceapi.nets.tinyFaceDetector.loadFromUri(models),
    faceapi.nets.ssdMobilenetv1.loadFromUri(models),
    faceapi.nets.faceLandmark68Net.loadFromUri(models),
    faceapi.nets.faceRecognitionNet.loadFromUri(models),
  ]);
  const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE, maxResults: 10 });
  const tiny = new faceapi.TinyFaceDetectorOptions({ inputSize: TINY_INPUT_SIZE, scoreThreshold: TINY_ACCEPT_SCORE });
  const run = async (picture: HTMLCanvasElement, which: FaceDetectorName): Promise<DetectedFace[]> => {
    const results = await faceapi.detectAllFaces(picture, which === 'ssd' ? ssd : tiny).withFaceLandmarks().withFaceDescriptors();
    return results.map((r) => ({
      box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
      score: r.detection.score,
      descriptor: Array.from(r.descriptor),
      ...(which === 'tiny' ? { detector: 'tiny' as const } : {}),
    }));
  };
  return {
    backend: tf.getBackend(),
    async detectAll(picture) {
      const { faces } = await detectFastThenFull(() => run(picture, 'tiny'), () => run(picture, 'ssd'));
      return [...faces];
    },
  };
}

export function loadBrowserFaceDetector(assets = DEFAULT_FACE_ASSETS): Promise<BrowserFaceDetector> {
  let pending = loading.get(assets);
  if (!pending) {
    pending = load(assets);
    // A failed load may be retried (for example after the files were restored).
    pending.catch(() => loading.delete(assets));
    loading.set(assets, pending);
  }
  return pending;
}
