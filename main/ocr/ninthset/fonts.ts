// The ninth set's typefaces. Most Chinese web-font packages ship a face cut into many subset files;
// every subset is registered under one family, so the canvas finds each glyph in its file, and the
// cmap of every file is read so a string is only ever drawn in a face that has all its glyphs.
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { glyphsOf } from './cmap';

/**
 * shs: 思源宋体 (Source Han Serif CN, variable weight) for official print; mk: 猫啃什锦黑 for app
 * screens and slips; hlx: 鸿雷行书简体 and lc: 龙藏体 (Long Cang) for handwriting; zmx: 志莽行书 for
 * brush headings; sans / serif: Noto Sans SC / Noto Serif SC (400 and 700) for body text.
 */
export const FACE_IDS = ['shs', 'mk', 'hlx', 'lc', 'zmx', 'sans', 'serif'] as const;
export type FaceId = (typeof FACE_IDS)[number];

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const woff2In = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.woff2')).sort().map((f) => join(dir, f));
const chineseFonts = (name: string, sub: string) => () => woff2In(join(packageDir(`@chinese-fonts/${name}`), 'dist', sub));
const fontsource = (name: string) => () => [join(packageDir(`@fontsource/${name}`), 'files', `${name}-chinese-simplified-400-normal.woff`)];
const expo = (name: string, file: string) => () => ['400Regular', '700Bold'].map((w) => join(packageDir(`@expo-google-fonts/${name}`), w, `${file}_${w}.ttf`));

const SOURCES: Record<FaceId, { family: string; files: () => string[] }> = {
  shs: { family: 'N9 Source Han Serif', files: chineseFonts('syst', 'SourceHanSerifCN') },
  mk: { family: 'N9 Maoken', files: chineseFonts('mksjh', 'MaokenAssortedSans1.30') },
  hlx: { family: 'N9 Honglei', files: chineseFonts('hlxsjt', '鸿雷行书简体') },
  lc: { family: 'N9 Long Cang', files: fontsource('long-cang') },
  zmx: { family: 'N9 Zhi Mang Xing', files: fontsource('zhi-mang-xing') },
  sans: { family: 'N9 Noto Sans', files: expo('noto-sans-sc', 'NotoSansSC') },
  serif: { family: 'N9 Noto Serif', files: expo('noto-serif-sc', 'NotoSerifSC') },
};

/** Where a face goes when it lacks a character of the string: the next face that has them all. */
const FALLBACK: Record<FaceId, readonly FaceId[]> = {
  shs: ['serif'],
  mk: ['sans', 'serif'],
  hlx: ['lc', 'shs', 'serif'],
  lc: ['hlx', 'shs', 'serif'],
  zmx: ['hlx', 'shs', 'serif'],
  sans: ['serif'],
  serif: ['shs'],
};

let registered = false;
const coverage = new Map<FaceId, Set<number>>();

/** Registers every face with the canvas (once per process). */
export function registerFaces(): void {
  if (registered) return;
  for (const id of FACE_IDS) for (const file of SOURCES[id].files()) GlobalFonts.registerFromPath(file, SOURCES[id].family);
  registered = true;
}

/** The CSS family name of a face. */
export const familyOf = (id: FaceId): string => SOURCES[id].family;

/** The code points with a glyph in a face (from the cmaps of all its files). */
export function glyphs(id: FaceId): Set<number> {
  let set = coverage.get(id);
  if (!set) {
    set = new Set<number>();
    for (const file of SOURCES[id].files()) for (const c of glyphsOf(file)) set.add(c);
    coverage.set(id, set);
  }
  return set;
}

/** Whether every non-space character of `text` has a glyph in face `id`. */
export function printable(text: string, id: FaceId): boolean {
  const set = glyphs(id);
  for (const ch of text) if (!/\s/.test(ch) && !set.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** The face a string is drawn in: `id` if it has every glyph, else the first fallback that does. */
export function faceFor(text: string, id: FaceId): FaceId {
  if (printable(text, id)) return id;
  for (const other of FALLBACK[id]) if (printable(text, other)) return other;
  throw new RangeError(`no face has glyphs for ${JSON.stringify(text)}`);
}
