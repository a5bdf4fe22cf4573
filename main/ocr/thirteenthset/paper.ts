// The sheet the thirteenth set draws on (face-paper.ts) in the thirteenth set's faces, with its
// table grids and seal.
import { FacePaper, type Drawn as AnyDrawn, type PaperLook, type TextStyle as AnyStyle } from '../face-paper';
import { type Face, faceFor, printable, runs } from './fonts';

export type { Box, DpiFor } from '../face-paper';
export type Drawn = AnyDrawn<Face>;
export type TextStyle = AnyStyle<Face>;

const LOOK: PaperLook<Face> = { faces: { faceFor, printable, runs }, face: 'hei', ink: '#161616', unbroken: /[A-Za-z0-9.,\-*:/]+|./gu };

export class Paper extends FacePaper<Face> {
  constructor(wMm: number, hMm: number, dpi: number, background = '#fcfcfa') {
    super(wMm, hMm, dpi, background, LOOK);
  }

  /** A grid: column edges `xs` and row edges `ys`, in mm. */
  grid(xs: readonly number[], ys: readonly number[], width = 0.25): void {
    for (const y of ys) this.line(xs[0]!, y, xs[xs.length - 1]!, y, width);
    for (const x of xs) this.line(x, ys[0]!, x, ys[ys.length - 1]!, width);
  }

  /** `str` in the cell [x1, x2] × [y1, y2], shrunk to fit, vertically centred. */
  cell(str: string, x1: number, x2: number, y1: number, y2: number, style: TextStyle): void {
    const s = this.fit(str, x2 - x1 - 2, style);
    const y = (y1 + y2) / 2 - s.size * 0.5;
    const x = s.align === 'center' ? (x1 + x2) / 2 : s.align === 'right' ? x2 - 1 : x1 + 1;
    this.text(str, x, y, s);
  }

  /** A round red seal (rim text, a star, a line across): no part of the page's text; drawn over whatever is there. */
  seal(cx: number, cy: number, r: number, rim: string, middle = '', color = 'rgba(210,28,34,0.7)'): void {
    const { ctx, k } = this;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = r * 0.07 * k;
    ctx.beginPath();
    ctx.arc(cx * k, cy * k, r * 0.95 * k, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = (i % 2 === 0 ? 0.28 : 0.11) * r * k;
      ctx.lineTo(cx * k + Math.cos(a) * rr, cy * k + Math.sin(a) * rr);
    }
    ctx.closePath();
    ctx.fill();
    const chars = [...rim];
    const span = Math.min(Math.PI * 1.45, chars.length * 0.36);
    const size = Math.min(r * 0.27, ((r * 0.7 * span) / chars.length) * 0.9);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chars.forEach((ch, i) => {
      const face = faceFor(ch, 'serif');
      this.drawn.push({ text: ch, face });
      const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
      ctx.save();
      ctx.translate((cx + Math.cos(a) * r * 0.7) * k, (cy + Math.sin(a) * r * 0.7) * k);
      ctx.rotate(a + Math.PI / 2);
      ctx.font = `${size * k}px "${runs(ch, face)[0]!.family}"`;
      ctx.fillText(ch, 0, 0);
      ctx.restore();
    });
    if (middle) {
      const face = faceFor(middle, 'serif');
      this.drawn.push({ text: middle, face });
      // run by run: the characters of a split face sit in different files
      const size = Math.min(r * 0.24, (r * 1.3) / [...middle].length) * k;
      const parts = runs(middle, face).map((run) => {
        ctx.font = `${size}px "${run.family}"`;
        return { ...run, w: ctx.measureText(run.text).width };
      });
      let at = cx * k - parts.reduce((a, q) => a + q.w, 0) / 2;
      ctx.textAlign = 'left';
      for (const q of parts) {
        ctx.font = `${size}px "${q.family}"`;
        ctx.fillText(q.text, at, (cy + r * 0.52) * k);
        at += q.w;
      }
    }
    ctx.restore();
  }
}

/** A drawn page, its truth and the name of its design. */
export interface Made {
  readonly paper: Paper;
  readonly fields: Readonly<Record<string, string | number>>;
  readonly layout: string;
}
