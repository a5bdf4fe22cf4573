// The typefaces the tenth set draws with, all from installed font packages: Noto Sans SC and Noto
// Serif SC in six weights, 思源宋体 (variable, split into subset files), 思源屏显臻宋, 霞鹜文楷 in three
// weights, 江西拙楷 and 马善政 brush hand for filled-in values. Subset packages are registered file by
// file; each character is drawn with the file whose cmap holds it, so a face never draws a glyph it
// lacks (`printable` proves it, and `inFace` falls back to a fuller face before drawing).
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphsOf } from '../ninthset/cmap';

const MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

export const FACES = ['sans-xl', 'sans-l', 'sans', 'sans-m', 'sans-b', 'sans-k', 'serif-xl', 'serif-l', 'serif', 'serif-m', 'serif-b', 'serif-k', 'syst', 'sypx', 'kai-l', 'kai', 'kai-b', 'zhuokai', 'mashan'] as const;
export type Face = (typeof FACES)[number];

interface FaceSource {
  /** One font file, or a folder of subset files (woff2 only). */
  readonly path: string;
  /** Face to use for text this one cannot draw. */
  readonly fallback?: Face;
}

const noto = (family: 'sans' | 'serif', weight: string): FaceSource => {
  const cap = family === 'sans' ? 'Sans' : 'Serif';
  return { path: `@expo-google-fonts/noto-${family}-sc/${weight}/Noto${cap}SC_${weight}.ttf` };
};

const SOURCES: Record<Face, FaceSource> = {
  'sans-xl': noto('sans', '200ExtraLight'),
  'sans-l': noto('sans', '300Light'),
  sans: noto('sans', '400Regular'),
  'sans-m': noto('sans', '500Medium'),
  'sans-b': noto('sans', '700Bold'),
  'sans-k': noto('sans', '900Black'),
  'serif-xl': noto('serif', '200ExtraLight'),
  'serif-l': noto('serif', '300Light'),
  serif: noto('serif', '400Regular'),
  'serif-m': noto('serif', '500Medium'),
  'serif-b': noto('serif', '700Bold'),
  'serif-k': noto('serif', '900Black'),
  syst: { path: '@chinese-fonts/syst/dist/SourceHanSerifCN', fallback: 'serif' },
  sypx: { path: '@chinese-fonts/sypxzs/dist/思源屏显臻宋', fallback: 'serif' },
  'kai-l': { path: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-300-normal.woff2', fallback: 'serif' },
  kai: { path: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2', fallback: 'serif' },
  'kai-b': { path: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-700-normal.woff2', fallback: 'serif-b' },
  zhuokai: { path: '@chinese-fonts/jxzk/dist/江西拙楷', fallback: 'kai' },
  mashan: { path: '@fontsource/ma-shan-zheng/files', fallback: 'kai' },
};

interface Loaded {
  /** Code point → registered family alias holding it. */
  readonly owner: Map<number, string>;
  readonly first: string;
}

const loaded = new Map<Face, Loaded>();

function fileList(path: string): string[] {
  const full = join(MODULES, path);
  if (/\.(ttf|otf|woff2?)$/.test(path)) return [full];
  return readdirSync(full)
    .filter((f) => f.endsWith('.woff2'))
    .sort()
    .map((f) => join(full, f));
}

function load(face: Face): Loaded {
  let got = loaded.get(face);
  if (got) return got;
  const owner = new Map<number, string>();
  const files = fileList(SOURCES[face].path);
  files.forEach((file, i) => {
    const alias = `tenth-${face}-${i}`;
    if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`cannot load ${file}`);
    for (const cp of glyphsOf(file)) if (!owner.has(cp)) owner.set(cp, alias);
  });
  got = { owner, first: `tenth-${face}-0` };
  loaded.set(face, got);
  return got;
}

const blank = (ch: string) => /\s/.test(ch);

/** Whether every (non-space) character of `text` has a glyph in `face`. */
export function printable(text: string, face: Face): boolean {
  const { owner } = load(face);
  for (const ch of text) if (!blank(ch) && !owner.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** `face` if it can draw all of `text`, else its fallback (and so on), else Noto Sans. */
export function inFace(text: string, face: Face): Face {
  let f: Face | undefined = face;
  while (f) {
    if (printable(text, f)) return f;
    f = SOURCES[f].fallback;
  }
  return printable(text, 'serif') ? 'serif' : 'sans';
}

/** A run of characters drawn with one registered font file. */
export interface Run {
  readonly text: string;
  /** Family alias, or undefined for a space. */
  readonly family: string | undefined;
}

/** `text` split into runs that each one font file of `face` can draw. */
export function runsOf(text: string, face: Face): Run[] {
  const { owner } = load(face);
  const runs: { text: string; family: string | undefined }[] = [];
  for (const ch of text) {
    const family = blank(ch) ? undefined : owner.get(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}
