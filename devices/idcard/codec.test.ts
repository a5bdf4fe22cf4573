import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../codec/stream';
import { SAM_COMMANDS, type SamCommand, commandOf, decodeReply, decodeSamFrame, encodeReply, encodeRequest, requestOf, samStreamDecoder } from './codec';
import { sw3Meaning } from './sw3';

// Request frames exactly as printed in DOMAIN.md §5.
const TABLE: Record<SamCommand, string> = {
  resetSam: 'AA AA AA 96 69 00 03 10 FF EC',
  samStatus: 'AA AA AA 96 69 00 03 11 FF ED',
  readSamId: 'AA AA AA 96 69 00 03 12 FF EE',
  findCard: 'AA AA AA 96 69 00 03 20 01 22',
  selectCard: 'AA AA AA 96 69 00 03 20 02 21',
  readText: 'AA AA AA 96 69 00 03 30 01 32',
  readNewAddress: 'AA AA AA 96 69 00 03 30 03 30',
  readWithFingerprint: 'AA AA AA 96 69 00 03 30 10 23',
};

describe('SAM request encoding', () => {
  for (const [name, bytes] of Object.entries(TABLE)) {
    it(`encodes ${name} as ${bytes}`, () => {
      expect(hex(encodeRequest(name as SamCommand))).toBe(bytes);
    });
    it(`decodes ${name} back to its command`, () => {
      const frame = decodeSamFrame(fromHex(bytes));
      expect(frame.ok).toBe(true);
      if (!frame.ok) return;
      const req = requestOf(frame.value);
      expect(req.ok && commandOf(req.value)).toBe(name);
    });
  }
  it('has one entry per table row', () => expect(Object.keys(SAM_COMMANDS).sort()).toEqual(Object.keys(TABLE).sort()));
});

describe('SAM reply decoding', () => {
  it('decodes a find-card ok reply (SW3 9F, 4 data bytes)', () => {
    const bytes = encodeReply(0x9f, Uint8Array.of(0, 0, 0, 0));
    expect(hex(bytes)).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    const r = decodeReply(bytes);
    expect(r).toEqual({ ok: true, value: { sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) } });
  });
  it('decodes a no-card reply and maps SW3 80 to NO_CARD', () => {
    const r = decodeReply(fromHex('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(r.ok && sw3Meaning(r.value.sw3).status).toBe('NO_CARD');
  });
  it('rejects a bad checksum with both values', () => {
    expect(decodeReply(fromHex('AA AA AA 96 69 00 04 00 00 80 85'))).toEqual({
      ok: false,
      error: { kind: 'CHECKSUM', expected: 0x84, actual: 0x85 },
    });
  });
  it('rejects impossible lengths, truncation, missing header and trailing bytes', () => {
    expect(decodeReply(fromHex('AA AA AA 96 69 00 01 00 01'))).toMatchObject({ error: { kind: 'LENGTH', length: 1 } });
    expect(decodeReply(fromHex('AA AA AA 96 69 FF FF 00'))).toMatchObject({ error: { kind: 'LENGTH', length: 0xffff } });
    expect(decodeReply(fromHex('AA AA AA 96 69 00 04 00 00'))).toMatchObject({ error: { kind: 'TRUNCATED' } });
    expect(decodeReply(fromHex('AA AA 96 69 00 04 00 00 80 84'))).toMatchObject({ error: { kind: 'NO_HEADER' } });
    expect(decodeReply(fromHex('AA AA AA 96 69 00 04 00 00 80 84 00'))).toMatchObject({ error: { kind: 'TRAILING', extra: 1 } });
    // A request-sized frame (LEN 3) cannot be a reply: SW1 SW2 SW3 are missing.
    expect(decodeReply(fromHex('AA AA AA 96 69 00 03 20 01 22'))).toMatchObject({ error: { kind: 'LENGTH' } });
  });
  it('explains unknown SW3 values', () => {
    expect(sw3Meaning(0x41).message).toContain('读卡失败');
    expect(sw3Meaning(0x55)).toMatchObject({ status: 'UNKNOWN' });
  });
});

describe('SAM stream decoder', () => {
  const ok = encodeReply(0x90, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  it('reassembles a frame fed one byte at a time', () => {
    const d = samStreamDecoder();
    const events = [...ok].flatMap((b) => d.push(Uint8Array.of(b)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: true });
    expect(d.buffered).toBe(0);
  });
  it('skips stray bytes, including lookalike header prefixes', () => {
    const d = samStreamDecoder();
    const events = d.push(Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0xaa, ...ok));
    expect(events).toEqual([{ ok: true, value: { body: Uint8Array.of(0, 0, 0x90, 1, 2, 3, 4, 5, 6, 7, 8) } }]);
    expect(d.skipped).toBe(8);
  });
  it('reports a corrupt frame and still finds the next good one', () => {
    const bad = ok.slice();
    bad[bad.length - 1]! ^= 0xff;
    const d = samStreamDecoder();
    const events = d.push(Uint8Array.of(...bad, ...ok));
    expect(events.map((e) => (e.ok ? 'frame' : e.error.kind))).toEqual(['CHECKSUM', 'frame']);
  });
  it('rejects an impossible length without waiting for 64 KiB', () => {
    const d = samStreamDecoder();
    const events = d.push(Uint8Array.of(...fromHex('AA AA AA 96 69 F0 00'), ...ok));
    expect(events.map((e) => (e.ok ? 'frame' : e.error.kind))).toEqual(['LENGTH', 'frame']);
  });
  it('waits on a partial frame', () => {
    const d = samStreamDecoder();
    expect(d.push(ok.subarray(0, 9))).toEqual([]);
    expect(d.push(ok.subarray(9))).toHaveLength(1);
  });
});
