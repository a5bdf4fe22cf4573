// The eleventh set's typefaces, chosen from installed font packages that the other sets leave alone
// (or use in other weights): 站酷小薇 (ZCOOL XiaoWei, a narrow old-style serif) for titles and letters,
// Maple Mono CN in its Light, Medium and SemiBold weights (the others use Regular/Bold only) for forms,
// tables and statements, and 猫啃什锦黑 for kiosk and app prints. Noto Serif SC 400 is only a fallback
// for characters a face lacks (璟, 〇, ·). Every subset file gets its own family alias and each
// character is drawn with the file whose cmap holds it, so no character is drawn without its glyph.
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphsOf } from '../ninthset/cmap';

const MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

export const FACES = ['xiaowei', 'maple-l', 'maple-m', 'maple-sb', 'maoken', 'serif'] as const;
export type Face = (typeof FACES)[number];

const SOURCES: Record<Face, { readonly path: string; readonly fallback?: Face }> = {
  xiaowei: { path: '@fontsource/zcool-xiaowei/files', fallback: 'serif' },
  'maple-l': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-Light', fallback: 'serif' },
  'maple-m': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-Medium', fallback: 'serif' },
  'maple-sb': { path: '@chinese-fonts/maple-mono-cn/dist/MapleMono-CN-SemiBold', fallback: 'serif' },
  maoken: { path: '@chinese-fonts/mksjh/dist/MaokenAssortedSans1.30', fallback: 'maple-m' },
  serif: { path: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
};

interface Loaded {
  /** Code point → file holding its glyph. */
  readonly owner: Map<number, string>;
}

const loaded = new Map<Face, Loaded>();
const aliases = new Map<string, string>();

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
  for (const file of fileList(SOURCES[face].path)) for (const cp of glyphsOf(file)) if (!owner.has(cp)) owner.set(cp, file);
  got = { owner };
  loaded.set(face, got);
  return got;
}

/** The family alias of a font file, registered on first use. */
function aliasOf(file: string): string {
  let alias = aliases.get(file);
  if (!alias) {
    alias = `eleventh-${aliases.size}`;
    if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`eleventh set: cannot load ${file}`);
    aliases.set(file, alias);
  }
  return alias;
}

const blank = (ch: string) => /\s/.test(ch);

/** Whether every non-space character of `text` has a glyph in `face`. */
export function printable(text: string, face: Face): boolean {
  const { owner } = load(face);
  for (const ch of text) if (!blank(ch) && !owner.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** `face` if it draws every character of `text`, else the first fallback that does. */
export function inFace(text: string, face: Face): Face {
  let f: Face | undefined = face;
  while (f) {
    if (printable(text, f)) return f;
    f = SOURCES[f].fallback;
  }
  if (printable(text, 'serif')) return 'serif';
  throw new RangeError(`eleventh set: no face draws ${JSON.stringify(text)}`);
}

export interface Run {
  readonly text: string;
  /** Family alias, or undefined for spaces. */
  readonly family: string | undefined;
}

/** `text` (which `face` must be able to draw) cut into runs of one font file each. */
export function runsOf(text: string, face: Face): Run[] {
  const { owner } = load(face);
  const runs: { text: string; family: string | undefined }[] = [];
  for (const ch of text) {
    const file = blank(ch) ? undefined : owner.get(ch.codePointAt(0)!);
    if (!blank(ch) && !file) throw new RangeError(`eleventh set: ${face} lacks ${ch}`);
    const family = file ? aliasOf(file) : undefined;
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}

/** `text` cut into pieces each drawn in the first face of `face`'s fallback chain that has the glyph. */
export function segments(text: string, face: Face): { text: string; face: Face }[] {
  const out: { text: string; face: Face }[] = [];
  for (const ch of text) {
    const f = blank(ch) ? (out[out.length - 1]?.face ?? face) : inFace(ch, face);
    const last = out[out.length - 1];
    if (last && last.face === f) last.text += ch;
    else out.push({ text: ch, face: f });
  }
  return out;
}
