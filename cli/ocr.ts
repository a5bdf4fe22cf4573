// `hws ocr IMAGE… [--doc hukou|marriage|income|generic] [--json]`: reads scanned certificates.
// Exit codes: 0 ok · 2 usage or missing file · 4 unreadable image or OCR failure.
import { readFileSync, statSync } from 'node:fs';
import { MAX_IMAGE_BYTES } from '../domain/images/size-policy';
import { type DocKind, FIELD_LABELS } from '../domain/ocr/fields';
import { readDocument } from '../domain/ocr/document';
import { decodeImage, ImageDecodeError } from '../main/images/decode';
import { createReaders } from '../main/ocr/readers';

export const OCR_EXIT = { ok: 0, usage: 2, image: 4 } as const;

/** One image read and decoded, or the exit code and message that refuse it. */
function loadImage(file: string): ReturnType<typeof decodeImage> | { code: number; message: string } {
  let bytes: Uint8Array;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new Error('not a file');
    // A file too big for any scan is refused before it is read into memory.
    if (info.size > MAX_IMAGE_BYTES) {
      return { code: OCR_EXIT.image, message: `${file}:图像文件有 ${Math.round(info.size / 1024 / 1024)} MB,超过上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB,请降低扫描分辨率` };
    }
    bytes = readFileSync(file);
  } catch {
    return { code: OCR_EXIT.usage, message: `找不到图像文件: ${file}` };
  }
  try {
    return decodeImage(bytes);
  } catch (e) {
    return { code: OCR_EXIT.image, message: e instanceof ImageDecodeError ? `${file}:${e.message}` : `无法读取图像 ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * `hws ocr IMAGE…`: every image is checked and decoded before the engine starts (a refused image
 * costs neither the OCR models nor their memory); then one engine reads them all, so each page
 * after the first costs only its recognition. Two models read each page: PaddleOCR, then tesseract
 * voting with it (main/ocr/readers.ts). The exit code is the worst of the pages'.
 */
export async function ocrCommand(images: readonly string[], args: { doc?: DocKind; json?: boolean }): Promise<number> {
  const kind = args.doc ?? 'generic';
  const loaded = images.map((file) => ({ file, image: loadImage(file) }));
  let code: number = OCR_EXIT.ok;
  for (const { image } of loaded) {
    if ('code' in image) {
      console.error(image.message);
      code = Math.max(code, image.code);
    }
  }
  const readable = loaded.filter((l): l is { file: string; image: ReturnType<typeof decodeImage> } => !('code' in l.image));
  if (readable.length === 0) return code;
  const readers = createReaders();
  const several = images.length > 1;
  const pages: Record<string, unknown>[] = [];
  try {
    for (const { file, image } of readable) {
      try {
        const result = await readDocument(image, readers.first, { kind, second: readers.second });
        if (args.json) pages.push({ ...(several ? { file } : {}), ...(result.turned ? { turned: result.turned } : {}), text: result.text, fields: result.fields, confidence: result.confidence });
        else {
          if (several) console.log(`== ${file} ==`);
          if (result.turned) console.log(`(页面顺时针转了 ${result.turned}°,已转正后识别)`);
          console.log(result.text);
          for (const [name, value] of Object.entries(result.fields)) {
            const c = result.confidence[name] ?? 0;
            const note = result.notes[name] ? `  (${result.notes[name]})` : '';
            console.log(`${FIELD_LABELS[name] ?? name}: ${value}  [置信度 ${Math.round(c * 100)}%]${note}`);
          }
        }
      } catch (e) {
        console.error(`${file}:${e instanceof ImageDecodeError ? e.message : `识别失败: ${e instanceof Error ? e.message : String(e)}`}`);
        code = Math.max(code, OCR_EXIT.image);
      }
    }
    if (args.json) console.log(JSON.stringify(several ? pages : pages[0], null, 2));
    return code;
  } finally {
    await readers.close();
  }
}
