// Draws tuning-corpus pages with @napi-rs/canvas (dev dependency: tests, corpus and benches only):
// random font family and weight, size, margins, spacing, table rules, red stamps over the text;
// then a capture (camera.ts): flatbed scan, low-resolution scan, or a photo on a desk.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import { createRng, type Rng } from '../../../domain/seed/prng';
import { type Capture, capture } from './camera';
import { CORPUS_KINDS, type CorpusKind, corpusContent, type Item, type PageContent } from './content';

const require = createRequire(import.meta.url);

/** Only these fonts are used by the tuning corpus; the held-out pages use others. */
export const CORPUS_FONTS = [
  { family: 'CSans', pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  { family: 'CSansMedium', pkg: '@expo-google-fonts/noto-sans-sc', file: '500Medium/NotoSansSC_500Medium.ttf' },
  { family: 'CSansLight', pkg: '@expo-google-fonts/noto-sans-sc', file: '300Light/NotoSansSC_300Light.ttf' },
  { family: 'CSerif', pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' },
  { family: 'CSerifBold', pkg: '@expo-google-fonts/noto-serif-sc', file: '600SemiBold/NotoSerifSC_600SemiBold.ttf' },
] as const;

let loaded = false;
function loadFonts(): void {
  if (loaded) return;
  for (const f of CORPUS_FONTS) GlobalFonts.registerFromPath(join(dirname(require.resolve(`${f.pkg}/package.json`)), f.file), f.family);
  loaded = true;
}

export interface CorpusPage {
  readonly content: PageContent;
  readonly capture: Capture;
  readonly font: string;
  readonly image: RgbaImage;
}

interface Style {
  readonly family: string;
  readonly px: number;
  readonly margin: number;
  readonly lineGap: number;
  readonly ink: string;
}

function layout(ctx: SKRSContext2D, items: readonly Item[], s: Style, width: number, rng: Rng, draw: boolean): number {
  let y = s.margin + s.px;
  const inner = width - 2 * s.margin;
  let tableTop: number | undefined;
  const rowH = Math.round(s.px * rng.next() * 0.6 + s.px * 2.1);
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    ctx.font = `${it.t === 'title' ? Math.round(s.px * 1.5) : s.px}px ${s.family}`;
    if (it.t === 'title') {
      ctx.textAlign = 'center';
      if (draw) ctx.fillText(it.text, width / 2, y);
      ctx.textAlign = 'left';
      y += s.px * 2.4;
    } else if (it.t === 'line') {
      if (draw) ctx.fillText(it.text, s.margin, y);
      y += s.px * s.lineGap;
    } else if (it.t === 'para') {
      const perLine = Math.max(8, Math.floor(inner / s.px) - 1);
      const chars = [...it.text];
      for (let i = 0; i < chars.length; i += perLine) {
        if (draw) ctx.fillText(chars.slice(i, i + perLine).join(''), s.margin + (i === 0 ? s.px * 2 : 0), y);
        y += s.px * s.lineGap;
      }
    } else {
      const cols = it.cells.reduce((n, x) => n + x.span, 0);
      const total = Math.max(cols, 4);
      if (tableTop === undefined) tableTop = y - s.px;
      const top = y - s.px;
      let x = s.margin;
      if (draw) {
        ctx.lineWidth = 2;
        ctx.strokeRect(s.margin, top, inner, rowH);
      }
      for (const cell of it.cells) {
        const w = (inner * cell.span) / total;
        if (draw) {
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + rowH);
          ctx.stroke();
          ctx.fillText(cell.text, x + s.px * 0.4, top + rowH / 2 + s.px * 0.35, w - s.px * 0.6);
        }
        x += w;
      }
      y += rowH;
      if (items[k + 1]?.t !== 'row') {
        tableTop = undefined;
        y += s.px;
      }
    }
  }
  return y + s.margin;
}

function stamp(ctx: SKRSContext2D, text: string, cx: number, cy: number, r: number, family: string, rng: Rng): void {
  ctx.save();
  const alpha = 0.55 + rng.next() * 0.35;
  ctx.strokeStyle = `rgba(215, 30, 40, ${alpha})`;
  ctx.fillStyle = `rgba(215, 30, 40, ${alpha})`;
  ctx.lineWidth = r / 22;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.font = `${Math.round(r / 4.6)}px ${family}`;
  ctx.textAlign = 'center';
  const chars = [...text];
  const spread = Math.PI * 1.25;
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - spread / 2 + (spread * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.translate(cx + Math.cos(a) * r * 0.76, cy + Math.sin(a) * r * 0.76);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  ctx.font = `${Math.round(r / 2.2)}px ${family}`;
  ctx.fillText('★', cx, cy + r / 8);
  ctx.restore();
}

/** Page `seed` of `kind`, drawn and captured; the same arguments give the same page. */
export function renderCorpusPage(kind: CorpusKind, seed: number, forceCapture?: Capture['mode']): CorpusPage {
  loadFonts();
  const rng = createRng(seed * 15485863 + CORPUS_KINDS.indexOf(kind) * 31);
  const content = corpusContent(kind, seed);
  const font = rng.pick(CORPUS_FONTS).family;
  const width = 1240;
  const style: Style = { family: font, px: rng.int(24, 32), margin: rng.int(50, 110), lineGap: 1.6 + rng.next() * 0.5, ink: rng.pick(['#111', '#222', '#1a1a2a']) };
  const probe = createCanvas(width, 100).getContext('2d');
  const height = Math.max(900, Math.round(layout(probe, content.items, style, width, createRng(seed), false)));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'zh-CN';
  ctx.fillStyle = rng.pick(['#fff', '#fdfcf7', '#f7f4ea']);
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = style.ink;
  ctx.strokeStyle = style.ink;
  ctx.textBaseline = 'alphabetic';
  layout(ctx, content.items, style, width, createRng(seed), true);
  // Stamps at the foot, or (one page in three) over the fields themselves.
  const overFields = rng.chance(0.35);
  if (content.stamp) stamp(ctx, content.stamp, width * (0.2 + rng.next() * 0.6), height * (overFields ? 0.15 + rng.next() * 0.5 : 0.55 + rng.next() * 0.3), rng.int(90, 130), font, rng);
  const page: RgbaImage = { width, height, data: new Uint8ClampedArray(ctx.getImageData(0, 0, width, height).data) };
  const mode = forceCapture ?? rng.pick(['scan', 'scan', 'photo', 'lowres'] as const);
  const shot = capture(page, mode, rng);
  return { content, capture: shot.capture, font, image: shot.image };
}
