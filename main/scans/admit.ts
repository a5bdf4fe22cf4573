// A scan entering the workstation from the scanner folder, under the shared policy
// (domain/images/size-policy assessScan): kept as it is, shrunk to A4 at 300 dpi as JPEG with a
// notice for the clerk, or refused with the reason. Nothing larger reaches the intake or its autosave.
import { AppError } from '../../domain/errors';
import { assessScan } from '../../domain/images/size-policy';
import type { ScanFileContent } from '../../domain/ipc/scans';
import type { RgbaImage } from '../../domain/ocr/image';
import { decodeImage, ImageDecodeError } from '../images/decode';
import { encodeJpeg, shrink } from '../images/shrink';

export function admitScan(name: string, mimeType: string, bytes: Buffer): ScanFileContent {
  const verdict = assessScan(bytes);
  if (verdict.action === 'refuse') {
    throw new AppError(verdict.code === 'IMAGE_TOO_LARGE' ? 'SCAN_TOO_LARGE' : 'SCAN_BAD_IMAGE', `扫描文件 ${name}:${verdict.message}`);
  }
  if (verdict.action === 'keep') {
    // A PNG is cheap to check whole (its data may not unpack to more than its header says); JPEGs are left to the page's codec, bounded by their header.
    if (verdict.header.format === 'png') decodeOrRefuse(name, bytes);
    return { name, mimeType, dataBase64: bytes.toString('base64') };
  }
  if (verdict.header.format === 'bmp' || verdict.header.format === 'webp') {
    throw new AppError('SCAN_TOO_LARGE', `扫描文件 ${name} 过大(${verdict.header.width}×${verdict.header.height}),请以 JPEG 格式、300 dpi 重新扫描`);
  }
  const jpeg = encodeJpeg(shrink(decodeOrRefuse(name, bytes), verdict.width, verdict.height));
  return { name, mimeType: 'image/jpeg', dataBase64: Buffer.from(jpeg).toString('base64'), notice: verdict.message };
}

function decodeOrRefuse(name: string, bytes: Buffer): RgbaImage {
  try {
    return decodeImage(bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new AppError('SCAN_BAD_IMAGE', `扫描文件 ${name}:${e.message}`);
    throw e;
  }
}
