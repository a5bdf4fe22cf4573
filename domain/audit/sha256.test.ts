import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

// Vectors from FIPS 180-4 examples and NIST CAVS, plus UTF-8 and padding-boundary cases checked with sha256sum.
describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['深圳市公共租赁住房', 'e1fa973f1fb4ebbcf5df4d8f60d9a4326f33d56b57cf9d9ad4e6e43492ce48ad'],
    ['y'.repeat(64), 'ffbf30ab94107b2c14d75cfb455ec94f200400ddc5ce304e0c21894090db055f'],
    ['x'.repeat(119), '000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c'],
  ])('hashes %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('hashes one million "a"', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
