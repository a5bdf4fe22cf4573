// The independent OCR development set: pages of the six document kinds, drawn from what these
// Shenzhen documents look like, each in one of several layouts and captures, deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { type Capture, capture, CAPTURES } from './capture';
import { type Drawn, drawHukou, drawMarriage } from './civil';
import { drawBank, drawIncome, drawProperty, drawSocial } from './letters';

export const DEV_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type DevKind = (typeof DEV_KINDS)[number];
export { CAPTURES as DEV_CAPTURES, type Capture as DevCapture };

const DRAW: Record<DevKind, (rng: ReturnType<typeof createRng>) => Drawn> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const KIND_SALT: Record<DevKind, number> = { hukou: 0x1e3d, marriage: 0x2b7f, income: 0x3c11, bank: 0x4a95, social: 0x5d27, property: 0x6f03 };

/** The sheet of page `seed` before capture, with its truth (cheap: for checking the truth alone). */
export function devSheet(kind: DevKind, seed: number): Drawn {
  return DRAW[kind](createRng((seed * 0x9e3779b1) ^ KIND_SALT[kind]));
}

/** Page `seed` of `kind`: layout, phrasing and capture all follow from the seed (or `mode` forces the capture). */
export async function devPage(kind: DocKind, seed: number, mode?: Capture): Promise<TruthPage & { layout: string }> {
  if (!(DEV_KINDS as readonly string[]).includes(kind)) throw new RangeError(`no development pages of kind ${kind}`);
  const k = kind as DevKind;
  const rng = createRng((seed * 0x9e3779b1) ^ KIND_SALT[k]);
  const drawn = DRAW[k](rng);
  // the capture is drawn after the sheet, so devSheet(kind, seed) shows the same sheet
  const r = rng.next();
  const chosen: Capture = mode ?? (r < 0.35 ? 'scan' : r < 0.55 ? 'lowres' : r < 0.7 ? 'fax' : 'photo');
  const image = capture(drawn.sheet, chosen, createRng(seed * 31 + KIND_SALT[k]));
  // The ethnicity field holds the nationality's full name (汉族) whether the card prints 汉 or 汉族.
  const fields = husbandFirst(typeof drawn.fields.ethnicity === 'string' && !drawn.fields.ethnicity.endsWith('族') ? { ...drawn.fields, ethnicity: `${drawn.fields.ethnicity}族` } : drawn.fields);
  return { name: `dev-${kind}#${seed}`, kind, capture: chosen, image, text: drawn.sheet.textLines(), fields, layout: drawn.layout };
}

/** The extractor's convention (domain/ocr/extract-civil.ts): party1 is the husband, party2 the wife, whatever order the page prints them in. */
function husbandFirst(fields: Drawn['fields']): Drawn['fields'] {
  if (fields.party1Gender !== '女' || fields.party2Gender !== '男') return fields;
  const out: Record<string, string | number> = { ...fields };
  for (const f of ['Name', 'Gender', 'BirthDate', 'IdNumber']) {
    const [a, b] = [fields[`party1${f}`], fields[`party2${f}`]];
    delete out[`party1${f}`];
    delete out[`party2${f}`];
    if (b !== undefined) out[`party1${f}`] = b;
    if (a !== undefined) out[`party2${f}`] = a;
  }
  return out;
}
