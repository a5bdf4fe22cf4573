// Authority by signature: every decision, case event and audit entry carries its actor's ECDSA
// P-256 signature (WebCrypto, the same in Node and the browser). A key pair is made on the
// workstation at the user's first online sign-in; the private key never leaves it (kept sealed in
// the credential cache like the data keys) and the public key is registered on the server as a
// `staff_key` document that only that user may create (domain/sync/staff-keys.ts).
import { canonicalJson } from '../audit/canonical-json';
import { sha256Hex } from '../audit/sha256';
import { fromBase64, toBase64 } from './sealing';

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** What a signed document carries. */
export interface Signature {
  readonly alg: 'ES256';
  /** Which of the actor's registered keys signed (first 16 hex digits of the SHA-256 of its SPKI). */
  readonly keyId: string;
  /** Base64 of the 64-byte r‖s signature over the document's canonical JSON without storage fields and itself. */
  readonly value: string;
}

/** A user's key pair as the credential cache keeps it (base64 PKCS#8 and SPKI). */
export interface SigningKeyPair {
  readonly keyId: string;
  readonly privateKey: string;
  readonly publicKey: string;
}

/** Fields that are not part of what was signed: storage bookkeeping and the signature itself. */
const UNSIGNED = new Set(['_rev', '_revisions', '_attachments', '_conflicts', '_deleted', '_meta', '_local_seq', 'signature']);

/** The exact bytes a signature covers: canonical JSON of the document without storage fields (CouchDB's `_id` is the workstation's `id`). */
export function signedText(doc: Record<string, unknown>): string {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (UNSIGNED.has(k)) continue;
    body[k === '_id' ? 'id' : k] = v;
  }
  return canonicalJson(body);
}

export const keyIdOf = (spkiB64: string): string => sha256Hex(spkiB64).slice(0, 16);

export async function generateSigningKey(): Promise<SigningKeyPair> {
  const pair = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** A signer holds its private key as a non-extractable CryptoKey. */
export interface Signer {
  readonly keyId: string;
  sign(doc: Record<string, unknown>): Promise<Signature>;
}

export async function importSigner(pair: Pick<SigningKeyPair, 'keyId' | 'privateKey'>): Promise<Signer> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(pair.privateKey) as Uint8Array<ArrayBuffer>, ALG, false, ['sign']);
  return {
    keyId: pair.keyId,
    async sign(doc) {
      const sig = await crypto.subtle.sign(SIGN, key, new TextEncoder().encode(signedText(doc)));
      return { alg: 'ES256', keyId: pair.keyId, value: toBase64(new Uint8Array(sig)) };
    },
  };
}

/** Signs a document: the same document with its `signature`. */
export async function signDoc<T extends Record<string, unknown>>(signer: Signer, doc: T): Promise<T & { signature: Signature }> {
  const { signature: _old, ...rest } = doc as T & { signature?: unknown };
  return { ...(rest as T), signature: await signer.sign(rest) };
}

/** Imported public keys: readers check thousands of records by a few dozen keys, and importing costs more than verifying. */
const verifyKeys = new Map<string, Promise<CryptoKey>>();
const VERIFY_KEYS_MAX = 1_000;
function verifyKey(publicKeyB64: string): Promise<CryptoKey> {
  let key = verifyKeys.get(publicKeyB64);
  if (!key) {
    if (verifyKeys.size >= VERIFY_KEYS_MAX) verifyKeys.clear();
    key = crypto.subtle.importKey('spki', fromBase64(publicKeyB64) as Uint8Array<ArrayBuffer>, ALG, false, ['verify']);
    key.catch(() => verifyKeys.delete(publicKeyB64));
    verifyKeys.set(publicKeyB64, key);
  }
  return key;
}

/** Checks a signature with a public key (base64 SPKI); false for anything malformed, never a throw. */
export async function verifySignature(publicKeyB64: string, doc: Record<string, unknown>): Promise<boolean> {
  const sig = doc.signature as Partial<Signature> | undefined;
  if (!sig || sig.alg !== 'ES256' || typeof sig.value !== 'string' || sig.keyId !== keyIdOf(publicKeyB64)) return false;
  try {
    const key = await verifyKey(publicKeyB64);
    const bytes = fromBase64(sig.value);
    if (bytes.length !== 64) return false;
    return await crypto.subtle.verify(SIGN, key, bytes as Uint8Array<ArrayBuffer>, new TextEncoder().encode(signedText(doc)));
  } catch {
    return false;
  }
}
