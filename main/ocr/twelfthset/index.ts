// The twelfth set: a twelfth generator of OCR test pages, written apart from the extractor and the
// other generators' page code, to measure the OCR on paperwork as people bring it to a Shenzhen
// counter. Six kinds, three designs each: 常住人口登记卡 with hand-written fill-ins, the open 户口簿
// (户主页 beside a printed card), a 派出所 户籍证明 letter; the 2004-on 结婚证, a 离婚证 held by one
// party, a hand-filled pre-2004 结婚证; a 收入证明 on letterhead with the seal over the amount or the
// date, a bank's 收入证明 form with labels above values, a 工资流水 app screenshot; a 对账单 with the
// summary at the bottom, an app's 账户明细, a landscape monospaced 流水 with totals in sentences; the
// 社保 权益记录 by year, 缴费明细 by period, a 参保证明 letter; 不动产 查询结果 as a two-column table,
// as a letter, as a kiosk slip. Captures: phone photos at an angle with shadow and motion blur, of a
// curled page, in low light; 150 dpi skewed, clean 300 dpi, and punched-margin dark-lid scans.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, dpiFor, TWELFTH_CAPTURES, type TwelfthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { DpiFor, Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const TWELFTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type TwelfthKind = (typeof TWELFTH_KINDS)[number];
export { TWELFTH_CAPTURES, type TwelfthCapture };

const DRAW: Record<TwelfthKind, (rng: Rng, dpi: DpiFor) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<TwelfthKind, number> = { hukou: 0x12a1, marriage: 0x12b3, income: 0x12c5, bank: 0x12d7, social: 0x12e9, property: 0x12fb };

const isTwelfthKind = (k: string): k is TwelfthKind => (TWELFTH_KINDS as readonly string[]).includes(k);

/** Mixes a seed well (the generator's first draws from neighbouring seeds would otherwise agree). */
const mix = (seed: number, salt: number, k: number): number => {
  let h = Math.imul(seed + k, 0x9e3779b1) ^ salt;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

export interface TwelfthSheet extends Made {
  readonly capture: TwelfthCapture;
}

/** Page `seed` of `kind` drawn (at the capture's resolution) but not captured, with its truth. `mode` forces the capture. */
export function twelfthSheet(kind: TwelfthKind, seed: number, mode?: TwelfthCapture): TwelfthSheet {
  const rng = createRng(mix(seed, SALT[kind], 17));
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  const dpi = dpiFor(chosen, createRng(mix(seed, SALT[kind], 5)));
  return { ...DRAW[kind](rng, dpi), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function twelfthPage(kind: DocKind, seed: number, mode?: TwelfthCapture): Promise<TruthPage & { layout: string }> {
  if (!isTwelfthKind(kind)) throw new RangeError(`no twelfth-set pages of kind ${kind}`);
  const sheet = twelfthSheet(kind, seed, mode);
  const image = capture(sheet.paper, sheet.capture, createRng(mix(seed, SALT[kind], 41)));
  return { name: `twelfth-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.pageText(), fields: sheet.fields, layout: sheet.layout };
}
