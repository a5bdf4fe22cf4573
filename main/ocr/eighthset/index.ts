// The eighth set: an eighth generator of OCR test pages, written apart from the extractor and the
// other generators (none of their page code was read), to measure the OCR on designs it has never
// seen. Six kinds of counter paperwork — a 户口簿 首页 scanned beside a member page, crowded 常住人口
// 登记卡 pages and 户籍信息查询结果 terminal prints; 2004-style 结婚证 pages, 离婚证 and 结婚登记审查
// 处理表 forms; bank-stamped 工资流水 letters, 个税 APP 收入纳税明细, 个体工商户 and 劳务报酬 statements;
// 农业银行 / 中国银行 / 邮储 statements (only page 1 of three drawn); 广东 参保证明 month grids and 社保卡
// app screenshots; 不动产登记信息查询结果 with none or two records — in Noto Serif SC (ExtraLight to
// Black), 思源屏显臻宋, Ma Shan Zheng for filled-in values and Maple Mono CN for terminal and dot-matrix
// prints, with rare name characters on about one page in seven, and six captures (clean scan,
// dot-matrix, phone photo on a desk, grey photocopy, 150 dpi JPEG, slightly rotated scan).
// Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, EIGHTH_CAPTURES, type EighthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const EIGHTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type EighthKind = (typeof EIGHTH_KINDS)[number];
export { EIGHTH_CAPTURES, type EighthCapture };

const DRAW: Record<EighthKind, (rng: Rng, mono: boolean) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<EighthKind, number> = { hukou: 0x8e01, marriage: 0x8e17, income: 0x8e2d, bank: 0x8e43, social: 0x8e59, property: 0x8e6f };

const isEighthKind = (k: string): k is EighthKind => (EIGHTH_KINDS as readonly string[]).includes(k);

export interface EighthSheet extends Made {
  readonly capture: EighthCapture;
}

/**
 * Page `seed` of `kind` drawn but not captured, with its truth (cheap: for checking truth alone).
 * `mode` forces the capture; a sheet going to the dot-matrix printer is drawn in a monospace face.
 */
export function eighthSheet(kind: EighthKind, seed: number, mode?: EighthCapture): EighthSheet {
  const rng = createRng(Math.imul(seed + 3, 0x85ebca6b) ^ SALT[kind]);
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  return { ...DRAW[kind](rng, chosen === 'dotmatrix'), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function eighthPage(kind: DocKind, seed: number, mode?: EighthCapture): Promise<TruthPage & { layout: string }> {
  if (!isEighthKind(kind)) throw new RangeError(`no eighth-set pages of kind ${kind}`);
  const sheet = eighthSheet(kind, seed, mode);
  const image = await capture(sheet.paper.canvas, sheet.capture, createRng(Math.imul(seed + 29, 0xc2b2ae35) + SALT[kind]), sheet.paper.dpi);
  return { name: `eighth-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
