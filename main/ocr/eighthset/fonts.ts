// The eighth set's typefaces, all from npm devDependencies: Noto Serif SC in four weights (ExtraLight,
// Regular, Bold, Black) and Noto Sans SC (whole TTF files), 思源屏显臻宋 and Maple Mono CN (split woff2
// subsets from @chinese-fonts) and Ma Shan Zheng (fontsource subsets; the installed
// LXGW WenKai package ships Latin only, so filled-in values use Ma Shan Zheng / 屏显臻宋 instead).
// Subset faces register a subset when one of its characters is first needed. A face may lack a glyph
// (a rare name character): text is cut into runs, each in the first face of a fallback chain that
// draws it with a glyph of its own (compared with the face's missing-glyph drawing).
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Face = 'serifXL' | 'serif' | 'serifBold' | 'serifBlack' | 'sans' | 'sansBold' | 'pxzs' | 'maple' | 'mashan';

type Source = { readonly ttf: readonly [pkg: string, file: string] } | { readonly css: readonly [pkg: string, dir: string, css: string] };

const SOURCES: Record<Face, Source> = {
  serifXL: { ttf: ['@expo-google-fonts/noto-serif-sc', '200ExtraLight/NotoSerifSC_200ExtraLight.ttf'] },
  serif: { ttf: ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'] },
  serifBold: { ttf: ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'] },
  serifBlack: { ttf: ['@expo-google-fonts/noto-serif-sc', '900Black/NotoSerifSC_900Black.ttf'] },
  sans: { ttf: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'] },
  sansBold: { ttf: ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'] },
  pxzs: { css: ['@chinese-fonts/sypxzs', 'dist/思源屏显臻宋', 'dist/思源屏显臻宋/result.css'] },
  maple: { css: ['@chinese-fonts/maple-mono-cn', 'dist/MapleMono-CN-Regular', 'dist/MapleMono-CN-Regular/result.css'] },
  mashan: { css: ['@fontsource/ma-shan-zheng', '', 'index.css'] },
};

/** Faces tried after the chosen one: Noto Serif SC and Noto Sans SC cover the whole of GB 18030 level 1–2. */
const FALLBACK: readonly Face[] = ['serif', 'sans'];

const family = (face: Face) => `Eighth-${face}`;
const require = createRequire(import.meta.url);

interface Subset {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
  registered: boolean;
}

const subsets = new Map<Face, Subset[]>();
const whole = new Set<Face>();

function subsetsOf(face: Face, src: { css: readonly [string, string, string] }): Subset[] {
  let list = subsets.get(face);
  if (list) return list;
  const [pkg, dir, css] = src.css;
  const root = dirname(require.resolve(`${pkg}/package.json`));
  const cssPath = join(root, css);
  if (!existsSync(cssPath)) throw new Error(`eighth set: font stylesheet missing: ${cssPath} (npm install)`);
  list = [];
  for (const block of readFileSync(cssPath, 'utf8').split('@font-face').slice(1)) {
    const url = /url\(["']?(?:\.\/)?([^"')]+?\.woff2)["']?\)/.exec(block);
    const range = /unicode-range:\s*([^;}]+)/.exec(block);
    if (!url || !range) continue;
    const ranges = range[1]!.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    list.push({ file: join(root, dir, url[1]!), ranges, registered: false });
  }
  if (list.length === 0) throw new Error(`eighth set: no subsets in ${cssPath}`);
  subsets.set(face, list);
  return list;
}

/** Makes sure `face` can draw `ch` if it has it; false when no file of the face covers it. */
function ensure(face: Face, ch: string): boolean {
  const src = SOURCES[face];
  if ('ttf' in src) {
    if (!whole.has(face)) {
      const file = join(dirname(require.resolve(`${src.ttf[0]}/package.json`)), src.ttf[1]);
      if (!GlobalFonts.registerFromPath(file, family(face))) throw new Error(`eighth set: cannot register ${file}`);
      whole.add(face);
    }
    return true;
  }
  const cp = ch.codePointAt(0)!;
  const sub = subsetsOf(face, src).find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
  if (!sub) return false;
  if (!sub.registered) {
    if (!GlobalFonts.registerFromPath(sub.file, family(face))) throw new Error(`eighth set: cannot register ${sub.file}`);
    sub.registered = true;
  }
  return true;
}

export const fontOf = (face: Face, px: number) => `${Math.max(1, Math.round(px))}px ${family(face)}`;

const probe = createCanvas(48, 48);
const pctx = probe.getContext('2d');
const notdefs = new Map<Face, readonly string[]>();
const glyphCache = new Map<string, boolean>();

function inkOf(face: Face, ch: string): string {
  pctx.fillStyle = '#fff';
  pctx.fillRect(0, 0, 48, 48);
  pctx.fillStyle = '#000';
  pctx.font = fontOf(face, 32);
  pctx.textBaseline = 'alphabetic';
  pctx.textAlign = 'left';
  pctx.fillText(ch, 6, 38);
  const data = pctx.getImageData(0, 0, 48, 48).data;
  let sig = '';
  let ink = 0;
  for (let i = 0; i < data.length; i += 4 * 7) {
    const dark = data[i]! < 128;
    sig += dark ? '1' : '0';
    if (dark) ink++;
  }
  return ink === 0 ? '' : sig;
}

function notdefOf(face: Face): readonly string[] {
  let n = notdefs.get(face);
  if (!n) {
    ensure(face, '0');
    n = [inkOf(face, '\uE000'), inkOf(face, '\uFFFF')];
    notdefs.set(face, n);
  }
  return n;
}

/** Whether `face` draws `ch` with a glyph of its own (not blank, not its missing-glyph box). */
export function hasGlyph(face: Face, ch: string): boolean {
  const key = `${face}\u0000${ch}`;
  const known = glyphCache.get(key);
  if (known !== undefined) return known;
  const nd = notdefOf(face);
  let has: boolean;
  if (/\s/.test(ch)) has = true;
  else if (!ensure(face, ch)) has = false;
  else {
    const sig = inkOf(face, ch);
    has = sig !== '' && !nd.includes(sig);
  }
  glyphCache.set(key, has);
  return has;
}

/** Whether some face of the chain from `face` draws every character of `s`. */
export const printable = (s: string, face: Face = 'serif') => [...s].every((ch) => [face, ...FALLBACK].some((f) => hasGlyph(f, ch)));

interface Run {
  readonly text: string;
  readonly face: Face;
}

function runsOf(s: string, face: Face): Run[] {
  const runs: Run[] = [];
  for (const ch of s) {
    const f = [face, ...FALLBACK].find((c) => hasGlyph(c, ch));
    if (!f) throw new Error(`eighth set: no face draws ${JSON.stringify(ch)}`);
    const last = runs[runs.length - 1];
    if (last && last.face === f) runs[runs.length - 1] = { text: last.text + ch, face: f };
    else runs.push({ text: ch, face: f });
  }
  return runs;
}

const widthCache = new Map<string, number>();

function advance(ctx: SKRSContext2D, ch: string, face: Face): number {
  const key = `${face}\u0000${ch}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    ctx.font = fontOf(face, 100);
    w = ctx.measureText(ch).width;
    widthCache.set(key, w);
  }
  return w;
}

/** Width of `s` in `face` at `px` with extra letter spacing. */
export function measure(ctx: SKRSContext2D, s: string, face: Face, px: number, spacing = 0): number {
  let w = 0;
  for (const run of runsOf(s, face)) for (const ch of run.text) w += (advance(ctx, ch, run.face) * px) / 100 + spacing;
  return w;
}

/** Draws `s` from its left end at baseline y, character by character; returns the width drawn. */
export function drawRuns(ctx: SKRSContext2D, s: string, x: number, y: number, face: Face, px: number, spacing = 0): number {
  let cx = x;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const run of runsOf(s, face)) {
    ctx.font = fontOf(run.face, px);
    for (const ch of run.text) {
      const w = (advance(ctx, ch, run.face) * px) / 100;
      if (ch !== ' ') ctx.fillText(ch, cx, y);
      cx += w + spacing;
    }
  }
  return cx - x;
}
