// The tenth set: a tenth generator of OCR test pages, written apart from the extractor and the other
// generators (none of their page code was read), to measure the OCR on designs it has never seen —
// above all at low resolution. Six kinds of counter paperwork, three or four designs each: 常住人口
// 登记卡 from another province with a hand-written 变更 line, the open 户口簿 (户主页 + card), a kiosk
// 户籍证明, a 派出所 household table; 结婚证 and 离婚证 inner spreads, a 婚姻登记记录证明 with two
// marriages, a 1990s hand-filled 结婚证; a bank's 在职及收入证明 form, the 个税 APP 纳税记录, a 劳务报酬
// statement, a salary letter in capital numerals; 交通银行 借/贷 清单, 平安银行 summary page, 微众银行
// export; 深圳 参保证明 per scheme, 养老保险 annual 对账单, contribution history by employer; 不动产
// 查询结果 with no record and with one, a household 房屋权属 table. Captures: a clean 200–300 dpi scan,
// 150, 100–120 and 75–90 dpi scans, greyscale JPEG q50–70, fax, photocopy of a photocopy, a phone
// photo of the page lying flat. Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, dpiFor, TENTH_CAPTURES, type DpiFor, type TenthCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const TENTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type TenthKind = (typeof TENTH_KINDS)[number];
export { TENTH_CAPTURES, type TenthCapture };

const DRAW: Record<TenthKind, (rng: Rng, dpi: DpiFor) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<TenthKind, number> = { hukou: 0x10a1, marriage: 0x10b3, income: 0x10c5, bank: 0x10d7, social: 0x10e9, property: 0x10fb };

const isTenthKind = (k: string): k is TenthKind => (TENTH_KINDS as readonly string[]).includes(k);

export interface TenthSheet extends Made {
  readonly capture: TenthCapture;
}

/** Page `seed` of `kind` drawn (at the capture's resolution) but not captured, with its truth. `mode` forces the capture. */
export function tenthSheet(kind: TenthKind, seed: number, mode?: TenthCapture): TenthSheet {
  const rng = createRng(Math.imul(seed + 13, 0x85ebca6b) ^ SALT[kind]);
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  const dpi = dpiFor(chosen, createRng(Math.imul(seed + 5, 0xc2b2ae35) ^ SALT[kind]));
  return { ...DRAW[kind](rng, dpi), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function tenthPage(kind: DocKind, seed: number, mode?: TenthCapture): Promise<TruthPage & { layout: string }> {
  if (!isTenthKind(kind)) throw new RangeError(`no tenth-set pages of kind ${kind}`);
  const sheet = tenthSheet(kind, seed, mode);
  const image = await capture(sheet.paper, sheet.capture, createRng(Math.imul(seed + 41, 0x27d4eb2f) + SALT[kind]));
  return { name: `tenth-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.text(), fields: sheet.fields, layout: sheet.layout };
}
