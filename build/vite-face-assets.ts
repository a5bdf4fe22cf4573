// Vite plugin: the face models and the tfjs wasm binaries the camera needs, taken from the
// installed packages. Served under <base>face/ while developing and copied into the build, so the
// workstation never fetches them from a CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));

/** Detectors, landmarks and recognition net: what renderer/camera loads. */
const MODELS = ['tiny_face_detector_model', 'ssd_mobilenetv1_model', 'face_landmark_68_model', 'face_recognition_model'];
const WASM = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/** Output path (relative to the build root) → source file. */
export const FACE_ASSETS: ReadonlyMap<string, string> = new Map([
  ...MODELS.flatMap((m) => [`${m}-weights_manifest.json`, `${m}.bin`]).map((f) => [`face/models/${f}`, path.join(MODEL_DIR, f)] as const),
  ...WASM.map((f) => [`face/wasm/${f}`, path.join(WASM_DIR, f)] as const),
]);

const TYPES: Record<string, string> = { '.json': 'application/json', '.bin': 'application/octet-stream', '.wasm': 'application/wasm' };

export function faceAssets(): Plugin {
  return {
    name: 'hws-face-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        const key = pathname.slice(pathname.indexOf('face/'));
        const file = pathname.includes('face/') ? FACE_ASSETS.get(key) : undefined;
        if (!file) return next();
        res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of FACE_ASSETS) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}
