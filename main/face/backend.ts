// TensorFlow.js backends for the Node face engine. The wasm backend is the one we ship: in Node it
// still fetches its .wasm binary through tf's platform fetch, which cannot read local paths, so
// absolute paths are served from disk here. The pure-JS CPU backend is kept as a slow baseline.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type * as TfModule from '@tensorflow/tfjs';

export type FaceBackend = 'wasm' | 'cpu';

const require = createRequire(import.meta.url);

/** Folder holding tfjs-backend-wasm*.wasm of the installed @tensorflow/tfjs-backend-wasm. */
export const WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));

/** The tfjs instance face-api's node-wasm bundle requires (its own typings omit env and backends). */
export type Tf = typeof TfModule;
type Fetch = (input: string, init?: unknown) => Promise<Response>;

let fetchPatched = false;
let wasmPathSet = false;

/** Serve absolute file paths from disk; everything else goes to the original platform fetch. */
function patchPlatformFetch(tf: Tf): void {
  if (fetchPatched) return;
  const platform = tf.env().platform as unknown as { fetch: Fetch };
  const original = platform.fetch.bind(platform);
  platform.fetch = async (input, init) => {
    if (typeof input === 'string' && path.isAbsolute(input)) {
      const bytes = await readFile(input);
      return new Response(bytes, { status: 200, headers: { 'content-type': 'application/wasm' } });
    }
    return original(input, init);
  };
  fetchPatched = true;
}

/** Make `backend` the active tf backend (idempotent; switching back and forth is allowed). */
export async function activateBackend(tf: Tf, backend: FaceBackend): Promise<void> {
  if (backend === 'wasm') {
    patchPlatformFetch(tf);
    if (!wasmPathSet) {
      setWasmPaths(`${WASM_DIR}${path.sep}`, true);
      wasmPathSet = true;
    }
  }
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`TensorFlow.js backend "${backend}" failed to initialise`);
  }
  await tf.ready();
}
