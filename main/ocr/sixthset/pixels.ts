// Canvas ↔ RGBA helpers shared by the sixth set's captures.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../domain/ocr/image';

export const pixels = (c: Canvas): RgbaImage => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  return { width: c.width, height: c.height, data: new Uint8ClampedArray(d.data) };
};

export function toCanvas(img: RgbaImage): Canvas {
  const c = createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  const d = g.createImageData(img.width, img.height);
  d.data.set(img.data);
  g.putImageData(d, 0, 0);
  return c;
}

export function roundRect(g: ReturnType<Canvas['getContext']>, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}
