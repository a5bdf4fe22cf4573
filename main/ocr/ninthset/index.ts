// The ninth set: a ninth generator of OCR test pages, written apart from the extractor and the other
// generators (none of their page code was read), to measure the OCR on designs it has never seen.
// Six kinds of counter paperwork, three or four designs each — 常住人口登记卡 amended under 变更/更正
// stamps, 1990s hand-filled 登记表, 派出所 户籍证明 letters, household query prints; 1990s hand-filled
// 结婚证, 2004-style 结婚证 (and 补发 / 离婚证), 婚姻登记记录证明; 劳动合同 wage clauses, 工资条 strips,
// 公积金缴存证明, 收入证明 with 税前 and 税后; 招商银行 流水, 农商行 明细, 存折 pages; 深圳 社保 month
// lists, 权益记录单, app screenshots; 不动产 查询结果, 无房证明, household 住房情况 tables — in 思源宋体,
// 猫啃什锦黑, 鸿雷行书 and 龙藏体 handwriting, 志莽行书 headings and Noto Sans/Serif SC, with rare name
// characters on about one page in five, and seven captures (clean 300 dpi scan, phone scanner app,
// photo of a screen, yellowed old paper, creased page, highlighter, 200 dpi greyscale JPEG).
// Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, CAPTURE_DPI, chooseCapture, NINTH_CAPTURES, type NinthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import { drawProperty } from './property';
import type { Made } from './sheet';
import { drawSocial } from './social';

export const NINTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type NinthKind = (typeof NINTH_KINDS)[number];
export { NINTH_CAPTURES, type NinthCapture };

const DRAW: Record<NinthKind, (rng: Rng, dpi: number) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<NinthKind, number> = { hukou: 0x9a11, marriage: 0x9a2b, income: 0x9a47, bank: 0x9a63, social: 0x9a7f, property: 0x9a9d };

const isNinthKind = (k: string): k is NinthKind => (NINTH_KINDS as readonly string[]).includes(k);

export interface NinthSheet extends Made {
  readonly capture: NinthCapture;
}

/** Page `seed` of `kind` drawn (at the capture's resolution) but not captured, with its truth. `mode` forces the capture. */
export function ninthSheet(kind: NinthKind, seed: number, mode?: NinthCapture): NinthSheet {
  const rng = createRng(Math.imul(seed + 7, 0x9e3779b1) ^ SALT[kind]);
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  return { ...DRAW[kind](rng, CAPTURE_DPI[chosen]), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function ninthPage(kind: DocKind, seed: number, mode?: NinthCapture): Promise<TruthPage & { layout: string }> {
  if (!isNinthKind(kind)) throw new RangeError(`no ninth-set pages of kind ${kind}`);
  const sheet = ninthSheet(kind, seed, mode);
  const image = await capture(sheet.paper, sheet.capture, createRng(Math.imul(seed + 31, 0x27d4eb2f) + SALT[kind]));
  return { name: `ninth-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
