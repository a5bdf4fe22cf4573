// Writes development-set pages as PNG + JSON for looking at them:
//   npx tsx main/ocr/devset/write.ts <folder> [pages per kind = 4] [first seed = 1] [capture]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { DEV_CAPTURES, DEV_KINDS, type DevCapture, devPage } from './index';

const [folder, perKind = '4', first = '1', mode] = process.argv.slice(2);
if (!folder) {
  console.error('usage: npx tsx main/ocr/devset/write.ts <folder> [pages per kind] [first seed] [scan|lowres|fax|photo]');
  process.exit(2);
}
if (mode && !(DEV_CAPTURES as readonly string[]).includes(mode)) throw new Error(`unknown capture ${mode}`);
mkdirSync(folder, { recursive: true });
for (const kind of DEV_KINDS)
  for (let seed = Number(first); seed < Number(first) + Number(perKind); seed++) {
    const page = await devPage(kind, seed, mode as DevCapture | undefined);
    const c = createCanvas(page.image.width, page.image.height);
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(page.image.width, page.image.height);
    img.data.set(page.image.data);
    ctx.putImageData(img, 0, 0);
    const base = join(folder, `${kind}-${seed}`);
    writeFileSync(`${base}.png`, c.toBuffer('image/png'));
    writeFileSync(`${base}.json`, `${JSON.stringify({ kind, capture: page.capture, layout: page.layout, text: page.text, fields: page.fields }, null, 2)}\n`);
    console.log(`${base}.png  ${page.capture}  ${page.layout}  ${page.image.width}x${page.image.height}`);
  }
