// `hws ocr IMAGE [--doc hukou|marriage|income|generic] [--json]`: reads a scanned certificate.
// Exit codes: 0 ok · 2 usage or missing file · 4 unreadable image or OCR failure.
import { readFileSync, statSync } from 'node:fs';
import { MAX_IMAGE_BYTES } from '../domain/images/size-policy';
import { DOC_KINDS, type DocKind, FIELD_LABELS, isDocKind } from '../domain/ocr/fields';
import { readPage } from '../domain/ocr/pipeline';
import { decodeImage, ImageDecodeError } from '../main/images/decode';
import { NodeOcrEngine } from '../main/ocr/engine';

export const OCR_EXIT = { ok: 0, usage: 2, image: 4 } as const;

const USAGE = '用法: hws ocr 图像文件.jpg|.png [--doc hukou|marriage|income|generic] [--json]';

interface OcrArgs {
  readonly image: string;
  readonly kind: DocKind;
  readonly json: boolean;
}

function parseArgs(argv: string[]): OcrArgs | string {
  let image: string | undefined;
  let kind: DocKind = 'generic';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--doc' || a.startsWith('--doc=')) {
      const v = a.includes('=') ? a.slice(6) : argv[++i];
      if (!v || !isDocKind(v)) return `--doc 只能是 ${DOC_KINDS.join(' | ')}`;
      kind = v;
    } else if (a.startsWith('--')) return `未知参数 ${a}`;
    else if (image === undefined) image = a;
    else return `多余的参数 ${a}`;
  }
  return image === undefined ? '缺少图像文件' : { image, kind, json };
}

export async function ocrCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return OCR_EXIT.usage;
  }
  let bytes: Uint8Array;
  try {
    const info = statSync(args.image);
    if (!info.isFile()) throw new Error('not a file');
    // A file too big for any scan is refused before it is read into memory.
    if (info.size > MAX_IMAGE_BYTES) {
      console.error(`图像文件有 ${Math.round(info.size / 1024 / 1024)} MB,超过上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB,请降低扫描分辨率`);
      return OCR_EXIT.image;
    }
    bytes = readFileSync(args.image);
  } catch {
    console.error(`找不到图像文件: ${args.image}`);
    return OCR_EXIT.usage;
  }
  let image: ReturnType<typeof decodeImage>;
  try {
    // Decoded before the engine starts: a refused image costs neither the OCR models nor their memory.
    image = decodeImage(bytes);
  } catch (e) {
    console.error(e instanceof ImageDecodeError ? e.message : `无法读取图像: ${e instanceof Error ? e.message : String(e)}`);
    return OCR_EXIT.image;
  }
  const engine = new NodeOcrEngine();
  try {
    const result = await readPage(image, engine, { kind: args.kind });
    if (args.json) {
      console.log(JSON.stringify({ text: result.text, fields: result.fields, confidence: result.confidence }, null, 2));
    } else {
      console.log(result.text);
      for (const [name, value] of Object.entries(result.fields)) {
        const c = result.confidence[name] ?? 0;
        const note = result.notes[name] ? `  (${result.notes[name]})` : '';
        console.log(`${FIELD_LABELS[name] ?? name}: ${value}  [置信度 ${Math.round(c * 100)}%]${note}`);
      }
    }
    return OCR_EXIT.ok;
  } catch (e) {
    console.error(e instanceof ImageDecodeError ? e.message : `识别失败: ${e instanceof Error ? e.message : String(e)}`);
    return OCR_EXIT.image;
  } finally {
    await engine.close().catch(() => undefined);
  }
}
