// The thirteenth set: a thirteenth generator of OCR test pages, written apart from the extractor and
// the other generators' page code, for low-resolution captures above all. Six kinds, three or four
// designs each: 常住人口登记卡 as a ruled grid (printed or hand-filled) and landscape with labels above
// values, a 户籍证明 paragraph, an 户口簿 page in two columns; the 结婚证 inner spread, a 婚姻登记记录证明
// with a row per party, a letter; a 收入证明 letter (seal over the amount on some), a ruled form, a
// twelve-month list; a 对账单 with the summary above, a 流水 with a 合计 row, a landscape monospaced
// list with totals in sentences; 社保 periods table, month-by-month list, letter; 不动产 result table,
// letter, kiosk slip. Captures: greyscale 72–110 dpi scans, 100 dpi faxes, chat-forwarded JPEGs,
// distant phone photos, photocopies of photocopies, and 150–200 dpi scans for contrast.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, dpiFor, THIRTEENTH_CAPTURES, type ThirteenthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { DpiFor, Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const THIRTEENTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type ThirteenthKind = (typeof THIRTEENTH_KINDS)[number];
export { THIRTEENTH_CAPTURES, type ThirteenthCapture };

const DRAW: Record<ThirteenthKind, (rng: Rng, dpi: DpiFor) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<ThirteenthKind, number> = { hukou: 0x13a2, marriage: 0x13b4, income: 0x13c6, bank: 0x13d8, social: 0x13ea, property: 0x13fc };

const isThirteenthKind = (k: string): k is ThirteenthKind => (THIRTEENTH_KINDS as readonly string[]).includes(k);

/** Mixes a seed well, so neighbouring seeds do not start alike. */
const mix = (seed: number, salt: number, k: number): number => {
  let h = Math.imul(seed + k, 0x9e3779b1) ^ salt;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

export interface ThirteenthSheet extends Made {
  readonly capture: ThirteenthCapture;
}

/** Page `seed` of `kind` drawn at the capture's resolution but not captured, with its truth. `mode` forces the capture. */
export function thirteenthSheet(kind: ThirteenthKind, seed: number, mode?: ThirteenthCapture): ThirteenthSheet {
  const rng = createRng(mix(seed, SALT[kind], 23));
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  const dpi = dpiFor(chosen, createRng(mix(seed, SALT[kind], 7)));
  return { ...DRAW[kind](rng, dpi), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function thirteenthPage(kind: DocKind, seed: number, mode?: ThirteenthCapture): Promise<TruthPage & { layout: string }> {
  if (!isThirteenthKind(kind)) throw new RangeError(`no thirteenth-set pages of kind ${kind}`);
  const sheet = thirteenthSheet(kind, seed, mode);
  const image = await capture(sheet.paper, sheet.capture, createRng(mix(seed, SALT[kind], 43)));
  return { name: `thirteenth-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.pageText(), fields: sheet.fields, layout: sheet.layout };
}
