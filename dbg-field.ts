import { readDocument } from './domain/ocr/document';
import { fieldPage as devPage } from "./main/ocr/fieldset";
import { NodeOcrEngine, SECOND_MODEL } from './main/ocr/engine';
const [kind, seedS, ...rest] = process.argv.slice(2);
const e = new NodeOcrEngine(); const s = new NodeOcrEngine(SECOND_MODEL);
for (const seed of seedS!.split(',').map(Number)) {
  const p = await devPage(kind as any, seed);
  const r = await readDocument(p.image, e, { kind: p.kind, second: s });
  console.log(`==== ${kind}#${seed} ${p.capture} ${p.layout}\n--- truth text\n${p.text}\n--- truth fields ${JSON.stringify(p.fields)}`);
  for (const a of r.attempts) if (rest.includes('all') || a.method === r.chosen || a.method === 'cells') console.log(`--- ${a.method}\n${a.reading.text}\n${JSON.stringify(a.reading.fields)}`);
  console.log(`--- merged ${JSON.stringify(r.fields)}`);
}
await e.close(); await s.close();
