import { describe, expect, it } from 'vitest';
import { importFieldKeys, lookupHash, openText, sealText, toBase64 } from './sealing';

const key = (fill: number) => toBase64(new Uint8Array(32).fill(fill));

describe('field sealing', () => {
  it('seals and opens a value; the sealed text does not contain it', async () => {
    const keys = await importFieldKeys(key(1), key(2));
    const sealed = await sealText(keys.data, '11010519491231002X');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('11010519491231002X');
    expect(await openText(keys.data, sealed)).toBe('11010519491231002X');
  });

  it('refuses to open with another key', async () => {
    const a = await importFieldKeys(key(1), key(2));
    const b = await importFieldKeys(key(3), key(2));
    await expect(openText(b.data, await sealText(a.data, 'secret'))).rejects.toThrow();
  });

  it('hashes the same ID number alike regardless of case of the X, and differently per key', async () => {
    const a = await importFieldKeys(key(1), key(2));
    const b = await importFieldKeys(key(1), key(9));
    const h = await lookupHash(a.lookup, '11010519491231002X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await lookupHash(a.lookup, '11010519491231002x')).toBe(h);
    expect(await lookupHash(b.lookup, '11010519491231002X')).not.toBe(h);
  });
});
