// Small pieces the thirteenth set's pages share: label–value pairs, the date and issuer block at
// the foot of a letter (with the seal over it), the issuing offices and the page sizes.
import type { Rng } from '../../../domain/seed/prng';
import type { Face } from './fonts';
import { type DateStyle, writeDate } from './forms';
import type { DpiFor, Paper, TextStyle } from './paper';
import { Paper as Sheet } from './paper';

export const A4 = [210, 297] as const;

/** A sheet of w × h mm at the capture's resolution for its long side. */
export const sheet = (w: number, h: number, dpi: DpiFor, background?: string): Paper => new Sheet(w, h, dpi(Math.max(w, h)), background);

/** Draws `label` then `value` after a gap (two boxes); returns the x after the value. */
export function pair(p: Paper, label: string, value: string, x: number, y: number, ls: TextStyle, vs: TextStyle = ls, gap = 1.5): number {
  const lw = p.text(label, x, y, ls);
  const vw = p.text(value, x + lw + gap, y + (ls.size - vs.size) * 0.7, vs);
  return x + lw + gap + vw;
}

/** A label and a value joined in one box (label：value). */
export const joined = (p: Paper, label: string, value: string, x: number, y: number, s: TextStyle, colon = '：'): number => p.text(`${label}${colon}${value}`, x, y, s);

export const DISTRICT_OFFICES = ['福田', '罗湖', '南山', '宝安', '龙岗', '龙华', '坪山', '光明', '盐田'];

export const policeStation = (rng: Rng): string => `深圳市公安局${rng.pick(DISTRICT_OFFICES)}分局${rng.pick(['莲花', '梅林', '香蜜湖', '东门', '翠竹', '粤海', '蛇口', '西乡', '新安', '布吉', '坂田', '民治', '观澜', '坑梓', '沙头角'])}派出所`;

/** Body face of printed letters. */
export const bodyFace = (rng: Rng): Face => rng.pick<Face>(['song', 'song', 'serif', 'hei', 'kai']);

export const dateStyle = (rng: Rng, han = 0.25): DateStyle => (rng.chance(han) ? 'han' : rng.pick<DateStyle>(['cn', 'cn', 'cn0', 'iso', 'dot', 'slash']));

/**
 * The foot of a letter: the issuer's name and the date, right-aligned at `right`, with the seal
 * (its rim `rim`; none when empty) drawn over them. Returns the y below.
 */
export function foot(p: Paper, rng: Rng, issuer: string, iso: string, style: DateStyle, right: number, y: number, s: TextStyle, rim = issuer): number {
  p.text(issuer, right, y, { ...s, align: 'right' });
  const date = writeDate(iso, style);
  p.text(date, right, y + s.size * 1.9, { ...s, align: 'right' });
  const r = rng.int(17, 21);
  const cx = right - Math.max(p.measure(issuer, s), p.measure(date, s)) / 2 + rng.int(-6, 6);
  if (rim) p.seal(cx, y + s.size * 1.2 + rng.int(-3, 3), r, rim, rng.chance(0.5) ? rng.pick(['业务专用章', '证明专用章', '户籍专用章', '']) : '');
  return y + s.size * 4;
}

/** Faint guilloche lines of a security background (no text). */
export function guilloche(p: Paper, rng: Rng, color: string, x: number, y: number, w: number, h: number): void {
  const { ctx, k } = p;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(1, 0.12 * k);
  const waves = rng.int(6, 10);
  for (let i = 0; i < waves; i++) {
    ctx.beginPath();
    const phase = rng.next() * 6;
    const amp = 2 + rng.next() * 4;
    for (let t = 0; t <= w; t += 1.2) {
      const yy = y + (h * (i + 0.5)) / waves + Math.sin(t / (5 + i) + phase) * amp;
      if (t === 0) ctx.moveTo((x + t) * k, yy * k);
      else ctx.lineTo((x + t) * k, yy * k);
    }
    ctx.stroke();
  }
  ctx.restore();
}
