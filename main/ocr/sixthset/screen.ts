// The `screen` capture: a phone screenshot of an e-licence app (粤省事 / i深圳 style) — status bar,
// title bar, the page as a rounded card under a repeated diagonal watermark. Portrait pages give a
// 1080-wide tall screenshot; landscape pages a 2340×1080 landscape one.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';
import type { Rng } from '../../../domain/seed/prng';
import { addDays, dateBetween } from './people';
import { pixels, roundRect } from './pixels';

/** Phone screenshot of an e-licence app: status bar, title bar, the page as a rounded card, a diagonal watermark. */
export function screen(page: Canvas, rng: Rng): RgbaImage {
  const landscape = page.width > page.height;
  const W = landscape ? 2340 : 1080;
  const scale = landscape ? 900 / page.height : 1000 / page.width;
  const cw = page.width * scale;
  const ch = page.height * scale;
  const H = landscape ? 1080 : Math.round(Math.max(2340, ch + 520));
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  const app = rng.pick([{ name: '粤省事', color: '#1677ff' }, { name: 'i深圳', color: '#0a5ad4' }, { name: '粤省事', color: '#2f6fed' }]);
  g.fillStyle = '#f2f3f5';
  g.fillRect(0, 0, W, H);
  const barH = landscape ? 0 : 90;
  const titleH = landscape ? 120 : 150;
  g.fillStyle = app.color;
  g.fillRect(0, 0, W, barH + titleH);
  g.fillStyle = '#ffffff';
  if (!landscape) {
    g.font = '38px S6SansBold';
    g.fillText(`${rng.int(8, 21)}:${String(rng.int(0, 59)).padStart(2, '0')}`, 60, 60);
    const batt = rng.int(12, 98);
    g.font = '30px S6Sans';
    g.fillText(`5G  ${batt}%`, W - 280, 58);
    g.strokeStyle = '#ffffff';
    g.lineWidth = 3;
    roundRect(g, W - 130, 34, 64, 30, 6);
    g.stroke();
    g.fillRect(W - 126, 38, (56 * batt) / 100, 22);
    for (let i = 0; i < 4; i++) g.fillRect(W - 360 + i * 14, 62 - i * 8 - 8, 9, i * 8 + 8);
  }
  g.font = '46px S6SansBold';
  g.textAlign = 'center';
  g.fillText(rng.pick(['电子证照', '证照详情', '我的证照']), W / 2, barH + titleH / 2 + 16);
  g.textAlign = 'left';
  g.font = '56px S6Sans';
  g.fillText('‹', 40, barH + titleH / 2 + 18);
  g.fillText('···', W - 120, barH + titleH / 2 + 12);
  const x = (W - cw) / 2;
  const y = barH + titleH + (landscape ? 30 : 50);
  g.save();
  g.shadowColor = 'rgba(0,0,0,0.18)';
  g.shadowBlur = 24;
  roundRect(g, x, y, cw, ch, 28);
  g.fillStyle = '#ffffff';
  g.fill();
  g.restore();
  g.save();
  roundRect(g, x, y, cw, ch, 28);
  g.clip();
  g.imageSmoothingQuality = 'high';
  g.drawImage(page, x, y, cw, ch);
  // Watermark over the content: repeated diagonal line.
  const until = addDays(dateBetween(rng, '2026-11-01', '2026-11-28'), rng.int(10, 40));
  const mark = `仅用于住房保障申请 ${until}`;
  g.translate(x + cw / 2, y + ch / 2);
  g.rotate(-Math.PI / 6);
  g.font = '40px S6Sans';
  g.fillStyle = rng.chance(0.5) ? 'rgba(120,120,120,0.16)' : 'rgba(220,60,60,0.14)';
  for (let yy = -1600; yy < 1600; yy += 230) for (let xx = -1800; xx < 1800; xx += 620) g.fillText(mark, xx + (yy / 230) * 120, yy);
  g.restore();
  if (!landscape) {
    g.fillStyle = app.color;
    roundRect(g, 90, y + ch + 70, W - 180, 110, 55);
    g.fill();
    g.fillStyle = '#ffffff';
    g.font = '42px S6Sans';
    g.textAlign = 'center';
    g.fillText('出示证照', W / 2, y + ch + 140);
  }
  return pixels(c);
}
