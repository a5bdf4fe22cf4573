// The card's data: the 256-byte UTF-16LE text block (DOMAIN.md §5 field table), the 1024-byte WLT
// photo and the optional fingerprint block, as carried by the 30 01 / 30 10 replies.
import { type IdCard, VALID_TO_NO_EXPIRY } from '../../domain/devices';
import { toBase64 } from '../codec/base64';
import { type Decoded, decoded, rejected } from '../codec/stream';

export const TEXT_SIZE = 256;
export const PHOTO_SIZE = 1024;
export const FINGERPRINT_SIZE = 1024;

export type IdCardText = Omit<IdCard, 'photoWlt' | 'fingerprintData'>;
type TextField = keyof IdCardText;

/** Field, byte offset, byte width. */
const LAYOUT: ReadonlyArray<readonly [TextField, number, number]> = [
  ['name', 0, 30],
  ['genderCode', 30, 2],
  ['nationCode', 32, 4],
  ['birthDate', 36, 16],
  ['address', 52, 70],
  ['idNumber', 122, 36],
  ['issuer', 158, 30],
  ['validFrom', 188, 16],
  ['validTo', 204, 16],
];
const DATE_FIELDS: ReadonlySet<TextField> = new Set(['birthDate', 'validFrom', 'validTo']);

const utf16 = new TextDecoder('utf-16le');

export function decodeText(block: Uint8Array): Decoded<IdCardText> {
  if (block.length !== TEXT_SIZE) return rejected({ kind: 'CONTENT', detail: `text block is ${block.length} bytes, not ${TEXT_SIZE}` });
  const out: Partial<Record<TextField, string>> = {};
  for (const [field, at, width] of LAYOUT) {
    const raw = utf16.decode(block.subarray(at, at + width)).replace(/[\s\u0000]+$/u, '');
    if (!DATE_FIELDS.has(field)) {
      out[field] = raw;
      continue;
    }
    if (field === 'validTo' && raw === VALID_TO_NO_EXPIRY) {
      out[field] = raw;
      continue;
    }
    if (!/^\d{8}$/.test(raw)) return rejected({ kind: 'CONTENT', detail: `${field} is not YYYYMMDD: ${JSON.stringify(raw)}` });
    out[field] = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  }
  return decoded(out as IdCardText);
}

/** Encode card fields into the 256-byte block (space padded; over-long values are cut to width). */
export function encodeText(text: IdCardText): Uint8Array {
  const block = new Uint8Array(TEXT_SIZE);
  for (let i = 0; i < TEXT_SIZE; i += 2) block[i] = 0x20;
  for (const [field, at, width] of LAYOUT) {
    const value = DATE_FIELDS.has(field) ? text[field].replace(/-/g, '') : text[field];
    const chars = Math.min(value.length, width / 2);
    for (let i = 0; i < chars; i++) {
      const unit = value.charCodeAt(i);
      block[at + 2 * i] = unit & 0xff;
      block[at + 2 * i + 1] = unit >> 8;
    }
  }
  return block;
}

export interface CardData {
  readonly text: Uint8Array;
  readonly photo: Uint8Array;
  readonly fingerprint?: Uint8Array;
}

/** Split the data of a 30 01 (or 30 10 with `withFingerprint`) reply, checking the declared lengths. */
export function decodeCardData(data: Uint8Array, withFingerprint = false): Decoded<CardData> {
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) return rejected({ kind: 'CONTENT', detail: `card data of ${data.length} bytes has no length header` });
  const textLen = (data[0]! << 8) | data[1]!;
  const photoLen = (data[2]! << 8) | data[3]!;
  const fpLen = withFingerprint ? (data[4]! << 8) | data[5]! : 0;
  if (textLen !== TEXT_SIZE) return rejected({ kind: 'CONTENT', detail: `text length ${textLen}, expected ${TEXT_SIZE}` });
  if (photoLen !== PHOTO_SIZE) return rejected({ kind: 'CONTENT', detail: `photo length ${photoLen}, expected ${PHOTO_SIZE}` });
  if (fpLen > FINGERPRINT_SIZE) return rejected({ kind: 'CONTENT', detail: `fingerprint length ${fpLen} too large` });
  if (data.length !== head + textLen + photoLen + fpLen) {
    return rejected({ kind: 'CONTENT', detail: `card data is ${data.length} bytes, lengths say ${head + textLen + photoLen + fpLen}` });
  }
  const text = data.slice(head, head + textLen);
  const photo = data.slice(head + textLen, head + textLen + photoLen);
  if (!withFingerprint) return decoded({ text, photo });
  return decoded({ text, photo, fingerprint: data.slice(head + textLen + photoLen) });
}

export function encodeCardData(card: CardData): Uint8Array {
  const fp = card.fingerprint;
  const head = fp ? 6 : 4;
  const out = new Uint8Array(head + card.text.length + card.photo.length + (fp?.length ?? 0));
  out.set([card.text.length >> 8, card.text.length & 0xff, card.photo.length >> 8, card.photo.length & 0xff]);
  if (fp) out.set([fp.length >> 8, fp.length & 0xff], 4);
  out.set(card.text, head);
  out.set(card.photo, head + card.text.length);
  if (fp) out.set(fp, head + card.text.length + card.photo.length);
  return out;
}

/** The full card as the application sees it (photo and fingerprint kept as received, base64). */
export function decodeCard(data: Uint8Array, withFingerprint = false): Decoded<IdCard> {
  const parts = decodeCardData(data, withFingerprint);
  if (!parts.ok) return parts;
  const text = decodeText(parts.value.text);
  if (!text.ok) return text;
  const photoWlt = toBase64(parts.value.photo);
  const fp = parts.value.fingerprint;
  return decoded(fp ? { ...text.value, photoWlt, fingerprintData: toBase64(fp) } : { ...text.value, photoWlt });
}
