// Things drawn on a page that are not its text: round official seals, rectangular 变更/更正 stamps,
// guilloche security backgrounds, signatures and strike-throughs.
import { createCanvas } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';
import { faceFor, familyOf, type FaceId } from './fonts';
import type { Paper } from './paper';

const RED = 'rgba(214, 28, 36, 0.86)';

/**
 * A round seal centred at (cx, cy) mm, radius r: `ring` along the top arc, a star, `base` straight
 * underneath. Ink drops out in flecks, as a real impression does. Not part of the page's text.
 */
export function seal(paper: Paper, rng: Rng, cx: number, cy: number, r: number, ring: string, base = '', color = RED): void {
  const k = paper.k;
  const side = Math.ceil(2.2 * r * k);
  const c = createCanvas(side, side);
  const ctx = c.getContext('2d');
  const o = side / 2;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 0.9 * k;
  ctx.beginPath();
  ctx.arc(o, o, r * k, 0, Math.PI * 2);
  ctx.stroke();
  star(ctx, o, o, r * 0.3 * k);
  const face: FaceId = faceFor(ring + base, 'shs');
  const chars = [...ring];
  const span = Math.min(Math.PI * 1.6, chars.length * 0.32);
  const size = Math.min(r * 0.34, (r * 0.7 * span) / Math.max(1, chars.length));
  ctx.font = `700 ${(size * k).toFixed(1)}px "${familyOf(face)}"`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.translate(o + Math.cos(a) * (r - size * 0.85) * k, o + Math.sin(a) * (r - size * 0.85) * k);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  if (base) {
    const baseSize = Math.min(size * 0.8, (r * 1.1) / [...base].length);
    ctx.font = `700 ${(baseSize * k).toFixed(1)}px "${familyOf(face)}"`;
    ctx.fillText(base, o, o + r * 0.5 * k);
  }
  paper.drawn.push({ face, text: ring + base });
  ctx.globalCompositeOperation = 'destination-out';
  for (let i = 0; i < 90; i++) {
    ctx.globalAlpha = 0.3 + rng.next() * 0.7;
    ctx.beginPath();
    ctx.arc(rng.next() * side, rng.next() * side, (0.15 + rng.next() * 0.5) * k, 0, Math.PI * 2);
    ctx.fill();
  }
  const p = paper.ctx;
  p.save();
  p.globalCompositeOperation = 'multiply';
  p.translate(cx * k, cy * k);
  p.rotate(rng.normal(0, 0.15));
  p.drawImage(c, -o, -o);
  p.restore();
}

function star(ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    ctx.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
}

/** A rectangular stamp (变更, 更正, 迁出…) with an optional second line (a date), turned a little. */
export function boxStamp(paper: Paper, rng: Rng, x: number, y: number, text: string, second = '', color = RED): void {
  const { ctx, k } = paper;
  const face = faceFor(text + second, 'shs');
  const size = 4.6;
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.translate(x * k, y * k);
  ctx.rotate(rng.normal(0, 0.06));
  ctx.font = `700 ${(size * k).toFixed(1)}px "${familyOf(face)}"`;
  const w = Math.max(ctx.measureText(text).width / k, second ? (ctx.measureText(second).width / k) * 0.6 : 0) + 4;
  const h = second ? 12 : 7.5;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 0.7 * k;
  ctx.strokeRect(-w / 2 * k, -h / 2 * k, w * k, h * k);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 0, (second ? -2 : 0.2) * k);
  if (second) {
    ctx.font = `500 ${(size * 0.6 * k).toFixed(1)}px "${familyOf(face)}"`;
    ctx.fillText(second, 0, 3 * k);
  }
  ctx.restore();
  paper.drawn.push({ face, text: text + second });
}

/** A guilloche of interlaced sine bands over the box, in a pale colour. */
export function guilloche(paper: Paper, rng: Rng, x: number, y: number, w: number, h: number, color: string, bands = 26): void {
  const { ctx, k } = paper;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(1, 0.12 * k);
  const f1 = 2 + rng.next() * 3;
  const f2 = 5 + rng.next() * 4;
  for (let b = 0; b < bands; b++) {
    const phase = (b / bands) * Math.PI * 2;
    ctx.beginPath();
    for (let i = 0; i <= 240; i++) {
      const t = i / 240;
      const yy = y + h / 2 + (h / 2.3) * Math.sin(t * f1 * Math.PI + phase) * Math.cos(t * f2 * Math.PI - phase / 2);
      ctx.lineTo((x + t * w) * k, yy * k);
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** A scrawled signature in a handwriting face, slanted; not part of the page's text. */
export function signature(paper: Paper, rng: Rng, x: number, y: number, name: string, color = '#1d2a6b'): void {
  const { ctx, k } = paper;
  const face = faceFor(name, 'hlx');
  ctx.save();
  ctx.translate(x * k, y * k);
  ctx.rotate(-0.08 + rng.normal(0, 0.04));
  ctx.transform(1, 0, -0.25, 1, 0, 0);
  ctx.fillStyle = color;
  ctx.font = `400 ${(6 * k).toFixed(1)}px "${familyOf(face)}"`;
  ctx.fillText(name, 0, 0);
  ctx.restore();
  paper.drawn.push({ face, text: name });
}

/** A hand stroke through a drawn value (x..x+w at baseline y). */
export function strike(paper: Paper, rng: Rng, x: number, y: number, w: number, color = '#1d2a6b'): void {
  const lift = rng.normal(1.2, 0.2);
  paper.line(x - 0.5, y - lift, x + w + 0.5, y - lift - rng.normal(0, 0.4), 0.35, color);
  paper.line(x - 0.5, y - lift + 0.9, x + w + 0.5, y - lift + 0.7 - rng.normal(0, 0.4), 0.3, color);
}
