// Bundled for headless Chromium by bench/intake-face-browser.ts: the camera's own face detector
// (renderer/camera/face-detector.ts) and, as the baseline, SSD MobileNet alone as the camera ran it
// before, timed on frames drawn into a canvas as CameraCapture does with the video.
import * as faceapi from '@vladmandic/face-api';
import { type DetectedFace, MIN_DETECTION_SCORE, selectSingleFace } from '../domain/face';
import { loadBrowserFaceDetector } from '../renderer/camera/face-detector';

export interface BrowserFaceRun {
  readonly backend: string;
  readonly threads: number;
  readonly ms: number[];
  readonly found: number;
  readonly usable: number;
}

declare global {
  interface Window {
    benchFaces(urls: string[], which: 'shipped' | 'ssd'): Promise<BrowserFaceRun>;
  }
}

async function canvasOf(url: string): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return canvas;
}

window.benchFaces = async (urls, which) => {
  const shipped = await loadBrowserFaceDetector('/face/');
  const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE, maxResults: 10 });
  const detect = async (canvas: HTMLCanvasElement): Promise<readonly Omit<DetectedFace, 'descriptor'>[]> =>
    which === 'shipped'
      ? shipped.detectAll(canvas)
      : (await faceapi.detectAllFaces(canvas, ssd).withFaceLandmarks().withFaceDescriptors()).map((r) => ({
          box: r.detection.box,
          score: r.detection.score,
        }));
  const canvases = await Promise.all(urls.map(canvasOf));
  await detect(canvases[0]!); // warm-up
  await detect(canvases[1]!);
  const ms: number[] = [];
  let found = 0;
  let usable = 0;
  for (const canvas of canvases) {
    const t0 = performance.now();
    const faces = await detect(canvas);
    ms.push(performance.now() - t0);
    if (faces.length) found++;
    if (selectSingleFace(faces).ok) usable++;
  }
  const tf = faceapi.tf as unknown as { getBackend(): string; getThreadsCount?(): number; env(): { getAsync(flag: string): Promise<boolean> } };
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const multi = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const threads = typeof tf.getThreadsCount === 'function' ? tf.getThreadsCount() : multi ? -1 : 1;
  return { backend: `${tf.getBackend()}${simd ? ' simd' : ''}${multi ? ' threads' : ''}`, threads, ms, found, usable };
};
