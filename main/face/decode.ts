// JPEG/PNG → RGBA pixels for the command line, through the shared pure-JavaScript decoder
// (main/images). The camera path never needs this: the browser decodes frames itself.
import { readFile } from 'node:fs/promises';
import { FaceError, type RgbaImage } from '../../domain/face';
import { decodeImage as decodeAny, ImageDecodeError, sniffFormat } from '../images/decode';

/** Decode JPEG or PNG bytes; anything else, or a damaged file, is a FaceError BAD_IMAGE with the reason. */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const format = sniffFormat(bytes);
  if (format !== 'jpeg' && format !== 'png') throw new FaceError('BAD_IMAGE');
  try {
    return decodeAny(bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new FaceError('BAD_IMAGE', e.message);
    throw e;
  }
}

export async function decodeImageFile(file: string): Promise<RgbaImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FaceError('BAD_IMAGE', code === 'ENOENT' ? `找不到图片文件:${file}` : `无法读取图片文件:${file}`);
  }
  return decodeImage(bytes);
}
