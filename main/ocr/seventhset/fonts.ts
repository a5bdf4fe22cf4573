// The seventh set's typefaces, all from npm devDependencies and used by no other set: 江西拙楷,
// 得意黑 (Smiley Sans, oblique), 思源屏显臻宋, Maple Mono CN (monospace CJK), and ZCOOL QingKe
// HuangYou / ZCOOL KuaiLe for headings only. Each package ships split woff2 subsets; a face's subsets
// all go under one family. At start, every subset holding a character of this folder's source (all
// the set can draw) is registered, so a page renders the same whatever was drawn before it in the
// process. A face may lack a glyph (a rare name character, ¥, 〇): text is split into runs, each
// drawn in the first face of a fallback chain that has its glyphs (checked by drawing them).
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Face = 'jxzk' | 'dyh' | 'pxzs' | 'maple' | 'mapleBold' | 'qingke' | 'kuaile';

/** Package, folder of the woff2 files, and the stylesheet that gives each file's unicode-range. */
const SOURCES: Record<Face, readonly [pkg: string, dir: string, css: string]> = {
  jxzk: ['@chinese-fonts/jxzk', 'dist/江西拙楷', 'dist/江西拙楷/result.css'],
  dyh: ['@chinese-fonts/dyh', 'dist/SmileySans-Oblique', 'dist/SmileySans-Oblique/result.css'],
  pxzs: ['@chinese-fonts/sypxzs', 'dist/思源屏显臻宋', 'dist/思源屏显臻宋/result.css'],
  maple: ['@chinese-fonts/maple-mono-cn', 'dist/MapleMono-CN-Regular', 'dist/MapleMono-CN-Regular/result.css'],
  mapleBold: ['@chinese-fonts/maple-mono-cn', 'dist/MapleMono-CN-Bold', 'dist/MapleMono-CN-Bold/result.css'],
  qingke: ['@fontsource/zcool-qingke-huangyou', '', 'index.css'],
  kuaile: ['@fontsource/zcool-kuaile', '', 'index.css'],
};

/** Faces tried, in order, after the chosen one: the two with the widest coverage. */
const FALLBACK: readonly Face[] = ['pxzs', 'maple'];

const family = (face: Face) => `Seventh-${face}`;
const require = createRequire(import.meta.url);

interface Subset {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
  registered: boolean;
}

const subsets = new Map<Face, Subset[]>();

/**
 * Reads each face's stylesheet (which subset file holds which code points). Subsets are registered
 * only when a character in them is first needed: a family of hundreds of registered subsets makes
 * every change of font in the canvas slow.
 */
function subsetsOf(face: Face): Subset[] {
  let list = subsets.get(face);
  if (list) return list;
  const [pkg, dir, css] = SOURCES[face];
  const root = dirname(require.resolve(`${pkg}/package.json`));
  const cssPath = join(root, css);
  if (!existsSync(cssPath)) throw new Error(`seventh set: font stylesheet missing: ${cssPath} (npm install)`);
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
  if (list.length === 0) throw new Error(`seventh set: no subsets in ${cssPath}`);
  subsets.set(face, list);
  return list;
}

/** Registers the subset of `face` holding `ch`; false when the face has no such subset. */
function ensure(face: Face, ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  const sub = subsetsOf(face).find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
  if (!sub) return false;
  if (!sub.registered) {
    if (!GlobalFonts.registerFromPath(sub.file, family(face))) throw new Error(`seventh set: cannot register ${sub.file}`);
    sub.registered = true;
  }
  return true;
}

let ready = false;
const notdefs = new Map<Face, readonly string[]>();

/**
 * Once per process, before any other subset: registers each face's subsets for 0, 一 and the space
 * and records how each face draws a missing glyph (so that the record never depends on which pages
 * were drawn before). Throws with the reason if a face cannot be read.
 */
