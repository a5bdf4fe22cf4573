// The field set: a second development set of the six document kinds, drawn by an engineer who has
// not seen the extractor — new print designs (登记卡 grids, 户口簿 spreads, 红头 letters, 交易明细 with
// 摘要/对方户名 and a 合计 row, 缴费历年明细, 查询结果证明), 楷体 fills, handwriting on some pages,
// and four captures (scan, stamp, phone, copy). Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { capture, type FieldCapture, FIELD_CAPTURES, pickCapture } from './capture';
import { drawHukou, drawMarriage } from './civil';
import type { Drawn } from './draw';
import { drawBank, drawIncome, drawProperty, drawSocial } from './letters';

export const FIELD_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type FieldKind = (typeof FIELD_KINDS)[number];
export { FIELD_CAPTURES, type FieldCapture };

const DRAW: Record<FieldKind, (rng: Rng, hand: boolean) => Drawn> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<FieldKind, number> = { hukou: 0x71a3, marriage: 0x82c5, income: 0x93e7, bank: 0xa409, social: 0xb52b, property: 0xc64d };

export interface FieldSheet extends Drawn {
  readonly capture: FieldCapture;
  /** Whether a value was asked to be handwritten (the hand font draws it when it has every character). */
  readonly hand: boolean;
}

/** Page `seed` of `kind` before capture, with its truth (cheap: for checking the truth alone). */
export function fieldSheet(kind: FieldKind, seed: number): FieldSheet {
  const rng = createRng(Math.imul(seed, 0x85ebca6b) ^ SALT[kind]);
  const chosen = pickCapture(rng.next());
  const hand = rng.chance(0.26);
  return { ...DRAW[kind](rng, hand), capture: chosen, hand };
}

/** Page `seed` of `kind`: layout, phrasing, fonts and capture all follow from the seed (`mode` forces the capture). */
export async function fieldPage(kind: DocKind, seed: number, mode?: FieldCapture): Promise<TruthPage & { layout: string }> {
  if (!(FIELD_KINDS as readonly string[]).includes(kind)) throw new RangeError(`no field-set pages of kind ${kind}`);
  const k = kind as FieldKind;
  const drawn = fieldSheet(k, seed);
  const chosen = mode ?? drawn.capture;
  const rng = createRng(Math.imul(seed, 0x27d4eb2f) + SALT[k]);
  const image = capture(drawn.sheet, chosen, rng, drawn.issuer);
  return { name: `field-${kind}#${seed}`, kind, capture: chosen, image, text: drawn.sheet.textLines(), fields: drawn.fields, layout: drawn.layout };
}
