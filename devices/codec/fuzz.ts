// Deterministic random byte generation for the codec fuzz tests.

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randInt = (r: () => number, n: number): number => Math.floor(r() * n);

export const randomBytes = (r: () => number, n: number): Uint8Array => Uint8Array.from({ length: n }, () => randInt(r, 256));

/** A valid frame with one random mutation: flip, overwrite, insert, delete, truncate or extend. */
export function mutate(r: () => number, frame: Uint8Array): Uint8Array {
  const bytes = [...frame];
  const at = randInt(r, bytes.length);
  switch (randInt(r, 6)) {
    case 0:
      bytes[at] = bytes[at]! ^ (1 << randInt(r, 8));
      break;
    case 1:
      bytes[at] = randInt(r, 256);
      break;
    case 2:
      bytes.splice(at, 0, randInt(r, 256));
      break;
    case 3:
      bytes.splice(at, 1);
      break;
    case 4:
      bytes.length = at;
      break;
    default:
      bytes.push(...randomBytes(r, 1 + randInt(r, 8)));
  }
  return Uint8Array.from(bytes);
}
