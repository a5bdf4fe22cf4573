// JPEG/PNG → RGBA pixels for the command line, through the shared pure-JavaScript decoder
// (main/images), held to a photo's size. The camera path never needs this: the browser decodes
// frames itself.
import { readFile, stat } from 'node:fs/promises';
import { FaceError, type RgbaImage } from '../../domain/face';
import { MAX_IMAGE_BYTES, MAX_PHOTO_PIXELS } from '../../domain/images/size-policy';
import { decodeImage as decodeAny, ImageDecodeError, sniffFormat } from '../images/decode';

/** Decode JPEG or PNG bytes; anything else, a damaged file or one too big for a photo, is a FaceError BAD_IMAGE with the reason. */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const format = sniffFormat(bytes);
  if (format !== 'jpeg' && format !== 'png') throw new FaceError('BAD_IMAGE', bytes.length === 0 ? '图片文件是空的(0 字节)' : undefined);
  try {
    return decodeAny(bytes, { maxPixels: MAX_PHOTO_PIXELS });
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new FaceError('BAD_IMAGE', e.message);
    throw e;
  }
}

export async function decodeImageFile(file: string): Promise<RgbaImage> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    // A file too big for any photo is refused before it is read into memory.
    if (info.size > MAX_IMAGE_BYTES) throw new FaceError('BAD_IMAGE', `图片文件有 ${Math.round(info.size / 1024 / 1024)} MB,超过上限 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof FaceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new FaceError('BAD_IMAGE', code === 'ENOENT' ? `找不到图片文件:${file}` : `无法读取图片文件:${file}`);
  }
  return decodeImage(bytes);
}
