// The sixth set: a sixth generator written apart from the extractor and the other generators, read
// once, blind, to measure the OCR on pages it has never seen. Six kinds of counter paperwork in
// designs the earlier sets do not draw — provincial 常住人口登记卡 prints, the QR-block card and the
// 户主页 self-service print; 结婚证 inner pages, the 1990s hand-filled booklet, 婚姻登记记录证明 (with
// divorce and remarriage); 个税 纳税记录, 工资流水 收入证明, 劳动合同 pages, 养老金领取证明; 招商 /
// 平安 / 农商行 statements; 社保 历年缴费明细 and 参保凭证; 不动产 查询结果证明 and 个人住房信息
// 查询结果 — and four captures (screen 25 %, fax 20 %, copy 30 %, phone 25 %). Deterministic per seed.
// Read once before any tuning (bench:intake --sixth-only, N=6): 76.7 % of the fields; tuned on seeds
// 1-6 since, seeds past 100 kept unlooked-at (--from=100: 94.5 %).
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, SIXTH_CAPTURES, type SixthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const SIXTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type SixthKind = (typeof SIXTH_KINDS)[number];
export { SIXTH_CAPTURES, type SixthCapture };

const DRAW: Record<SixthKind, (rng: Rng) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<SixthKind, number> = { hukou: 0x61a3, marriage: 0x62b5, income: 0x63c7, bank: 0x64d9, social: 0x65eb, property: 0x66fd };

const isSixthKind = (k: string): k is SixthKind => (SIXTH_KINDS as readonly string[]).includes(k);

export interface SixthSheet extends Made {
  readonly capture: SixthCapture;
}

/** Page `seed` of `kind` drawn but not captured, with its truth (cheap: for checking truth alone). */
export function sixthSheet(kind: SixthKind, seed: number): SixthSheet {
  const rng = createRng(Math.imul(seed + 3, 0x2c1b3c6d) ^ SALT[kind]);
  const chosen = chooseCapture(rng.next());
  return { ...DRAW[kind](rng), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function sixthPage(kind: DocKind, seed: number, mode?: SixthCapture): Promise<TruthPage & { layout: string }> {
  if (!isSixthKind(kind)) throw new RangeError(`no sixth-set pages of kind ${kind}`);
  const sheet = sixthSheet(kind, seed);
  const chosen = mode ?? sheet.capture;
  const image = await capture(sheet.paper.canvas, chosen, createRng(Math.imul(seed + 11, 0x297a2d39) + SALT[kind]));
  return { name: `sixth-${kind}#${seed}`, kind, capture: chosen, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
