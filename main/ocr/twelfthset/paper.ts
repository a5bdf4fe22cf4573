// The sheet the twelfth set draws on (face-paper.ts) in the twelfth set's faces, with its seal.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { type Drawn as AnyDrawn, FacePaper, type PaperLook, type TextStyle as AnyStyle } from '../face-paper';
import { type Face, faceFor, printable, runs } from './fonts';

export type { Box, DpiFor } from '../face-paper';
export type Drawn = AnyDrawn<Face>;
export type TextStyle = AnyStyle<Face>;

const LOOK: PaperLook<Face> = { faces: { faceFor, printable, runs }, face: 'sans', ink: '#1a1a1a', unbroken: /[A-Za-z0-9.,\-*()（）:]+|./gu };

export class Paper extends FacePaper<Face> {
  constructor(wMm: number, hMm: number, dpi: number, background = '#fdfdfb') {
    super(wMm, hMm, dpi, background, LOOK);
  }

  /** A round red seal: the text round the upper rim, a star, a line across the middle. Not page text. */
  seal(cx: number, cy: number, r: number, rim: string, middle = '', color = 'rgba(214,30,36,0.72)'): void {
    const { ctx, k } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = r * 0.07 * k;
    ctx.beginPath();
    ctx.arc(cx * k, cy * k, r * 0.95 * k, 0, Math.PI * 2);
    ctx.stroke();
    star(ctx, cx * k, cy * k, r * 0.28 * k);
    const chars = [...rim];
    const span = Math.min(Math.PI * 1.4, chars.length * 0.36);
    const size = Math.min(r * 0.28, ((r * 0.7 * span) / chars.length) * 0.9);
    chars.forEach((ch, i) => {
      const face = faceFor(ch, 'serif-x');
      this.drawn.push({ text: ch, face });
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      ctx.save();
      ctx.translate((cx + Math.cos(a) * r * 0.7) * k, (cy + Math.sin(a) * r * 0.7) * k);
      ctx.rotate(a + Math.PI / 2);
      ctx.font = `${size * k}px "${runs(ch, face)[0]!.family}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(ch, 0, 0);
      ctx.restore();
    });
    if (middle) {
      const face = faceFor(middle, 'serif-x');
      this.drawn.push({ text: middle, face });
      const size = Math.min(r * 0.24, (r * 1.3) / [...middle].length);
      ctx.font = `${size * k}px "${runs(middle, face)[0]!.family}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(middle, cx * k, (cy + r * 0.52) * k);
    }
    ctx.restore();
  }
}

function star(ctx: SKRSContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    if (i === 0) ctx.moveTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
    else ctx.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
}

/** A drawn page, its truth and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Readonly<Record<string, string | number>>;
  readonly layout: string;
}
