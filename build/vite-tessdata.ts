// Vite plugin: serves and emits ./tessdata/ — tesseract.js's worker script, its LSTM wasm cores
// and the gzipped language models (two, and the second model's chi_sim) from node_modules — so the renderer reads offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** File name under tessdata/ → absolute source path. */
export function tessdataFiles(): Record<string, string> {
  const core = pkgDir('tesseract.js-core');
  const files: Record<string, string> = {
    'worker.min.js': join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'),
    'chi_sim.traineddata.gz': join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int', 'chi_sim.traineddata.gz'),
    'eng.traineddata.gz': join(pkgDir('@tesseract.js-data/eng'), '4.0.0_best_int', 'eng.traineddata.gz'),
    // The second model the first votes with (SECOND_MODEL in main/ocr/engine.ts).
    'second/chi_sim.traineddata.gz': join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0', 'chi_sim.traineddata.gz'),
  };
  for (const f of ['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js']) files[f] = join(core, f);
  return files;
}

export function tessdata(): Plugin {
  const files = tessdataFiles();
  return {
    name: 'hws-tessdata',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/tessdata\/([^?]+)/.exec(req.url ?? '');
        const file = m ? files[m[1]!] : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(files)) this.emitFile({ type: 'asset', fileName: `tessdata/${name}`, source: readFileSync(file) });
    },
  };
}
