// A generator's typefaces drawn from the installed font packages: every file of a face (split
// subsets too) gets its own family alias, each character is drawn with the file whose cmap holds
// it, and text a face lacks goes along the face's fallback chain to a last face that has it all.
// Shared by the twelfth and thirteenth sets (each names its own faces and aliases).
import { GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glyphsOf } from './ninthset/cmap';

const MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** A face: a font file, or a folder of split .woff2 subsets, under node_modules; and the face to try when it lacks a glyph. */
export interface FaceSource<F extends string> {
  readonly path: string;
  readonly fallback?: F;
}

export interface FaceBook<F extends string> {
  /** Whether every non-space character of `text` has a glyph in `face`. */
  printable(text: string, face: F): boolean;
  /** The face `text` is drawn in: `face` when it has every glyph, else the first fallback that does, else `last`. */
  faceFor(text: string, face: F): F;
  /** Runs of `text` (in a face that has all its glyphs), each with the family alias of its file. */
  runs(text: string, face: F): { text: string; family: string }[];
}

function files(path: string): string[] {
  const full = join(MODULES, path);
  if (/\.(ttf|otf|woff2?)$/.test(path)) return [full];
  return readdirSync(full)
    .filter((f) => f.endsWith('.woff2'))
    .sort()
    .map((f) => join(full, f));
}

/** The faces of set `set` (its name prefixes the aliases and the errors), `last` the face every chain ends in. */
export function faceBook<F extends string>(set: string, sources: Readonly<Record<F, FaceSource<F>>>, last: F): FaceBook<F> {
  const owners = new Map<F, Map<number, string>>();
  const aliases = new Map<string, string>();

  /** Code point → the file of `face` holding its glyph. */
  const ownerOf = (face: F): Map<number, string> => {
    let map = owners.get(face);
    if (!map) {
      map = new Map();
      for (const file of files(sources[face].path)) for (const cp of glyphsOf(file)) if (!map.has(cp)) map.set(cp, file);
      owners.set(face, map);
    }
    return map;
  };

  const aliasOf = (file: string): string => {
    let alias = aliases.get(file);
    if (!alias) {
      alias = `${set}-${aliases.size}`;
      if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`${set} set: cannot load ${file}`);
      aliases.set(file, alias);
    }
    return alias;
  };

  const printable = (text: string, face: F): boolean => {
    const map = ownerOf(face);
    for (const ch of text) if (!/\s/.test(ch) && !map.has(ch.codePointAt(0)!)) return false;
    return true;
  };

  const faceFor = (text: string, face: F): F => {
    let f: F | undefined = face;
    const seen = new Set<F>();
    while (f && !seen.has(f)) {
      if (printable(text, f)) return f;
      seen.add(f);
      f = sources[f].fallback;
    }
    if (printable(text, last)) return last;
    throw new Error(`${set} set: no face draws ${text}`);
  };

  const runs = (text: string, face: F): { text: string; family: string }[] => {
    const map = ownerOf(face);
    const out: { text: string; family: string }[] = [];
    for (const ch of text) {
      const file = map.get(ch.codePointAt(0)!) ?? [...map.values()][0]!;
      const family = aliasOf(file);
      const previous = out[out.length - 1];
      if (previous && (previous.family === family || /\s/.test(ch))) previous.text += ch;
      else out.push({ text: ch, family });
    }
    return out;
  };

  return { printable, faceFor, runs };
}
