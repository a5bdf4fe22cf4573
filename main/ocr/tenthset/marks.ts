// Marks on the tenth set's sheets that are not text: round official seals with their rim text, square
// name seals, and the fine wavy security lines of certificates. Seal text is drawn (and glyph-checked)
// but kept out of the page's text.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../../../domain/seed/prng';
import { inFace, runsOf, type Face } from './fonts';
import { PT, type Paper } from './paper';

/** A round official seal: text around the rim, a star, an optional line below it (not in the text). */
export function stamp(p: Paper, cx: number, cy: number, r: number, rim: string, below = '', color = 'rgba(214,38,38,0.82)', face: Face = 'sans-b'): void {
  const ctx = p.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = p.px(r * 0.06);
  ctx.beginPath();
  ctx.arc(p.px(cx), p.px(cy), p.px(r * 0.95), 0, Math.PI * 2);
  ctx.stroke();
  star(ctx, p.px(cx), p.px(cy), p.px(r * 0.3));
  ctx.restore();
  const chars = [...rim];
  const radius = r * 0.7;
  const step = Math.min(0.5, (Math.PI * 1.4) / chars.length);
  const sweep = step * chars.length;
  const size = Math.min(r * 0.3, radius * step * 0.92);
  const f = inFace(rim, face);
  p.drawn.push({ text: rim, face: f });
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - sweep / 2 + step * (i + 0.5);
    ctx.save();
    ctx.translate(p.px(cx + Math.cos(a) * radius), p.px(cy + Math.sin(a) * radius));
    ctx.rotate(a + Math.PI / 2);
    ctx.fillStyle = color;
    for (const run of runsOf(ch, f)) {
      if (!run.family) continue;
      ctx.font = `${p.px(size)}px "${run.family}"`;
      ctx.fillText(run.text, -ctx.measureText(run.text).width / 2, p.px(size) * 0.38);
    }
    ctx.restore();
  });
  if (below) p.write(cx, cy + r * 0.62, below, { face, pt: Math.min(size, (r * 1.3) / [...below].length) / PT, align: 'center', color, silent: true });
}

/** A small square name seal (承办人 / 法人章), not in the text. */
export function seal(p: Paper, x: number, y: number, size: number, name: string, color = 'rgba(200,30,30,0.85)'): void {
  p.box(x, y, size, size, size * 0.07, color);
  const chars = [...(name.length <= 2 ? `${name}之印` : name)];
  const half = Math.ceil(chars.length / 2);
  const cols = [chars.slice(0, half).join(''), chars.slice(half).join('')];
  const pt = (size * 0.4) / PT;
  cols.forEach((c, i) =>
    [...c].forEach((ch, j) => p.write(x + size * (0.75 - i * 0.5), y + size * (0.45 + j * 0.42), ch, { face: 'serif-b', pt, align: 'center', color, silent: true })),
  );
}

/** Fine wavy security lines (certificates, bank paper). */
export function guilloche(p: Paper, x: number, y: number, w: number, h: number, color: string, rng: Rng): void {
  const ctx = p.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(0.5, p.px(0.08));
  const phase = rng.next() * 6;
  for (let k = 0; k < h / 2.2; k++) {
    ctx.beginPath();
    for (let t = 0; t <= w; t += 1.5) {
      const yy = y + k * 2.2 + Math.sin(t / 6 + k * 0.5 + phase) * 1.6;
      if (t === 0) ctx.moveTo(p.px(x + t), p.px(yy));
      else ctx.lineTo(p.px(x + t), p.px(yy));
    }
    ctx.stroke();
  }
  ctx.restore();
}

function star(ctx: SKRSContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    ctx.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
}
