import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '深圳' }, u: undefined })).toBe(
      '{"a":{"c":"深圳","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same for objects built in different key order', () => {
    expect(canonicalJson({ x: 1, y: null, z: true })).toBe(canonicalJson({ z: true, y: null, x: 1 }));
  });

  it('escapes strings like JSON and refuses non-JSON values', () => {
    expect(canonicalJson('a"b\n')).toBe('"a\\"b\\n"');
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});
