// Writes field-set pages as PNG with their truth beside them, for looking at:
// npx tsx main/ocr/fieldset/write.ts <dir> [N=2]
import { createCanvas } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_KINDS, fieldPage } from './index';

const dir = process.argv[2] ?? 'fieldset-pages';
const n = Number(process.argv[3] ?? 2);
mkdirSync(dir, { recursive: true });
for (const kind of FIELD_KINDS) {
  for (let seed = 1; seed <= n; seed++) {
    const started = performance.now();
    const page = await fieldPage(kind, seed);
    const canvas = createCanvas(page.image.width, page.image.height);
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(page.image.width, page.image.height);
    img.data.set(page.image.data);
    ctx.putImageData(img, 0, 0);
    const base = join(dir, `${kind}-${seed}`);
    writeFileSync(`${base}.png`, canvas.encodeSync('png'));
    writeFileSync(`${base}.json`, JSON.stringify({ kind, capture: page.capture, layout: page.layout, text: page.text, fields: page.fields }, null, 1));
    console.log(`${base}.png ${page.layout} ${page.capture} ${page.image.width}×${page.image.height} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
}
