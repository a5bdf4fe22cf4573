// Field sealing with WebCrypto (present in browsers, Electron and Node): AES-256-GCM for
// sensitive values, HMAC-SHA-256 for the keyed hashes used to look them up.

export const SEALED_PREFIX = 'v1:';

const subtle = (): SubtleCrypto => {
  if (!globalThis.crypto?.subtle) throw new Error('WebCrypto is not available in this runtime');
  return globalThis.crypto.subtle;
};

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export interface FieldKeys {
  readonly data: CryptoKey;
  readonly lookup: CryptoKey;
}

export async function importFieldKeys(dataKeyB64: string, lookupKeyB64: string): Promise<FieldKeys> {
  const [data, lookup] = await Promise.all([
    subtle().importKey('raw', fromBase64(dataKeyB64), 'AES-GCM', false, ['encrypt', 'decrypt']),
    subtle().importKey('raw', fromBase64(lookupKeyB64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { data, lookup };
}

export async function sealBytes(key: CryptoKey, clear: Uint8Array<ArrayBuffer>): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const body = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, clear));
  const out = new Uint8Array(12 + body.length);
  out.set(iv);
  out.set(body, 12);
  return SEALED_PREFIX + toBase64(out);
}

export async function openBytes(key: CryptoKey, sealed: string): Promise<Uint8Array> {
  if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed value');
  const bytes = fromBase64(sealed.slice(SEALED_PREFIX.length));
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12)));
}

export const sealText = (key: CryptoKey, clear: string): Promise<string> => sealBytes(key, new TextEncoder().encode(clear));
export const openText = async (key: CryptoKey, sealed: string): Promise<string> => new TextDecoder().decode(await openBytes(key, sealed));

/** Keyed hash (hex) of a normalised value; the same person hashes alike on every workstation. */
export async function lookupHash(key: CryptoKey, value: string): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', key, new TextEncoder().encode(value.trim().toUpperCase())));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

export { fromBase64, toBase64 };
