// Cards for the ID card simulator, from JSON files shaped like `hws idcard read --json` output.
import { readFileSync } from 'node:fs';
import { checkIdNumber } from '../../domain/identity/idnumber';
import { fromBase64 } from '../codec/base64';
import { PHOTO_SIZE, type IdCardText } from '../idcard/text';

export interface SimCard {
  readonly text: IdCardText;
  /** 1024 bytes standing in for the encrypted WLT photo. */
  readonly photo: Uint8Array;
}

const FIELDS = ['name', 'genderCode', 'nationCode', 'birthDate', 'address', 'idNumber', 'issuer', 'validFrom', 'validTo'] as const;

/** Parse a card; throws an Error naming the problem (a simulator setup mistake, not a device error). */
export function parseCard(json: unknown, source = 'card'): SimCard {
  if (typeof json !== 'object' || json === null) throw new Error(`${source}: not a JSON object`);
  const obj = json as Record<string, unknown>;
  const text = {} as Record<(typeof FIELDS)[number], string>;
  for (const f of FIELDS) {
    const v = obj[f];
    if (typeof v !== 'string') throw new Error(`${source}: field "${f}" must be a string`);
    text[f] = v;
  }
  const id = checkIdNumber(text.idNumber);
  if (!id.valid) throw new Error(`${source}: idNumber ${text.idNumber}: ${id.message}`);
  const photo = typeof obj.photoWlt === 'string' ? fromBase64(obj.photoWlt) : fakePhoto(text.idNumber);
  if (photo.length !== PHOTO_SIZE) throw new Error(`${source}: photoWlt must be ${PHOTO_SIZE} bytes, got ${photo.length}`);
  return { text, photo };
}

export function loadCard(file: string): SimCard {
  return parseCard(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}

/** Deterministic stand-in photo bytes derived from the ID number (not a real WLT image). */
export function fakePhoto(seedText: string): Uint8Array {
  let s = 2166136261;
  for (const ch of seedText) s = Math.imul(s ^ ch.charCodeAt(0), 16777619) >>> 0;
  const out = new Uint8Array(PHOTO_SIZE);
  out.set([0x57, 0x4c, 0x66, 0x00]); // "WLf\0": marks simulator data
  for (let i = 4; i < PHOTO_SIZE; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}
