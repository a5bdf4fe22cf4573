// The fresh set: a fifth generator written apart from the extractor and the other generators
// (session 16). Read once before any tuning (bench:intake --sets=fresh, N=3: 87.1 % of the fields),
// then tuned on like the development and field sets: only the held-out pages are never tuned on. Six kinds of Shenzhen counter paperwork — 常住人口登记卡 and 户籍证明,
// 结婚证 (2004+ booklet and 1990s), 收入证明 letters and forms, bank 交易明细 / 对账单, 社保 参保缴费证明,
// 不动产 查询结果 / 无房证明 — each in a few designs, with the truth of what the page prints, and
// three captures (scan 50 %, photo 30 %, lowres 20 %). Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, FRESH_CAPTURES, type FreshCapture } from './capture';
import { drawHukou } from './civil';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const FRESH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type FreshKind = (typeof FRESH_KINDS)[number];
export { FRESH_CAPTURES, type FreshCapture };

const DRAW: Record<FreshKind, (rng: Rng) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<FreshKind, number> = { hukou: 0x5e11, marriage: 0x6a27, income: 0x7b3d, bank: 0x8c53, social: 0x9d69, property: 0xae7f };

const isFreshKind = (k: string): k is FreshKind => (FRESH_KINDS as readonly string[]).includes(k);

export interface FreshSheet extends Made {
  readonly capture: FreshCapture;
}

/** Page `seed` of `kind` drawn but not captured, with its truth (cheap: for checking truth alone). */
export function freshSheet(kind: FreshKind, seed: number): FreshSheet {
  const rng = createRng(Math.imul(seed + 1, 0x9e3779b1) ^ SALT[kind]);
  const chosen = chooseCapture(rng.next());
  return { ...DRAW[kind](rng), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, type and capture all follow from the seed (`mode` forces the capture). */
export async function freshPage(kind: DocKind, seed: number, mode?: FreshCapture): Promise<TruthPage & { layout: string }> {
  if (!isFreshKind(kind)) throw new RangeError(`no fresh-set pages of kind ${kind}`);
  const sheet = freshSheet(kind, seed);
  const chosen = mode ?? sheet.capture;
  const image = capture(sheet.paper.canvas, chosen, createRng(Math.imul(seed + 7, 0x85ebca77) + SALT[kind]));
  return { name: `fresh-${kind}#${seed}`, kind, capture: chosen, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
