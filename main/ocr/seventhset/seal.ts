// Official seals: a ring, a five-pointed star and the issuer's name round the top, in a
// translucent ink that lets the print under it show through. Not part of the transcript.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { fontOf, hasGlyph } from './fonts';

export interface SealInk {
  readonly rgb: readonly [number, number, number];
  readonly alpha: number;
}

export const RED: SealInk = { rgb: [214, 36, 40], alpha: 0.62 };
export const BLUE: SealInk = { rgb: [40, 70, 200], alpha: 0.5 };

function star(ctx: SKRSContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
}

/** Draws a round seal of radius r px at (cx, cy) px, the name round the top, `below` across the foot. */
export function seal(ctx: SKRSContext2D, cx: number, cy: number, r: number, name: string, ink: SealInk = RED, below = '', turn = 0): void {
  const colour = `rgba(${ink.rgb.join(',')},${ink.alpha})`;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate(turn);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = r * 0.06;
  ctx.beginPath();
  ctx.arc(0, 0, r * 0.95, 0, Math.PI * 2);
  ctx.stroke();
  star(ctx, 0, 0, r * 0.27);
  const chars = [...name].filter((ch) => hasGlyph('pxzs', ch));
  const span = Math.min(Math.PI * 1.35, chars.length * 0.27);
  const size = r * 0.2;
  ctx.font = fontOf('pxzs', size, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, 0, -r * 0.7);
    ctx.restore();
  });
  if (below) {
    ctx.font = fontOf('pxzs', size * 0.85, true);
    ctx.fillText(below, 0, r * 0.55);
  }
  ctx.restore();
}
