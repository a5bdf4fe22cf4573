// The eleventh set: an eleventh generator of OCR test pages, written apart from the extractor and the
// other generators (none of their page code was read). It leans on what the others under-cover: long
// free-text values (addresses over two lines in a cell, long employer names with （深圳）, 分公司,
// 事业单位, 街道办事处), a wide spread of given names (one in eight with a less common character,
// compound surnames, minority names with a middle dot), and three designs per kind from Shenzhen
// counters: 户口簿 登记卡, 派出所 户籍证明 with a seal over the name, kiosk 户籍查询; 结婚证 spread,
// 婚姻登记记录证明 letter, 档案查询 table; 收入证明 letter, boxed form, two-column table; bank 交易明细,
// 对账单, app export; 社保 参保证明 table, letter, kiosk print; 不动产 告知单 (none), records table, kiosk
// grid. Captures: clean scan (300 dpi, A4 a little less to stay under 3000 px), 200 dpi scan skewed
// 1–3°, phone photo with perspective, 100–130 dpi scan, greyscale JPEG q40–60, photocopy with toner
// speckle. Typefaces the other sets leave alone: 站酷小薇, Maple Mono CN Light/Medium/SemiBold,
// 猫啃什锦黑 (Noto Serif SC only as a fallback). Deterministic per seed.
import type { DocKind } from '../../../domain/ocr/fields';
import { createRng, type Rng } from '../../../domain/seed/prng';
import type { TruthPage } from '../corpus/measure';
import { drawBank } from './bank';
import { capture, chooseCapture, dpiFor, ELEVENTH_CAPTURES, type DpiFor, type EleventhCapture } from './capture';
import { drawHukou } from './hukou';
import { drawIncome } from './income';
import { drawMarriage } from './marriage';
import type { Made } from './paper';
import { drawProperty } from './property';
import { drawSocial } from './social';

export const ELEVENTH_KINDS = ['hukou', 'marriage', 'income', 'bank', 'social', 'property'] as const satisfies readonly DocKind[];
export type EleventhKind = (typeof ELEVENTH_KINDS)[number];
export { ELEVENTH_CAPTURES, type EleventhCapture };

const DRAW: Record<EleventhKind, (rng: Rng, dpi: DpiFor) => Made> = {
  hukou: drawHukou,
  marriage: drawMarriage,
  income: drawIncome,
  bank: drawBank,
  social: drawSocial,
  property: drawProperty,
};

const SALT: Record<EleventhKind, number> = { hukou: 0x11a3, marriage: 0x11b7, income: 0x11cb, bank: 0x11df, social: 0x11f3, property: 0x1207 };

const isEleventhKind = (k: string): k is EleventhKind => (ELEVENTH_KINDS as readonly string[]).includes(k);

export interface EleventhSheet extends Made {
  readonly capture: EleventhCapture;
}

/** Page `seed` of `kind` drawn (at the capture's resolution) but not captured, with its truth. `mode` forces the capture. */
export function eleventhSheet(kind: EleventhKind, seed: number, mode?: EleventhCapture): EleventhSheet {
  const rng = createRng(Math.imul(seed + 29, 0x9e3779b1) ^ SALT[kind]);
  const drawn = chooseCapture(rng.next());
  const chosen = mode ?? drawn;
  const dpi = dpiFor(chosen, createRng(Math.imul(seed + 7, 0x7feb352d) ^ SALT[kind]));
  return { ...DRAW[kind](rng, dpi), capture: chosen };
}

/** Page `seed` of `kind`: design, wording, people and capture all follow from the seed (`mode` forces the capture). */
export async function eleventhPage(kind: DocKind, seed: number, mode?: EleventhCapture): Promise<TruthPage & { layout: string }> {
  if (!isEleventhKind(kind)) throw new RangeError(`no eleventh-set pages of kind ${kind}`);
  const sheet = eleventhSheet(kind, seed, mode);
  const image = await capture(sheet.paper, sheet.capture, createRng(Math.imul(seed + 53, 0x846ca68b) + SALT[kind]));
  return { name: `eleventh-${kind}#${seed}`, kind, capture: sheet.capture, image, text: sheet.paper.content(), fields: sheet.fields, layout: sheet.layout };
}