export function registerFaces(): void {
  if (ready) return;
  ready = true;
  const faces = Object.keys(SOURCES) as Face[];
  const here = dirname(fileURLToPath(import.meta.url));
  const drawn = new Set<string>();
  for (const f of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.includes('.test.') && !n.includes('.tmp.'))) for (const ch of readFileSync(join(here, f), 'utf8')) drawn.add(ch);
  for (const face of faces) {
    if (!ensure(face, '0') && !ensure(face, '一')) throw new Error(`seventh set: ${face} has neither 0 nor 一`);
    for (const ch of [...drawn].sort()) ensure(face, ch);
  }
  for (const face of faces) notdefs.set(face, [inkOf(face, '\uE000'), inkOf(face, '\uFFFF')]);
}

export const fontOf = (face: Face, px: number, bold = false) => `${bold ? 'bold ' : ''}${Math.max(1, Math.round(px))}px ${family(face)}`;

const probe = createCanvas(48, 48);
const pctx = probe.getContext('2d');
const glyphCache = new Map<string, boolean>();

function inkOf(face: Face, ch: string): string {
  pctx.fillStyle = '#fff';
  pctx.fillRect(0, 0, 48, 48);
  pctx.fillStyle = '#000';
  pctx.font = fontOf(face, 32);
  pctx.textBaseline = 'alphabetic';
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

/** Whether `face` draws `ch` with a glyph of its own (not blank, not its missing-glyph box). */
export function hasGlyph(face: Face, ch: string): boolean {
  registerFaces();
  const key = `${face}\u0000${ch}`;
  const known = glyphCache.get(key);
  if (known !== undefined) return known;
  if (!ensure(face, ch)) {
    glyphCache.set(key, /\s/.test(ch));
    return /\s/.test(ch);
  }
  if (/\s/.test(ch)) {
    glyphCache.set(key, true);
    return true;
  }
  const sig = inkOf(face, ch);
  const has = sig !== '' && !notdefs.get(face)!.includes(sig);
  glyphCache.set(key, has);
  return has;
}

/** Whether some face of the chain from `face` draws every character of `s`. */
export const printable = (s: string, face: Face = 'pxzs') => [...s].every((ch) => [face, ...FALLBACK].some((f) => hasGlyph(f, ch)));

export interface Run {
  readonly text: string;
  readonly face: Face;
}

/** `s` cut into runs, each in the first face of the chain that has all its characters. */
export function runsOf(s: string, face: Face): Run[] {
  const runs: Run[] = [];
  for (const ch of s) {
    const f = [face, ...FALLBACK].find((c) => hasGlyph(c, ch));
    if (!f) throw new Error(`seventh set: no face draws ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)})`);
    const last = runs[runs.length - 1];
    if (last && last.face === f) runs[runs.length - 1] = { text: last.text + ch, face: f };
    else runs.push({ text: ch, face: f });
  }
  return runs;
}

const widthCache = new Map<string, number>();

/** Advance of one character at 100 px (cached: measuring in a face split over hundreds of subsets is slow). */
function advance(ctx: SKRSContext2D, ch: string, face: Face, bold: boolean): number {
  const key = `${face}${bold ? 'b' : ''}\u0000${ch}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    ctx.font = fontOf(face, 100, bold);
    w = ctx.measureText(ch).width;
    widthCache.set(key, w);
  }
  return w;
}

/** Width of `s` drawn in `face` at `px` with the fallback runs and extra letter spacing. */
export function measure(ctx: SKRSContext2D, s: string, face: Face, px: number, bold = false, spacing = 0): number {
  let w = 0;
  for (const run of runsOf(s, face)) for (const ch of run.text) w += (advance(ctx, ch, run.face, bold) * px) / 100 + spacing;
  return w;
}

/**
 * Draws `s` from the left end at (x, baseline y), one character at a time at its measured advance
 * (a face split into subsets can space a whole run unevenly); returns the width drawn.
 */
export function drawRuns(ctx: SKRSContext2D, s: string, x: number, y: number, face: Face, px: number, bold = false, spacing = 0): number {
  let cx = x;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const run of runsOf(s, face)) {
    const chars = [...run.text];
    const widths = chars.map((ch) => (advance(ctx, ch, run.face, bold) * px) / 100);
    ctx.font = fontOf(run.face, px, bold);
    chars.forEach((ch, i) => {
      if (ch !== ' ') ctx.fillText(ch, cx, y);
      cx += widths[i]! + spacing;
    });
  }
  return cx - x;
}
