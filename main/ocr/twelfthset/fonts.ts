// The twelfth set's typefaces, picked among the installed font packages for weights and faces the
// other sets leave alone: Noto Sans SC and Noto Serif SC in their SemiBold (600) and ExtraBold (800)
// cuts (the others use 200/300/400/500/700/900), Maple Mono CN ExtraLight and Italic (others use
// Regular, Light, Medium, SemiBold, Bold) for statements and terminals, 得意黑 (Smiley Sans) for the
// banking app screens, and 龙藏体 (Long Cang) and 鸿雷行书 as the hands that fill in forms. Every file
// of a face (split subsets included) gets its own family alias, and each character is drawn with the
// file whose cmap holds it: a face never draws a glyph it lacks; text it cannot draw goes to its
// fallback face, and what was drawn in which face is recorded so the tests can check it.
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphsOf } from '../ninthset/cmap';

const MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

export const FACES = ['sans', 'sans-x', 'serif', 'serif-x', 'mono', 'mono-i', 'smiley', 'cang', 'xing'] as const;
export type Face = (typeof FACES)[number];

const SOURCES: Record<Face, { readonly path: string; readonly fallback?: Face }> = {
  sans: { path: '@expo-google-fonts/noto-sans-sc/600SemiBold/NotoSansSC_600SemiBold.ttf' },
  'sans-x': { path: '@expo-google-fonts/noto-sans-sc/800ExtraBold/NotoSansSC_800ExtraBold.ttf', fallback: 'sans' },
  serif: { path: '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf', fallback: 'sans' },
  'serif-x': { path: '@expo-google-fonts/noto-serif-sc/800ExtraBold/NotoSerifSC_800ExtraBold.ttf', fallback: 'serif' },
  mono: { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-ExtraLight', fallback: 'sans' },
  'mono-i': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-Italic', fallback: 'mono' },
  smiley: { path: '@chinese-fonts/dyh/dist/SmileySans-Oblique', fallback: 'sans' },
  cang: { path: '@fontsource/long-cang/files/long-cang-chinese-simplified-400-normal.woff2', fallback: 'xing' },
  xing: { path: '@chinese-fonts/hlxsjt/dist/鸿雷行书简体', fallback: 'serif' },
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
    alias = `twelfth-${aliases.size}`;
    if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`twelfth set: cannot load ${file}`);
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
  if (printable(text, 'sans')) return 'sans';
  throw new Error(`twelfth set: no face draws ${text}`);
}

/** Runs of `text` (already in a face that has all its glyphs), each with the family alias of its file. */
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
