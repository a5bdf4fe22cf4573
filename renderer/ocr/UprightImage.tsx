// A scanned page shown the way it was read: a page that lay turned (upside down, on its side) is
// drawn turned back, so the clerk compares each field with text that reads left to right.
import { useEffect, useRef } from 'react';
import type { QuarterTurn } from '../../domain/ocr/image';

export function UprightImage({ url, turned, alt }: { url: string; turned: QuarterTurn; alt: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (turned === 0) return;
    const image = new Image();
    image.onload = () => {
      const c = canvas.current;
      if (!c) return;
      const side = turned === 90 || turned === 270;
      c.width = side ? image.naturalHeight : image.naturalWidth;
      c.height = side ? image.naturalWidth : image.naturalHeight;
      const g = c.getContext('2d')!;
      // The page lay turned `turned` degrees clockwise: turning it back is the same angle anticlockwise.
      g.translate(c.width / 2, c.height / 2);
      g.rotate((-turned * Math.PI) / 180);
      g.drawImage(image, -image.naturalWidth / 2, -image.naturalHeight / 2);
    };
    image.src = url;
  }, [url, turned]);
  const style = { width: '100%', border: '1px solid #ddd' };
  if (turned === 0) return <img src={url} alt={alt} style={style} />;
  return <canvas ref={canvas} role="img" aria-label={alt} data-testid="ocr-page-upright" data-turned={turned} style={style} />;
}
