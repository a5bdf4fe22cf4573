// Photos and signatures as small images: a photo from the camera, downscaled, with the time and the
// unit burnt into its corner (the watermark stays with the picture wherever it goes).

export const PHOTO_MAX_WIDTH = 640;
export const PHOTO_QUALITY = 0.7;

/** Draws `source` (a video frame) into a JPEG data URL, watermarked with `lines` and the local time. */
export function watermarkedPhoto(source: HTMLVideoElement, lines: readonly string[], at: Date = new Date()): string {
  const scale = Math.min(1, PHOTO_MAX_WIDTH / Math.max(1, source.videoWidth));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(source.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(source.videoHeight * scale));
  const g = canvas.getContext('2d')!;
  g.drawImage(source, 0, 0, canvas.width, canvas.height);
  const stamp = [...lines, at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })];
  g.font = '16px sans-serif';
  const h = 22 * stamp.length + 8;
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.fillRect(0, canvas.height - h, canvas.width, h);
  g.fillStyle = '#fde68a';
  stamp.forEach((line, i) => g.fillText(line, 8, canvas.height - h + 22 * (i + 1)));
  return canvas.toDataURL('image/jpeg', PHOTO_QUALITY);
}
