// The seventh set: a seventh generator of OCR test pages, written apart from the extractor and the
// other generators (none of their page code was read), to measure the OCR on designs it has never
// seen. Six kinds of counter paperwork — 常住人口登记卡 with upright labels and a 派出所 户籍证明
// letter; 结婚证 photo pages in another field order and 婚姻登记记录证明 after divorce and
// remarriage; 事业单位 / 街道办 / monthly-table 收入证明 with 大写 amounts; bilingual two-column
// bank statements and thermal receipts; 深圳 参保缴费证明 with 养老/医疗/失业 columns and query
// prints; 不动产权属状况证明 for a household and 无房产证明 letters — in typefaces no other set
// uses (江西拙楷, 得意黑, 思源屏显臻宋, Maple Mono CN; ZCOOL QingKe / KuaiLe headings), with rare
// name characters on about 3 pages in 10, and six captures (clean 300 dpi scan, 100–150 dpi scan,
// chat-app forward, inkjet banding, stamped scan with punched holes, thermal receipt).
// Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, SEVENTH_CAPTURES, type SeventhCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const SEVENTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type SeventhKind = (typeof SEVENTH_KINDS)[number];
export { SEVENTH_CAPTURES, type SeventhCapture };

const DRAW: Record<SeventhKind, (rng: Rng, thermal: boolean) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<SeventhKind, number> = { hukou: 0x7a11, marriage: 0x7b23, income: 0x7c35, bank: 0x7d47, social: 0x7e59, property: 0x7f6b };

const isSeventhKind = (k: string): k is SeventhKind => (SEVENTH_KINDS as readonly string[]).includes(k);

export interface SeventhSheet extends Made {
  readonly capture: SeventhCapture;
}

/**
 * Page `seed` of `kind` drawn but not captured, with its truth (cheap: for checking truth alone).
 * `mode` forces the capture; a bank page forced to the thermal printer is drawn as a receipt, any
 * other page sent there is scanned instead (the thermal printer prints receipts only).
 */
export function seventhSheet(kind: SeventhKind, seed: number, mode?: SeventhCapture): SeventhSheet {
  const rng = createRng(Math.imul(seed + 7, 0x5bd1e995) ^ SALT[kind]);
  const drawn = chooseCapture(rng.next(), kind === 'bank');
  const chosen = mode === 'thermal' && kind !== 'bank' ? 'scan300' : (mode ?? drawn);
  return { ...DRAW[kind](rng, chosen === 'thermal'), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function seventhPage(kind: DocKind, seed: number, mode?: SeventhCapture): Promise<TruthPage & { layout: string }> {
  if (!isSeventhKind(kind)) throw new RangeError(`no seventh-set pages of kind ${kind}`);
  const sheet = seventhSheet(kind, seed, mode);
  const chosen = sheet.capture;
  const image = await capture(sheet.paper.canvas, chosen, createRng(Math.imul(seed + 13, 0x27d4eb2f) + SALT[kind]), sheet.paper.dpi);
  return { name: `seventh-${kind}#${seed}`, kind, capture: chosen, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
