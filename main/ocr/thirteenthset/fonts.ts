// The thirteenth set's typefaces, among the installed font packages and away from the twelfth set's
// (Noto 600/800, Maple Mono ExtraLight/Italic, 得意黑, 龙藏体, 鸿雷行书): 思源屏显臻宋 (a Song drawn for
// screens, the body of official letters), 思源宋体 CN (Source Han Serif, tables and titles), Noto Sans
// SC Regular and Bold (the fallback every chain ends in), 猫啃什锦黑 (Maoken Assorted Sans, bank and
// agency forms), Maple Mono CN ExtraBold and MediumItalic (statements), 江西拙楷 (a clumsy Kai, some
// letters), 站酷小薇 (letterhead titles), and 马善政楷书 and 志莽行书 as the hands that fill in forms.
// Every file of a face (split subsets too) gets its own family alias; each character is drawn with
// the file whose cmap holds it, and text a face lacks goes along its fallback chain.
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphsOf } from '../ninthset/cmap';

const MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

export const FACES = ['hei', 'hei-b', 'song', 'serif', 'maoken', 'mono', 'mono-i', 'kai', 'xiaowei', 'hand', 'hand-x'] as const;
export type Face = (typeof FACES)[number];

const SOURCES: Record<Face, { readonly path: string; readonly fallback?: Face }> = {
  hei: { path: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  'hei-b': { path: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', fallback: 'hei' },
  song: { path: '@chinese-fonts/sypxzs/dist/思源屏显臻宋', fallback: 'serif' },
  serif: { path: '@chinese-fonts/syst/dist/SourceHanSerifCN', fallback: 'hei' },
  maoken: { path: '@chinese-fonts/mksjh/dist/MaokenAssortedSans1.30', fallback: 'hei' },
  mono: { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-ExtraBold', fallback: 'hei-b' },
  'mono-i': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-MediumItalic', fallback: 'hei' },
  kai: { path: '@chinese-fonts/jxzk/dist/江西拙楷', fallback: 'song' },
  xiaowei: { path: '@fontsource/zcool-xiaowei/files/zcool-xiaowei-chinese-simplified-400-normal.woff2', fallback: 'serif' },
  hand: { path: '@fontsource/ma-shan-zheng/files/ma-shan-zheng-chinese-simplified-400-normal.woff2', fallback: 'kai' },
  'hand-x': { path: '@fontsource/zhi-mang-xing/files/zhi-mang-xing-chinese-simplified-400-normal.woff2', fallback: 'hand' },
};

const owners = new Map<Face, Map<number, string>>();
const aliases = new Map<string, string>();

function files(path: string): string[] {
  const full = join(MODULES, path);
  if (/\.(ttf|otf|woff2?)$/.test(path)) return [full];
  return readdirSync(full)
    .filter((f) => f.endsWith('.woff2'))
    .sort()
    .map((f) => join(full, f));
}

/** Code point → the file of `face` holding its glyph. */
function ownerOf(face: Face): Map<number, string> {
  let map = owners.get(face);
  if (!map) {
    map = new Map();
    for (const file of files(SOURCES[face].path)) for (const cp of glyphsOf(file)) if (!map.has(cp)) map.set(cp, file);
    owners.set(face, map);
  }
  return map;
}

function aliasOf(file: string): string {
  let alias = aliases.get(file);
  if (!alias) {
    alias = `thirteenth-${aliases.size}`;
    if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`thirteenth set: cannot load ${file}`);
    aliases.set(file, alias);
  }
  return alias;
}

/** Whether every non-space character of `text` has a glyph in `face`. */
export function printable(text: string, face: Face): boolean {
  const map = ownerOf(face);
  for (const ch of text) if (!/\s/.test(ch) && !map.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** The face `text` is drawn in: `face` when it has every glyph, else the first fallback that does. */
export function faceFor(text: string, face: Face): Face {
  let f: Face | undefined = face;
  const seen = new Set<Face>();
  while (f && !seen.has(f)) {
    if (printable(text, f)) return f;
    seen.add(f);
    f = SOURCES[f].fallback;
  }
  if (printable(text, 'hei')) return 'hei';
  throw new Error(`thirteenth set: no face draws ${text}`);
}

/** Runs of `text` (in a face that has all its glyphs), each with the family alias of its file. */
export function runs(text: string, face: Face): { text: string; family: string }[] {
  const map = ownerOf(face);
  const out: { text: string; family: string }[] = [];
  for (const ch of text) {
    const file = map.get(ch.codePointAt(0)!) ?? [...map.values()][0]!;
    const family = aliasOf(file);
    const last = out[out.length - 1];
    if (last && (last.family === family || /\s/.test(ch))) last.text += ch;
    else out.push({ text: ch, family });
  }
  return out;
}
