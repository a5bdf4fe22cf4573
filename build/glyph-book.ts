// Writes domain/ocr/glyph-book.data.ts: the shapes (glyphs.ts features) of the characters the OCR
// compares a name's glyphs with — rare name characters the recognition model cannot give, the
// name characters of given-names.ts and surnames.ts, and for each rare character the model's
// characters most like it (what the model reads in its place: 曌 as 盟) — each drawn in Noto Sans
// SC, Noto Serif SC and LXGW WenKai from npm. Run: npx tsx build/glyph-book.ts
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_LENGTH, glyphFeatures, similarity } from '../domain/ocr/glyphs';
import type { GreyImage } from '../domain/ocr/image';
import { MODEL_CHARS, modelCanRead } from '../domain/ocr/model-chars';

const ROOT = join(import.meta.dirname, '..');
const MODULES = join(ROOT, 'node_modules');
const FACES = ['GlyphSans', 'GlyphSerif', 'GlyphKai'] as const;
GlobalFonts.registerFromPath(join(MODULES, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), FACES[0]);
GlobalFonts.registerFromPath(join(MODULES, '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), FACES[1]);
GlobalFonts.registerFromPath(join(MODULES, '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2'), FACES[2]);

/**
 * Rare characters parents give (the ones ID card systems and banks are known to stumble on):
 * general knowledge of naming, not drawn from any page this project generates. Those the model
 * can read anyway are dropped below.
 */
const RARE_NAME_CHARS =
  '曌赟琤暐暻翀昳旻镕鋆沄湉玙珅琇璘瑀珽琍瑢玹珦喣炘焜燊炟焌煐晙昉昺晢暎曈淏湋溦漴澔沨洑浛淯渼溁瀞珵璆璿瑱玓龑䶮堉' +
  '昪晔昙暾曦晗熤燚炅焘煊燿爔犇垚堃喆淼焱鑫骉驫羴皛嚞譞叕赑焯珣玚珝琀琭瑊瑒瑨瑧璂璈璪璱瓅瓘玗玭玦琎琡瑝瑆' +
  '昕昶晅晞晧晫暕暠暲曚曜曣曮旼旸昀昱昤炜烔烺焕煇煒熀熹燏燝爚钖钘铓锘锜锳镆镠镤镃镟鉴鋐錱鍹鏸鐄' +
  '祎祐祜祯禛禩禔禤禵秾稷穆竑竦竤笙筠箖篪簃籈翃翾耘聿肸胤舣芃芮苒苡茆荭莛菂萩蓥蔺薳蘅虓裕褚觐谞豳赜' +
  '彧彦彬彰徵忞恂恺惇愔慜懋戬扆斐斓旃旆旌昇晟珈珩珺琬琰琮瑄璟璠頔頫颀颙颢飏馥骐骙鸫鹓鹔麒黉黾鼐';

const probe = createCanvas(96, 96);
const g = probe.getContext('2d');

function draw(char: string, face: string): GreyImage {
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 96, 96);
  g.fillStyle = '#000';
  g.font = `64px "${face}"`;
  g.textBaseline = 'middle';
  g.fillText(char, 16, 48);
  const rgba = g.getImageData(0, 0, 96, 96).data;
  const data = new Uint8Array(96 * 96);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { width: 96, height: 96, data };
}

/** A character the face has no glyph for draws as its missing-glyph box: those features are the face's "none". */
const missing = new Map(FACES.map((f) => [f, glyphFeatures(draw('\u{10FFFD}', f), undefined, 128)]));
function shape(char: string, face: (typeof FACES)[number]): Float32Array | undefined {
  const f = glyphFeatures(draw(char, face), undefined, 128);
  return f.every((v) => v === 0) || similarity(f, missing.get(face)!) > 0.98 ? undefined : f;
}

const nameChars = (file: string) => readFileSync(join(ROOT, 'domain/ocr', file), 'utf8').replace(/\/\/.*$/gm, '').replace(/[^\u3400-\u9fff]/g, '');
const rare = [...new Set(RARE_NAME_CHARS)].filter((c) => !modelCanRead(c) && FACES.some((f) => shape(c, f)));
const names = [...new Set(nameChars('given-names.ts') + nameChars('surnames.ts'))].filter((c) => modelCanRead(c));

// The model's characters most like each rare one (Noto Sans SC), so the character read in its place is in the book.
const model = [...MODEL_CHARS].map((c) => ({ c, f: shape(c, 'GlyphSans') })).filter((m): m is { c: string; f: Float32Array } => m.f !== undefined);
const alike = new Set<string>();
for (const r of rare) {
  const f = shape(r, 'GlyphSans') ?? shape(r, 'GlyphSerif')!;
  for (const m of model.map((m) => ({ c: m.c, s: similarity(f, m.f) })).sort((a, b) => b.s - a.s).slice(0, 6)) alike.add(m.c);
}

const chars = [...new Set([...rare, ...names, ...alike])];
const packed = new Uint8Array(chars.length * FACES.length * FEATURE_LENGTH);
chars.forEach((c, i) =>
  FACES.forEach((face, k) => {
    const f = shape(c, face);
    if (f) packed.set(Array.from(f, (v) => Math.min(255, Math.round(v * 255))), (i * FACES.length + k) * FEATURE_LENGTH);
  }),
);
const out = join(ROOT, 'domain/ocr/glyph-book.data.ts');
writeFileSync(
  out,
  `// Written by build/glyph-book.ts (${rare.length} rare name characters the model cannot give, ${names.length} name characters, ${alike.size} of the model's characters alike to the rare ones; ${FACES.length} typefaces). Do not edit.\n` +
    `export const GLYPH_RARE = '${rare.join('')}';\n` +
    `export const GLYPH_CHARS = '${chars.join('')}';\n` +
    `export const GLYPH_FACES = ${FACES.length};\n` +
    `export const GLYPH_PACKED = '${Buffer.from(packed).toString('base64')}';\n`,
);
console.log(`${out}: ${chars.length} characters (${rare.length} rare: ${rare.join('')}), ${packed.length} bytes`);
