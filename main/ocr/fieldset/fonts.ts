// Fonts of the field set: Noto Sans SC for printed labels, LXGW WenKai (楷体) for filled-in values,
// Ma Shan Zheng for handwritten fills. Fontsource splits Ma Shan Zheng into unicode-range subsets,
// so every subset file is registered under one family (Skia finds a glyph across the family's faces);
// WenKai ships as one full file. Ma Shan Zheng covers GB 2312 only: 堃 喆 昇 玥 翀 珺 彧 晞 頔 赟 come out
// as empty boxes, so `draws` checks each character before a value is handwritten (else 楷体).
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = join(import.meta.dirname, '../../../node_modules');

export const SANS = 'FieldSetSans';
export const KAI = 'FieldSetKai';
export const HAND = 'FieldSetHand';
export const BLACK = 'FieldSetSerifBlack';

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  GlobalFonts.registerFromPath(join(MODULES, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), SANS);
  GlobalFonts.registerFromPath(join(MODULES, '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'), BLACK);
  GlobalFonts.registerFromPath(join(MODULES, '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2'), KAI);
  const hand = join(MODULES, '@fontsource/ma-shan-zheng/files');
  for (const f of readdirSync(hand).filter((f) => f.endsWith('-400-normal.woff2')).sort()) GlobalFonts.registerFromPath(join(hand, f), HAND);
}

const probe = createCanvas(64, 64);
const probeCtx = probe.getContext('2d');
const cache = new Map<string, boolean>();

function pixels(family: string, ch: string): string {
  probeCtx.fillStyle = '#fff';
  probeCtx.fillRect(0, 0, 64, 64);
  probeCtx.fillStyle = '#000';
  probeCtx.font = `40px "${family}"`;
  probeCtx.textBaseline = 'middle';
  probeCtx.fillText(ch, 8, 32);
  const d = probeCtx.getImageData(0, 0, 64, 64).data;
  let s = '';
  for (let i = 0; i < d.length; i += 16) s += d[i]! > 128 ? '1' : '0';
  return s;
}

/** Whether `family` itself draws every character of `text` (not a fallback font, not a blank). */
export function draws(family: string, text: string): boolean {
  registerFonts();
  for (const ch of new Set(text.replace(/\s/g, ''))) {
    const key = `${family}\u0000${ch}`;
    let ok = cache.get(key);
    if (ok === undefined) {
      const own = pixels(family, ch);
      // a missing glyph is drawn as the font's empty box (the same pixels as a code point no font has),
      // by a fallback font (the same pixels as a family that does not exist), or not at all
      ok = own.includes('1') && own !== pixels(family, '\u{10FFFD}') && own !== pixels('FieldSetNoSuchFamily', ch) && (family === SANS || own !== pixels(SANS, ch));
      cache.set(key, ok);
    }
    if (!ok) return false;
  }
  return true;
}
