// `npm run bench:intake`: OCR seconds per page with accuracy, then face detect + descriptor per
// 640×480 frame; each bench prints its own baseline from the same process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const bench of ['intake-ocr.ts', 'intake-face.ts']) {
  console.log(`\n=== ${bench} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
