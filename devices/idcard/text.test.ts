import { describe, expect, it } from 'vitest';
import { GENDERS, NATIONS, genderName, nationName } from '../../domain/devices';
import { PHOTO_SIZE, TEXT_SIZE, decodeCard, decodeCardData, decodeText, encodeCardData, encodeText, type IdCardText } from './text';

const text: IdCardText = {
  name: '陈晓梅',
  genderCode: '2',
  nationCode: '01',
  birthDate: '1988-03-15',
  address: '广东省深圳市福田区福华路123号福华苑5栋1203房',
  idNumber: '44030419880315002X',
  issuer: '深圳市公安局福田分局',
  validFrom: '2016-05-20',
  validTo: '2036-05-20',
};

describe('ID card text block', () => {
  it('is UTF-16LE padded with spaces at the documented offsets', () => {
    const block = encodeText(text);
    expect(block.length).toBe(TEXT_SIZE);
    expect([...block.subarray(0, 6)]).toEqual([0x48, 0x96, 0x53, 0x66, 0x85, 0x68]); // 陈晓梅 U+9648 U+6653 U+6885
    expect([...block.subarray(6, 8)]).toEqual([0x20, 0x00]);
    expect(String.fromCharCode(block[30]!)).toBe('2');
    expect(new TextDecoder('utf-16le').decode(block.subarray(36, 52))).toBe('19880315');
    expect(new TextDecoder('utf-16le').decode(block.subarray(122, 158))).toBe('44030419880315002X');
  });
  it('decodes back to the fields with ISO dates', () => {
    expect(decodeText(encodeText(text))).toEqual({ ok: true, value: text });
  });
  it('keeps 长期 as the end of validity', () => {
    const r = decodeText(encodeText({ ...text, validTo: '长期' }));
    expect(r.ok && r.value.validTo).toBe('长期');
  });
  it('rejects a block with a broken date as CONTENT', () => {
    const block = encodeText(text);
    block[36] = 0x41;
    expect(decodeText(block)).toMatchObject({ ok: false, error: { kind: 'CONTENT' } });
    expect(decodeText(block.subarray(0, 100))).toMatchObject({ ok: false, error: { kind: 'CONTENT' } });
  });
});

describe('card data of the 30 01 reply', () => {
  const photo = Uint8Array.from({ length: PHOTO_SIZE }, (_, i) => i & 0xff);
  it('round-trips text and photo, photo kept as received', () => {
    const data = encodeCardData({ text: encodeText(text), photo });
    expect(data.length).toBe(4 + 256 + 1024);
    expect([...data.subarray(0, 4)]).toEqual([0x01, 0x00, 0x04, 0x00]);
    const card = decodeCard(data);
    expect(card.ok && card.value.name).toBe('陈晓梅');
    expect(card.ok && Buffer.from(card.value.photoWlt, 'base64').equals(Buffer.from(photo))).toBe(true);
  });
  it('carries the fingerprint block of 30 10', () => {
    const fingerprint = new Uint8Array(1024).fill(7);
    const data = encodeCardData({ text: encodeText(text), photo, fingerprint });
    expect(data.length + 3 + 1).toBe(0x090a);
    const r = decodeCardData(data, true);
    expect(r.ok && r.value.fingerprint?.length).toBe(1024);
  });
  it('rejects wrong declared lengths', () => {
    const data = encodeCardData({ text: encodeText(text), photo });
    data[2] = 0x05;
    expect(decodeCardData(data)).toMatchObject({ ok: false, error: { kind: 'CONTENT' } });
    expect(decodeCardData(data.subarray(0, 3))).toMatchObject({ ok: false });
  });
});

describe('code tables', () => {
  it('has all 56 nations plus 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('77')).toContain('未知');
  });
  it('names the genders', () => {
    expect(Object.keys(GENDERS)).toEqual(['0', '1', '2', '9']);
    expect(genderName('1')).toBe('男');
  });
});
